"""Why werkzeug reads a value differently: each function names the known class (_known.py)
of a difference between werkzeug's reading and headerscope's, from the case at hand."""

from __future__ import annotations

import re

from ._model import Case, Normal, canonical

_Q_AFTER = re.compile(r";\s*q=[^,;]*;", re.IGNORECASE)  # a parameter after the weight
_BAD_Q = re.compile(r";\s*q=(?!(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)[ \t]*(?:[,;]|$))",
                    re.IGNORECASE)  # a weight outside qvalue (RFC 9110, 12.4.2)


def accept_explain(case: Case) -> str | None:
    if _BAD_Q.search(case.raw):
        return "werkzeug-q-range"
    if case.name == "accept" and _Q_AFTER.search(case.raw):
        return "accept-ext"
    return "werkzeug-lenient-list" if case.theirs is not None else None


def range_explain(case: Case) -> str | None:
    if case.theirs is None and ("," in case.raw):
        return "range-empty-member"
    if not case.raw.lower().startswith("bytes="):
        return "werkzeug-other-unit"
    return None


def directive_explain(case: Case) -> str | None:
    names = [d[0] for d in case.ours] if case.ours is not None else []
    if len(names) != len(set(names)):
        return "werkzeug-duplicate-directive"
    return "werkzeug-directive-arguments"


def options_explain(case: Case) -> str | None:
    if case.ours is None and case.theirs is not None:
        return "werkzeug-options-lenient"
    if re.search(r"\*[ \t]*=", case.raw):  # Content-Type does not adopt RFC 8187 (issue 17)
        return "werkzeug-rfc2231"
    return None


def auth_explain(case: Case) -> str | None:
    if isinstance(case.ours, list) and len(case.ours) > 1:
        return "werkzeug-one-challenge"
    if case.ours is None:
        return "werkzeug-auth-lenient"
    if re.search(r"\*[ \t]*=", case.raw):
        return "werkzeug-rfc2231"
    if case.theirs is None:
        return "basic-charset" if case.raw[:6].lower() == "basic " else None
    return "werkzeug-name-case" if _names_differ_in_case(case) else None


def csp_explain(case: Case) -> str | None:
    if "," in case.raw:
        return "werkzeug-one-policy"
    if case.ours is None:
        return "werkzeug-lenient-list"
    if "\t" in case.raw:
        return "werkzeug-csp-whitespace"
    if len(case.theirs[0]) < len(case.ours[0]):
        return "werkzeug-csp-drops"
    return "werkzeug-name-case" if _names_differ_in_case(case) else None


def _names_differ_in_case(case: Case) -> bool:
    """The readings are the same once every object key is lower-cased."""
    return canonical(_lower_keys(case.ours)) == canonical(_lower_keys(case.theirs))


def _lower_keys(value: Normal) -> Normal:
    if isinstance(value, dict):
        return {k.lower(): _lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower_keys(v) for v in value]
    return value


def cookie_explain(case: Case) -> str | None:
    if case.ours is None:
        return "salvaged"
    if isinstance(case.theirs, list) and case.ours is not None and len(case.theirs) < len(
            case.ours):
        return "werkzeug-cookie-drops"
    if '"' in case.raw:
        return "cookie-dquote"
    if any(not part.strip(" \t").count("=") for part in case.raw.split(";") if part.strip()):
        return "cookie-no-equals"
    return None


def list_explain(case: Case) -> str | None:
    return "werkzeug-lenient-list" if case.ours is None else None
