"""Every value type the registry parses into, in one public module (as werkzeug's
datastructures are): what `REGISTRY.parse(...).value` holds, for users, the strategies, the
comparisons and the pages to import without knowing which field module defines each.

    from headerscope.headers.types import EntityTag, MediaRange, SetCookie
    from headerscope.headers import sf       # the Structured Field values (also here)

Every value type is frozen (a frozen dataclass, an Enum or a NamedTuple; mappings inside are
FrozenDicts), so a parsed value can be shared, hashed and cached. Three names are taken twice
by field modules and get a qualified name here: CorsWildcard (cors.py's Wildcard; the "*" of
the shared types is Wildcard), CspDirective (content_security_policy.py's Directive; the
Cache-Control style directive is Directive), SecPurpose (sec_purpose.py's Purpose; Purpose is
the legacy Purpose/X-Purpose field's). tests/headers/test_types.py checks that every value
type of every module is here.
"""

from __future__ import annotations

from ._shared.auth import BasicCredentials, Challenge, Credentials
from ._shared.host import Host, HostKind
from ._shared.rfc8187 import ExtValue
from ._shared.types import (
    ByteRange,
    Directive,
    EntityTag,
    MediaRange,
    MediaType,
    OtherRange,
    QualityItem,
    SuffixRange,
    TransferCoding,
    Wildcard,
)
from ._shared.uri import OpaqueOrigin, Origin, RelativeRef, Uri
from .activate_storage_access import Activation, StorageAccessActivation
from .alt_svc import Alternative, Clear
from .alternates import Variant, VariantAttribute
from .authentication_info import AuthParam
from .cache_status import CacheStatus
from .cdn_loop import CdnInfo
from .content_disposition import ContentDisposition
from .content_range import ContentRange, UnsatisfiedRange
from .content_security_policy import Directive as CspDirective
from .content_security_policy import Policy
from .cookie import CookiePair
from .cors import Wildcard as CorsWildcard
from .cross_origin_policies import CrossOriginPolicy, EmbedderPolicyValue, OpenerPolicyValue
from .cross_origin_resource_policy import ResourcePolicy
from .delta_encoding import InstanceManipulation
from .digest_legacy import InstanceDigest
from .dnt import TrackingPreference
from .document_policy import PolicyEntry
from .expect import Expectation
from .expect_ct import ExpectCT
from .forwarded import ForwardedElement, Node, NodeKind
from .from_ import Mailbox
from .htcpcp import Addition
from .http2_settings import Setting
from .integrity_policy import IntegrityPolicy
from .keep_alive import KeepAliveParam
from .link import Link, LinkParam
from .link_template import LinkTemplate
from .mime_version import MimeVersion
from .nel import NelPolicy
from .no_vary_search import NoVarySearch
from .obsolete import ObsoleteField
from .ordered_collections import Placement, Position
from .oscore import OscoreOption
from .permissions_policy import Allowlist, Keyword
from .prefer import Handling, Preference, Return
from .preference_applied import AppliedPreference
from .priority import PriorityValue
from .products import Comment, Product
from .proxy_status import ProxyStatus
from .purpose import Purpose
from .range import Ranges
from .refresh import Refresh
from .report_to import EndpointGroup, ReportingEndpoint
from .sec_purpose import Purpose as SecPurpose
from .sec_websocket import WebSocketExtension
from .server_timing import Metric
from .set_cookie import CookieAttribute, SameSite, SetCookie
from .sf._types import Date, DisplayString, InnerList, Item, Token
from .status_uri import StatusUriEntry
from .strict_transport_security import StrictTransportSecurity
from .tcn import FeatureExpr, FeatureOp, TcnDirective
from .te import TCoding
from .trace_context import TraceParent, TraceStateMember
from .ua_brands import Brand
from .upgrade import Protocol
from .use_as_dictionary import DictionaryUse
from .via import ViaEntry
from .warning import WarningValue
from .web_push import Urgency
from .webdav import CodedUrl, Infinite
from .webdav_if import Condition, StateList
from .x_frame_options import AllowFrom, FrameOption

__all__ = [
    "Activation",
    "Addition",
    "AllowFrom",
    "Allowlist",
    "Alternative",
    "AppliedPreference",
    "AuthParam",
    "BasicCredentials",
    "Brand",
    "ByteRange",
    "CacheStatus",
    "CdnInfo",
    "Challenge",
    "Clear",
    "CodedUrl",
    "Comment",
    "Condition",
    "ContentDisposition",
    "ContentRange",
    "CookieAttribute",
    "CookiePair",
    "CorsWildcard",
    "Credentials",
    "CrossOriginPolicy",
    "CspDirective",
    "Date",
    "DictionaryUse",
    "Directive",
    "DisplayString",
    "EmbedderPolicyValue",
    "EndpointGroup",
    "EntityTag",
    "ExpectCT",
    "Expectation",
    "ExtValue",
    "FeatureExpr",
    "FeatureOp",
    "ForwardedElement",
    "FrameOption",
    "Handling",
    "Host",
    "HostKind",
    "Infinite",
    "InnerList",
    "InstanceDigest",
    "InstanceManipulation",
    "IntegrityPolicy",
    "Item",
    "KeepAliveParam",
    "Keyword",
    "Link",
    "LinkParam",
    "LinkTemplate",
    "Mailbox",
    "MediaRange",
    "MediaType",
    "Metric",
    "MimeVersion",
    "NelPolicy",
    "NoVarySearch",
    "Node",
    "NodeKind",
    "ObsoleteField",
    "OpaqueOrigin",
    "OpenerPolicyValue",
    "Origin",
    "OscoreOption",
    "OtherRange",
    "Placement",
    "Policy",
    "PolicyEntry",
    "Position",
    "Preference",
    "PriorityValue",
    "Product",
    "Protocol",
    "ProxyStatus",
    "Purpose",
    "QualityItem",
    "Ranges",
    "Refresh",
    "RelativeRef",
    "ReportingEndpoint",
    "ResourcePolicy",
    "Return",
    "SameSite",
    "SecPurpose",
    "SetCookie",
    "Setting",
    "StateList",
    "StatusUriEntry",
    "StorageAccessActivation",
    "StrictTransportSecurity",
    "SuffixRange",
    "TCoding",
    "TcnDirective",
    "Token",
    "TraceParent",
    "TraceStateMember",
    "TrackingPreference",
    "TransferCoding",
    "UnsatisfiedRange",
    "Urgency",
    "Uri",
    "Variant",
    "VariantAttribute",
    "ViaEntry",
    "WarningValue",
    "WebSocketExtension",
    "Wildcard",
]
