"""Upgrade-Insecure-Requests: the client prefers HTTPS and upgrades mixed content
(Upgrade Insecure Requests, 3.2).

    upgrade-insecure-requests = "Upgrade-Insecure-Requests:" *WSP "1" *WSP

The only value is 1, a signal, so the native value is the int 1.
"""

from ._shared.spec import FieldError, FieldSpec


def parse(raw: str) -> int:
    if raw != "1":
        raise FieldError("the only value is 1", 1 if raw[:1] == "1" else 0)
    return 1


UPGRADE_INSECURE_REQUESTS = FieldSpec("Upgrade-Insecure-Requests", parse, str,
                                      "Upgrade Insecure Requests, 3.2", value_type="int (always 1)",
                                      example="1")
