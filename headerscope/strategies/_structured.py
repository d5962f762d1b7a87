"""Strategies for the Structured Fields of tier 1 (RFC 9651 Items, Lists and Dictionaries).

Invalid texts mix the syntax errors an SF parser rejects (a quoted token, a bare string, an
upper-case key, a trailing comma, a decimal with four fraction digits) with values of the
wrong type or out of range for the field, which its semantic check rejects.
"""

from __future__ import annotations

import base64
from decimal import Decimal

from hypothesis import strategies as st

from ..headers.sec_fetch import DESTINATIONS, MODES, SITES, STORAGE_ACCESS
from ..headers.sec_purpose import Purpose
from ..headers.sf import InnerList, Item
from ..headers.types import Brand, PriorityValue
from ..headers.ua_client_hints import FORM_FACTORS
from ._common import FieldStrategies
from ._sf import keys, strings, token_texts

_SYNTAX = ["(", '"open', "?2", "1.2345", "a,", ",", "UPPER=1", "é", "a;", "@1.5",
           "1234567890123456", ":YW=Jj:"]
_digits = st.integers(0, 999_999_999_999_999)
_b64 = st.binary(min_size=1, max_size=16).map(lambda b: base64.b64encode(b).decode())


def invalid_sf(*extra: str, item: bool = False) -> st.SearchStrategy[str]:
    """Texts no SF parser accepts, the field's own mistakes, and "" for an Item (which has
    no empty form; an empty List or Dictionary is valid, the same as no field)."""
    return st.sampled_from([*_SYNTAX, *extra, *([""] if item else [])])


def _token_field(known: frozenset[str]) -> FieldStrategies:
    return FieldStrategies(
        values=st.sampled_from(sorted(known)) | token_texts,
        invalid=invalid_sf('"document"', "?1", "42", "navigate navigate", "(cors)", '%"x"',
                         item=True),
        spellings=st.sampled_from(sorted(known)).map(lambda t: f" {t};grease=?0 "))


def _string_field(values: st.SearchStrategy[str] = strings) -> FieldStrategies:
    return FieldStrategies(
        values=values,
        invalid=invalid_sf("dark", "?0", "1", '"a" "b"', "'quoted'", '"tab\there"', '"\\x"',
                         item=True),
        spellings=values.map(lambda s: '  "' + s.replace("\\", "\\\\").replace('"', '\\"')
                             + '";v=1'))


_booleans = FieldStrategies(values=st.booleans(),
                            invalid=invalid_sf("true", "1", '"?1"', "?", "?1, ?0", "?T", item=True),
                            spellings=st.sampled_from(["?1;a", " ?0", "?1 ", "?0;x=1"]))
_positive_numbers = (st.integers(1, 999_999) | st.decimals(
    Decimal("0.001"), Decimal("999999.999"), places=3, allow_nan=False, allow_infinity=False))
_numbers = FieldStrategies(values=_positive_numbers,
                           invalid=invalid_sf("0", "-1", "0.0", '"2"', "x2", "?1", item=True),
                           spellings=st.sampled_from(["2.0", "02", "1.500", " 8 ", "4;x"]))
_pixels = FieldStrategies(values=_digits,
                          invalid=invalid_sf("-1", "1.5", '"1920"', "wide", item=True),
                          spellings=_digits.map(lambda n: f" {n:05d};dpr=2"))


def _digest_values(length: dict[str, int]) -> st.SearchStrategy[dict[str, bytes]]:
    known = st.sampled_from(sorted(length)).flatmap(
        lambda k: st.tuples(st.just(k), st.binary(min_size=length[k], max_size=length[k])))
    other = st.tuples(keys.filter(lambda k: k not in length), st.binary(max_size=8))
    return st.lists(known | other, min_size=1, max_size=3).map(dict)


_DIGEST_LENGTHS = {"sha-256": 32, "sha-512": 64, "md5": 16, "sha": 20}
_digests = FieldStrategies(
    values=_digest_values(_DIGEST_LENGTHS),
    invalid=invalid_sf("sha-256=:YQ==:", 'sha-256="abc"', "sha-256", "sha-512=1",
                     "sha-256=(:YQ==:)", "SHA-256=:YQ==:"),
    spellings=_b64.map(lambda b: f"unknown-alg=:{b.rstrip('=')}: ,\tsha=:{'A' * 27}=:"))
_preferences = FieldStrategies(
    values=st.dictionaries(st.sampled_from(["sha-256", "sha-512", "md5"]) | keys,
                           st.integers(0, 10), min_size=1, max_size=3),
    invalid=invalid_sf("sha-256=11", "sha-256=-1", "sha-256=1.0", 'sha-256="10"',
                     "sha-256=(1)", "sha-256"),
    spellings=st.sampled_from(["sha-256=10,sha=3", " sha-512=03;q, md5=0"]))
_labels = st.from_regex(r"sig[0-9a-z\-]{0,4}", fullmatch=True)
_components = st.sampled_from(['"@method"', '"@authority"', '"@path"', '"content-digest"',
                               '"@query-param";name="id"', '"host"'])
_signature_inputs = st.dictionaries(_labels, st.builds(
    InnerList,
    st.lists(st.sampled_from(["@method", "@authority", "@path", "content-digest"]),
             max_size=4).map(lambda names: tuple(Item(n) for n in names)),
    st.fixed_dictionaries({}, optional={"created": st.integers(0, 2**40),
                                        "keyid": strings, "alg": st.just("ed25519"),
                                        "nonce": strings, "tag": strings})),
    min_size=1, max_size=3)
_brands = st.lists(st.builds(Brand, strings, strings | st.none()), min_size=1,
                   max_size=4).map(tuple)
_purposes = st.lists(st.builds(Purpose, st.just("prefetch") | token_texts, st.booleans(),
                               st.booleans()), min_size=1, max_size=2).map(tuple)

STRUCTURED: dict[str, FieldStrategies] = {
    "available-dictionary": FieldStrategies(
        values=st.binary(min_size=32, max_size=32),
        invalid=invalid_sf(":YQ==:", "::", '"pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4="',
                         "pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4", item=True),
        spellings=st.binary(min_size=32, max_size=32).map(
            lambda b: f" :{base64.b64encode(b).decode().rstrip('=')}:;x")),
    "client-cert": FieldStrategies(
        values=st.binary(min_size=1, max_size=48),
        invalid=invalid_sf("::", "-----BEGIN CERTIFICATE-----", '"MIIB"', ":MIIB", item=True),
        spellings=_b64.map(lambda b: f":{b.rstrip('=')}: ")),
    "client-cert-chain": FieldStrategies(
        values=st.lists(st.binary(min_size=1, max_size=24), min_size=1, max_size=3).map(tuple),
        invalid=invalid_sf("::", ":MIIB:, ::", ":MIIB:,", '"MIIB"', "(:MIIB:)"),
        spellings=st.lists(_b64, min_size=1, max_size=3).map(
            lambda bs: " ,\t".join(f":{b}:" for b in bs))),
    "content-digest": _digests,
    "dictionary-id": _string_field(),
    "idempotency-key": _string_field(st.uuids().map(str) | strings),
    "priority": FieldStrategies(
        values=st.builds(PriorityValue, st.none() | st.integers(0, 7),
                         st.none() | st.booleans()),
        invalid=invalid_sf("U=1", "u=1,", "u=1;", "i=?2", "u=1.5.", "u=(1"),
        spellings=st.sampled_from(["u=9, i", "u=1,i=?1", "i, u=0, x=ext", "u=?1", "u=03",
                                   "i=1", "u=5 , i;grease"])),
    "repr-digest": _digests,
    "sec-ch-device-memory": _numbers,
    "sec-ch-dpr": _numbers,
    "sec-ch-prefers-color-scheme": _string_field(st.sampled_from(["light", "dark"])),
    "sec-ch-prefers-reduced-motion": _string_field(st.sampled_from(["no-preference",
                                                                    "reduce"])),
    "sec-ch-ua": FieldStrategies(
        values=_brands,
        invalid=invalid_sf('Chromium;v="130"', '"Chromium";v=130', '"Chromium";V="1"',
                         '"a";v="1",', '("a")'),
        spellings=st.sampled_from(['"Chromium";v="130","Not)A;Brand";v="99"',
                                   '"Not\\"A\\\\Brand";v="8";x, "Chromium";v="1"'])),
    "sec-ch-ua-arch": _string_field(st.sampled_from(["x86", "arm", ""])),
    "sec-ch-ua-bitness": _string_field(st.sampled_from(["64", "32", ""])),
    "sec-ch-ua-form-factors": FieldStrategies(
        values=st.lists(st.sampled_from(sorted(FORM_FACTORS)) | strings, min_size=1,
                        max_size=3).map(tuple),
        invalid=invalid_sf("Desktop", '"Desktop",', '("Desktop")', '"Desktop" "XR"'),
        spellings=st.sampled_from(['"Desktop" ,"XR"', '"Mobile";beta'])),
    "sec-ch-ua-full-version": _string_field(),
    "sec-ch-ua-full-version-list": FieldStrategies(
        values=_brands, invalid=invalid_sf('"Chromium";v=130.0', 'Chromium;v="130.0.0.0"'),
        spellings=st.sampled_from(['"Chromium";v="130.0.6723.91",\t"Not?A_Brand";v="99"'])),
    "sec-ch-ua-mobile": _booleans,
    "sec-ch-ua-model": _string_field(),
    "sec-ch-ua-platform": _string_field(),
    "sec-ch-ua-platform-version": _string_field(),
    "sec-ch-ua-wow64": _booleans,
    "sec-ch-viewport-width": _pixels,
    "sec-ch-width": _pixels,
    "sec-fetch-dest": _token_field(DESTINATIONS),
    "sec-fetch-mode": _token_field(MODES),
    "sec-fetch-site": _token_field(SITES),
    "sec-fetch-storage-access": _token_field(STORAGE_ACCESS),
    "sec-fetch-user": FieldStrategies(
        # ?0 is never sent but still a Boolean a server reads: valid, with a warning
        values=st.booleans(), invalid=invalid_sf("true", '"?1"', "1", "?2", item=True),
        spellings=st.sampled_from([" ?1", "?1;x", "?1 "])),
    "sec-purpose": FieldStrategies(
        values=_purposes, invalid=invalid_sf('"prefetch"', "prefetch;", "prefetch,", "?1"),
        spellings=st.sampled_from(["prefetch; prerender=?1", "prefetch;x, prefetch",
                                   "prefetch;anonymous-client-ip=?0"])),
    "signature": FieldStrategies(
        values=st.dictionaries(_labels, st.binary(max_size=32), min_size=1, max_size=2),
        invalid=invalid_sf('sig1="abc"', "sig1=(:YQ==:)", "sig1", "Sig1=:YQ==:"),
        spellings=_b64.map(lambda b: f"sig1=:{b.rstrip('=')}:;x ,\tsig2=::")),
    "signature-input": FieldStrategies(
        values=_signature_inputs,
        invalid=invalid_sf('sig1="@method"', "sig1=(@method)", 'sig1=("@method");created="1"',
                         'sig1=("@method");keyid=key', 'sig1=("@method" 1)', "sig1=()created"),
        spellings=st.lists(_components, max_size=3).map(
            lambda cs: f"sig1=( {'  '.join(cs)} );created=01618884473; keyid=\"k\"")),
    "want-content-digest": _preferences,
    "want-repr-digest": _preferences,
}
