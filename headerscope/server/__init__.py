"""The asyncio HTTP/1.1 server: connections, limits, timeouts, TLS, IPv6 and workers.

    from headerscope.server import ServerConfig, serve
    serve(ServerConfig(port=8080), app)   # app(request, info) -> Response

An application is a plain synchronous function of the parsed request and what the server
knows about the connection; the server owns framing, Date, Server, Content-Length and
Connection, and answers every framing error itself.
"""

from ..http import App, ConnectionInfo, Request, Response
from ._serve import serve
from ._server import Server
from .config import ServerConfig

__all__ = ["App", "ConnectionInfo", "Request", "Response", "Server", "ServerConfig", "serve"]
