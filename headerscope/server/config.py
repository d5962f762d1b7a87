"""Every server setting, with its default, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import __version__
from ..http import Limits
from ..proxy import Networks
from ._loops import LOOPS


@dataclass(frozen=True, slots=True)
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8080  # 0: any free port (the start-up line says which)
    workers: int = 1  # processes sharing the port through SO_REUSEPORT
    certfile: str | None = None  # PEM certificate chain: serve HTTPS
    keyfile: str | None = None  # PEM private key, when not inside certfile
    client_ca: str | None = None  # PEM CA certificates: ask clients for a certificate (mTLS)
    limits: Limits = field(default_factory=Limits)
    # Timeouts, in seconds.
    header_timeout: float = 10.0  # from a request's first byte to its empty line (slowloris)
    body_timeout: float = 30.0  # from the end of the head to the end of the body
    keepalive_timeout: float = 15.0  # idle time between requests on a connection
    write_timeout: float = 30.0  # a client that reads none of our output for this long
    shutdown_timeout: float = 10.0  # grace for requests in flight after SIGTERM
    # Limits on the server as a whole.
    max_connections: int = 16384  # above it, new connections get 503 and are closed
    max_requests: int = 1000  # per connection; the last response says Connection: close
    # Memory held for all connections together, beyond each connection's own limits: 300
    # clients stalled half-way through 1 MiB bodies would otherwise hold 300 MiB, and clients
    # that never read their answers would hold every answer until the write timeout.
    max_input_memory: int = 64 << 20  # request bytes buffered (heads, bodies); over it: 503
    max_output_memory: int = 64 << 20  # answers written and not yet read by their clients
    backlog: int = 2048
    access_log: bool = True
    # Peers allowed to send a PROXY protocol header (v1 or v2) before anything else; every
    # other peer is refused. Empty: the protocol is off (RFC-style: never guessed).
    proxy_protocol_from: tuple[str, ...] = ()
    # HTTP/2 is offered by ALPN on TLS and detected on cleartext (the prior-knowledge preface,
    # Upgrade: h2c); True serves HTTP/1.1 only.
    http1_only: bool = False
    # Keep the TLS ClientHello, decode it and fingerprint it (JA3, JA4) once per connection;
    # False leaves the handshake to OpenSSL alone (the pages still show version, cipher, ALPN).
    client_hello: bool = True
    loop: str = "asyncio"  # or "uvloop" (the optional extra); asyncio when it is not installed
    # cProfile of the serving loop, written at exit; each of --workers N writes FILE.PID
    profile: str | None = None
    server_name: str = f"headerscope/{__version__}"  # the Server field

    def __post_init__(self) -> None:
        if self.proxy_protocol_from:
            Networks.parse(self.proxy_protocol_from)  # raises CIDRError (a ValueError)
        if not 0 <= self.port <= 65535:
            raise ValueError("port must be between 0 and 65535")
        if self.client_ca and not self.certfile:
            raise ValueError("--client-ca needs TLS (--certfile)")
        if self.keyfile and not self.certfile:
            raise ValueError("a key file needs a certificate file (--certfile)")
        positive = ("workers", "max_connections", "max_requests", "backlog",
                    "max_input_memory", "max_output_memory")
        for name in positive:
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.loop not in LOOPS:
            raise ValueError(f"unknown event loop {self.loop!r}")
        timeouts = ("header_timeout", "body_timeout", "keepalive_timeout", "write_timeout")
        for name in (*timeouts, "shutdown_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive")

    @property
    def tls(self) -> bool:
        return self.certfile is not None
