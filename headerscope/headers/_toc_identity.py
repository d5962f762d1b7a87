"""Registered fields of the identity group: who and where (hosts, origins, URIs, proxies,
connections, products, addresses) and the markers browsers add to a request."""

from typing import Any

from ._spec import FieldSpec
from .connection import CONNECTION, PROXY_CONNECTION
from .early_data import EARLY_DATA
from .forwarded import FORWARDED
from .from_ import FROM
from .host import ALT_USED, HOST
from .http2_settings import HTTP2_SETTINGS
from .keep_alive import KEEP_ALIVE
from .last_event_id import LAST_EVENT_ID
from .legacy_client_hints import DEVICE_MEMORY, DOWNLINK, DPR, ECT, RTT, SAVE_DATA, VIEWPORT_WIDTH
from .link import LINK
from .location import CONTENT_LOCATION, LOCATION
from .origin import ORIGIN
from .prefer import PREFER
from .products import SERVER, USER_AGENT
from .purpose import PURPOSE, X_MOZ, X_PURPOSE
from .referer import REFERER
from .service_worker import SERVICE_WORKER
from .upgrade import UPGRADE
from .via import VIA
from .x_forwarded import X_FORWARDED_FOR, X_FORWARDED_HOST, X_FORWARDED_PROTO, X_REAL_IP
from .x_requested_with import X_REQUESTED_WITH

IDENTITY_SPECS: list[FieldSpec[Any]] = [
    HOST, ORIGIN, REFERER, LOCATION, CONTENT_LOCATION, FORWARDED, VIA,
    X_FORWARDED_FOR, X_FORWARDED_HOST, X_FORWARDED_PROTO, X_REAL_IP,
    CONNECTION, KEEP_ALIVE, PROXY_CONNECTION, UPGRADE, HTTP2_SETTINGS, ALT_USED,
    USER_AGENT, SERVER, FROM, LINK, PREFER, EARLY_DATA, SERVICE_WORKER, LAST_EVENT_ID,
    PURPOSE, X_PURPOSE, X_MOZ, X_REQUESTED_WITH,
    SAVE_DATA, DEVICE_MEMORY, DOWNLINK, DPR, ECT, RTT, VIEWPORT_WIDTH,
]
