"""The IANA fields of issue 17's second batch (Sec-WebSocket-Accept, Replay-Nonce,
MIME-Version, Timing-Allow-Origin, OData-Version, OData-MaxVersion, OData-Isolation,
OData-EntityId), with their specifications' examples where they give any."""

from __future__ import annotations

from headerscope.headers import REGISTRY
from headerscope.headers.mime_version import MIME_VERSION, MimeVersion
from headerscope.headers.odata import (
    ODATA_ENTITYID,
    ODATA_ISOLATION,
    ODATA_MAXVERSION,
    ODATA_VERSION,
)
from headerscope.headers.replay_nonce import REPLAY_NONCE
from headerscope.headers.sec_websocket import SEC_WEBSOCKET_ACCEPT, accept_for
from headerscope.headers.timing_allow_origin import TIMING_ALLOW_ORIGIN
from headerscope.headers.types import CorsWildcard, OpaqueOrigin, Origin

from ._content_helpers import rejects, warned, warnings


def test_sec_websocket_accept_example() -> None:  # RFC 6455, 4.2.2 (the NOTE of step 5.4)
    digest = SEC_WEBSOCKET_ACCEPT.parse("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    assert digest == accept_for("dGhlIHNhbXBsZSBub25jZQ==")
    assert digest[:4] == bytes([0xB3, 0x7A, 0x4F, 0x2C])  # the digest's first octets, as given
    assert SEC_WEBSOCKET_ACCEPT.write(digest) == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
    assert REGISTRY.parse("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=").error is None


def test_sec_websocket_accept_errors() -> None:
    rejects(SEC_WEBSOCKET_ACCEPT, "dGhlIHNhbXBsZSBub25jZQ==", "16 bytes; it must be the 20", None)
    rejects(SEC_WEBSOCKET_ACCEPT, "s3pPLMBiTxaQ9kYGzzhZRbK-xOo=", "not a base64 character", 23)
    rejects(SEC_WEBSOCKET_ACCEPT, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo", "multiple of 4", 27)
    rejects(SEC_WEBSOCKET_ACCEPT, "", "decodes to 0 bytes", None)


def test_replay_nonce_example() -> None:  # RFC 8555, 7.3 (a newAccount response)
    assert REPLAY_NONCE.parse("D8s4D2mLs8Vn-goWuPQeKA") == "D8s4D2mLs8Vn-goWuPQeKA"
    assert warnings(REPLAY_NONCE, "D8s4D2mLs8Vn-goWuPQeKA") == []


def test_replay_nonce_errors_and_warnings() -> None:
    rejects(REPLAY_NONCE, "", "at least one", 0)
    rejects(REPLAY_NONCE, "D8s4D2mLs8Vn-goWuPQeKA==", "not a base64url character", 22)
    rejects(REPLAY_NONCE, "a+b", "not a base64url character", 1)
    warned(REPLAY_NONCE, "abcde", "encode no octet string", 5)


def test_mime_version_comments_are_ignored() -> None:  # RFC 2045, 4: four equivalent fields
    for raw in ("1.0", "1.0 (produced by MetaSend Vx.x)", "(produced by MetaSend Vx.x) 1.0",
                "1.(produced by MetaSend Vx.x)0"):
        assert MIME_VERSION.parse(raw) == MimeVersion(1, 0), raw
        assert warnings(MIME_VERSION, raw) == []
    assert MIME_VERSION.write(MIME_VERSION.parse("1.(a (nested) comment)0")) == "1.0"


def test_mime_version_errors_and_warnings() -> None:
    rejects(MIME_VERSION, "1", "expected '.'", 1)
    rejects(MIME_VERSION, "1.0.0", "unexpected '.'", 3)
    rejects(MIME_VERSION, "1.0 (x", "not closed", 4)
    rejects(MIME_VERSION, "v1.0", "major version", 0)
    warned(MIME_VERSION, "2.0", "1.0 is the only MIME version", 0)
    assert MIME_VERSION.parse("01.00") == MimeVersion(1, 0)  # numbers are magnitudes


def test_timing_allow_origin_members() -> None:  # Resource Timing: 1#( origin-or-null / wildcard )
    value = TIMING_ALLOW_ORIGIN.parse("https://a.example, null,*")
    assert value[1:] == (OpaqueOrigin.NULL, CorsWildcard.ANY)
    assert isinstance(value[0], Origin) and value[0].host == "a.example"
    assert TIMING_ALLOW_ORIGIN.write(value) == "https://a.example, null, *"
    assert warnings(TIMING_ALLOW_ORIGIN, "https://a.example, null,*") == []


def test_timing_allow_origin_errors_and_warnings() -> None:
    rejects(TIMING_ALLOW_ORIGIN, "", "at least one element", 0)
    rejects(TIMING_ALLOW_ORIGIN, "*, Null", "expected '*', 'null' or an origin", 3)
    rejects(TIMING_ALLOW_ORIGIN, "https://a.example/x", "no path", 17)
    rejects(TIMING_ALLOW_ORIGIN, "https://a.example https://b.example", "','", 18)
    warned(TIMING_ALLOW_ORIGIN, "*, HTTPS://A.example", "never matches", 3)
    warned(TIMING_ALLOW_ORIGIN, "https://a.example:443", "default port", 17)
    warned(TIMING_ALLOW_ORIGIN, "*,,null", "empty list element", 2)


def test_odata_versions() -> None:  # OData ABNF, 8: "4.0" [ oneToNine ]; 1*DIGIT "." 1*DIGIT
    assert ODATA_VERSION.parse("4.01") == "4.01"
    assert ODATA_VERSION.parse("4.0") == "4.0"
    assert warnings(ODATA_VERSION, "4.01") == []
    warned(ODATA_VERSION, "4.02", "not a defined version", 0)
    rejects(ODATA_VERSION, "4.1", "at most one more digit", 0)
    rejects(ODATA_VERSION, "4", "expected '.'", 1)
    assert ODATA_MAXVERSION.parse("4.01") == "4.01"  # kept as written: 4.01 is not 4.1
    rejects(ODATA_MAXVERSION, "4.0x", "unexpected 'x'", 3)
    rejects(ODATA_MAXVERSION, ".1", "major version", 0)


def test_odata_isolation_and_entity_id() -> None:
    assert ODATA_ISOLATION.parse("Snapshot") == "snapshot"  # ABNF literals ignore case
    rejects(ODATA_ISOLATION, "snapshots", "only isolation level", 0)
    entity = "https://host/service/Customers('ALFKI')"
    assert ODATA_ENTITYID.parse(entity) == entity
    rejects(ODATA_ENTITYID, "https://host/a b", "not allowed in an entity-id", 14)
    rejects(ODATA_ENTITYID, "", "empty", 0)
