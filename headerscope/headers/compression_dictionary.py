"""Available-Dictionary and Dictionary-ID: the dictionary a client can decompress with.

Compression Dictionary Transport (RFC 9842), 2.2 and 2.3. Structured Field Items:

    Available-Dictionary = sf-binary  ; the SHA-256 hash of one available dictionary
    Dictionary-ID = sf-string         ; the server's "id" for it, of up to 1024 characters

A hash that is not 32 bytes long cannot be a SHA-256 hash, and an ID longer than 1024
characters breaks the field's definition: both are errors, and the field is ignored.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, bare_item_field, error, string_item_field

SHA256_LENGTH = 32
MAX_ID_LENGTH = 1024


def _sha256(value: bytes) -> Iterator[Issue]:
    if len(value) != SHA256_LENGTH:
        yield error(f"Available-Dictionary is a SHA-256 hash, 32 bytes long; this one has "
                    f"{len(value)} bytes")


def _id(value: str) -> Iterator[Issue]:
    if len(value) > MAX_ID_LENGTH:
        yield error(f"Dictionary-ID is a String of up to 1024 characters; this one has "
                    f"{len(value)}")


AVAILABLE_DICTIONARY = bare_item_field(
    "Available-Dictionary", "RFC 9842, 2.2", (bytes,), check_value=_sha256,
    value_type="bytes (SHA-256)", example=":pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4=:")
DICTIONARY_ID = string_item_field("Dictionary-ID", "RFC 9842, 2.3", check_value=_id,
                                  example='"dictionary-12345"')
