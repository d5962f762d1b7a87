"""Strategies for the identity group's fields: hosts, origins, URIs, proxies, connections,
products, addresses, and the markers browsers add to a request (the table; the building
blocks are in _addresses.py).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from ..headers.types import KeepAliveParam, OpaqueOrigin, Protocol, Purpose, Setting
from ._addresses import (
    BAD_URIS,
    REAL_USER_AGENTS,
    comments,
    dns_names,
    forwarded_elements,
    hosts,
    links,
    mailboxes,
    nodes,
    origins,
    preferences,
    products,
    schemes,
    uri_references,
    via_entries,
)
from ._common import FieldStrategies, lower_tokens, quoted_contents, tokens

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
        invalid=st.sampled_from(BAD_URIS),
        spellings=st.sampled_from(["HTTP://Example.COM/Path?Q", "https://u:p@a.example/#frag",
                                   "/relative?x=1", "android-app://com.example.app/"]),
    ),
    "location": FieldStrategies(values=uri_references(), invalid=st.sampled_from(BAD_URIS)),
    "content-location": FieldStrategies(values=uri_references(),
                                        invalid=st.sampled_from(BAD_URIS)),
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
        spellings=st.sampled_from(["Timeout=5, MAX=100", 'timeout="5"', "timeout=05,,",
                                   "timeout=" + "0" * 25 + "5", "max=" + "9" * 30]),
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
        spellings=st.sampled_from(REAL_USER_AGENTS),
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
                                 "<x>; title*=K@I8''%C1"]),
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
