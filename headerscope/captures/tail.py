"""`headerscope tail [URL]`: print a server's captures as they arrive (its /captures/live).

    event-stream: "id: N" / "event: capture" / "data: JSON" lines, a blank line ending each
    event; lines starting with ":" are comments (HTML Living Standard, 9.2.5 and 9.2.6)

Each capture prints as its text view, one block per request, or with --json as one JSON
object per line. Everything printed passes through `inert_text`, so no control character
from a request reaches the terminal. Notices from the server (events dropped because this
client read too slowly, captures skipped under a flood) go to standard error. When the
connection ends, tail reconnects with Last-Event-ID, as a browser would, and so misses
nothing the server still has. Ctrl+C exits 0.
"""

from __future__ import annotations

import http.client
import json
import sys
import time
from typing import IO
from urllib.parse import urlsplit

from ..pages.visible import inert_text

_MAX_LINE = 1 << 20  # an event's line is at most about 16 KiB of text, JSON-escaped
_RECONNECT = 2.0  # seconds, unless the server says otherwise (retry:)


class TailError(Exception):
    """The server cannot be reached, or does not answer with an event stream."""


def tail(url: str, *, as_json: bool, timeout: float | None = None,
         out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Follow the stream until Ctrl+C (or `timeout` seconds); return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    deadline = None if timeout is None else time.monotonic() + timeout
    follower = _Follower(url, as_json, out, err)
    try:
        follower.run(deadline)
    except KeyboardInterrupt:
        return 0
    except TailError as exc:
        print(f"headerscope tail: {exc}", file=err)
        return 1
    return 0


class _Follower:
    def __init__(self, url: str, as_json: bool, out: IO[str], err: IO[str]) -> None:
        parts = urlsplit(url if "://" in url else "http://" + url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TailError(f"not an http or https URL: {url!r}")
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.path = parts.path.rstrip("/") + "/captures/live?format=events"
        self.as_json = as_json
        self.out = out
        self.err = err
        self.last_id: str | None = None
        self.retry = _RECONNECT
        self.connected_once = False

    def run(self, deadline: float | None) -> None:
        while deadline is None or time.monotonic() < deadline:
            try:
                self._follow(deadline)
            except (OSError, http.client.HTTPException) as exc:
                if not self.connected_once:
                    raise TailError(f"cannot follow {self.host}:{self.port}: {exc}") from exc
                print(f"headerscope tail: disconnected ({exc}); reconnecting",
                      file=self.err, flush=True)
            if deadline is not None and time.monotonic() + self.retry >= deadline:
                return
            time.sleep(self.retry)

    def _follow(self, deadline: float | None) -> None:
        remaining = None if deadline is None else max(0.05, deadline - time.monotonic())
        conn_type = (http.client.HTTPSConnection if self.scheme == "https"
                     else http.client.HTTPConnection)
        conn = conn_type(self.host, self.port, timeout=min(remaining or 30.0, 30.0))
        headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
        if self.last_id is not None:
            headers["Last-Event-ID"] = self.last_id
        try:
            conn.request("GET", self.path, headers=headers)
            response = conn.getresponse()
            ctype = response.getheader("Content-Type", "")
            if response.status != 200 or not ctype.startswith("text/event-stream"):
                raise TailError(f"{self.host}:{self.port} answered {response.status} "
                                f"{inert_text(ctype)!r}, not an event stream (is it "
                                "headerscope serve, with a store?)")
            self.connected_once = True
            self._read(response, deadline)
        finally:
            conn.close()

    def _read(self, response: http.client.HTTPResponse, deadline: float | None) -> None:
        event = "message"
        data: list[str] = []
        event_id: str | None = None
        while deadline is None or time.monotonic() < deadline:
            try:
                raw = response.readline(_MAX_LINE)
            except TimeoutError:
                return  # 30 s without even the 15 s heartbeat (or our deadline): reconnect
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if line == "":
                if event_id is not None:
                    self.last_id = event_id
                if data:
                    self._event(event, "\n".join(data))
                event, data, event_id = "message", [], None
                continue
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "":
                if value.startswith("too many"):  # dropped and skipped: a notice follows
                    print(f"headerscope tail: {inert_text(value)}", file=self.err, flush=True)
            elif field == "event":
                event = value
            elif field == "data":
                data.append(value)
            elif field == "id":
                event_id = value
            elif field == "retry" and value.isdigit():
                self.retry = int(value) / 1000

    def _event(self, kind: str, data: str) -> None:
        if kind == "notice":
            print(f"headerscope tail: {inert_text(data)}", file=self.err, flush=True)
            return
        if kind != "capture":
            return
        try:
            doc = json.loads(data)
        except ValueError:
            print("headerscope tail: an event that is not JSON was skipped", file=self.err)
            return
        if not isinstance(doc, dict):
            return
        if self.as_json:
            # ensure_ascii: one line of printable ASCII whatever the request held.
            self.out.write(json.dumps(doc, ensure_ascii=True, separators=(",", ":")) + "\n")
        else:
            text = str(doc.get("text", ""))
            rule = f"--- capture #{doc.get('id')} "
            self.out.write(inert_text(rule + "-" * max(3, 72 - len(rule)) + "\n" + text))
            if not text.endswith("\n"):
                self.out.write("\n")
        self.out.flush()
