"""Registered fields of the tier-2 Structured Field group: response policies (Permissions,
Document, Integrity, Cross-Origin-*), caching (Cache-Status, CDN-Cache-Control, Cache-Groups,
No-Vary-Search, Use-As-Dictionary) and the other RFC 9651 fields of tier 2.

Where an error stops and a warning starts: a field whose definition has no processing model
of its own is ignored as a whole when a constraint is broken (RFC 9651, 2.2), so that is an
error; where the definition, or the browser algorithm that reads the field, skips one bad
member and keeps the rest (Permissions-Policy, Reporting-Endpoints, Speculation-Rules,
Document-Policy), the bad member is a warning and is left out of the value.
"""

from typing import Any

from ._spec import FieldSpec
from .accept_ch import ACCEPT_CH
from .accept_query import ACCEPT_QUERY
from .accept_signature import ACCEPT_SIGNATURE
from .activate_storage_access import ACTIVATE_STORAGE_ACCESS
from .cache_groups import CACHE_GROUP_INVALIDATION, CACHE_GROUPS
from .cache_status import CACHE_STATUS
from .capsule_protocol import CAPSULE_PROTOCOL
from .cdn_cache_control import CDN_CACHE_CONTROL
from .concealed_auth_export import CONCEALED_AUTH_EXPORT
from .cross_origin_policies import (
    CROSS_ORIGIN_EMBEDDER_POLICY,
    CROSS_ORIGIN_EMBEDDER_POLICY_REPORT_ONLY,
    CROSS_ORIGIN_OPENER_POLICY,
    CROSS_ORIGIN_OPENER_POLICY_REPORT_ONLY,
)
from .deprecation import DEPRECATION
from .document_policy import DOCUMENT_POLICY, REQUIRE_DOCUMENT_POLICY
from .integrity_policy import INTEGRITY_POLICY, INTEGRITY_POLICY_REPORT_ONLY
from .link_template import LINK_TEMPLATE
from .no_vary_search import NO_VARY_SEARCH
from .origin_agent_cluster import ORIGIN_AGENT_CLUSTER
from .permissions_policy import PERMISSIONS_POLICY
from .proxy_status import PROXY_STATUS
from .reporting_endpoints import REPORTING_ENDPOINTS
from .speculation_rules import SPECULATION_RULES
from .use_as_dictionary import USE_AS_DICTIONARY

TIER2_STRUCTURED_SPECS: list[FieldSpec[Any]] = [
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
]
