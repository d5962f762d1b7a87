"""Service-Worker: marks the fetch of a service worker's script (W3C Service Workers,
"Service-Worker" request header), so a server can tell it from other script fetches.

    Service-Worker = "script"
"""

from ._shared.families import token_field

SERVICE_WORKER = token_field("Service-Worker", "W3C Service Workers, Service-Worker header",
                             {"script"}, lower=False, example="script")
