"""Building blocks for the identity group's strategies: hosts, origins, URI references,
proxies, product comments, mailboxes, links and preferences.

Values are built so that the grammar's own constraints hold (a path after an authority starts
with "/", a relative reference's first segment has no ":", a reg-name never looks like an
IPv4 address), because those are exactly the values the parsers return.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ..grammar.rules import ATEXT
from ..headers._shared.host import IPV4_RE
from ..headers.types import (
    Comment,
    ExtValue,
    ForwardedElement,
    Handling,
    Host,
    HostKind,
    Link,
    LinkParam,
    Mailbox,
    Node,
    NodeKind,
    Origin,
    Preference,
    Product,
    RelativeRef,
    Return,
    Uri,
    ViaEntry,
)
from ._common import lower_tokens, quoted_contents, tokens
from ._content import undecoded_chars, undecoded_charsets

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


BAD_URIS = ["http://exa mple.com/", "/path with space", "http://[::1/", "1http:x",
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

_ATEXT = f"[{ATEXT}]"
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
                  st.just("ISO-8859-1"), st.just("")),
        st.builds(ExtValue, undecoded_chars, undecoded_charsets, st.just("")))),
)
# RFC 8288, 3.3: "The rel parameter MUST be present but MUST NOT appear more than once in a
# given link-value; occurrences after the first MUST be ignored by parsers" (the parser warns):
# a sender's valid value names each parameter once.
links = st.builds(Link, uri_references(),
                  st.lists(link_params, max_size=4, unique_by=lambda p: p.name).map(tuple))

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

REAL_USER_AGENTS = [
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
