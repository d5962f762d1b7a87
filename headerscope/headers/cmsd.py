"""CMSD-Static and CMSD-Dynamic: Common Media Server Data (CTA-5006).

The server side of CMCD (cmcd.py): an origin or CDN tells the player about the object and
about the delivery. CTA-5006 writes no ABNF; its two headers are Structured Fields
(RFC 9651), as the SVTA common-media-library reads them (decodeCmsdStatic: an SF Dictionary;
decodeCmsdDynamic: an SF List) and describes them, quoting CTA-5006's key table:

    CMSD-Static   "Keys whose values persist over multiple requests for the object."
    CMSD-Dynamic  "Keys whose values apply only to the next transmission hop. Typically a new
                  CMSD-Dynamic header instance will be added by each intermediary
                  participating in the delivery."

    CMSD-Static = sf-dictionary   ; ot=v,sf=h,st=v,d=5000,br=2000,n="OriginProviderA"
        at Integer ms (availability time), br Integer kbps, d Integer ms, ht Integer ms
        (held time), n String (intermediary identifier), nor String, nrr String, ot Token,
        sf Token, st Token, su Boolean, v Integer
    CMSD-Dynamic = sf-list        ; "CDNA-312.663";etp=115;rtt=16;mb=5000
        each member: the intermediary's identifier, its keys as parameters:
        du Boolean (duress), etp Integer kbps, mb Integer kbps, rd Integer ms, rtt Integer

ot, sf, st, su, v, nor and nrr mean what they mean in CMCD, with the same values; "Custom
key names may be used, but they MUST carry a hyphenated prefix". As for CMCD, every rule past
the SF syntax binds the sender and is a warning: a key of the other header, a value of the
wrong type, a custom key without a hyphen, du or su sent as false ("This key MUST NOT be sent
if it is false"), an unknown token, v=1, a malformed nrr. That a Dynamic member is a String
is what the library's examples send; this module accepts a Token too, and warns of anything
else. The value is the parsed SF Dictionary or List itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._shared.sf_family import Issue, sf_dict_field, sf_list_field, warning
from ._shared.spec import FieldSpec
from .cmcd import TYPES as CMCD_TYPES
from .cmcd import custom_key_issue, value_issues
from .sf import Dictionary, InnerList, List, Token, describe_bare

STATIC, DYNAMIC = "CMSD-Static", "CMSD-Dynamic"
STATIC_TYPES: dict[str, tuple[type, ...]] = {
    **{k: CMCD_TYPES[k] for k in ("br", "d", "nor", "nrr", "ot", "sf", "st", "su", "v")},
    **dict.fromkeys(("at", "ht"), (int,)),
    "n": (str,),
}
DYNAMIC_TYPES: dict[str, tuple[type, ...]] = {
    **dict.fromkeys(("etp", "mb", "rd", "rtt"), (int,)),
    "du": (bool,),
}
_SPEC = "CTA-5006"


def _check_static(members: Dictionary) -> Iterator[Issue]:
    for key, member in members.items():
        if key in STATIC_TYPES:
            yield from value_issues(key, member, STATIC_TYPES, key, "=")
        elif key in DYNAMIC_TYPES:
            yield warning(f"{key} belongs in {DYNAMIC}, as a parameter of this intermediary's "
                          f"member, not in {STATIC}", key)
        elif (problem := custom_key_issue(key, _SPEC, key)) is not None:
            yield problem


def _check_dynamic(members: List) -> Iterator[Issue]:
    for i, member in enumerate(members):
        if isinstance(member, InnerList) or not isinstance(member.value, str | Token):
            yield warning("each member names an intermediary, as in \"CDNA-312.663\";etp=115: "
                          f"found {describe_bare(member)}", i)
        for key, value in member.params.items():
            at = (i, f";{key}")
            if key in DYNAMIC_TYPES:
                yield from value_issues(key, value, DYNAMIC_TYPES, *at)
            elif key in STATIC_TYPES:
                yield warning(f"{key} belongs in {STATIC}, not {DYNAMIC}", *at)
            elif (problem := custom_key_issue(key, _SPEC, *at)) is not None:
                yield problem


CMSD_STATIC: FieldSpec[Dictionary] = sf_dict_field(
    STATIC, "CTA-5006 (CMSD), CMSD-Static keys", check=_check_static,
    value_type="sf.Dictionary (key -> Item)",
    example='ot=v,sf=h,st=v,d=5000,br=2000,n="OriginProviderA"')
CMSD_DYNAMIC: FieldSpec[List] = sf_list_field(
    DYNAMIC, "CTA-5006 (CMSD), CMSD-Dynamic keys", check=_check_dynamic,
    value_type="sf.List (one Item per intermediary, its keys as parameters)",
    example='"CDNA-312.663";etp=115;rtt=16;mb=5000')
