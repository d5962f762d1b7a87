"""The negotiation fields of issue 17's third batch (A-IM, Delta-Base; Accept-Features,
Alternates, Negotiate, TCN, Variant-Vary; Accept-Additions), with their specifications'
examples where they give any."""

from __future__ import annotations

from decimal import Decimal

from headerscope.headers import REGISTRY
from headerscope.headers.alternates import ALTERNATES
from headerscope.headers.delta_encoding import A_IM, DELTA_BASE
from headerscope.headers.htcpcp import ACCEPT_ADDITIONS
from headerscope.headers.tcn import ACCEPT_FEATURES, NEGOTIATE, TCN, VARIANT_VARY
from headerscope.headers.types import (
    Addition,
    EntityTag,
    FeatureExpr,
    FeatureOp,
    InstanceManipulation,
    TcnDirective,
    Variant,
    VariantAttribute,
)

from ._content_helpers import rejects, round_trips, warned, warnings


def test_a_im_examples() -> None:  # RFC 3229, 10.5.3
    assert A_IM.parse("vcdiff, gdiff") == (InstanceManipulation("vcdiff"),
                                           InstanceManipulation("gdiff"))
    assert A_IM.parse("vcdiff, gdiff;q=0.3")[1] == InstanceManipulation("gdiff", q=Decimal("0.3"))
    assert [im.name for im in A_IM.parse("vcdiff, diffe, gzip")] == ["vcdiff", "diffe", "gzip"]
    for raw in ("vcdiff, gdiff", "vcdiff, gdiff;q=0.3", "vcdiff, diffe, gzip", "identity;q=0"):
        assert warnings(A_IM, raw) == []
        assert A_IM.write(A_IM.parse(raw)) == raw


def test_a_im_imparams() -> None:  # RFC 3229, 10.1: instance-manipulation = token [imparams]
    value = A_IM.parse('VCDIFF;Base="a b" ; q=0.5')
    assert value == (InstanceManipulation("vcdiff", "base", "a b", Decimal("0.5")),)
    round_trips(A_IM, 'VCDIFF;Base="a b" ; q=0.5', 'vcdiff;base="a b";q=0.5')
    round_trips(A_IM, "feed;flag", "feed;flag")
    assert A_IM.parse("x;Q=0")[0].q == 0  # "q" is the weight, never an imparam-name
    assert A_IM.parse("") == ()


def test_a_im_errors_and_warnings() -> None:
    rejects(A_IM, "vcdiff;a=1;b=2", "no other parameter is allowed here", 11)
    rejects(A_IM, "vcdiff;q=0.5;a=1", "','", 12)
    rejects(A_IM, "vcdiff;q=2", "q-value from 0 to 1", 9)
    rejects(A_IM, "vcdiff;q", "'=' right after 'q'", 8)
    rejects(A_IM, "vcdiff;a=", "an imparam value", 9)
    rejects(A_IM, "vcdiff gdiff", "','", 7)
    rejects(A_IM, "v/cdiff", "','", 1)
    warned(A_IM, "vcdiff,,gdiff", "empty list element", 7)


def test_delta_base() -> None:  # RFC 3229, 10.5.1: Delta-Base = entity-tag
    assert DELTA_BASE.parse('"abc"') == EntityTag("abc")
    assert DELTA_BASE.parse('W/"v1"') == EntityTag("v1", weak=True)
    round_trips(DELTA_BASE, 'W/"v1"', 'W/"v1"')
    rejects(DELTA_BASE, "abc", "entity", 0)
    rejects(DELTA_BASE, '"a", "b"', "unexpected ','", 3)
    assert REGISTRY.parse("Delta-Base", '"abc"').error is None


AF_EXAMPLE = ('blex, !blebber, colordepth={5}, !screenwidth, paper = A4, paper!="A2", '
              "x-version=104, *")


def test_accept_features_example() -> None:  # RFC 2295, 8.2
    assert ACCEPT_FEATURES.parse(AF_EXAMPLE) == (
        FeatureExpr(FeatureOp.PRESENT, "blex"),
        FeatureExpr(FeatureOp.ABSENT, "blebber"),
        FeatureExpr(FeatureOp.ONLY, "colordepth", "5"),
        FeatureExpr(FeatureOp.ABSENT, "screenwidth"),
        FeatureExpr(FeatureOp.EQUALS, "paper", "A4"),
        FeatureExpr(FeatureOp.NOT_EQUALS, "paper", "A2"),
        FeatureExpr(FeatureOp.EQUALS, "x-version", "104"),
        FeatureExpr(FeatureOp.MORE),
    )
    assert warnings(ACCEPT_FEATURES, AF_EXAMPLE) == []
    round_trips(ACCEPT_FEATURES, AF_EXAMPLE, "blex, !blebber, colordepth={5}, !screenwidth, "
                "paper=A4, paper!=A2, x-version=104, *")
    assert ACCEPT_FEATURES.parse("*") == (FeatureExpr(FeatureOp.MORE),)  # 8.2: the default


def test_accept_features_tags_and_extensions() -> None:
    assert ACCEPT_FEATURES.parse('"*"') == (FeatureExpr(FeatureOp.PRESENT, "*"),)  # a tag
    round_trips(ACCEPT_FEATURES, '"*"', '"*"')
    assert ACCEPT_FEATURES.parse('a ; x = "y z";flag') == (
        FeatureExpr(FeatureOp.PRESENT, "a", None,
                    (TcnDirective("x", "y z"), TcnDirective("flag"))),)
    round_trips(ACCEPT_FEATURES, '"!x", "y!"', '"!x", "y!"')  # not "absent", not "!="
    assert ACCEPT_FEATURES.parse("") == ()


def test_accept_features_errors_and_warnings() -> None:
    rejects(ACCEPT_FEATURES, "paper!=", "a tag value", 7)
    rejects(ACCEPT_FEATURES, "!=A2", "a feature tag", 1)
    rejects(ACCEPT_FEATURES, "colordepth={5", "'}'", 13)
    rejects(ACCEPT_FEATURES, "colordepth=[4-6]", "a tag value", 11)  # a predicate, not here
    rejects(ACCEPT_FEATURES, "blex blebber", "','", 5)
    rejects(ACCEPT_FEATURES, "blex;", "a directive", 5)
    warned(ACCEPT_FEATURES, "blex, , *", "empty list element", 6)


def test_negotiate_examples() -> None:  # RFC 2295, 8.4
    assert NEGOTIATE.parse("1.0, 2.5") == (TcnDirective("1.0"), TcnDirective("2.5"))
    assert NEGOTIATE.parse("*") == (TcnDirective("*"),)
    for raw in ("1.0, 2.5", "*", "trans, vlist, guess-small"):
        assert warnings(NEGOTIATE, raw) == []
        assert NEGOTIATE.write(NEGOTIATE.parse(raw)) == raw
    round_trips(NEGOTIATE, "TRANS, Ext = tok", "trans, Ext=tok")


def test_negotiate_errors_and_warnings() -> None:
    rejects(NEGOTIATE, "", "at least one element", 0)
    rejects(NEGOTIATE, 'x="y"', "a value (a token)", 2)  # negotiate-extension: token only
    rejects(NEGOTIATE, "trans vlist", "','", 6)
    rejects(NEGOTIATE, "x=", "a value", 2)
    warned(NEGOTIATE, "trans,,vlist", "empty list element", 6)


def test_tcn() -> None:  # RFC 2295, 8.5
    assert TCN.parse("List, re-choose") == (TcnDirective("list"), TcnDirective("re-choose"))
    assert TCN.parse('choice, x-ext="a b"')[1] == TcnDirective("x-ext", "a b")
    round_trips(TCN, 'Adhoc, KEEP, x-ext = "a b"', 'adhoc, keep, x-ext="a b"')
    assert warnings(TCN, "list, re-choose") == []
    assert TCN.parse("") == ()
    rejects(TCN, "list choice", "','", 5)
    rejects(TCN, 'x="a', "not closed", 2)
    warned(TCN, "list,", "empty list element", 4)


ALT = ('{"paper.1" 0.9 {type text/html} {language en}}, '
       '{"paper.2" 0.7 {type text/html} {language fr}}, proxy-rvsa="1.0, 2.5"')


def test_alternates_variants() -> None:  # RFC 2295, 8.3 and 5.1
    value = ALTERNATES.parse(ALT)
    assert value[0] == Variant("paper.1", Decimal("0.9"), (VariantAttribute("type", "text/html"),
                                                          VariantAttribute("language", "en")))
    assert value[2] == TcnDirective("proxy-rvsa", "1.0, 2.5")
    assert ALTERNATES.write(value) == ALT
    assert warnings(ALTERNATES, ALT) == []
    assert ALTERNATES.parse('{"paper.3"}') == (Variant("paper.3"),)  # a fallback-variant
    round_trips(ALTERNATES, '{ "a"  1.000{Type  text/html }{ LANGUAGE en,fr } {x-ext}}',
                '{"a" 1 {type text/html} {language en,fr} {x-ext}}')


def test_alternates_attributes() -> None:  # each attribute's own grammar is checked
    raw = ('{"a" 0.5 {features blex !b c=[4-6] [x y];+1.5-0.5 d!="q"} {length 1234} '
           '{charset utf-8} {description "A paper" en} {x-ext a=b (c) "q}" [z]}}')
    variant = ALTERNATES.parse(raw)[0]
    assert isinstance(variant, Variant)
    assert [a.name for a in variant.attributes] == ["features", "length", "charset",
                                                    "description", "x-ext"]
    assert variant.attributes[-1].value == 'a=b (c) "q}" [z]'  # "}" inside a quoted-string
    assert ALTERNATES.write(ALTERNATES.parse(raw)) == raw


def test_alternates_errors_and_warnings() -> None:
    rejects(ALTERNATES, "", "at least one element", 0)
    rejects(ALTERNATES, '{"a b" 1}', "not allowed in a URI path", 3)
    rejects(ALTERNATES, '{"a" 2}', "q-value from 0 to 1", 5)
    rejects(ALTERNATES, '{"a" 1 {type}}', "the type value", 12)
    rejects(ALTERNATES, '{"a" 1 {type text}}', "'/'", 17)
    rejects(ALTERNATES, '{"a" 1 {length x}}', "a length in octets", 15)
    rejects(ALTERNATES, '{"a" 1 {language e_n}}', "not a language tag", 18)
    rejects(ALTERNATES, '{"a" 1 {features a=[x]}}', "a numeric range", 20)
    rejects(ALTERNATES, '{"a" 1', "'}'", 6)
    rejects(ALTERNATES, "{a 1}", "the variant's URI", 1)
    warned(ALTERNATES, 'proxy-rvsa="x"', "a quoted list of rvsa-versions", 0)
    warned(ALTERNATES, '{"a"},, {"b"}', "empty list element", 6)
    warned(ALTERNATES, '{"a"}, PROXY-RVSA=x', "a quoted list of rvsa-versions", 7)
    # commas inside a variant separate nothing: no empty element in these
    assert warnings(ALTERNATES, '{"a,,b" 1 {x-ext a,,b "c,,d"}}, proxy-rvsa="1.0, 2.5"') == []


def test_accept_additions() -> None:  # RFC 2324, 2.2.2.1
    value = ACCEPT_ADDITIONS.parse("cream, WHISKY;q=0.5, *;q=0")
    assert value == (Addition("Cream"), Addition("Whisky", q=Decimal("0.5")),
                     Addition("*", q=Decimal(0)))
    assert ACCEPT_ADDITIONS.write(value) == "Cream, Whisky;q=0.5, *;q=0"  # the RFC's spelling
    assert ACCEPT_ADDITIONS.parse("Sugar")[0].name == "Sugar"  # sweetener-type: undefined
    assert warnings(ACCEPT_ADDITIONS, "Cream, Sugar") == []
    assert ACCEPT_ADDITIONS.parse("") == ()


def test_accept_additions_parameters_and_extensions() -> None:  # RFC 2616's accept-params
    value = ACCEPT_ADDITIONS.parse('Cream;fat="2 %" ; q=0.7;flag;x="a b"')[0]
    assert value.params == {"fat": "2 %"}
    assert value.q == Decimal("0.7")
    assert value.extensions == (TcnDirective("flag"), TcnDirective("x", "a b"))
    round_trips(ACCEPT_ADDITIONS, "Cream;q=1;flag", "Cream;q=1;flag")  # q kept: it carries them


def test_accept_additions_errors_and_warnings() -> None:
    rejects(ACCEPT_ADDITIONS, "Cream Skim", "','", 6)
    rejects(ACCEPT_ADDITIONS, "Cream;q=2", "q-value from 0 to 1", 8)
    rejects(ACCEPT_ADDITIONS, "Cream;a", "'='", 7)
    rejects(ACCEPT_ADDITIONS, "Cream;a=1;a=2", "repeated", 10)
    rejects(ACCEPT_ADDITIONS, "Cream;q=0.5;=x", "an accept-extension", 12)
    warned(ACCEPT_ADDITIONS, "Cream,,Rum", "empty list element", 6)


def test_variant_vary() -> None:  # RFC 2295, 8.6: ( "*" | 1#field-name )
    assert VARIANT_VARY.parse("Accept-Language, accept") == ("accept-language", "accept")
    assert VARIANT_VARY.parse("*") == ("*",)
    assert warnings(VARIANT_VARY, "*") == []
    warned(VARIANT_VARY, "Accept, *", "'*' stands alone", 8)
    rejects(VARIANT_VARY, "", "at least one element", 0)
    rejects(VARIANT_VARY, "a b", "','", 2)
    warned(VARIANT_VARY, "a,,b", "empty list element", 2)
