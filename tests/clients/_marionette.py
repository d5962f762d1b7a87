"""Firefox driven over Marionette, its own remote protocol: no geckodriver, no WebSocket.

Strategy: `firefox-esr --marionette` with the pref `marionette.port` set to 0 listens on a
free port of 127.0.0.1 and writes that port into the profile's `MarionetteActivePort` file.
The protocol is plain TCP: every message is the length of its JSON text in decimal, a colon,
then the JSON text. Firefox first sends a greeting; a command is `[0, id, name, params]` and
its reply `[1, id, error, result]`. `WebDriver:NewSession` with `acceptInsecureCerts` lets
this session, and only it, load pages served with a throwaway certificate. Every wait is
bounded, and the browser runs in its own process group, so that `close()` ends it and its
content processes, and nothing else.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

PROTOCOL = 3  # the Marionette protocol level this client speaks


class MarionetteError(AssertionError):
    """Firefox answered a command with an error, or did not start or answer in time."""


class Firefox:
    def __init__(self, executable: str, profile: Path, env: dict[str, str],
                 timeout: float = 30.0) -> None:
        """Start Firefox headless on `profile` (a folder holding the test's user.js) and open
        a Marionette session that accepts the server's self-signed certificate."""
        self.timeout = timeout
        with (profile / "user.js").open("a") as prefs:
            prefs.write('user_pref("marionette.port", 0);\n')  # 0: any free port
        self.log = profile.parent / "firefox.log"
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [executable, "--headless", "--no-remote", "--marionette", "--profile",
                 str(profile), "about:blank"],
                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self._next_id = 0
        self._buffer = b""
        try:
            self._sock = self._connect(profile)
            greeting = self._receive()
            if greeting.get("marionetteProtocol") != PROTOCOL:
                raise MarionetteError(f"unexpected Marionette greeting {greeting}")
            capabilities = self.command("WebDriver:NewSession", {"acceptInsecureCerts": True})
            if capabilities["capabilities"].get("acceptInsecureCerts") is not True:
                raise MarionetteError(f"the session refused acceptInsecureCerts: {capabilities}")
        except BaseException:
            self._end()
            raise

    def _connect(self, profile: Path) -> socket.socket:
        """A connection to the port Firefox wrote down once it listens. A file read while it
        is being written may hold part of the number: then the connection is refused, and
        the loop reads the file again."""
        active = profile / "MarionetteActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(FileNotFoundError, ValueError, ConnectionRefusedError):
                return socket.create_connection(("127.0.0.1", int(active.read_text())),
                                                self.timeout)
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise MarionetteError(f"Firefox did not open its Marionette port: {self.output()}")

    def _receive(self) -> Any:
        while b":" not in self._buffer:
            if len(self._buffer) > 20:  # a length is a few digits; anything else is garbage
                raise MarionetteError(f"not a Marionette message: {self._buffer[:40]!r}")
            self._fill()
        length, _, self._buffer = self._buffer.partition(b":")
        size = int(length)
        while len(self._buffer) < size:
            self._fill()
        text, self._buffer = self._buffer[:size], self._buffer[size:]
        return json.loads(text)

    def _fill(self) -> None:
        try:
            chunk = self._sock.recv(1 << 16)
        except TimeoutError:
            raise MarionetteError(f"Firefox did not answer in {self.timeout} s") from None
        if not chunk:
            raise MarionetteError(f"Firefox closed its Marionette connection: {self.output()}")
        self._buffer += chunk

    def command(self, name: str, params: dict[str, Any] | None = None) -> Any:
        self._next_id += 1
        text = json.dumps([0, self._next_id, name, params or {}]).encode()
        self._sock.sendall(str(len(text)).encode() + b":" + text)
        kind, number, error, result = self._receive()
        if kind != 1 or number != self._next_id:
            raise MarionetteError(f"{name}: a reply out of order: {[kind, number]}")
        if error is not None:
            raise MarionetteError(f"{name}: {error.get('error')}: {error.get('message')}")
        return result

    def navigate(self, url: str) -> None:
        """Load `url` in the tab and wait until the document has loaded."""
        self.command("WebDriver:Navigate", {"url": url})

    def evaluate(self, script: str) -> Any:
        """The value the function body `script` returns in the page."""
        return self.command("WebDriver:ExecuteScript", {"script": script, "args": []})["value"]

    def output(self) -> str:
        """What Firefox printed (the last lines), for an error message."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-10:])

    def close(self) -> None:
        """Ask Firefox to quit, then end its process group whatever it did."""
        with contextlib.suppress(MarionetteError, OSError):
            self.command("Marionette:Quit", {"flags": ["eForceQuit"]})
        self._end()

    def _end(self) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # its group: content processes included
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        sock = getattr(self, "_sock", None)
        if sock is not None:
            sock.close()
