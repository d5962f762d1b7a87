"""Registered fields of the security group: authentication, cookies, response security
policies, CORS, privacy signals and the WebSocket handshake."""

from typing import Any

from ._spec import FieldSpec
from .access_control import (
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD,
)
from .authenticate import PROXY_AUTHENTICATE, WWW_AUTHENTICATE
from .authorization import AUTHORIZATION, PROXY_AUTHORIZATION
from .content_security_policy import CONTENT_SECURITY_POLICY
from .cookie import COOKIE
from .dnt import DNT
from .referrer_policy import REFERRER_POLICY
from .sec_gpc import SEC_GPC
from .sec_websocket import (
    SEC_WEBSOCKET_EXTENSIONS,
    SEC_WEBSOCKET_KEY,
    SEC_WEBSOCKET_PROTOCOL,
    SEC_WEBSOCKET_VERSION,
)
from .set_cookie import SET_COOKIE
from .strict_transport_security import STRICT_TRANSPORT_SECURITY
from .upgrade_insecure_requests import UPGRADE_INSECURE_REQUESTS
from .x_content_type_options import X_CONTENT_TYPE_OPTIONS
from .x_frame_options import X_FRAME_OPTIONS

SECURITY_SPECS: list[FieldSpec[Any]] = [
    AUTHORIZATION,
    PROXY_AUTHORIZATION,
    WWW_AUTHENTICATE,
    PROXY_AUTHENTICATE,
    COOKIE,
    SET_COOKIE,
    CONTENT_SECURITY_POLICY,
    STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
    REFERRER_POLICY,
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD,
    UPGRADE_INSECURE_REQUESTS,
    DNT,
    SEC_GPC,
    SEC_WEBSOCKET_EXTENSIONS,
    SEC_WEBSOCKET_KEY,
    SEC_WEBSOCKET_PROTOCOL,
    SEC_WEBSOCKET_VERSION,
]
