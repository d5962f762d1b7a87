"""The field registry: the table of contents of every field headerscope understands.

`REGISTRY.parse(name, raw)` parses one field line and never raises; `parse_section` parses a
whole field section, combining repeated fields as RFC 9110, section 5.3 says. The list below
is the registry, by topic; a test fails if a spec defined in this package is missing from it.
"""

from ._shared.json import to_json
from ._shared.section import FieldSection, parse_section
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind, ParsedField, Registry
from .accept import ACCEPT
from .accept_ch import ACCEPT_CH
from .accept_charset import ACCEPT_CHARSET
from .accept_encoding import ACCEPT_ENCODING
from .accept_language import ACCEPT_LANGUAGE
from .accept_patch_post import ACCEPT_PATCH, ACCEPT_POST
from .accept_query import ACCEPT_QUERY
from .accept_ranges import ACCEPT_RANGES
from .accept_signature import ACCEPT_SIGNATURE
from .activate_storage_access import ACTIVATE_STORAGE_ACCESS
from .age import AGE
from .allow import ALLOW
from .alpn import ALPN
from .alt_svc import ALT_SVC
from .alternates import ALTERNATES
from .amp_cache_transform import AMP_CACHE_TRANSFORM
from .authenticate import PROXY_AUTHENTICATE, WWW_AUTHENTICATE
from .authentication_info import AUTHENTICATION_INFO, PROXY_AUTHENTICATION_INFO
from .authorization import AUTHORIZATION, PROXY_AUTHORIZATION
from .cache_control import CACHE_CONTROL
from .cache_groups import CACHE_GROUP_INVALIDATION, CACHE_GROUPS
from .cache_status import CACHE_STATUS
from .caldav import CALDAV_TIMEZONES
from .capsule_protocol import CAPSULE_PROTOCOL
from .cdn_cache_control import CDN_CACHE_CONTROL
from .cdn_loop import CDN_LOOP
from .clear_site_data import CLEAR_SITE_DATA
from .client_cert import CLIENT_CERT, CLIENT_CERT_CHAIN
from .close import CLOSE
from .cmcd import CMCD_OBJECT, CMCD_REQUEST, CMCD_SESSION, CMCD_STATUS
from .cmsd import CMSD_DYNAMIC, CMSD_STATIC
from .compression_dictionary import AVAILABLE_DICTIONARY, DICTIONARY_ID
from .concealed_auth_export import CONCEALED_AUTH_EXPORT
from .connection import CONNECTION, PROXY_CONNECTION
from .content_disposition import CONTENT_DISPOSITION
from .content_encoding import CONTENT_ENCODING
from .content_language import CONTENT_LANGUAGE
from .content_length import CONTENT_LENGTH
from .content_md5 import CONTENT_MD5
from .content_range import CONTENT_RANGE
from .content_security_policy import CONTENT_SECURITY_POLICY
from .content_security_policy_report_only import CONTENT_SECURITY_POLICY_REPORT_ONLY
from .content_type import CONTENT_TYPE
from .cookie import COOKIE
from .cors import (
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD,
)
from .cors_response import (
    ACCESS_CONTROL_ALLOW_CREDENTIALS,
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_EXPOSE_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
)
from .cross_origin_policies import (
    CROSS_ORIGIN_EMBEDDER_POLICY,
    CROSS_ORIGIN_EMBEDDER_POLICY_REPORT_ONLY,
    CROSS_ORIGIN_OPENER_POLICY,
    CROSS_ORIGIN_OPENER_POLICY_REPORT_ONLY,
)
from .cross_origin_resource_policy import CROSS_ORIGIN_RESOURCE_POLICY
from .dates import DATE, EXPIRES, IF_MODIFIED_SINCE, IF_UNMODIFIED_SINCE, LAST_MODIFIED
from .delta_encoding import A_IM, DELTA_BASE
from .deprecation import DEPRECATION
from .device_client_hints import (
    SEC_CH_DEVICE_MEMORY,
    SEC_CH_DPR,
    SEC_CH_VIEWPORT_WIDTH,
    SEC_CH_WIDTH,
)
from .digest_legacy import DIGEST, WANT_DIGEST
from .digests import CONTENT_DIGEST, REPR_DIGEST, WANT_CONTENT_DIGEST, WANT_REPR_DIGEST
from .dnt import DNT
from .document_policy import DOCUMENT_POLICY, REQUIRE_DOCUMENT_POLICY
from .dpop import DPOP, DPOP_NONCE
from .early_data import EARLY_DATA
from .etags import ETAG, IF_MATCH, IF_NONE_MATCH
from .expect import EXPECT
from .expect_ct import EXPECT_CT
from .forwarded import FORWARDED
from .from_ import FROM
from .hobareg import HOBAREG
from .host import ALT_USED, HOST
from .htcpcp import ACCEPT_ADDITIONS
from .http2_settings import HTTP2_SETTINGS
from .idempotency_key import IDEMPOTENCY_KEY
from .if_range import IF_RANGE
from .integrity_policy import INTEGRITY_POLICY, INTEGRITY_POLICY_REPORT_ONLY
from .keep_alive import KEEP_ALIVE
from .last_event_id import LAST_EVENT_ID
from .legacy_client_hints import DEVICE_MEMORY, DOWNLINK, DPR, ECT, RTT, SAVE_DATA, VIEWPORT_WIDTH
from .link import LINK
from .link_template import LINK_TEMPLATE
from .location import CONTENT_LOCATION, LOCATION
from .max_forwards import MAX_FORWARDS
from .memento import ACCEPT_DATETIME, MEMENTO_DATETIME
from .mime_version import MIME_VERSION
from .nel import NEL
from .no_vary_search import NO_VARY_SEARCH
from .obsolete import OBSOLETE_FIELDS
from .odata import ISOLATION, ODATA_ENTITYID, ODATA_ISOLATION, ODATA_MAXVERSION, ODATA_VERSION
from .optional_www_authenticate import OPTIONAL_WWW_AUTHENTICATE
from .ordered_collections import POSITION
from .origin import ORIGIN
from .origin_agent_cluster import ORIGIN_AGENT_CLUSTER
from .oscore import OSCORE
from .permissions_policy import PERMISSIONS_POLICY
from .ping import PING_FROM, PING_TO
from .pragma import PRAGMA
from .prefer import PREFER
from .preference_applied import PREFERENCE_APPLIED
from .priority import PRIORITY
from .products import SERVER, USER_AGENT
from .proxy_status import PROXY_STATUS
from .purpose import PURPOSE, X_MOZ, X_PURPOSE
from .range import RANGE
from .redirect_ref import APPLY_TO_REDIRECT_REF, REDIRECT_REF
from .referer import REFERER
from .referrer_policy import REFERRER_POLICY
from .refresh import REFRESH
from .repeatability import REPEATABILITY_RESULT
from .replay_nonce import REPLAY_NONCE
from .report_to import REPORT_TO
from .reporting_endpoints import REPORTING_ENDPOINTS
from .retry_after import RETRY_AFTER
from .schedule import IF_SCHEDULE_TAG_MATCH, SCHEDULE_REPLY, SCHEDULE_TAG
from .sec_fetch import (
    SEC_FETCH_DEST,
    SEC_FETCH_MODE,
    SEC_FETCH_SITE,
    SEC_FETCH_STORAGE_ACCESS,
    SEC_FETCH_USER,
)
from .sec_gpc import SEC_GPC
from .sec_purpose import SEC_PURPOSE
from .sec_websocket import (
    SEC_WEBSOCKET_ACCEPT,
    SEC_WEBSOCKET_EXTENSIONS,
    SEC_WEBSOCKET_KEY,
    SEC_WEBSOCKET_PROTOCOL,
    SEC_WEBSOCKET_VERSION,
)
from .server_timing import SERVER_TIMING
from .service_worker import SERVICE_WORKER
from .set_cookie import SET_COOKIE
from .signatures import SIGNATURE, SIGNATURE_INPUT
from .slug import SLUG
from .soap_action import SOAP_ACTION
from .speculation_rules import SPECULATION_RULES
from .status_uri import STATUS_URI
from .strict_transport_security import STRICT_TRANSPORT_SECURITY
from .sunset import SUNSET
from .tcn import ACCEPT_FEATURES, NEGOTIATE, TCN, VARIANT_VARY
from .te import TE
from .timing_allow_origin import TIMING_ALLOW_ORIGIN
from .token_binding import SEC_TOKEN_BINDING
from .trace_context import TRACEPARENT, TRACESTATE
from .trailer import TRAILER
from .transfer_encoding import TRANSFER_ENCODING
from .ua_brands import SEC_CH_UA, SEC_CH_UA_FULL_VERSION_LIST
from .ua_client_hints import (
    SEC_CH_UA_ARCH,
    SEC_CH_UA_BITNESS,
    SEC_CH_UA_FORM_FACTORS,
    SEC_CH_UA_FULL_VERSION,
    SEC_CH_UA_MOBILE,
    SEC_CH_UA_MODEL,
    SEC_CH_UA_PLATFORM,
    SEC_CH_UA_PLATFORM_VERSION,
    SEC_CH_UA_WOW64,
)
from .upgrade import UPGRADE
from .upgrade_insecure_requests import UPGRADE_INSECURE_REQUESTS
from .use_as_dictionary import USE_AS_DICTIONARY
from .user_preference_hints import SEC_CH_PREFERS_COLOR_SCHEME, SEC_CH_PREFERS_REDUCED_MOTION
from .vary import VARY
from .via import VIA
from .warning import WARNING
from .web_push import TOPIC, TTL, URGENCY
from .webdav import DAV, DEPTH, DESTINATION, LOCK_TOKEN, OVERWRITE, TIMEOUT
from .webdav_if import IF
from .x_content_type_options import X_CONTENT_TYPE_OPTIONS
from .x_forwarded import X_FORWARDED_FOR, X_FORWARDED_HOST, X_FORWARDED_PROTO, X_REAL_IP
from .x_frame_options import X_FRAME_OPTIONS
from .x_requested_with import X_REQUESTED_WITH

REGISTRY = Registry([
    # -- representation, negotiation, conditional requests, ranges, caching, dates
    ACCEPT,
    ACCEPT_CHARSET,
    ACCEPT_ENCODING,
    ACCEPT_LANGUAGE,
    ACCEPT_RANGES,
    AGE,
    ALLOW,
    CACHE_CONTROL,
    CONTENT_DISPOSITION,
    CONTENT_ENCODING,
    CONTENT_LANGUAGE,
    CONTENT_LENGTH,
    CONTENT_MD5,
    CONTENT_RANGE,
    CONTENT_TYPE,
    DATE,
    ETAG,
    EXPECT,
    EXPIRES,
    IF_MATCH,
    IF_MODIFIED_SINCE,
    IF_NONE_MATCH,
    IF_RANGE,
    IF_UNMODIFIED_SINCE,
    LAST_MODIFIED,
    MAX_FORWARDS,
    PRAGMA,
    RANGE,
    RETRY_AFTER,
    TE,
    TRAILER,
    TRANSFER_ENCODING,
    VARY,
    WARNING,
    # -- authentication, cookies, response security policies, CORS, privacy, WebSocket
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
    # -- who and where: hosts, origins, URIs, proxies, connections, products, client hints
    HOST, ORIGIN, REFERER, LOCATION, CONTENT_LOCATION, FORWARDED, VIA,
    X_FORWARDED_FOR, X_FORWARDED_HOST, X_FORWARDED_PROTO, X_REAL_IP,
    CONNECTION, KEEP_ALIVE, PROXY_CONNECTION, UPGRADE, HTTP2_SETTINGS, ALT_USED,
    USER_AGENT, SERVER, FROM, LINK, PREFER, EARLY_DATA, SERVICE_WORKER, LAST_EVENT_ID,
    PURPOSE, X_PURPOSE, X_MOZ, X_REQUESTED_WITH,
    SAVE_DATA, DEVICE_MEMORY, DOWNLINK, DPR, ECT, RTT, VIEWPORT_WIDTH,
    # -- the Structured Fields (RFC 9651) that browsers send: fetch metadata, client hints, ...
    AVAILABLE_DICTIONARY,
    CLIENT_CERT,
    CLIENT_CERT_CHAIN,
    CONTENT_DIGEST,
    DICTIONARY_ID,
    IDEMPOTENCY_KEY,
    PRIORITY,
    REPR_DIGEST,
    SEC_CH_DEVICE_MEMORY,
    SEC_CH_DPR,
    SEC_CH_PREFERS_COLOR_SCHEME,
    SEC_CH_PREFERS_REDUCED_MOTION,
    SEC_CH_UA,
    SEC_CH_UA_ARCH,
    SEC_CH_UA_BITNESS,
    SEC_CH_UA_FORM_FACTORS,
    SEC_CH_UA_FULL_VERSION,
    SEC_CH_UA_FULL_VERSION_LIST,
    SEC_CH_UA_MOBILE,
    SEC_CH_UA_MODEL,
    SEC_CH_UA_PLATFORM,
    SEC_CH_UA_PLATFORM_VERSION,
    SEC_CH_UA_WOW64,
    SEC_CH_VIEWPORT_WIDTH,
    SEC_CH_WIDTH,
    SEC_FETCH_DEST,
    SEC_FETCH_MODE,
    SEC_FETCH_SITE,
    SEC_FETCH_STORAGE_ACCESS,
    SEC_FETCH_USER,
    SEC_PURPOSE,
    SIGNATURE,
    SIGNATURE_INPUT,
    WANT_CONTENT_DIGEST,
    WANT_REPR_DIGEST,
    # -- responses, classic grammars: CORS responses, Alt-Svc, auth-params, NEL, Server-Timing
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
    # -- Structured Field policies: Permissions, Document, Cross-Origin-*, caching.
    # A broken constraint is an error where the definition ignores the whole field
    # (RFC 9651, 2.2), and a warning where it skips one member and keeps the rest.
    ACCEPT_CH,
    ACCEPT_QUERY,
    ACCEPT_SIGNATURE,
    ACTIVATE_STORAGE_ACCESS,
    CACHE_GROUP_INVALIDATION,
    CACHE_GROUPS,
    CACHE_STATUS,
    CAPSULE_PROTOCOL,
    CDN_CACHE_CONTROL,
    CONCEALED_AUTH_EXPORT,
    CROSS_ORIGIN_EMBEDDER_POLICY,
    CROSS_ORIGIN_EMBEDDER_POLICY_REPORT_ONLY,
    CROSS_ORIGIN_OPENER_POLICY,
    CROSS_ORIGIN_OPENER_POLICY_REPORT_ONLY,
    DEPRECATION,
    DOCUMENT_POLICY,
    INTEGRITY_POLICY,
    INTEGRITY_POLICY_REPORT_ONLY,
    LINK_TEMPLATE,
    NO_VARY_SEARCH,
    ORIGIN_AGENT_CLUSTER,
    PERMISSIONS_POLICY,
    PROXY_STATUS,
    REPORTING_ENDPOINTS,
    REQUIRE_DOCUMENT_POLICY,
    SPECULATION_RULES,
    USE_AS_DICTIONARY,
    # -- more IANA fields (issue 17, batch 1): Trace Context, WebDAV and CalDAV scheduling,
    # CDN loops, DPoP, Memento, Web Push, AtomPub, OSCORE, ALPN tunnels; Expect-CT (obsolete)
    TRACEPARENT,
    TRACESTATE,
    DAV,
    DEPTH,
    DESTINATION,
    IF,
    LOCK_TOKEN,
    OVERWRITE,
    TIMEOUT,
    SCHEDULE_REPLY,
    SCHEDULE_TAG,
    IF_SCHEDULE_TAG_MATCH,
    CDN_LOOP,
    DPOP,
    DPOP_NONCE,
    OPTIONAL_WWW_AUTHENTICATE,
    PREFERENCE_APPLIED,
    ACCEPT_DATETIME,
    MEMENTO_DATETIME,
    TTL,
    URGENCY,
    TOPIC,
    SLUG,
    OSCORE,
    ALPN,
    EXPECT_CT,
    # -- more IANA fields (issue 17, batch 2): WebSocket's accept digest, ACME's nonce,
    # MIME-Version, Resource Timing's Timing-Allow-Origin, OData
    SEC_WEBSOCKET_ACCEPT,
    REPLAY_NONCE,
    MIME_VERSION,
    TIMING_ALLOW_ORIGIN,
    ODATA_VERSION,
    ODATA_MAXVERSION,
    ODATA_ISOLATION,
    ODATA_ENTITYID,
    # -- more IANA fields (issue 17, batch 3, OASIS, W3C and WHATWG fields)
    ISOLATION,
    REPEATABILITY_RESULT,
    SOAP_ACTION,
    PING_FROM,
    PING_TO,
    REFRESH,
    # -- more IANA fields (issue 17, batch 3, obsoleted and deprecated fields, flagged with
    # their replacements)
    *OBSOLETE_FIELDS,
    DIGEST,
    WANT_DIGEST,
    # -- more IANA fields (issue 17, batch 3, negotiation: delta encoding, transparent content
    # negotiation, HTCPCP's Accept-Additions)
    A_IM,
    DELTA_BASE,
    ACCEPT_FEATURES,
    ALTERNATES,
    NEGOTIATE,
    TCN,
    VARIANT_VARY,
    ACCEPT_ADDITIONS,
    # -- more IANA fields (issue 17, batch 3, security: HOBA registration, Token Binding;
    # the reserved Close)
    HOBAREG,
    SEC_TOKEN_BINDING,
    CLOSE,
    # -- more IANA fields (issue 17, batch 3, media: CTA WAVE's Common Media Client and Server
    # Data; AMP's cache transform)
    CMCD_OBJECT,
    CMCD_REQUEST,
    CMCD_SESSION,
    CMCD_STATUS,
    CMSD_DYNAMIC,
    CMSD_STATIC,
    AMP_CACHE_TRANSFORM,
    # -- more IANA fields (issue 17, batch 3, WebDAV: CalDAV, redirect references, ordered
    # collections; RFC 2518's Status-URI, obsolete)
    CALDAV_TIMEZONES,
    STATUS_URI,
    APPLY_TO_REDIRECT_REF,
    REDIRECT_REF,
    POSITION,
])

__all__ = [
    "REGISTRY",
    "Diagnostic",
    "FieldError",
    "FieldSection",
    "FieldSpec",
    "Kind",
    "ParsedField",
    "Registry",
    "parse_section",
    "to_json",
]
