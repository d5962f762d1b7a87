"""A capture as a curl command that sends the same request, and what curl cannot reproduce.

Strategy: curl adds fields of its own (Host, User-Agent, Accept; Content-Type, Expect and
Content-Length with a body), normalises the URL path, and puts a Host field first. The
command turns each of those off: `-H 'Name:'` removes a field curl would add, `-H 'Name;'`
sends a field with an empty value, `--request-target` sends the target byte for byte (the
URL is only where to connect; `--path-as-is` keeps it readable and exact too), and every
field line is passed as sent, `-H 'raw line'`, which curl sends verbatim. The content goes
through `printf` with octal escapes into `--data-binary @-`, so NUL and non-UTF-8 octets
survive a copy and paste, and no `$'...'` (not POSIX) is needed.

Quoting (POSIX sh, 2.2.2 and 2.6.3): an argument of printable ASCII goes in single quotes,
with ' written '\\''; any other octet makes the argument "$(printf 'format')", whose format
spells the octet as a three-digit octal escape, so the command holds printable ASCII only.
Nothing in a capture is ever outside quotes, so nothing in it is run.

The differences are what the checked curl (7.88) does otherwise; a test runs each command
against a listener and compares the bytes received with `export.to_http`.
"""

from __future__ import annotations

import re

from ._wire import Head, authority, is_chunked, read_head
from .record import Capture

_SAFE_PATH = re.compile(r"/[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*")  # no #, [ ], { }: no globbing
CURL_CHUNK = 65524  # the largest chunk curl 7.88 sends from --data-binary @-
_PLAIN = re.compile(r"[A-Za-z0-9_@%+:,./-]+")  # special to no shell (POSIX 2.2, bash, zsh)
_VERSION_FLAGS = {"HTTP/1.1": "--http1.1", "HTTP/1.0": "--http1.0"}
# Fields curl adds unless told; with a body, also Content-Type and Expect (its Content-Length
# is only added when the capture has none, and is then listed as a difference).
_CURL_ADDS = ("host", "user-agent", "accept")
_CURL_ADDS_WITH_BODY = ("content-type", "expect")


def quote(arg: str) -> str:
    """`arg` (text whose characters are octets, ISO-8859-1) as one POSIX shell word."""
    if _PLAIN.fullmatch(arg):
        return arg  # nothing in it is special to the shell
    if all(" " <= ch <= "~" for ch in arg):
        return "'" + arg.replace("'", "'\\''") + "'"
    return '"$(printf ' + "'" + printf_format(arg) + "'" + ')"'


def printf_format(data: str) -> str:
    """A printf format that prints exactly the octets of `data`: printable ASCII as itself
    (% doubled), everything else as a three-digit octal escape; so are ', \\ and ! (which
    interactive bash would take for history expansion inside double quotes)."""
    spelled = "".join(ch if " " <= ch <= "~" and ch not in "'\\%!" else
                      "%%" if ch == "%" else f"\\{ord(ch):03o}" for ch in data)
    # A format that starts with "-" would be read as an option: spell that one in octal.
    return "\\055" + spelled[1:] if spelled.startswith("-") else spelled


def to_curl(c: Capture, *, url: str | None = None) -> tuple[str, list[str]]:
    """(command, differences). `url` ("http://127.0.0.1:8080") says where to connect; by
    default the Host value, or the address the capture arrived at."""
    head = read_head(c.head)
    diffs: list[str] = []
    chunked = is_chunked(head)
    send_body = bool(c.body) or chunked
    groups: list[list[str]] = [["-q", *_version(c, head, diffs)]]
    groups += [_method(head.method, send_body, diffs)]
    base = url or f"{'https' if c.tls is not None else 'http'}://{authority(head, c.server)}"
    path = head.target if _SAFE_PATH.fullmatch(head.target) else "/"
    groups += [["--path-as-is", "--request-target",
                _no_nul(head.target, "the target", diffs)]]
    if not head.target:
        diffs.append("the request line has no target: curl sends the URL's path")
    names = {f.name.lower() for f in head.fields if f.colon}
    for name in _CURL_ADDS + (_CURL_ADDS_WITH_BODY if send_body else ()):
        if name not in names:
            groups.append(["-H", _CURL_SPELLING[name] + ":"])  # curl adds it unless removed
    groups += _fields(c, head, diffs)
    if send_body and not chunked and ("content-length" not in names or c.body_cut):
        diffs.append(f"curl adds Content-Length: {len(c.body)} after the other fields")
    if chunked and len(c.body) > CURL_CHUNK:
        diffs.append(f"curl sends the content in chunks of {CURL_CHUNK} octets, not as one")
    if c.trailers:
        diffs.append("curl sends no trailer fields: the trailer section is left out")
    if c.body_cut:
        diffs.append(f"the content was cut to its first {len(c.body)} of {c.body_length} "
                     "octets when stored; curl sends those")
    if head.leading:
        diffs.append("the empty lines before the request line are not sent")
    if head.rest:
        diffs.append(f"the stored head goes on for {len(head.rest)} octets after its empty "
                     "line: they are not sent")
    if head.bare_lf:
        diffs.append("lines that ended in a bare LF are sent with CRLF")
    groups.append([base + path])
    if send_body:
        groups.append(["--data-binary", "@-"])
    command = " \\\n  ".join(["curl", *(" ".join(map(quote, g)) for g in groups if g)])
    if send_body:
        command = f"printf '{printf_format(c.body.decode('latin-1'))}' | " + command
    return command, diffs


_CURL_SPELLING = {"host": "Host", "user-agent": "User-Agent", "accept": "Accept",
                  "content-type": "Content-Type", "expect": "Expect"}


def _version(c: Capture, head: Head, diffs: list[str]) -> list[str]:
    if c.protocol == "h2":
        diffs.append("HTTP/2: curl sends field names in lower case, as HTTP/2 requires")
        return ["--http2"]
    if c.protocol == "h2c":
        diffs.append("HTTP/2: curl sends field names in lower case, as HTTP/2 requires")
        return ["--http2-prior-knowledge"]
    flag = _VERSION_FLAGS.get(head.version)
    if flag is None:
        diffs.append(f"the request line's version {head.version!a} is sent as HTTP/1.1")
        return ["--http1.1"]
    return [flag]


def _method(method: str, send_body: bool, diffs: list[str]) -> list[str]:
    """The option that makes curl send `method`, or none when curl would choose it."""
    if not method:
        diffs.append("the request line has no method: curl sends GET")
        return []
    if method == ("POST" if send_body else "GET"):
        return []  # curl's own choice
    if method == "HEAD" and not send_body:
        return ["--head"]  # -X HEAD would make curl wait for a body that never comes
    return ["-X", _no_nul(method, "the method", diffs)]


def _no_nul(text: str, what: str, diffs: list[str]) -> str:
    if "\0" in text:
        diffs.append(f"{what} holds NUL octets, which no command-line argument can carry: "
                     "sent without them")
        return text.replace("\0", "")
    return text


def _fields(c: Capture, head: Head, diffs: list[str]) -> list[list[str]]:
    """One `-H` per field line, in wire order, as sent; the differences where that fails."""
    args: list[list[str]] = []
    hosts = 0
    for number, f in enumerate(head.fields, start=1):
        where = f"field line {number} ({_show(f.name)})"
        key = f.name.lower()
        if not f.colon or not f.name or f.name.startswith("@"):
            # curl skips a -H without a colon or name, and reads @NAME as a file of fields.
            diffs.append(f"{where} is not sent: curl sends only 'name: value' lines")
            continue
        if key == "content-length" and c.body_cut:
            diffs.append(f"{where} is left to curl: the stored content is shorter")
            continue
        text = f.raw.decode("latin-1")
        if f.folded:
            diffs.append(f"{where} was folded over several lines (obs-fold): sent as one")
            text = f"{f.name}: {f.value}"
        text = _no_nul(text, where, diffs)
        if key == "host":
            hosts += 1
            if hosts > 1:
                diffs.append(f"{where} is not sent: curl sends only the first Host line")
                continue
            if number != 1:
                diffs.append(f"{where}: curl sends Host as the first field line")
            if f.name != "Host":
                diffs.append(f"{where}: curl spells the name 'Host'")
        value = text[text.index(":") + 1:]
        if value.strip(" \t") == "":
            if ";" in f.name:  # 'Name;' is how curl is told to send an empty value
                diffs.append(f"{where} is not sent: curl cannot send an empty value for a "
                             "name with ';' in it")
                continue
            if value:
                diffs.append(f"{where}: the whitespace of an empty value is not sent")
            args.append(["-H", text[:text.index(":")] + ";"])  # 'Name;' sends 'Name:'
            continue
        args.append(["-H", text])
    return args


def _show(name: str) -> str:
    return name if all(" " <= ch <= "~" for ch in name) and len(name) <= 40 else ascii(name)[:40]
