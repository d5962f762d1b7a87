"""Headless Chromium driven over the DevTools protocol through a pipe: no driver, no port.

Strategy: `--remote-debugging-pipe` makes Chromium read protocol commands from its fd 3 and
write replies and events to its fd 4, each a JSON text ended by a NUL byte. A small launcher
(`python -c`, then exec) moves our pipe ends to fds 3 and 4, so nothing listens on a port and
no WebDriver is needed. A reader thread files replies by id and keeps events in order; every
wait is bounded. The browser runs in its own process group, so that `close()` ends it and
every helper process it started (renderers, GPU, zygote), and nothing else.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The flags: no sandbox (we run as root), no GPU, and nothing that reaches outside
# hosts (QUIC, background networking, component updates, sync, first-run pages).
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
# With those flags alone, Chromium 156 still asks for accounts.google.com, update.googleapis.com
# and clients2.google.com. Resolving every other name to "not found" inside the browser keeps
# all its traffic on 127.0.0.1; its network log (see `tcp_peers`) proves it.
LOCAL_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"

# Copies first, above fd 10 and closed at exec, so that moving one pipe end to 3 or 4 cannot
# overwrite the other.
_LAUNCH = ("import fcntl, os, sys; "
           "a, b = (fcntl.fcntl(int(fd), fcntl.F_DUPFD_CLOEXEC, 10) for fd in sys.argv[1:3]); "
           "os.dup2(a, 3); os.dup2(b, 4); os.execv(sys.argv[3], sys.argv[3:])")

Event = dict[str, Any]


class DevToolsError(AssertionError):
    """The browser answered a command with an error, or did not answer in time."""


class Chromium:
    def __init__(self, executable: str, workdir: Path, timeout: float = 30.0) -> None:
        """Start Chromium with a new profile in `workdir`, and its network log beside it."""
        self.timeout = timeout
        self.netlog = workdir / "netlog.json"
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        command = [sys.executable, "-c", _LAUNCH, str(to_browser_r), str(from_browser_w),
                   executable, *FLAGS, LOCAL_ONLY, f"--user-data-dir={workdir / 'profile'}",
                   f"--log-net-log={self.netlog}", "--remote-debugging-pipe", "about:blank"]
        self.proc = subprocess.Popen(command, pass_fds=(to_browser_r, from_browser_w),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     start_new_session=True)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._lock = threading.Condition()
        self._replies: dict[int, dict[str, Any]] = {}
        self.events: list[Event] = []
        self._next_id = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.stderr: list[str] = []
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace").rstrip())

    def _read(self) -> None:
        buffer = b""
        while chunk := os.read(self._from_browser, 1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            with self._lock:
                for text in messages:
                    message = json.loads(text)
                    if "id" in message:
                        self._replies[message["id"]] = message
                    else:
                        self.events.append(message)
                self._lock.notify_all()
        with self._lock:
            self._lock.notify_all()

    def send(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None) -> dict[str, Any]:
        with self._lock:
            self._next_id += 1
            number = self._next_id
        message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        with self._lock:
            if not self._lock.wait_for(lambda: number in self._replies or not self.alive,
                                       self.timeout):
                raise DevToolsError(f"no answer to {method} in {self.timeout} s")
            reply = self._replies.pop(number, None)
        if reply is None:
            raise DevToolsError(f"the browser exited during {method}: {self.stderr[-5:]}")
        if "error" in reply:
            raise DevToolsError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply["result"]
        return result

    @property
    def alive(self) -> bool:
        return self._reader.is_alive()

    def wait_event(self, method: str, session: str | None = None, start: int = 0) -> Event:
        """The first event `method` of `session` at index `start` or later."""
        def find() -> Event | None:
            return next((e for e in self.events[start:] if e["method"] == method
                         and e.get("sessionId") == session), None)

        with self._lock:
            found = self._lock.wait_for(lambda: find() or not self.alive, self.timeout)
            event = find()
        if not found or event is None:
            raise DevToolsError(f"no {method} event in {self.timeout} s")
        return event

    def new_page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        return Page(self, session["sessionId"])

    def close(self) -> None:
        """End the browser and every process it started (its own process group)."""
        with contextlib.suppress(DevToolsError, OSError):
            os.write(self._to_browser, json.dumps(
                {"id": 0, "method": "Browser.close", "params": {}}).encode() + b"\0")
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # our group: helpers may outlive the main
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        os.close(self._to_browser)
        self._reader.join(5)
        os.close(self._from_browser)

    def tcp_peers(self) -> set[str]:
        """Every address the browser opened (or tried to open) a TCP connection to, from its
        network log. Read after `close()`: the log is complete only once the browser exits,
        and a killed browser leaves it without its closing brackets."""
        text = self.netlog.read_text()
        try:
            log = json.loads(text)
        except json.JSONDecodeError:
            log = json.loads(text.rstrip().rstrip(",") + "]}")
        names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
        peers = set()
        for event in log["events"]:
            params = event.get("params", {})
            if names[event["type"]] in ("TCP_CONNECT", "TCP_CONNECT_ATTEMPT"):
                peers.update(params.get("address_list", []))
                peers.update(p for p in (params.get("address"), params.get("remote_address"))
                             if p)
        return peers


class Page:
    """One tab: navigation, script evaluation, screenshots, and what its console said."""

    def __init__(self, browser: Chromium, session: str) -> None:
        self.browser, self.session = browser, session
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def navigate(self, url: str) -> None:
        self.wait_for_load(lambda: self.send("Page.navigate", {"url": url}))

    def wait_for_load(self, action: Callable[[], object]) -> None:
        """Do `action` (which starts a navigation) and wait until the new page has loaded."""
        start = len(self.browser.events)
        action()
        self.browser.wait_event("Page.loadEventFired", self.session, start)

    def evaluate(self, expression: str, *, await_promise: bool = False) -> Any:
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": await_promise})
        if "exceptionDetails" in reply:
            raise DevToolsError(f"{expression!r} threw: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        """The whole page, as a PNG at `path`."""
        size = self.send("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": 1280, "height": min(size["height"], 8000), "scale": 1}
        data = self.send("Page.captureScreenshot", {"format": "png", "clip": clip,
                                                    "captureBeyondViewport": True})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def console_errors(self) -> list[str]:
        """Errors the page reported: console and log entries, and uncaught exceptions."""
        out = []
        for e in list(self.browser.events):
            if e.get("sessionId") != self.session:
                continue
            params = e["params"]
            if e["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
                out.append(f"{params['entry']['source']}: {params['entry']['text']} "
                           f"({params['entry'].get('url', '')})")
            elif e["method"] == "Runtime.consoleAPICalled" and params["type"] == "error":
                out.append("console.error: " + " ".join(
                    str(a.get("value", a.get("description"))) for a in params["args"]))
            elif e["method"] == "Runtime.exceptionThrown":
                out.append("exception: " + params["exceptionDetails"]["text"])
        return out

    def settle(self) -> None:
        """Wait until every message the page sent before now has arrived: replies and events
        of one session come through the pipe in order, so one round trip is enough."""
        self.evaluate("0")
