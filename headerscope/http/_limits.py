"""Size limits on a request, each with the status a request over it gets.

The defaults follow the servers people trust: nginx reads request lines of 8 KiB and bodies
of 1 MiB; h11 and Node bound the whole head at 16 KiB. RFC 9112, 3: "It is RECOMMENDED that all
HTTP senders and recipients support, at a minimum, request-line lengths of 8000 octets."
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Limits:
    max_request_line: int = 8192  # octets before CRLF; over it: 414
    max_method: int = 64  # longer than any method we could implement: 501
    max_field_section: int = 16384  # octets of field lines (header or trailer section): 431
    max_fields: int = 100  # field lines per section: 431
    max_body: int = 1 << 20  # octets of content, declared or chunked: 413
    max_chunk_ext: int = 1024  # octets of chunk extensions on one chunk-size line: 400

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) < (0 if f.name == "max_body" else 1):
                raise ValueError(f"{f.name} is too small")
