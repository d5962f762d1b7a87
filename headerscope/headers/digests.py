"""Content-Digest, Repr-Digest and Want-*-Digest: integrity of content (RFC 9530).

Structured Field Dictionaries keyed by hash algorithm (the IANA "Hash Algorithms for HTTP
Digest Fields" registry):

    Content-Digest = sf-dictionary       ; sha-256=:X48E9qOok...=:   "values MUST be Byte
    Repr-Digest = sf-dictionary          ;   Sequences", the digest of content/representation
    Want-Content-Digest = sf-dictionary  ; sha-512=3, sha-256=10    "values MUST be Integers
    Want-Repr-Digest = sf-dictionary     ;   ... in the range 0 to 10", 0: "not acceptable"

A digest whose length does not fit its algorithm can never match: an error. md5, sha,
unixsum, unixcksum, adler and crc32c are registered as insecure ("MUST NOT be used in a
potentially adversarial setting"), and an unregistered algorithm is ignored by recipients:
both are warnings.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, dict_items, dict_values, error, expect, sf_dict_field, warning
from .sf import Dictionary, Item

LENGTHS = {"sha-512": 64, "sha-256": 32, "md5": 16, "sha": 20, "adler": 4, "crc32c": 4}
INSECURE = frozenset({"md5", "sha", "unixsum", "unixcksum", "adler", "crc32c"})
ALGORITHMS = frozenset({"sha-512", "sha-256"}) | INSECURE


def _algorithm(key: str) -> Iterator[Issue]:
    if key in INSECURE:
        yield warning(f"{key} is registered as insecure: it may detect corruption but MUST NOT "
                      "be used in a potentially adversarial setting (RFC 9530, 5)", key)
    elif key not in ALGORITHMS:
        near = [a for a in sorted(ALGORITHMS) if a.replace("-", "") == key.replace("-", "")]
        hint = f" (did you mean {near[0]}?)" if near else ""
        yield warning(f"{key!r} is not a registered hash algorithm{hint}; recipients ignore it",
                      key)


def _digests(members: Dictionary) -> Iterator[Issue]:
    for key, member in members.items():
        if problem := expect(member, (bytes,), f"the {key} digest", key, "="):
            yield problem
        elif isinstance(member, Item) and isinstance(member.value, bytes):
            size = len(member.value)
            if size != LENGTHS.get(key, size):
                yield error(f"a {key} digest is {LENGTHS[key]} bytes long; this one has {size}",
                            key, "=")
            yield from _algorithm(key)


def _preferences(members: Dictionary) -> Iterator[Issue]:
    for key, member in members.items():
        if problem := expect(member, (int,), f"the {key} preference", key, "="):
            yield problem
        elif isinstance(member, Item) and isinstance(member.value, int):
            if not 0 <= member.value <= 10:
                yield error("a preference is an Integer from 0 (not acceptable) to 10 (most "
                            f"preferred), not {member.value}", key, "=")
            yield from _algorithm(key)


CONTENT_DIGEST = sf_dict_field(
    "Content-Digest", "RFC 9530, 2", check=_digests, view=dict_values, unview=dict_items,
    value_type="dict[str, bytes]",
    example="sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:")
REPR_DIGEST = sf_dict_field(
    "Repr-Digest", "RFC 9530, 3", check=_digests, view=dict_values, unview=dict_items,
    value_type="dict[str, bytes]",
    example="sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:")
WANT_CONTENT_DIGEST = sf_dict_field(
    "Want-Content-Digest", "RFC 9530, 4", check=_preferences, view=dict_values,
    unview=dict_items, value_type="dict[str, int] (0-10)", example="sha-512=3, sha-256=10")
WANT_REPR_DIGEST = sf_dict_field(
    "Want-Repr-Digest", "RFC 9530, 4", check=_preferences, view=dict_values,
    unview=dict_items, value_type="dict[str, int] (0-10)", example="sha-256=10, sha=3")
