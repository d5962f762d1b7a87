"""Sec-Fetch-Dest, -Mode, -Site, -User and -Storage-Access: what a browser says a request is for.

Fetch Metadata Request Headers (W3C), sections 2.1 to 2.4, and the Storage Access Headers
proposal (privacycg). Each is a Structured Field Item:

    Sec-Fetch-Dest = sf-token             ; "audio", "document", "empty", "image", ...
    Sec-Fetch-Mode = sf-token             ; "cors", "navigate", "no-cors", ...
    Sec-Fetch-Site = sf-token             ; "cross-site", "same-origin", "same-site", "none"
    Sec-Fetch-User = sf-boolean           ; only ever ?1
    Sec-Fetch-Storage-Access = sf-token   ; "none", "inactive", "active"

"In order to support forward-compatibility with as-yet-unknown request types, servers SHOULD
ignore this header if it contains an invalid value": an unknown token is a warning, since new
destinations keep appearing; a value that is not a token at all is an error.
"""

from typing import Any

from ._shared.sf_family import boolean_item_field, token_item_field, warning
from ._shared.spec import FieldSpec

IGNORED = "servers ignore the field when they do not know its value (Fetch Metadata, 2)"
DESTINATIONS = frozenset({
    "audio", "audioworklet", "document", "embed", "empty", "fencedframe", "font", "frame",
    "iframe", "image", "json", "manifest", "object", "paintworklet", "report", "script",
    "serviceworker", "sharedworker", "style", "track", "video", "webidentity", "worker",
    "xslt"})
MODES = frozenset({"cors", "navigate", "no-cors", "same-origin", "websocket", "webtransport"})
SITES = frozenset({"cross-site", "same-origin", "same-site", "none"})
STORAGE_ACCESS = frozenset({"none", "inactive", "active"})

SEC_FETCH_DEST = token_item_field("Sec-Fetch-Dest", "Fetch Metadata, 2.1", DESTINATIONS,
                                  consequence=IGNORED, example="document")
SEC_FETCH_MODE = token_item_field("Sec-Fetch-Mode", "Fetch Metadata, 2.2", MODES,
                                  consequence=IGNORED, example="navigate")
SEC_FETCH_SITE = token_item_field("Sec-Fetch-Site", "Fetch Metadata, 2.3", SITES,
                                  consequence=IGNORED, example="same-origin")
SEC_FETCH_STORAGE_ACCESS = token_item_field(
    "Sec-Fetch-Storage-Access", "privacycg Storage Access Headers", STORAGE_ACCESS,
    consequence="the value a browser sends is one of these three", example="active")


def _only_true(value: bool) -> Any:
    # "The header is delivered only for navigation requests, and only when its value is true":
    # a rule for the browser that sends it. ?0 is still a valid Boolean that a server reads
    # (the navigation was not user-activated), so it is a warning, not an error.
    if not value:
        yield warning("Sec-Fetch-User is only sent as ?1 (a navigation the user activated); a "
                      "browser omits the field instead of sending ?0 (Fetch Metadata, 2.4); "
                      "read as: not user-activated")


SEC_FETCH_USER: FieldSpec[bool] = boolean_item_field("Sec-Fetch-User", "Fetch Metadata, 2.4",
                                                     example="?1", check_value=_only_true)
