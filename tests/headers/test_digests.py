from __future__ import annotations

import base64
import hashlib

import pytest

from .sf_field_cases import assert_parses, assert_rejects, assert_warns

BODY = b'{"hello": "world"}'
SHA256 = hashlib.sha256(BODY).digest()
SHA512 = hashlib.sha512(BODY).digest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        # RFC 9530's own examples
        ("Content-Digest", "sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:",
         {"sha-256": base64.b64decode("RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=")}),
        ("Repr-Digest", f"sha-256=:{b64(SHA256)}:, sha-512=:{b64(SHA512)}:",
         {"sha-256": SHA256, "sha-512": SHA512}),
        ("Want-Content-Digest", "sha-256=10", {"sha-256": 10}),
        ("Want-Repr-Digest", "sha-512=3, sha-256=10", {"sha-512": 3, "sha-256": 10}),
        ("Want-Repr-Digest", "sha-256=0", {"sha-256": 0}),  # 0: "not acceptable"
    ],
)
def test_parses(name: str, raw: str, expected: object) -> None:
    assert_parses(name, raw, expected)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Content-Digest", "sha-256=:YWJj:", "a sha-256 digest is 32 bytes long; this one has 3",
         8),
        ("Content-Digest", f"sha-256=:{b64(SHA256)}:, sha-512=:{b64(SHA256)}:",
         "a sha-512 digest is 64 bytes long; this one has 32", 64),
        ("Repr-Digest", f'sha-256="{b64(SHA256)}"', "must be a Byte Sequence, found a String", 8),
        ("Repr-Digest", "sha-256", "found the Boolean ?1", 0),
        # the obsolete Digest syntax of RFC 3230 sent to the new field
        ("Content-Digest", f"SHA-256={b64(SHA256)}", "keys are lower-case", 0),
        ("Want-Content-Digest", "sha-256=11", "from 0 (not acceptable) to 10", 8),
        ("Want-Content-Digest", "sha=3, sha-256=1.0", "must be an Integer, found the Decimal",
         15),
        ("Want-Repr-Digest", "sha-256=-1", "not -1", 8),
    ],
)
def test_rejects(name: str, raw: str, fragment: str, position: int) -> None:
    assert_rejects(name, raw, fragment, position)


@pytest.mark.parametrize(
    ("name", "raw", "fragment", "position"),
    [
        ("Content-Digest", "md5=:XUFAKrxLKna5cZ2REBfFkg==:", "md5 is registered as insecure", 0),
        ("Repr-Digest", "crc32c=:yZRlqg==:", "crc32c is registered as insecure", 0),
        ("Want-Content-Digest", "sha-256=10, sha=3", "sha is registered as insecure", 12),
        ("Content-Digest", f"sha256=:{b64(SHA256)}:", "did you mean sha-256?", 0),
        ("Want-Repr-Digest", "blake3=5", "'blake3' is not a registered hash algorithm", 0),
        ("Content-Digest", "", "the same as not sending the field", None),
    ],
)
def test_warns(name: str, raw: str, fragment: str, position: int | None) -> None:
    assert_warns(name, raw, fragment, position)
