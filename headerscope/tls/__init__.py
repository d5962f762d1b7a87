"""TLS ClientHello decoding and client fingerprints (JA3, JA4), sans I/O.

`parse_client_hello(bytes)` decodes a hello given as TLS records or as a bare handshake
message; `HelloAccumulator` collects one from a byte stream as it arrives; `fingerprints`
computes JA3 and JA4 from the decoded hello. Nothing here touches a socket.
"""

from ._wire import Diagnostic, HelloError
from .accumulator import HelloAccumulator
from .hello import ClientHello, Extension, parse_client_hello

__all__ = ["ClientHello", "Diagnostic", "Extension", "HelloAccumulator", "HelloError",
           "parse_client_hello"]
