"""Which module of `headers/` defines a field, found from the field's name alone.

A field lives in the module named after it, lower-cased with "-" as "_" (Content-Type in
content_type.py, From in from_.py, since `from` is a keyword), unless several fields share a
grammar or a topic: then TOPICS names the module and every field it defines beyond the one
it may be named after. `headerscope fields` and /fields/NAME show the module;
tests/headers/test_where.py checks every entry against the modules themselves.
"""

from __future__ import annotations

import keyword

PACKAGE = "headerscope.headers"

TOPICS: dict[str, tuple[str, ...]] = {
    "accept_patch_post": ("Accept-Patch", "Accept-Post"),
    "authenticate": ("WWW-Authenticate", "Proxy-Authenticate"),
    "authentication_info": ("Proxy-Authentication-Info",),
    "authorization": ("Proxy-Authorization",),
    "cache_groups": ("Cache-Group-Invalidation",),
    "caldav": ("CalDAV-Timezones",),
    "client_cert": ("Client-Cert-Chain",),
    "cmcd": ("CMCD-Object", "CMCD-Request", "CMCD-Session", "CMCD-Status"),
    "cmsd": ("CMSD-Dynamic", "CMSD-Static"),
    "compression_dictionary": ("Available-Dictionary", "Dictionary-ID"),
    "connection": ("Proxy-Connection",),
    "cors": (
        "Access-Control-Allow-Origin", "Access-Control-Request-Headers",
        "Access-Control-Request-Method",
    ),
    "cors_response": (
        "Access-Control-Allow-Credentials", "Access-Control-Allow-Headers",
        "Access-Control-Allow-Methods", "Access-Control-Expose-Headers", "Access-Control-Max-Age",
    ),
    "cross_origin_policies": (
        "Cross-Origin-Embedder-Policy", "Cross-Origin-Embedder-Policy-Report-Only",
        "Cross-Origin-Opener-Policy", "Cross-Origin-Opener-Policy-Report-Only",
    ),
    "dates": ("Date", "Expires", "If-Modified-Since", "If-Unmodified-Since", "Last-Modified"),
    "delta_encoding": ("A-IM", "Delta-Base"),
    "device_client_hints": (
        "Sec-CH-Device-Memory", "Sec-CH-DPR", "Sec-CH-Viewport-Width", "Sec-CH-Width",
    ),
    "digest_legacy": ("Digest", "Want-Digest"),
    "digests": ("Content-Digest", "Repr-Digest", "Want-Content-Digest", "Want-Repr-Digest"),
    "document_policy": ("Require-Document-Policy",),
    "dpop": ("DPoP-Nonce",),
    "etags": ("ETag", "If-Match", "If-None-Match"),
    "host": ("Alt-Used",),
    "htcpcp": ("Accept-Additions",),
    "integrity_policy": ("Integrity-Policy-Report-Only",),
    "legacy_client_hints": (
        "Save-Data", "Device-Memory", "Downlink", "DPR", "ECT", "RTT", "Viewport-Width",
    ),
    "location": ("Content-Location",),
    "memento": ("Accept-Datetime", "Memento-Datetime"),
    "obsolete": (
        "Access-Control", "Method-Check", "Method-Check-Expires", "Referer-Root", "C-Ext",
        "C-Man", "C-Opt", "Ext", "Man", "Opt", "C-PEP", "C-PEP-Info", "PEP", "PEP-Info",
        "Content-Base", "Content-Version", "Derived-From", "Public", "URI", "Content-ID",
        "Differential-ID", "Content-Script-Type", "Content-Style-Type", "Default-Style",
        "Cookie2", "Set-Cookie2", "GetProfile", "ProfileObject", "SetProfile", "P3P",
        "PICS-Label", "Protocol", "Protocol-Request", "Protocol-Info", "Protocol-Query",
        "Proxy-Features", "Proxy-Instruction", "Safe", "Security-Scheme",
    ),
    "odata": (
        "OData-Version", "OData-MaxVersion", "OData-Isolation", "OData-EntityId", "Isolation",
    ),
    "ordered_collections": ("Position",),
    "ping": ("Ping-From", "Ping-To"),
    "products": ("User-Agent", "Server"),
    "purpose": ("X-Purpose", "X-Moz"),
    "redirect_ref": ("Apply-To-Redirect-Ref",),
    "repeatability": ("Repeatability-Result",),
    "schedule": ("Schedule-Reply", "Schedule-Tag", "If-Schedule-Tag-Match"),
    "sec_fetch": (
        "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-Storage-Access",
        "Sec-Fetch-User",
    ),
    "sec_websocket": (
        "Sec-WebSocket-Accept", "Sec-WebSocket-Extensions", "Sec-WebSocket-Key",
        "Sec-WebSocket-Protocol", "Sec-WebSocket-Version",
    ),
    "signatures": ("Signature", "Signature-Input"),
    "soap_action": ("SOAPAction",),
    "tcn": ("Accept-Features", "Negotiate", "Variant-Vary"),
    "token_binding": ("Sec-Token-Binding",),
    "trace_context": ("traceparent", "tracestate"),
    "ua_brands": ("Sec-CH-UA", "Sec-CH-UA-Full-Version-List"),
    "ua_client_hints": (
        "Sec-CH-UA-Arch", "Sec-CH-UA-Bitness", "Sec-CH-UA-Form-Factors", "Sec-CH-UA-Full-Version",
        "Sec-CH-UA-Mobile", "Sec-CH-UA-Model", "Sec-CH-UA-Platform", "Sec-CH-UA-Platform-Version",
        "Sec-CH-UA-WoW64",
    ),
    "user_preference_hints": ("Sec-CH-Prefers-Color-Scheme", "Sec-CH-Prefers-Reduced-Motion"),
    "web_push": ("TTL", "Urgency", "Topic"),
    "webdav": ("DAV", "Depth", "Destination", "Lock-Token", "Overwrite", "Timeout"),
    "webdav_if": ("If",),
    "x_forwarded": ("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP"),
}
_BY_FIELD = {field.lower(): module for module, fields in TOPICS.items() for field in fields}


def module_name(field: str) -> str:
    """The dotted name of the module that defines `field` (which need not be registered)."""
    stem = _BY_FIELD.get(field.lower())
    if stem is None:
        stem = field.lower().replace("-", "_")
        if keyword.iskeyword(stem):
            stem += "_"
    return f"{PACKAGE}.{stem}"


def module_path(field: str) -> str:
    """The same as a path from the repository's root: headerscope/headers/etags.py."""
    return module_name(field).replace(".", "/") + ".py"
