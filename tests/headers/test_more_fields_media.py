"""The media fields of issue 17's third batch: CTA WAVE's Common Media Client Data (CMCD-*)
and Common Media Server Data (CMSD-*); AMP-Cache-Transform, with its specification's examples.

CTA-5004's and CTA-5006's own documents were not at hand; the examples are those CMCD and
CMSD implementations' tests send (the four CMCD shards of one request; Shaka Player's CMSD
pair)."""

from __future__ import annotations

from decimal import Decimal

from headerscope.headers import REGISTRY
from headerscope.headers.amp_cache_transform import AMP_CACHE_TRANSFORM, version_ranges
from headerscope.headers.cmcd import CMCD_OBJECT, CMCD_REQUEST, CMCD_SESSION, CMCD_STATUS
from headerscope.headers.cmsd import CMSD_DYNAMIC, CMSD_STATIC
from headerscope.headers.sf import Item, Token

from ._content_helpers import rejects, round_trips, warned, warnings

CMCD_EXAMPLE = {
    "CMCD-Request": 'bl=21300,dl=18500,mtp=48100,nor="..%2F300kbps%2Ftrack.m4v",'
                    'nrr="12323-48763",su',
    "CMCD-Object": "br=3200,d=4004,ot=v,tb=6000",
    "CMCD-Status": "bs,rtp=12000",
    "CMCD-Session": 'cid="faec5fc2-ac30-11ea-bb37-0242ac130002",pr=1.08,sf=d,'
                    'sid="6e2fb550-c457-11e9-bb97-0800200c9a66",st=v',
}


def test_cmcd_example_request_reads_without_warnings() -> None:
    for name, raw in CMCD_EXAMPLE.items():
        parsed = REGISTRY.parse(name, raw)
        assert parsed.error is None and parsed.warnings == (), (name, parsed)
    assert CMCD_OBJECT.parse(CMCD_EXAMPLE["CMCD-Object"]) == {
        "br": Item(3200), "d": Item(4004), "ot": Item(Token("v")), "tb": Item(6000)}
    session = CMCD_SESSION.parse(CMCD_EXAMPLE["CMCD-Session"])
    assert session["pr"] == Item(Decimal("1.08")) and session["sf"] == Item(Token("d"))
    assert CMCD_STATUS.parse("bs,rtp=12000") == {"bs": Item(True), "rtp": Item(12000)}
    round_trips(CMCD_STATUS, "bs,rtp=12000", "bs, rtp=12000")  # a true Boolean: the bare key
    round_trips(CMCD_OBJECT, "br=3200,d=4004", "br=3200, d=4004")


def test_cmcd_syntax_errors_have_positions() -> None:
    rejects(CMCD_OBJECT, "BR=3200", "keys are lower-case", 0)  # keys are lower case (RFC 9651, 3.2)
    rejects(CMCD_REQUEST, "nor=../a.m4v", "expected an item", 4)  # a path is a String: quoted
    rejects(CMCD_SESSION, "cid=abc def", "expected ','", 8)
    # "Data payloads transmitted via headers MUST NOT be URLEncoded"
    rejects(CMCD_OBJECT, "br%3D3200", "expected ','", 2)


def test_cmcd_key_in_the_wrong_shard() -> None:
    warned(CMCD_OBJECT, "bl=21300,br=3200", "bl belongs in CMCD-Request, not CMCD-Object", 0)
    warned(CMCD_SESSION, "sid=\"x\",su", "su belongs in CMCD-Request", 8)
    warned(CMCD_STATUS, "rtp=12000,sid=\"x\"", "sid belongs in CMCD-Session", 10)


def test_cmcd_values_of_the_wrong_type() -> None:
    warned(CMCD_OBJECT, 'br="3200"', "br must be an Integer", 3)
    warned(CMCD_OBJECT, 'ot="v"', "ot must be a Token", 3)
    warned(CMCD_SESSION, "sid=abc", "sid must be a String", 4)
    warned(CMCD_REQUEST, "su=1", "su must be a Boolean", 3)
    warned(CMCD_REQUEST, "bl=(1 2)", "bl must be an Integer, found an Inner List", 3)
    # a value of the wrong type is still read: CDNs log what was sent
    assert CMCD_OBJECT.parse('br="3200"') == {"br": Item("3200")}


def test_cmcd_sender_rules() -> None:
    warned(CMCD_OBJECT, "d=4004,br=3200", "keys SHOULD be in alphabetical order", 7)
    warned(CMCD_OBJECT, "br=1,x=1", "custom keys 'MUST carry a hyphenated prefix'", 5)
    assert warnings(CMCD_OBJECT, "br=1,com.example-x=1") == []
    warned(CMCD_STATUS, "bs=?0", "MUST NOT be sent if it is FALSE", 3)
    warned(CMCD_OBJECT, "ot=z", "ot=z is not a defined value", 3)
    warned(CMCD_SESSION, "sf=x,st=z", "st=z is not a defined value", 8)
    warned(CMCD_REQUEST, "bl=21350", "not rounded to the nearest 100", 3)
    warned(CMCD_STATUS, "rtp=-100", "negative", 4)
    warned(CMCD_SESSION, f'cid="{"c" * 65}"', "the maximum length is 64", 4)
    warned(CMCD_SESSION, "v=1", "SHOULD omit this field if the version is 1", 2)
    warned(CMCD_SESSION, "pr=1.0", "SHOULD only be sent if not equal to 1", 3)
    warned(CMCD_REQUEST, 'nrr="bytes=1-2"', "one byte range", 4)
    for good in ('nrr="12323-"', 'nrr="-500"', 'nrr="0-0"'):
        assert warnings(CMCD_REQUEST, good) == [], good
    warned(CMCD_REQUEST, 'nor="../a b.m4v"', "MUST be URLEncoded", 4)
    warned(CMCD_OBJECT, "", "empty CMCD-Object", None)


def test_cmsd_examples() -> None:
    static = CMSD_STATIC.parse('ot=v,sf=h,st=v,d=5000,br=2000,n="OriginProviderA"')
    assert static["n"] == Item("OriginProviderA") and static["ot"] == Item(Token("v"))
    assert warnings(CMSD_STATIC, 'ot=v,sf=h,st=v,d=5000,br=2000,n="OriginProviderA"') == []
    hops = CMSD_DYNAMIC.parse('"CDNA-312.663";etp=115;rtt=16;mb=5000, "Origin";rd=12')
    assert hops[0] == Item("CDNA-312.663", {"etp": 115, "rtt": 16, "mb": 5000})
    assert hops[1] == Item("Origin", {"rd": 12})
    assert warnings(CMSD_DYNAMIC, '"edge-kickoff"; etp=50000; rtt=5') == []
    round_trips(CMSD_DYNAMIC, '"a";du,  b;etp=1', '"a";du, b;etp=1')


def test_cmsd_errors_and_warnings() -> None:
    rejects(CMSD_STATIC, "OT=v", "keys are lower-case", 0)
    rejects(CMSD_DYNAMIC, '"CDNA" etp=115', "expected ','", 7)
    warned(CMSD_STATIC, "etp=100", "etp belongs in CMSD-Dynamic", 0)
    warned(CMSD_DYNAMIC, '"a";br=2000', "br belongs in CMSD-Static, not CMSD-Dynamic", 4)
    warned(CMSD_STATIC, 'at="1"', "at must be an Integer", 3)
    warned(CMSD_DYNAMIC, '"a";etp=1.5', "etp must be an Integer, found the Decimal 1.5", 4)
    warned(CMSD_DYNAMIC, '"a";du=?0', "MUST NOT be sent if it is FALSE", 4)
    warned(CMSD_DYNAMIC, '"a", 5;rtt=1', "each member names an intermediary", 5)
    warned(CMSD_DYNAMIC, '"a";rtt=1;x=2', "custom keys 'MUST carry a hyphenated prefix'", 10)
    warned(CMSD_STATIC, "st=x", "st=x is not a defined value", 3)
    warned(CMSD_STATIC, "v=1", "SHOULD omit this field if the version is 1", 2)


def test_amp_cache_transform_examples() -> None:  # spec/amp-cache-transform.md, "Example"
    for raw in ("any", "google", 'google;v="1..3,5"', "google, any"):
        assert REGISTRY.parse("AMP-Cache-Transform", raw).warnings == (), raw
    value = AMP_CACHE_TRANSFORM.parse('google;v="1..3,5"')
    assert value == (Item(Token("google"), {"v": "1..3,5"}),)
    assert version_ranges("1..3,5") == ((1, 3), (5, 5))  # "version is 1, 2, 3, or 5"
    assert version_ranges(" 1 .. 2 ,, 4") == ((1, 2), (4, 4))  # OWS, empty list elements
    assert version_ranges("1..") is None
    round_trips(AMP_CACHE_TRANSFORM, "google ,any", "google, any")


def test_amp_cache_transform_errors_and_warnings() -> None:
    rejects(AMP_CACHE_TRANSFORM, "google;v=1..3", "a digit after the '.'", 11)  # unquoted
    rejects(AMP_CACHE_TRANSFORM, "google v", "expected ','", 7)
    # what makes an identifier unsatisfiable, not the list: warnings
    warned(AMP_CACHE_TRANSFORM, "google;x=1", "parameter 'x' is not defined", 7)
    warned(AMP_CACHE_TRANSFORM, "any, foo", "foo is neither any nor a cache id", 5)
    warned(AMP_CACHE_TRANSFORM, '"google"', "each member is an identifier (a Token", 0)
    warned(AMP_CACHE_TRANSFORM, "google;v=1", "v must be a String", 7)
    warned(AMP_CACHE_TRANSFORM, 'google;v="1..x"', "is not a list of versions", 7)
    warned(AMP_CACHE_TRANSFORM, 'google;v=""', "names no version", 7)
    warned(AMP_CACHE_TRANSFORM, 'google;v="-1"', "must be non-negative", 7)
    warned(AMP_CACHE_TRANSFORM, 'google;v="3..1"', "X <= Y", 7)
    warned(AMP_CACHE_TRANSFORM, 'google;v="5,1..5"', "no two ranges should intersect", 7)
