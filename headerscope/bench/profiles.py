"""The requests a benchmark sends: what real clients send for a page, byte for byte.

Chromium's and Firefox's fields are those of a top-level navigation (as captured from
Chromium 124 and Firefox 125 on Linux), in their order; curl's are curl 7.88's defaults.
"varied" is Chromium's request with values that change on every request (a cookie, an
entity tag, a user agent build, a language weight), so that no cache of parsed values or
rendered output can turn the benchmark into a dictionary lookup.

A profile is a template: "{host}" is the server's authority, "{n}" the request's number and
"{q}" three digits derived from it. `request_bytes` fills it in Python; `bench.wrk` turns the
same template into Lua, so both generators send the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_CHROMIUM = (
    ("Host", "{host}"),
    ("Connection", "keep-alive"),
    ("sec-ch-ua", '"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"'),
    ("sec-ch-ua-mobile", "?0"),
    ("sec-ch-ua-platform", '"Linux"'),
    ("Upgrade-Insecure-Requests", "1"),
    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                   "Chrome/124.0.0.0 Safari/537.36"),
    ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
               "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"),
    ("Sec-Fetch-Site", "none"),
    ("Sec-Fetch-Mode", "navigate"),
    ("Sec-Fetch-User", "?1"),
    ("Sec-Fetch-Dest", "document"),
    ("Accept-Encoding", "gzip, deflate, br, zstd"),
    ("Accept-Language", "en-US,en;q=0.9"),
    ("Cookie", "theme=dark; session=8f2c1e0b9a"),
)
_FIREFOX = (
    ("Host", "{host}"),
    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"),
    ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
               "*/*;q=0.8"),
    ("Accept-Language", "en-US,en;q=0.5"),
    ("Accept-Encoding", "gzip, deflate, br"),
    ("Connection", "keep-alive"),
    ("Upgrade-Insecure-Requests", "1"),
    ("Sec-Fetch-Dest", "document"),
    ("Sec-Fetch-Mode", "navigate"),
    ("Sec-Fetch-Site", "none"),
    ("Sec-Fetch-User", "?1"),
    ("Priority", "u=0, i"),
    ("TE", "trailers"),
)
_CURL = (("Host", "{host}"), ("User-Agent", "curl/7.88.1"), ("Accept", "*/*"))
_HOST = (("Host", "{host}"),)
_CHANGING = {  # Chromium's fields whose values change per request in "varied"
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/124.0.{n}.0 Safari/537.36",
    "Accept-Language": "en-US,en;q=0.{q},de;q=0.5",
    "Cookie": "theme=dark; session={n}; seen={q}",
}
_VARIED = (
    *((name, _CHANGING.get(name, value)) for name, value in _CHROMIUM),
    ("If-None-Match", 'W/"v{n}"'),
    ("Cache-Control", "max-age={q}"),
)


@dataclass(frozen=True)
class Profile:
    name: str
    fields: tuple[tuple[str, str], ...]
    description: str

    @property
    def varies(self) -> bool:
        return any("{n}" in v or "{q}" in v for _, v in self.fields)

    def template(self, path: str, *, close: bool) -> str:
        """The request with placeholders. `close`: the article's mode, HTTP/1.0 and a new
        connection per request, so no Connection field (HTTP/1.0 closes by default)."""
        version = "HTTP/1.0" if close else "HTTP/1.1"
        lines = [f"GET {path} {version}"]
        lines += [f"{n}: {v}" for n, v in self.fields if not (close and n == "Connection")]
        return "\r\n".join(lines) + "\r\n\r\n"


PROFILES: dict[str, Profile] = {p.name: p for p in (
    Profile("chromium", _CHROMIUM, "Chromium 124 page load, 15 fields"),
    Profile("firefox", _FIREFOX, "Firefox 125 page load, 13 fields"),
    Profile("curl", _CURL, "curl 7.88 defaults, 3 fields"),
    Profile("host", _HOST, "Host only"),
    Profile("varied", _VARIED, "Chromium's 15 fields + 2, values changing on every request"),
)}


def fill(template: str, host: str, n: int) -> str:
    return (template.replace("{host}", host).replace("{n}", str(n))
            .replace("{q}", f"{n % 1000:03d}"))


def request_bytes(profile: Profile, host: str, path: str, *,
                  close: bool) -> Callable[[int], bytes]:
    """Request number n -> its bytes; one constant object when the profile does not vary."""
    template = profile.template(path, close=close).replace("{host}", host)
    if not profile.varies:
        data = template.encode("latin-1")
        return lambda n: data
    return lambda n: fill(template, host, n).encode("latin-1")
