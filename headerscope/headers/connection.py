"""Connection and Proxy-Connection: options for the current connection only.

Connection (RFC 9110, 7.6.1) lists hop-by-hop field names and options such as "close" and
"keep-alive"; they are case-insensitive and are returned lower-cased. Proxy-Connection is a
non-standard spelling some old clients sent to proxies: "clients are encouraged not to send
the Proxy-Connection header field in any requests" (RFC 7230, A.1.2).

    Connection        = #connection-option
    connection-option = token
"""

import dataclasses

from ._shared.content import token_list_field
from ._shared.spec import Diagnostic


def lint(value: tuple[str, ...], raw: str) -> list[Diagnostic]:
    # "If the 'close' connection option is present, the connection will not persist after
    # the current response" (RFC 9112, 9.3), whatever else the field lists
    if "close" in value and "keep-alive" in value:
        return [Diagnostic("'close' and 'keep-alive' together: 'close' wins (RFC 9112, 9.3)")]
    return []


CONNECTION = token_list_field("Connection", "RFC 9110, 7.6.1", lower=True, lint=lint,
                              example="keep-alive, Upgrade")
PROXY_CONNECTION = dataclasses.replace(
    token_list_field("Proxy-Connection", "non-standard (RFC 7230, A.1.2)", lower=True,
                     lint=lint, example="keep-alive"),
    deprecated="Proxy-Connection is non-standard and ignored by proxies; use Connection")
