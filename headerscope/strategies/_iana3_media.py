"""Strategies for the media fields of issue 17's third batch: CTA WAVE's Common Media Client
Data (CMCD-Object, CMCD-Request, CMCD-Session, CMCD-Status) and Common Media Server Data
(CMSD-Static, CMSD-Dynamic); AMP-Cache-Transform.

Values are Dictionaries of the keys CTA-5004 assigns to each shard (CTA-5006 to CMSD-Static;
CMSD-Dynamic: one named Item per intermediary with its keys as parameters), with values of the right
type, and now and then a custom (hyphenated) key of any SF value. Invalid texts are SF syntax
errors a player's hand-built payload can make: an upper-case key, a URL-encoded payload in a
header ("MUST NOT be URLEncoded"), a String without quotes, a trailing comma.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ..headers import amp_cache_transform, cmcd, cmsd
from ..headers.sf import Item, Token
from ._common import FieldStrategies, sample
from ._sf import members, strings, token_texts
from ._structured import invalid_sf

S = st.SearchStrategy

_CMCD_INTEGERS = st.integers(0, 10**9)
_CMCD_VALUES: dict[tuple[type, ...], S[Any]] = {
    (int,): _CMCD_INTEGERS,
    (str,): strings,
    (bool,): st.just(True),
    (Decimal, int): st.decimals(0, 16, places=2, allow_nan=False),
}
_custom = st.dictionaries(st.from_regex(r"com\.example-[a-z]{1,4}", fullmatch=True),
                          members(), max_size=1)


def _bare_value(key: str, types: dict[str, tuple[type, ...]]) -> S[Any]:
    if key in cmcd.TOKENS:
        return st.sampled_from(sorted(cmcd.TOKENS[key])).map(Token)
    return _CMCD_VALUES[types[key]]


def _cmcd_value(key: str) -> S[Item]:
    return _bare_value(key, cmcd.TYPES).map(Item)


_cmsd_static = st.builds(
    lambda own, custom: {**own, **custom},
    st.fixed_dictionaries({}, optional={
        k: _bare_value(k, cmsd.STATIC_TYPES).map(Item) for k in sorted(cmsd.STATIC_TYPES)}),
    _custom)
_cmsd_hop = st.builds(
    Item, strings | token_texts.map(Token),
    st.fixed_dictionaries({}, optional={
        k: _bare_value(k, cmsd.DYNAMIC_TYPES) for k in sorted(cmsd.DYNAMIC_TYPES)}))


def _cmcd(header: str, spellings: S[str]) -> FieldStrategies:
    keys = sorted(k for k, h in cmcd.HEADERS.items() if h == header)
    optional = {k: _cmcd_value(k) for k in keys}
    return FieldStrategies(
        values=st.builds(lambda own, custom: {**own, **custom},
                         st.fixed_dictionaries({}, optional=optional), _custom),
        invalid=invalid_sf("BR=3200", "br%3D3200%2Cd%3D4004", "cid=abc def", "nor=../a.m4v",
                           "br=3200,", 'sid="6e2fb550', "d=4004;"),
        spellings=spellings)

_versions = st.lists(st.tuples(st.integers(0, 9), st.integers(0, 3)), max_size=3).map(
    lambda pairs: ",".join(str(low) if width == 0 else f"{low}..{low + width}"
                           for low, width in pairs))
_amp_member = st.builds(
    Item, st.sampled_from(sorted(amp_cache_transform.CACHES | {amp_cache_transform.ANY}))
    .map(Token), st.fixed_dictionaries({}, optional={"v": _versions}))


IANA3_MEDIA: dict[str, FieldStrategies] = {
    "cmcd-object": _cmcd(cmcd.OBJECT, sample("br=3200,d=4004,ot=v,tb=6000", " ot=m ,d=1",
                                             "br=3200;x=1, com.example-k=?0")),
    "cmcd-request": _cmcd(cmcd.REQUEST, sample(
        'bl=21300,dl=18500,mtp=48100,nor="..%2F300kbps%2Ftrack.m4v",nrr="12323-48763",su',
        "su=?1", "mtp=25400")),
    "cmcd-session": _cmcd(cmcd.SESSION, sample(
        'cid="faec5fc2-ac30-11ea-bb37-0242ac130002",pr=1.08,sf=d,'
        'sid="6e2fb550-c457-11e9-bb97-0800200c9a66",st=v', "v=1", "pr=2,  st=l")),
    "cmcd-status": _cmcd(cmcd.STATUS, sample("bs,rtp=12000", "rtp=15000, bs", "bs=?0")),
    "cmsd-static": FieldStrategies(
        values=_cmsd_static,
        invalid=invalid_sf("OT=v", 'n="OriginProviderA', "ot=v,,d=5000", "n=Origin Provider",
                           "br=2000;"),
        spellings=sample('ot=v,sf=h,st=v,d=5000,br=2000,n="OriginProviderA"', "su, at=0",
                         "com.example-ttl=60 ,ot=m")),
    "cmsd-dynamic": FieldStrategies(
        values=st.lists(_cmsd_hop, max_size=3).map(tuple),
        invalid=invalid_sf('"CDNA-312.663";ETP=115', '"CDNA";etp=115,', '"CDNA";etp=',
                           '"CDNA" etp=115', "CDNA;etp=1;;rtt=2"),
        spellings=sample('"CDNA-312.663";etp=115;rtt=16;mb=5000',
                         '"edge-kickoff"; etp=50000; rtt=5', 'origin;du, "CDNB";rd=20')),
    "amp-cache-transform": FieldStrategies(
        values=st.lists(_amp_member, max_size=3).map(tuple),
        invalid=invalid_sf("google;v=1..3", 'google;v="1..3', "google v=1", "Google;V=1",
                           "google;;v=1", "google,,any"),
        spellings=sample('google;v="1..3,5"', "google, any", 'any;v="1 .. 2,, 4"',
                         '"google"', "foo;x=1")),
}
