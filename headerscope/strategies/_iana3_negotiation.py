"""Strategies for the negotiation fields of issue 17's third batch: delta encoding's A-IM and
Delta-Base (RFC 3229); transparent content negotiation's Accept-Features, Alternates, Negotiate, TCN
and Variant-Vary (RFC 2295); HTCPCP's Accept-Additions (RFC 2324).

Invalid texts are the mistakes each grammar rules out: a second imparam, a parameter after the
weight, a weight out of range, a missing imparam value, an entity tag without its quotes, a
feature expression with a dangling operator or an open brace, a quoted Negotiate value, a
variant without its quoted URI or with a quality above 1, an addition with a bare parameter.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ..headers.types import (
    Addition,
    FeatureExpr,
    FeatureOp,
    InstanceManipulation,
    TcnDirective,
    Variant,
    VariantAttribute,
)
from ._common import (
    FieldStrategies,
    invalid,
    joined,
    lower_tokens,
    quoted_contents,
    sample,
    tokens,
    tuples,
)
from ._content import CONTENT, params, q_values

_IM_NAMES = st.sampled_from(["vcdiff", "diffe", "gdiff", "gzip", "deflate", "range",
                             "identity"]) | lower_tokens
_imparam_names = lower_tokens.filter(lambda name: name != "q")
_instance_manipulations = st.one_of(
    st.builds(InstanceManipulation, _IM_NAMES, st.none(), st.none(), q_values),
    st.builds(InstanceManipulation, _IM_NAMES, _imparam_names, st.none() | quoted_contents,
              q_values),
)

_values = tokens | quoted_contents  # token / quoted-string
_extensions = st.builds(TcnDirective, tokens, st.none() | _values)
_TCN_NAMES = ["list", "choice", "adhoc", "re-choose", "keep"]
# an extension named like a defined directive in another case would read back lower-cased
_tcn_members = st.sampled_from(_TCN_NAMES).map(TcnDirective) | st.builds(
    TcnDirective, tokens.filter(lambda t: t.lower() not in _TCN_NAMES), st.none() | _values)
_NEGOTIATE_NAMES = ["trans", "vlist", "guess-small"]
_negotiate_members = st.one_of(
    st.sampled_from([*_NEGOTIATE_NAMES, "*"]).map(TcnDirective),
    st.from_regex(r"[0-9]{1,4}\.[0-9]{1,4}", fullmatch=True).map(TcnDirective),  # rvsa-version
    st.builds(TcnDirective, tokens.filter(lambda t: t.lower() not in _NEGOTIATE_NAMES),
              st.none() | tokens),
)
_ftags = tokens | quoted_contents
_feature_exprs = st.one_of(
    st.builds(FeatureExpr, st.just(FeatureOp.MORE), extensions=tuples(_extensions)),
    st.builds(FeatureExpr, st.sampled_from([FeatureOp.PRESENT, FeatureOp.ABSENT]), _ftags,
              extensions=tuples(_extensions)),
    st.builds(FeatureExpr, st.sampled_from([FeatureOp.EQUALS, FeatureOp.NOT_EQUALS,
                                            FeatureOp.ONLY]), _ftags, _values,
              extensions=tuples(_extensions)),
)

_uris = st.from_regex(r"[a-z0-9._~-]{1,10}", fullmatch=True) | sample(
    "http://www.example.com/paper.1", "/a/b?c=d", "paper.2#x")
_ATTRIBUTE_NAMES = ["type", "charset", "language", "length", "features", "description"]
_attributes = st.one_of(
    st.builds(VariantAttribute, st.just("type"),
              sample("text/html", "application/postscript", 'text/plain;charset="a b"')),
    st.builds(VariantAttribute, st.just("charset"), sample("utf-8", "iso-8859-1")),
    st.builds(VariantAttribute, st.just("language"), sample("en", "fr, en-US", "de-CH,nl")),
    st.builds(VariantAttribute, st.just("length"), st.integers(0, 10**9).map(str)),
    st.builds(VariantAttribute, st.just("features"),
              sample("blex", "!b c=[4-6] [x y];+1.5-0.5", 'tables dpi=[100-] "q"!="r";-0.2')),
    st.builds(VariantAttribute, st.just("description"), sample('"A paper"', '"Hi" en')),
    st.builds(VariantAttribute, tokens.filter(lambda t: t.lower() not in _ATTRIBUTE_NAMES),
              sample("", "a=b (c)", '"q}" [z]', "x; y")),
)
_variants = (st.builds(Variant, _uris)
             | st.builds(Variant, _uris, q_values, tuples(_attributes)))
_list_directives = st.one_of(
    st.builds(TcnDirective, st.just("proxy-rvsa"), sample("1.0, 2.5", "", "1.0")),
    st.builds(TcnDirective, tokens.filter(lambda t: t.lower() != "proxy-rvsa"),
              st.none() | _values),
)

_ADDITIONS = ["*", "Cream", "Half-and-half", "Whole-milk", "Part-Skim", "Skim", "Non-Dairy",
              "Vanilla", "Almond", "Raspberry", "Chocolate", "Whisky", "Rum", "Kahlua",
              "Aquavit"]
_addition_names = st.sampled_from(_ADDITIONS) | tokens.filter(
    lambda t: t.lower() not in {a.lower() for a in _ADDITIONS})
_additions = st.one_of(
    st.builds(Addition, _addition_names, params, q_values),
    st.builds(Addition, _addition_names, params, q_values,
              tuples(st.builds(TcnDirective, tokens, st.none() | _values), min_size=1)),
)

IANA3_NEGOTIATION: dict[str, FieldStrategies] = {
    "a-im": FieldStrategies(
        values=tuples(_instance_manipulations),
        invalid=invalid(["vcdiff gdiff", "vcdiff;a=1;b=2", "vcdiff;q=0.5;a=1", "vcdiff;q=2",
                         "vcdiff;q", "vcdiff;a=", 'vcdiff;a="x', "vcdiff;=1", "v/cdiff",
                         "vcdiff;q=0.5000"],
                        joined(sample("vcdiff", "gdiff;q=0.3", "diffe ; x=y", "gzip;Q=0")),
                        ["a b", "x;q=", "x;;"]),
        spellings=joined(sample("VCDIFF", "vcdiff; q=1.0", "gdiff;q=0.3", "diffe ; X=\"y z\"",
                                "gzip;Q=0", "range;q=0.001"))),
    "delta-base": FieldStrategies(
        values=CONTENT["etag"].values,
        invalid=sample("", "abc", '"abc', 'w/"x"', '"a" "b"', '"a", "b"', "*", 'W/ "x"')),
    "accept-features": FieldStrategies(
        values=tuples(_feature_exprs),
        invalid=invalid(["a b", "a!=", "!=x", "a={b", "a={b c}", "a=", "a;", "a;=1", "!",
                         '"a', "a==b", "a=[1-2]"],
                        joined(sample("blex", "!blebber", "colordepth={5}", "paper = A4",
                                      'paper!="A2"', "*", "a;x=1")),
                        ["a b", "a!=", "x={"]),
        spellings=joined(sample("blex", "!blebber", "colordepth = { 5 }", "paper = A4",
                                'paper != "A2"', "*", '"quoted tag"', "a ; x = \"y\""))),
    "negotiate": FieldStrategies(
        values=tuples(_negotiate_members, min_size=1),
        invalid=invalid(["", ",", 'x="y"', "trans vlist", "x=", "=x", "1.0;q=1", "a=b=c"],
                        joined(sample("trans", "vlist", "1.0", "*")), ['x="y"', "a b"]),
        spellings=joined(sample("TRANS", "Vlist", "guess-small", "1.0", "2.5", "*",
                                "x = y"))),
    "tcn": FieldStrategies(
        values=tuples(_tcn_members),
        invalid=invalid(["list choice", "x=", "=x", 'x="a', "list;x", "a=b=c", "list/choice"],
                        joined(sample("list", "choice", "re-choose")), ["x=", "a b"]),
        spellings=joined(sample("LIST", "Choice", "adhoc", "keep", "Re-Choose", 'x = "a b"'))),
    "alternates": FieldStrategies(
        values=tuples(_variants | _list_directives, min_size=1),
        invalid=invalid(["", '{"a" 2}', '{a 1}', '{"a b" 1}', '{"a" 1 {type}}', '{"a" 1',
                         '{"a" 1 {length x}}', '{"a" 1 {features}}', '{"a" 1 {x "y}',
                         '{"a" 1 {language e_n}}', '{"a" 1 {features a=[x]}}', "x y",
                         '{"a" 1 x}', '{"a" 1 {type text}}'],
                        joined(sample('{"paper.1" 0.9 {type text/html} {language en}}',
                                      '{"paper.3"}', 'proxy-rvsa="1.0, 2.5"')),
                        ['{"a" 2}', "x y"]),
        spellings=joined(sample('{ "paper.1"  0.9{type  text/html }{ language en,fr }}',
                                '{"a" 1.000 {Features  a  b=[1-]}}', "PROXY-RVSA=\"2.5\"",
                                '{"b" 0 {x-ext}}'))),
    "accept-additions": FieldStrategies(
        values=tuples(_additions),
        invalid=invalid(["Cream Skim", "Cream;q=2", "Cream;q", "Cream;a", "Cream;q=0.5;=x",
                         'Cream;a="x', "Cream;a=1;a=2", "Cream/Skim", "Cream;q=0.5000"],
                        joined(sample("Cream", "Whisky;q=0.5", "*;q=0", "Sugar;lumps=2")),
                        ["a b", "x;q="]),
        spellings=joined(sample("cream", "WHISKY ; q=0.5", "*;q=0", "Cream;q=1;flag",
                                'Vanilla;size="large" ; q=0.3;x=y'))),
    "variant-vary": FieldStrategies(
        values=st.just(("*",)) | tuples(lower_tokens.filter(lambda t: t != "*"), min_size=1),
        invalid=invalid(["", ",", "a b", "a;b", '"a"', "a/b", "a:", "\u00e9"],
                        joined(sample("*", "accept-language", "Accept")), ["a b", "="]),
        spellings=joined(sample("Accept-Language", "ACCEPT", "*", "x-custom"))),
}
