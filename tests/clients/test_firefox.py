"""Firefox ESR (Debian's `firefox-esr`), headless, against a live `headerscope serve`.

Debian ships no geckodriver, so Firefox is run the one way that needs none:
`firefox-esr --headless --screenshot FILE URL` with a fresh `--profile`. It loads the page,
saves the screenshot and exits. What it sent is read from the relay's capture, and the view it
was answered with is checked against `headerscope parse --json -` on those bytes by `_checks`.
Firefox's console cannot be read this way; the Chromium tests check the console.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

from ..conftest import require_tool
from ._checks import artifact, check_exchanges, views
from ._wire import RecordingProxy

pytestmark = pytest.mark.slow  # a browser start costs seconds

# Preferences that keep a new profile's background traffic (remote settings, region and
# geolocation lookups, captive-portal and connectivity checks, Safe Browsing, telemetry,
# updates, prefetching, DNS over HTTPS) off the network. Remote settings go to a closed port
# on 127.0.0.1: Firefox honours that server only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1.
PREFS = {
    "network.proxy.type": 0,
    "services.settings.server": "http://127.0.0.1:9/v1",
    "browser.region.network.url": "",
    "browser.region.update.enabled": False,
    "geo.provider.network.url": "",
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "app.normandy.enabled": False,
    "app.update.auto": False,
    "app.update.enabled": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.unified": False,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.blocklist.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.newtabpage.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "network.http.speculative-parallel-limit": 0,
    "dom.push.connection.enabled": False,
    "media.gmp-manager.url": "",
    "network.trr.mode": 5,
}
# What Firefox sends on a top-level navigation; each must be a known field.
NAVIGATION_FIELDS = {
    "Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding", "Connection",
    "Upgrade-Insecure-Requests", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site",
    "Priority"}


def user_js(prefs: dict[str, object]) -> str:
    def literal(value: object) -> str:
        return str(value).lower() if isinstance(value, bool) else (
            str(value) if isinstance(value, int) else f'"{value}"')

    return "".join(f'user_pref("{name}", {literal(v)});\n' for name, v in prefs.items())


def screenshot(firefox: str, url: str, path: Path, workdir: Path, env: dict[str, str]) -> str:
    """Run Firefox once; return its HTTP log. Ends every process of its group, always."""
    profile = workdir / "profile"
    profile.mkdir()
    (profile / "user.js").write_text(user_js(PREFS))
    log = workdir / "http.log"
    env = {**env, "MOZ_REMOTE_SETTINGS_DEVTOOLS": "1", "MOZ_LOG": "nsHttp:3",
           "MOZ_LOG_FILE": str(log)}
    proc = subprocess.Popen(
        [firefox, "--headless", "--no-remote", "--profile", str(profile),
         "--screenshot", str(path), url],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = proc.communicate(timeout=90)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # its group: content processes included
        proc.wait(10)
    assert proc.returncode == 0, output.decode(errors="replace")
    return "".join(p.read_text(errors="replace") for p in workdir.glob("http.log*"))


@pytest.mark.parametrize("view", ["html", "json", "text", "raw"])
def test_firefox(proxy: RecordingProxy, client_env: dict[str, str], tmp_path: Path,
                 view: str) -> None:
    firefox = require_tool("firefox-esr")
    query = "" if view == "html" else f"&format={view}"
    url = f"{proxy.origin}/firefox/{view}?q=1{query}"
    path = artifact(f"firefox-{view}.png")
    http_log = screenshot(firefox, url, path, tmp_path, client_env)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    # Every HTTP request Firefox made went to 127.0.0.1.
    hosts = set(re.findall(r"uri=https?://([^/:]+)", http_log))
    assert hosts == {"127.0.0.1"}, hosts
    exchanges = proxy.exchanges()
    (navigation,) = [ex for ex in exchanges if ex.request.target == url[len(proxy.origin):]]
    assert views([navigation]) == {view}
    assert not navigation.request.sends(NAVIGATION_FIELDS)
    problems = check_exchanges("firefox", exchanges)
    assert not problems, "\n".join(problems)
