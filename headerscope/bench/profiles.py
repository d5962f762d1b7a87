"""The requests a benchmark sends: what real clients send for a page, byte for byte.

Chromium's and Firefox's fields are those of a top-level navigation (as captured from
Chromium 124 and Firefox 125 on Linux), in their order; curl's are curl 7.88's defaults.
Issue 18 compares every contender under two kinds of traffic:

- "browser": Chromium's and Firefox's requests as sent, repeated as a browser repeats them
  (request n is Chromium's when n is even, Firefox's when odd). Every line repeats, so a
  cache of parsed lines serves all of them but the credentials (Cookie).
- "varied": Chromium's fields, plus If-None-Match and Cache-Control, with a value that changes
  on every request in every field (the request number "{n}" in it, so no value repeats within
  10,000,000 requests) except three: Host (the server's authority, one per run),
  Connection (it steers framing: keep-alive) and Upgrade-Insecure-Requests (its grammar,
  "1", admits one value). So no cache of parsed values or rendered rows can help: it
  measures the parsers themselves. Each changing value stays valid and draws no warning:
  the brands' versions and the User-Agent's build change; the Structured Field items
  (Sec-CH-UA-Mobile, -Platform, Sec-Fetch-*) carry a parameter ";n=N", which recipients
  ignore (RFC 9651, 2.3); Accept's signed-exchange range carries "v=bN"; Accept-Encoding
  gets a coding "x-N"; Accept-Language a range "de-nN" (a subtag is 1*8alphanum, RFC 4647,
  2.1: seven characters up to N = 9,999,999); the cookie, the entity tag and max-age carry N.

A profile is one or more templates; request n sends templates[n % len(templates)]. In a
template "{host}" is the server's authority, "{n}" the request's number and "{q}" three digits
derived from it. `request_bytes` fills them in Python; `bench.wrk` turns the same templates
into Lua with the same counter, so both generators send the same bytes for request n. h2load
repeats one fixed request, so it can send only a profile that does not vary (`varies`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Fields = tuple[tuple[str, str], ...]

_CHROMIUM: Fields = (
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
_FIREFOX: Fields = (
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
_CURL: Fields = (("Host", "{host}"), ("User-Agent", "curl/7.88.1"), ("Accept", "*/*"))
_HOST: Fields = (("Host", "{host}"),)

# The fields "varied" sends as Chromium does: one per run (Host), framing (Connection), and
# a grammar of one value (Upgrade-Insecure-Requests = "1", Upgrade Insecure Requests, 3).
FIXED_IN_VARIED = frozenset({"Host", "Connection", "Upgrade-Insecure-Requests"})
_CHANGING = {  # Chromium's other fields, each with the request number in its value
    "sec-ch-ua": '"Chromium";v="124.{n}", "Google Chrome";v="124.{n}", "Not-A.Brand";v="99"',
    "sec-ch-ua-mobile": "?0;n={n}",
    "sec-ch-ua-platform": '"Linux";n={n}',
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/124.0.{n}.0 Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
              "image/apng,*/*;q=0.8,application/signed-exchange;v=b{n};q=0.7",
    "Sec-Fetch-Site": "none;n={n}",
    "Sec-Fetch-Mode": "navigate;n={n}",
    "Sec-Fetch-User": "?1;n={n}",
    "Sec-Fetch-Dest": "document;n={n}",
    "Accept-Encoding": "gzip, deflate, br, zstd, x-{n}",
    "Accept-Language": "en-US,en;q=0.9,de-n{n};q=0.5",
    "Cookie": "theme=dark; session={n}; seen={q}",
}
_VARIED: Fields = (
    *((name, value if name in FIXED_IN_VARIED else _CHANGING[name])
      for name, value in _CHROMIUM),
    ("If-None-Match", 'W/"v{n}"'),
    ("Cache-Control", "max-age={n}"),
)


def _placeholders(text: str) -> bool:
    return "{n}" in text or "{q}" in text


@dataclass(frozen=True)
class Profile:
    """A named load: request n sends `requests[n % len(requests)]`, each a field list."""

    name: str
    requests: tuple[Fields, ...]
    description: str
    # Real clients' requests, unchanged (what the fast paths of headers/ are written for);
    # False for varied, whose made-up values take the exact grammars where they must.
    as_sent: bool = True

    def __post_init__(self) -> None:
        if not self.requests:
            raise ValueError(f"the {self.name} profile has no request")

    @property
    def fields(self) -> Fields:
        """The first request's fields (the only request's, for all profiles but browser)."""
        return self.requests[0]

    @property
    def varies(self) -> bool:
        """Whether request n's bytes depend on n: several requests in turn, or values with
        the request's number. h2load, which repeats one request, cannot send such a profile."""
        return len(self.requests) > 1 or any(
            _placeholders(v) for fields in self.requests for _, v in fields)

    def templates(self, path: str, *, close: bool) -> tuple[str, ...]:
        """Each request with placeholders. `close`: the article's mode, HTTP/1.0 and a new
        connection per request, so no Connection field (HTTP/1.0 closes by default)."""
        version = "HTTP/1.0" if close else "HTTP/1.1"
        out = []
        for fields in self.requests:
            lines = [f"GET {path} {version}"]
            lines += [f"{n}: {v}" for n, v in fields if not (close and n == "Connection")]
            out.append("\r\n".join(lines) + "\r\n\r\n")
        return tuple(out)

    def template(self, path: str, *, close: bool) -> str:
        """The request with placeholders, for a profile of one request."""
        if len(self.requests) != 1:
            raise ValueError(f"the {self.name} profile sends {len(self.requests)} requests in "
                             "turn: use templates()")
        return self.templates(path, close=close)[0]


PROFILES: dict[str, Profile] = {p.name: p for p in (
    Profile("chromium", (_CHROMIUM,), "Chromium 124 page load, 15 fields"),
    Profile("firefox", (_FIREFOX,), "Firefox 125 page load, 13 fields"),
    Profile("curl", (_CURL,), "curl 7.88 defaults, 3 fields"),
    Profile("host", (_HOST,), "Host only"),
    Profile("browser", (_CHROMIUM, _FIREFOX),
            "Chromium's and Firefox's page loads in turn (request n: Chromium's when n is "
            "even), as sent"),
    Profile("varied", (_VARIED,),
            "Chromium's 15 fields + 2, every value but Host, Connection and "
            "Upgrade-Insecure-Requests changing on every request", as_sent=False),
)}


def fill(template: str, host: str, n: int) -> str:
    return (template.replace("{host}", host).replace("{n}", str(n))
            .replace("{q}", f"{n % 1000:03d}"))


def request_bytes(profile: Profile, host: str, path: str, *,
                  close: bool) -> Callable[[int], bytes]:
    """Request number n -> its bytes; constant objects when the profile has no placeholder."""
    templates = tuple(t.replace("{host}", host) for t in profile.templates(path, close=close))
    count = len(templates)
    if not any(_placeholders(t) for t in templates):
        data = tuple(t.encode("latin-1") for t in templates)
        if count == 1:
            one = data[0]
            return lambda n: one
        return lambda n: data[n % count]
    return lambda n: fill(templates[n % count], host, n).encode("latin-1")
