"""Registered fields of tier 2, classic grammars: media-type lists, the CORS response fields,
Alt-Svc, auth-param lists, policies with closed sets, JSON fields (NEL, Report-To),
Server-Timing and Sunset."""

from typing import Any

from ._spec import FieldSpec
from .accept_patch_post import ACCEPT_PATCH, ACCEPT_POST
from .access_control_response import (
    ACCESS_CONTROL_ALLOW_CREDENTIALS,
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_EXPOSE_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
)
from .alt_svc import ALT_SVC
from .authentication_info import AUTHENTICATION_INFO, PROXY_AUTHENTICATION_INFO
from .clear_site_data import CLEAR_SITE_DATA
from .content_security_policy_report_only import CONTENT_SECURITY_POLICY_REPORT_ONLY
from .cross_origin_resource_policy import CROSS_ORIGIN_RESOURCE_POLICY
from .nel import NEL
from .report_to import REPORT_TO
from .server_timing import SERVER_TIMING
from .sunset import SUNSET

TIER2_CLASSIC_SPECS: list[FieldSpec[Any]] = [
    ACCEPT_PATCH,
    ACCEPT_POST,
    ACCESS_CONTROL_ALLOW_CREDENTIALS,
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_EXPOSE_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
    ALT_SVC,
    AUTHENTICATION_INFO,
    PROXY_AUTHENTICATION_INFO,
    CLEAR_SITE_DATA,
    CONTENT_SECURITY_POLICY_REPORT_ONLY,
    CROSS_ORIGIN_RESOURCE_POLICY,
    NEL,
    REPORT_TO,
    SERVER_TIMING,
    SUNSET,
]
