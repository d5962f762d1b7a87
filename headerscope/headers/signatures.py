"""Signature-Input and Signature: HTTP Message Signatures (RFC 9421, 4.1 and 4.2).

Structured Field Dictionaries keyed by signature label:

    Signature-Input = sf-dictionary  ; sig1=("@method" "@authority" "content-digest");
                                     ;   created=1618884473;keyid="test-key-rsa-pss"
    Signature = sf-dictionary        ; sig1=:HIbjHC5rS0BYaa9v4QfD4193TORw7u9edguPh0AW3dMq9...:

Each Signature-Input member is an Inner List of component identifiers (Strings, with
parameters such as ;sf, ;key="a", ;bs, ;req, ;tr) carrying the signature parameters:
created and expires (Integers), nonce, alg, keyid and tag (Strings). Each Signature member is
a Byte Sequence. The value of Signature-Input stays the parsed Dictionary, parameters in
order, because the signature base is built from exactly that ("@signature-params").
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, dict_items, dict_values, error, expect, sf_dict_field, warning
from ._shared.spec import FieldSpec
from .sf import Dictionary, InnerList, Params

INTEGERS = ("created", "expires")
STRINGS = ("nonce", "alg", "keyid", "tag")
ALGORITHMS = frozenset({"rsa-pss-sha512", "rsa-v1_5-sha256", "hmac-sha256",
                        "ecdsa-p256-sha256", "ecdsa-p384-sha384", "ed25519"})
DERIVED = frozenset({"@method", "@target-uri", "@authority", "@scheme", "@request-target",
                     "@path", "@query", "@query-param", "@status"})


def input_issues(members: Dictionary) -> Iterator[Issue]:
    for label, member in members.items():
        if not isinstance(member, InnerList):
            yield error(f"{label} must be an Inner List of covered components, as in "
                        f'{label}=("@method" "@path");created=1618884473', label, "=")
            continue
        for j, item in enumerate(member.items):
            if problem := expect(item, (str,), "a component identifier", label, j):
                yield problem
            elif isinstance(item.value, str) and item.value.startswith("@"):
                if item.value not in DERIVED:
                    yield warning(f"{item.value} is not a derived component of RFC 9421, 2.2",
                                  label, j)
            elif isinstance(item.value, str) and item.value != item.value.lower():
                yield warning(f'a field is covered by its lower-cased name: "{item.value.lower()}"'
                              " (RFC 9421, 2.1)", label, j)
        yield from _parameters(label, member.params)


def _parameters(label: str, params: Params) -> Iterator[Issue]:
    for name, types in [*((n, (int,)) for n in INTEGERS), *((n, (str,)) for n in STRINGS)]:
        if name in params and (problem := expect(params[name], types, name, label, ";" + name)):
            yield problem
    created, expires = params.get("created"), params.get("expires")
    if type(created) is int and type(expires) is int and expires <= created:
        yield warning(f"the signature expires ({expires}) before it was created ({created})",
                      label, ";expires")
    alg = params.get("alg")
    if type(alg) is str and alg not in ALGORITHMS:
        yield warning(f"{alg!r} is not a registered signature algorithm "
                      f"({', '.join(sorted(ALGORITHMS))})", label, ";alg")


def _signatures(members: Dictionary) -> Iterator[Issue]:
    for label, member in members.items():
        if problem := expect(member, (bytes,), f"the signature {label}", label, "="):
            yield problem


SIGNATURE_INPUT: FieldSpec[Dictionary] = sf_dict_field(
    "Signature-Input", "RFC 9421, 4.1", check=input_issues, value_type="dict[str, sf.InnerList]",
    example='sig1=("@method" "@authority" "@path" "content-digest");created=1618884473;'
            'keyid="test-key-rsa-pss"')
SIGNATURE = sf_dict_field(
    "Signature", "RFC 9421, 4.2", check=_signatures, view=dict_values, unview=dict_items,
    value_type="dict[str, bytes]", example="sig1=:P0wLUszWQjoi54udOtydf9IWTfNhy+r53jGFj9XZuP4=:")
