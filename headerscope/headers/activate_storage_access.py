"""Activate-Storage-Access: use a storage-access permission the user already granted.

Storage Access Headers (privacycg), the response half of Sec-Fetch-Storage-Access. A
Structured Field Item, a Token from a closed set:

    Activate-Storage-Access = sf-token   ; retry; allowed-origin="https://example.com"
                                         ; retry; allowed-origin=*
                                         ; load
    retry: activate the permission and send the request again, with cookies; only for a
           request from allowed-origin (a serialized origin in a String, or the Token *)
    load:  activate the permission for the document being loaded

Another token, or a value that is not a Token, is an error: the browser ignores the field.
So is retry without a valid allowed-origin ("The allowed-origin parameter must be
specified"). allowed-origin on load means nothing: a warning.
"""

import enum
from collections.abc import Iterator

from ._shared.sf_family import Issue, error, expect, sf_item_field, warning
from ._shared.spec import FieldError
from ._shared.types import Wildcard
from ._shared.uri import Origin, parse_origin, write_origin
from ._shared.value import value_type
from .sf import BareItem, Item, Token


class Activation(enum.StrEnum):
    RETRY = "retry"
    LOAD = "load"


@value_type
class StorageAccessActivation:
    action: Activation
    allowed_origin: Origin | Wildcard | None = None  # retry only: who may retry; * is anyone


def _check(item: Item) -> Iterator[Issue]:
    if problem := expect(item, (Token,), "Activate-Storage-Access"):
        yield problem
        return
    action = item.value.value if isinstance(item.value, Token) else ""
    if action not in ("retry", "load"):
        yield error(f"{action!r} is not an activation: retry or load; the browser ignores "
                    "the field")
        return
    allowed = item.params.get("allowed-origin")
    if action == "load":
        if allowed is not None:
            yield warning("allowed-origin only applies to retry; with load it is ignored",
                          ";allowed-origin")
    elif allowed is None:
        yield error('retry needs allowed-origin: retry; allowed-origin="https://example.com"'
                    " (or allowed-origin=* for any origin)")
    elif allowed != Token("*"):
        if problem := expect(allowed, (str,), "allowed-origin", ";allowed-origin"):
            yield error(f"{problem.reason}, or the Token *", *problem.at)
        elif isinstance(allowed, str):
            try:
                parse_origin(allowed)
            except FieldError as exc:
                yield error(f"allowed-origin: {exc.reason}", ";allowed-origin")


def _view(item: Item) -> StorageAccessActivation:
    action = Activation(item.value.value if isinstance(item.value, Token) else "load")
    allowed = item.params.get("allowed-origin") if action is Activation.RETRY else None
    if isinstance(allowed, str):
        return StorageAccessActivation(action, parse_origin(allowed))
    return StorageAccessActivation(action, None if allowed is None else Wildcard.ANY)


def _unview(value: StorageAccessActivation) -> Item:
    params: dict[str, BareItem] = {}
    if isinstance(value.allowed_origin, Origin):
        params["allowed-origin"] = write_origin(value.allowed_origin)
    elif value.allowed_origin is not None:
        params["allowed-origin"] = Token("*")
    return Item(Token(value.action.value), params)


ACTIVATE_STORAGE_ACCESS = sf_item_field(
    "Activate-Storage-Access", "privacycg Storage Access Headers", check=_check, view=_view,
    unview=_unview, value_type="StorageAccessActivation",
    example='retry; allowed-origin="https://example.com"')
