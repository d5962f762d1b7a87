"""Accept-Signature: the signatures a sender asks for in the reply (RFC 9421, 5.1).

A Structured Field Dictionary with the shape of Signature-Input: each member is a label for
a requested signature, an Inner List of the component identifiers to cover, with the
signature parameters the signer is to use:

    Accept-Signature = sf-dictionary   ; sig1=("@method" "@target-uri" "@authority"
                                       ;   "content-digest");keyid="test-key-rsa-pss";
                                       ;   created;tag="app-123"

The components and parameters are checked as for Signature-Input (signatures.py), except
that created and expires may be a bare flag (Boolean true), which asks the signer to include
the parameter with a value of its own, as `;created` does in RFC 9421's example.
"""

from collections.abc import Iterator

from ._shared.sf_family import Issue, sf_dict_field
from ._shared.spec import FieldSpec
from .sf import Dictionary, InnerList, Member
from .signatures import input_issues as signature_input_issues

REQUESTABLE = ("created", "expires")  # Integers in Signature-Input; here also a flag


def _check(members: Dictionary) -> Iterator[Issue]:
    asked: dict[str, Member] = {}
    for label, member in members.items():
        if isinstance(member, InnerList) and any(member.params.get(p) is True
                                                 for p in REQUESTABLE):
            member = InnerList(member.items, {k: v for k, v in member.params.items()
                                              if not (k in REQUESTABLE and v is True)})
        asked[label] = member
    yield from signature_input_issues(asked)  # same labels, so the same paths


ACCEPT_SIGNATURE: FieldSpec[Dictionary] = sf_dict_field(
    "Accept-Signature", "RFC 9421, 5.1", check=_check, value_type="dict[str, sf.InnerList]",
    example='sig1=("@method" "@target-uri" "@authority" "content-digest");'
            'keyid="test-key-rsa-pss";created;tag="app-123"')
