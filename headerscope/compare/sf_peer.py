"""http-sf (mnot's Structured Field Values library) on every Structured Field we register.

The field's kind (SF_ITEM, SF_LIST, SF_DICT) picks http-sf's top-level type. The comparison
is at the level of RFC 9651's data model: our side is `headers.sf` on the same text, not the
field's typed view, so a value that is good SF but breaks the field's own rules (Priority
"u=9") shows as "we reject", explained by RFC 9651, 2.2.

Both sides map to one normal form: an Item is [bare, params], an Inner List
{"inner": [items], "params": params}, a Dictionary and Parameters lists of [key, value] pairs
(their order is part of the value), and a bare item that JSON would blur is tagged:
{"token": ...}, {"decimal": "2.5"}, {"base64": ...}, {"date": seconds}, {"display": ...}.
"""

from __future__ import annotations

import base64
from datetime import datetime
from decimal import Decimal
from types import ModuleType
from typing import Any

from ..headers import REGISTRY, FieldError, Kind, sf
from ..headers._shared.json import decimal_text
from ._model import Adapter, Case, Normal, Peer, Rejected

_TYPES: dict[Kind, sf.FieldType] = {
    Kind.SF_ITEM: "item", Kind.SF_LIST: "list", Kind.SF_DICT: "dictionary"}


def _ours_bare(v: object) -> Normal:
    if isinstance(v, bool | int | str):
        return v
    if isinstance(v, Decimal):
        return {"decimal": decimal_text(v)}
    if isinstance(v, bytes):
        return {"base64": base64.b64encode(v).decode("ascii")}
    if isinstance(v, sf.Token):
        return {"token": v.value}
    if isinstance(v, sf.DisplayString):
        return {"display": v.value}
    if isinstance(v, sf.Date):
        return {"date": v.seconds}
    raise TypeError(f"not an SF bare item: {type(v).__name__}")


def _ours_member(m: sf.Member) -> Normal:
    params = [[k, _ours_bare(v)] for k, v in m.params.items()]
    if isinstance(m, sf.InnerList):
        return {"inner": [_ours_member(i) for i in m.items], "params": params}
    return [_ours_bare(m.value), params]


def ours_normal(value: Any) -> Normal:
    if isinstance(value, dict):
        return [[k, _ours_member(m)] for k, m in value.items()]
    if isinstance(value, tuple):
        return [_ours_member(m) for m in value]
    return _ours_member(value)


def build(module: ModuleType) -> dict[str, Adapter]:
    import http_sf

    def bare(v: object) -> Normal:
        if isinstance(v, bool | int) or type(v) is str:
            return v
        if isinstance(v, Decimal):
            return {"decimal": decimal_text(v)}
        if isinstance(v, bytes):
            return {"base64": base64.b64encode(v).decode("ascii")}
        if isinstance(v, http_sf.Token):
            return {"token": str(v)}
        if isinstance(v, http_sf.DisplayString):
            return {"display": str(v)}
        if isinstance(v, datetime):
            return {"date": int(v.timestamp())}
        raise TypeError(f"not an SF bare item: {type(v).__name__}")

    def member(m: Any) -> Normal:
        value, params = m if isinstance(m, tuple) else (m, {})
        pairs = [[k, bare(v)] for k, v in params.items()]
        if isinstance(value, list):
            return {"inner": [member(i) for i in value], "params": pairs}
        return [bare(value), pairs]

    def reader(field_type: str) -> Any:
        def read(raw: str) -> Normal:
            try:
                value = http_sf.parse(raw.encode("latin-1"), tltype=field_type)
            except http_sf.StructuredFieldError as exc:
                raise Rejected(f"{exc} (at {exc.position})") from None
            if field_type == "dictionary":
                return [[k, member(m)] for k, m in value.items()]  # type: ignore[union-attr]
            if field_type == "list":
                return [member(m) for m in value]  # type: ignore[union-attr]
            return member(value)

        return read

    def ours(field_type: sf.FieldType) -> Any:
        return lambda f: ours_normal(sf.parse(f.raw, field_type))

    return {spec.key: Adapter(f"http_sf.parse(tltype={t!r})", reader(t), ours(t), _explain)
            for spec in REGISTRY if (t := _TYPES.get(spec.kind)) is not None}


def _explain(case: Case) -> str | None:
    if case.theirs is None and "Date value out of range" in case.complaint:
        return "sf-date-range"
    if case.ours is None and case.theirs is not None:
        if _sf_syntax_ok(case):
            return "sf-field-rules"
        error = case.field.error
        if error is not None and ("padding" in error.reason or "base64" in error.reason):
            return "sf-base64"
    return None


def _sf_syntax_ok(case: Case) -> bool:
    spec = case.field.spec
    field_type = _TYPES.get(spec.kind) if spec is not None else None
    if field_type is None:
        return False
    try:
        sf.parse(case.raw, field_type)
    except FieldError:
        return False
    return True


PEER = Peer("http-sf", "http_sf", "http-sf", build)
