"""Strategies for the identity group's fields: hosts, origins, URIs, proxies, connections,
products, addresses, and the markers browsers add to a request.

Values are built so that the grammar's own constraints hold (a path after an authority starts
with "/", a relative reference's first segment has no ":", a reg-name never looks like an
IPv4 address), because those are exactly the values the parsers return.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from ..headers._rfc8187 import ExtValue
from ..headers._uri import IPV4_RE, Host, HostKind, OpaqueOrigin, Origin, RelativeRef, Uri
from ..headers.forwarded import ForwardedElement, Node, NodeKind
from ..headers.from_ import Mailbox
from ..headers.http2_settings import Setting
from ..headers.keep_alive import KeepAliveParam
from ..headers.link import Link, LinkParam
from ..headers.prefer import Handling, Preference, Return
from ..headers.products import Comment, Product
from ..headers.purpose import Purpose
from ..headers.upgrade import Protocol
from ..headers.via import ViaEntry
from ._common import FieldStrategies, lower_tokens, quoted_contents, tokens

# -- hosts and addresses -------------------------------------------------------------------

_LABEL = r"[a-z0-9](?:[a-z0-9\-]{0,8}[a-z0-9])?"
dns_names = st.from_regex(rf"{_LABEL}(?:\.{_LABEL}){{0,3}}", fullmatch=True).filter(
    lambda s: IPV4_RE.fullmatch(s) is None)
# any reg-name: sub-delims and lower-case percent-encodings too
reg_names = st.from_regex(r"(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2}){0,16}",
                          fullmatch=True).filter(lambda s: IPV4_RE.fullmatch(s) is None)
ipv4s = st.ip_addresses(v=4).map(str)
ipv6s = st.ip_addresses(v=6).map(str)
ipvfutures = st.from_regex(r"v[0-9a-fA-F]{1,3}\.[A-Za-z0-9:._~!$&'()*+,;=\-]{1,8}",
                           fullmatch=True)
ports = st.none() | st.integers(0, 65535)


def hosts(names: st.SearchStrategy[str] = reg_names, *,
          in_list: bool = False) -> st.SearchStrategy[Host]:
    """`in_list`: no "," that would split a list element (X-Forwarded-Host)."""
    futures = ipvfutures.filter(lambda f: "," not in f) if in_list else ipvfutures
    return st.one_of(
        st.builds(Host, names, ports, st.just(HostKind.REG_NAME)),
        st.builds(Host, ipv4s, ports, st.just(HostKind.IPV4)),
        st.builds(Host, ipv6s, ports, st.just(HostKind.IPV6)),
        st.builds(Host, futures, ports, st.just(HostKind.IPVFUTURE)),
    )


def origins() -> st.SearchStrategy[Origin]:
    return st.builds(lambda s, h: Origin(s, h.host, h.port, h.kind), schemes, hosts(dns_names))


# -- URI references ------------------------------------------------------------------------

schemes = st.from_regex(r"[a-z][a-z0-9+.\-]{0,8}", fullmatch=True)
_PCHARS = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})"
segments = st.from_regex(rf"{_PCHARS}{{0,8}}", fullmatch=True)
nz_segments = st.from_regex(rf"{_PCHARS}{{1,8}}", fullmatch=True)
nc_segments = nz_segments.filter(lambda s: ":" not in s)  # path-noscheme's first segment
queries = st.none() | st.from_regex(rf"(?:{_PCHARS}|[/?]){{0,12}}", fullmatch=True)
userinfos = st.none() | st.from_regex(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-F]{2}){0,8}",
                                      fullmatch=True)
_rest = st.lists(segments, max_size=3).map(lambda ss: "".join("/" + s for s in ss))


def _path(first: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A path with no authority: empty, absolute ("/x..." never "//"), or rootless."""
    return st.one_of(st.just(""), st.builds(lambda a, b: "/" + a + b, nz_segments, _rest),
                     st.builds(lambda a, b: a + b, first, _rest))


def uri_references() -> st.SearchStrategy[Uri | RelativeRef]:
    with_authority = st.tuples(userinfos, hosts(), _rest)
    uris = st.one_of(
        st.builds(lambda s, a, q, f: Uri(s, a[0], a[1], a[2], q, f),
                  schemes, with_authority, queries, queries),
        st.builds(lambda s, p, q, f: Uri(s, None, None, p, q, f),
                  schemes, _path(nz_segments), queries, queries))
    relatives = st.one_of(
        st.builds(lambda a, q, f: RelativeRef(a[0], a[1], a[2], q, f),
                  with_authority, queries, queries),
        st.builds(lambda p, q, f: RelativeRef(None, None, p, q, f),
                  _path(nc_segments), queries, queries))
    return uris | relatives


_BAD_URIS = ["http://exa mple.com/", "/path with space", "http://[::1/", "1http:x",
             "http://a.example/%zz", "http://a.example/<script>", "a:b c", "\\\\server\\share",
             "http://a.example/\xe9", "http://a.example:8o/", "http://[::g]/", "//a@b@c/",
             "http://a.example/#x#y", "http://a.example:99999/", '"http://a.example/"']

# -- proxies -------------------------------------------------------------------------------

_obfuscated = st.from_regex(r"_[A-Za-z0-9._\-]{1,8}", fullmatch=True)
_node_ports = st.none() | st.integers(0, 65535) | _obfuscated
nodes = st.one_of(
    st.builds(Node, st.just(NodeKind.IPV4), ipv4s, _node_ports),
    st.builds(Node, st.just(NodeKind.IPV6), ipv6s, _node_ports),
    st.builds(Node, st.just(NodeKind.UNKNOWN), st.just("unknown"), _node_ports),
    st.builds(Node, st.just(NodeKind.OBFUSCATED), _obfuscated, _node_ports),
)
_extensions = st.dictionaries(
    lower_tokens.filter(lambda n: n not in ("for", "by", "host", "proto")),
    tokens | quoted_contents, max_size=2)
forwarded_elements = st.builds(
    ForwardedElement, st.none() | nodes, st.none() | nodes, st.none() | hosts(),
    st.none() | schemes, _extensions).filter(lambda e: e != ForwardedElement())


def _comment_texts() -> st.SearchStrategy[str]:
    # ctext, quoted-pairs and parentheses: anything a comment can carry once escaped
    return st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]) | st.just("\t"),
                   max_size=20)


comments = st.builds(Comment, _comment_texts())
products = st.builds(Product, tokens, st.none() | tokens)
via_entries = st.builds(
    ViaEntry, st.none() | tokens, tokens, tokens | ipv6s.map(lambda a: f"[{a}]"), ports,
    st.none() | comments)

# -- mailboxes, links, preferences ---------------------------------------------------------

_ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]"
dot_atoms = st.from_regex(rf"{_ATEXT}{{1,6}}(?:\.{_ATEXT}{{1,6}}){{0,2}}", fullmatch=True)
mailboxes = st.builds(
    Mailbox,
    st.none() | st.from_regex(rf"{_ATEXT}{{1,6}}(?: {_ATEXT}{{1,6}}){{0,2}}", fullmatch=True)
    | quoted_contents,
    dot_atoms | quoted_contents,
    dns_names | st.from_regex(r"\[[!-Z^-~]{1,10}\]", fullmatch=True))

_rel_types = st.from_regex(r"[a-z][a-z0-9.\-]{0,8}", fullmatch=True)
_generic_param_names = lower_tokens.filter(
    lambda n: not n.endswith("*") and n not in ("rel", "anchor"))
link_params = st.one_of(
    st.builds(LinkParam, st.just("rel"),
              st.lists(_rel_types, min_size=1, max_size=3).map(" ".join)),
    st.builds(LinkParam, st.just("anchor"), uri_references().map(str)),
    st.builds(LinkParam, _generic_param_names, st.none() | tokens | quoted_contents),
    st.builds(LinkParam, st.just("title*"), st.one_of(
        st.builds(ExtValue, st.text(max_size=12), st.just("UTF-8"),
                  st.sampled_from(["", "en", "de-DE"])),
        st.builds(ExtValue, st.text(st.characters(codec="latin-1"), max_size=12),
                  st.just("ISO-8859-1"), st.just("")))),
)
links = st.builds(Link, uri_references(), st.lists(link_params, max_size=4).map(tuple))

_words = st.none() | (tokens | quoted_contents).filter(bool)
_known_prefs = st.one_of(
    st.builds(Preference, st.just("respond-async")),
    st.builds(Preference, st.just("return"), st.sampled_from(list(Return))),
    st.builds(Preference, st.just("handling"), st.sampled_from(list(Handling))),
    st.builds(Preference, st.just("wait"), st.integers(0, 10**6)),
)
preferences = st.one_of(_known_prefs, st.builds(
    Preference, lower_tokens.filter(lambda n: n not in ("return", "handling", "wait")), _words,
    st.dictionaries(lower_tokens, _words, max_size=2)))

_REAL_USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "curl/8.11.0", "Wget/1.21.4", "python-requests/2.32.3", "Go-http-client/1.1",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)",
    "Foo/1.0 (nested (comment) here) (escaped \\( paren)", "Apache", "nginx/1.27.3",
]

# -- the table -----------------------------------------------------------------------------

_HOST_INVALID = ["exa mple.com", "example.com:port", "example.com:99999", "[::1", "[::g]",
                 "http://example.com", "example.com/path", "a@b", "[v1.]", "[]", "例え.jp",
                 "example.com:80:80", "[::1]80"]
_NODE_INVALID = ["", "example.com", "256.0.0.1", "1.2.3.04", "1.2.3.4:", "[::1", "::g",
                 "1.2.3.4:99999", "_", "1.2.3.4:_", "[::1]:x"]
_DECIMAL_INVALID = ["", "-1", "1.", ".5", "1,5", "8GB", "0x1", "1e3", "1 .5"]
_INT_INVALID = ["", "-1", "1.5", "100ms", "0x10", "1 2"]

IDENTITY: dict[str, FieldStrategies] = {
    "host": FieldStrategies(
        values=hosts(),
        invalid=st.sampled_from(_HOST_INVALID),
        spellings=st.sampled_from(["EXAMPLE.com:080", "Example.COM", "[::FFFF:1.2.3.4]:443",
                                   "example.com:", "", "[V1.Fe]", "xn--bcher-kva.example"]),
    ),
    "alt-used": FieldStrategies(values=hosts(), invalid=st.sampled_from(_HOST_INVALID)),
    "origin": FieldStrategies(
        values=st.just(OpaqueOrigin.NULL) | st.lists(origins(), min_size=1, max_size=3).map(tuple),
        invalid=st.sampled_from(["", "https://example.com/", "example.com", "https://",
                                 "HTTPS:/x", "https://a.example  https://b.example", "Null",
                                 "https://exa mple.com", "https://a.example:70000", "*",
                                 "https://a.example,https://b.example", "https://user@a.example",
                                 "https://:443"]),
        spellings=st.sampled_from(["HTTPS://Example.COM", "http://localhost:8080",
                                   "https://[2001:DB8::1]:8443", "https://a.example:443"]),
    ),
    "referer": FieldStrategies(
        values=uri_references(),
        invalid=st.sampled_from(_BAD_URIS),
        spellings=st.sampled_from(["HTTP://Example.COM/Path?Q", "https://u:p@a.example/#frag",
                                   "/relative?x=1", "android-app://com.example.app/"]),
    ),
    "location": FieldStrategies(values=uri_references(), invalid=st.sampled_from(_BAD_URIS)),
    "content-location": FieldStrategies(values=uri_references(),
                                        invalid=st.sampled_from(_BAD_URIS)),
    "forwarded": FieldStrategies(
        values=st.lists(forwarded_elements, min_size=1, max_size=3).map(tuple),
        invalid=st.sampled_from([
            "", "for=[2001:db8::1]", "for=192.0.2.1:80", 'for="[2001:db8::1"', "for=example.com",
            "for=1.2.3.4; proto=http", "for=1.2.3.4;for=5.6.7.8", 'proto="ht tp"', "for",
            'for="256.1.1.1"', 'by="_"', 'host="a b"', 'for="1.2.3.4:99999"', ";;", "for=",
            "for=1.2.3.4 ;by=_x", 'for="1.2.3.4:"', "proto=1http"]),
        spellings=st.sampled_from([
            "For=192.0.2.60;PROTO=HTTP;By=203.0.113.43", ";for=1.2.3.4;;", 'for="192.0.2.1"',
            ", , for=unknown", 'for="_gazonk"', 'for="[2001:db8:cafe::17]:4711"',
            'for=192.0.2.43, for="[2001:db8:cafe::17]", for=unknown', 'for="\\_x"']),
    ),
    "via": FieldStrategies(
        values=st.lists(via_entries, max_size=3).map(tuple),
        invalid=st.sampled_from(["1.1", "HTTP/ proxy", "1.1 proxy(comment)", "1.1 proxy (open",
                                 "1.1 proxy:abc", "1.1 [::1", "1.1 proxy proxy2", "/1.1 x",
                                 "1.1 proxy:99999", "1.1 proxy,, 1.0"]),
        spellings=st.sampled_from(["1.1   proxy  (comment)", "HTTP/1.1 GWA", "1.0 fred, 1.1 p",
                                   "1.1 varnish (Varnish/7.6), 1.1 vegur", "2 [::1]:443",
                                   "1.1 abc.cloudfront.net (CloudFront)", ""]),
    ),
    "x-forwarded-for": FieldStrategies(
        values=st.lists(nodes, min_size=1, max_size=4).map(tuple),
        invalid=st.sampled_from([*_NODE_INVALID, "1.2.3.4 5.6.7.8", "1.2.3.4;5.6.7.8"]),
        spellings=st.sampled_from(["[2001:db8::1]", "1.2.3.4:80 , 5.6.7.8", ",1.2.3.4,,",
                                   "2001:DB8::1, UNKNOWN", "203.0.113.195:41237, _hidden"]),
    ),
    "x-forwarded-host": FieldStrategies(
        values=st.lists(hosts(dns_names, in_list=True), min_size=1, max_size=3).map(tuple),
        invalid=st.sampled_from(["", "a b", "a.example:port", "a/b", "[::1", "a.example:99999"]),
        spellings=st.sampled_from(["Example.COM:443", "a.example, b.example:8080"]),
    ),
    "x-forwarded-proto": FieldStrategies(
        values=st.lists(schemes, min_size=1, max_size=3).map(tuple),
        invalid=st.sampled_from(["", "ht tp", "1http", "https:", "http/1.1", "-x"]),
        spellings=st.sampled_from(["HTTPS", "https, http", "https,"]),
    ),
    "x-real-ip": FieldStrategies(
        values=nodes,
        invalid=st.sampled_from([*_NODE_INVALID, "1.2.3.4, 5.6.7.8"]),
        spellings=st.sampled_from(["2001:DB8::1", "[::1]"]),
    ),
    "connection": FieldStrategies(
        values=st.lists(lower_tokens, max_size=4).map(tuple),
        invalid=st.sampled_from(["a b", "close;", '"close"', "keep-alive/1", "@", "close, (x)"]),
        spellings=st.sampled_from(["Keep-Alive, Upgrade", " , close", "CLOSE"]),
    ),
    "proxy-connection": FieldStrategies(
        values=st.lists(lower_tokens, max_size=4).map(tuple),
        invalid=st.sampled_from(["a b", "close;", '"close"', "keep-alive/1", "@"]),
        spellings=st.sampled_from(["Keep-Alive"]),
    ),
    "keep-alive": FieldStrategies(
        values=st.lists(st.one_of(
            st.builds(KeepAliveParam, st.sampled_from(["timeout", "max"]),
                      st.integers(0, 10**9)),
            st.builds(KeepAliveParam, lower_tokens.filter(lambda n: n not in ("timeout", "max")),
                      tokens | quoted_contents)), max_size=3).map(tuple),
        invalid=st.sampled_from(["timeout", "timeout=abc", "timeout=-1", "max=1.5",
                                 "timeout=5 max=100", "=5", "timeout=5;max=3", "300"]),
        spellings=st.sampled_from(["Timeout=5, MAX=100", 'timeout="5"', "timeout=05,,"]),
    ),
    "upgrade": FieldStrategies(
        values=st.lists(st.builds(Protocol, tokens, st.none() | tokens), max_size=3).map(tuple),
        invalid=st.sampled_from(["websocket/", "HTTP/2.0 websocket", "/1.1", "a b", "h2c;q=1"]),
        spellings=st.sampled_from(["websocket , HTTP/2.0", ",h2c"]),
    ),
    "http2-settings": FieldStrategies(
        values=st.lists(st.builds(Setting, st.integers(0, 65535), st.integers(0, 2**32 - 1)),
                        min_size=1, max_size=5).map(tuple),
        invalid=st.sampled_from(["", "AAMAAABk=", "AAMA+AAB", "AAMAAABkAAQ", "A",
                                 "AAMAAABkAAQCAAAAAAIAAAAA AA", "AAMAAABkAAQ/AAAAAAIAAAAA"]),
    ),
    "user-agent": FieldStrategies(
        values=st.builds(lambda p, rest: (p, *rest), products,
                         st.lists(products | comments, max_size=4)),
        invalid=st.sampled_from(["", "Mozilla/5.0(X11)", "(comment first)", "Mozilla/",
                                 "a/b/c", "Mozilla/5.0 (unclosed", "Mozilla/4.0 [en]",
                                 "Foo\x00", "Foo/1.0 (bad \x01 char)", "a/b (x) )"]),
        spellings=st.sampled_from(_REAL_USER_AGENTS),
    ),
    "server": FieldStrategies(
        values=st.builds(lambda p, rest: (p, *rest), products,
                         st.lists(products | comments, max_size=3)),
        invalid=st.sampled_from(["", "Apache/2.4 (Unix", "(Debian)", "nginx/",
                                 "Microsoft IIS/10.0,x"]),
        spellings=st.sampled_from(["Apache/2.4.62 (Debian) OpenSSL/3.0.15", "cloudflare",
                                   "Microsoft-IIS/10.0", "gws", "AmazonS3"]),
    ),
    "from": FieldStrategies(
        values=mailboxes,
        invalid=st.sampled_from(["", "googlebot(at)googlebot.com", "user@", "@example.com",
                                 "a..b@example.com", "user@example..com", "<user@example.com",
                                 "John Doe <user@example.com", "user example.com",
                                 "user@exa mple.com", "user@example.com.", "a@b <c@d>"]),
        spellings=st.sampled_from(["John Doe <JDoe@Example.COM>", "(bot) user@example.com",
                                   '"Doe, John" <j@example.com>', "John Q. Public <j@x.example>",
                                   "<bingbot@microsoft.com>", "a@[192.0.2.1]"]),
    ),
    "link": FieldStrategies(
        values=st.lists(links, max_size=3).map(tuple),
        invalid=st.sampled_from(["/style.css; rel=preload", "<a b>", "<x>; rel=", '<x>; rel=""',
                                 '<x>; title*="x"', "<x>; title*=x", "<x> rel=next",
                                 '<x>; anchor="a b"', "<x>;", "<x", '<x>; rel="next prev@x"',
                                 "<x>; title*=KOI8-R''%C1"]),
        spellings=st.sampled_from([
            '<https://example.com/page/2>; REL="next", </page/1>;rel=prev',
            "</fonts/a.woff2>; rel=preload; as=font; crossorigin",
            "<https://example.com/>; rel=\"canonical\"; title*=UTF-8'de'n%c3%a4chstes",
            '<urn:x>; rel="https://example.com/rel/thing next"', ""]),
    ),
    "prefer": FieldStrategies(
        values=st.lists(preferences, min_size=1, max_size=3).map(tuple),
        invalid=st.sampled_from(["", "=x", "wait=", 'return="minimal', "a b", "a;=b",
                                 "a; b; b", "a=b=c"]),
        spellings=st.sampled_from(["Return=Minimal", "wait = 5", 'handling="lenient"',
                                   'foo="", respond-async ;; x', "return=full"]),
    ),
    "early-data": FieldStrategies(
        values=st.just(1), invalid=st.sampled_from(["0", "true", "", "01", "1, 1", "2"])),
    "service-worker": FieldStrategies(
        values=st.just("script"),
        invalid=st.sampled_from(["", "worker", "script, script", "Script", '"script"'])),
    "last-event-id": FieldStrategies(
        values=st.text(st.characters(codec="latin-1", exclude_characters="\x00\r\n"),
                       max_size=20).filter(lambda s: s == s.strip(" \t")),
        invalid=st.sampled_from(["a\nb", "\x00", "id\r", "1\x002"]),
    ),
    "purpose": FieldStrategies(
        values=st.builds(Purpose, lower_tokens, st.dictionaries(
            st.from_regex(r"[a-z*][a-z0-9_\-.*]{0,8}", fullmatch=True),
            st.just(True) | tokens | quoted_contents, max_size=2)),
        invalid=st.sampled_from(["", "prefetch;", "prefetch;Prerender", "prefetch prerender",
                                 "prefetch;a;a", "prefetch, preview", "prefetch ;prerender"]),
        spellings=st.sampled_from(["Prefetch", "prefetch;prerender", "prefetch; anonymous-proxy"]),
    ),
    "x-purpose": FieldStrategies(
        values=st.builds(Purpose, lower_tokens),
        invalid=st.sampled_from(["", "preview;", "a b"]),
    ),
    "x-moz": FieldStrategies(
        values=st.builds(Purpose, lower_tokens),
        invalid=st.sampled_from(["", "prefetch;", "a b"]),
    ),
    "x-requested-with": FieldStrategies(
        values=tokens,
        invalid=st.sampled_from(["", "a b", "XMLHttpRequest, x", "com.example/app?"]),
    ),
    "save-data": FieldStrategies(
        values=st.lists(lower_tokens, min_size=1, max_size=3).map(tuple),
        invalid=st.sampled_from(["", "on off", "on,off", '"on"', ";on"]),
        spellings=st.sampled_from(["On", "on;;", "on ; x"]),
    ),
    "device-memory": FieldStrategies(
        values=st.sampled_from([Decimal(v) for v in ("0.25", "0.5", "1", "2", "4", "8")]),
        invalid=st.sampled_from(_DECIMAL_INVALID),
        spellings=st.sampled_from(["8.0", "0.250", "16"]),
    ),
    "downlink": FieldStrategies(
        values=st.decimals(0, 10**6, places=3),
        invalid=st.sampled_from(_DECIMAL_INVALID),
        spellings=st.sampled_from(["10.0", "01.45"]),
    ),
    "dpr": FieldStrategies(
        values=st.decimals(0, 16, places=3), invalid=st.sampled_from(_DECIMAL_INVALID)),
    "ect": FieldStrategies(
        values=st.sampled_from(["slow-2g", "2g", "3g", "4g"]),
        invalid=st.sampled_from(["5g", "", "wifi", "3g,4g", "4 g"]),
        spellings=st.sampled_from(["4G", "Slow-2G"]),
    ),
    "rtt": FieldStrategies(values=st.integers(0, 10**6), invalid=st.sampled_from(_INT_INVALID)),
    "viewport-width": FieldStrategies(values=st.integers(0, 10**5),
                                      invalid=st.sampled_from(_INT_INVALID)),
}
