"""Cross-Origin-Embedder-Policy and Cross-Origin-Opener-Policy, and their -Report-Only twins.

WHATWG HTML, "Cross-origin opener policies" and "Cross-origin embedder policies". Each "is
a structured header whose value must be a token", from a closed set, with an optional
"report-to" parameter naming a reporting endpoint (a String):

    Cross-Origin-Embedder-Policy = sf-token  ; unsafe-none / require-corp / credentialless
    Cross-Origin-Opener-Policy   = sf-token  ; unsafe-none / same-origin-allow-popups /
                                             ;   same-origin / noopener-allow-popups
                                             ; ...; report-to="endpoint-name"

A token outside the set, or a value that is not a token, is an error: the browser then
applies unsafe-none, as if no policy were sent. A report-to that is not a String is ignored
(HTML: "if parsedItem[1]["report-to"] exists and it is a string"): a warning. COEP reports
only for the values "compatible with cross-origin isolation" (require-corp,
credentialless); COOP reports only go to a report-to endpoint, so a report-only COOP
without one does nothing: both warnings.
"""

import enum
from collections.abc import Callable, Iterator
from difflib import get_close_matches

from ._shared.sf_family import Issue, error, expect, sf_item_field, warning
from ._shared.spec import FieldSpec
from ._shared.value import value_type
from .sf import Item, Params, Token


class EmbedderPolicyValue(enum.StrEnum):
    UNSAFE_NONE = "unsafe-none"
    REQUIRE_CORP = "require-corp"
    CREDENTIALLESS = "credentialless"


class OpenerPolicyValue(enum.StrEnum):
    UNSAFE_NONE = "unsafe-none"
    SAME_ORIGIN_ALLOW_POPUPS = "same-origin-allow-popups"
    SAME_ORIGIN = "same-origin"
    NOOPENER_ALLOW_POPUPS = "noopener-allow-popups"


PolicyValue = EmbedderPolicyValue | OpenerPolicyValue


@value_type
class CrossOriginPolicy:
    value: PolicyValue
    report_to: str | None = None  # the reporting endpoint's name


def _checker(name: str, values: type[PolicyValue], report_only: bool
             ) -> Callable[[Item], Iterator[Issue]]:
    known = [v.value for v in values]
    embedder = values is EmbedderPolicyValue

    def check(item: Item) -> Iterator[Issue]:
        if problem := expect(item, (Token,), name):
            yield problem
            return
        token = item.value.value if isinstance(item.value, Token) else ""
        if token not in known:
            near = get_close_matches(token, known, 1)
            hint = f" (did you mean {near[0]}?)" if near else ""
            yield error(f"{token!r} is not a policy value{hint}: {', '.join(known)}; the "
                        "browser applies unsafe-none, as if there were no policy")
            return
        report_to = item.params.get("report-to")
        if report_to is not None and (problem := expect(report_to, (str,), "report-to",
                                                        ";report-to")):
            yield warning(f"{problem.reason}; browsers ignore it", *problem.at)
        elif report_to is not None and embedder and token == "unsafe-none":
            yield warning("report-to is ignored with unsafe-none: COEP reports only for "
                          "require-corp and credentialless", ";report-to")
        if report_only and token == "unsafe-none":
            yield warning(f"{name}: unsafe-none restricts nothing, so there is nothing to "
                          "report")
        elif report_only and not embedder and type(report_to) is not str:
            yield warning(f"{name} without a report-to endpoint does nothing: COOP reports "
                          "go only to that endpoint")
    return check


def _policy_field(name: str, ref: str, values: type[PolicyValue], *, report_only: bool,
                  example: str) -> FieldSpec[CrossOriginPolicy]:
    def view(item: Item) -> CrossOriginPolicy:
        token = item.value.value if isinstance(item.value, Token) else ""
        report_to = item.params.get("report-to")
        return CrossOriginPolicy(values(token),
                                 report_to if type(report_to) is str else None)

    def unview(policy: CrossOriginPolicy) -> Item:
        params: Params = {} if policy.report_to is None else {"report-to": policy.report_to}
        return Item(Token(policy.value.value), params)

    return sf_item_field(name, ref, check=_checker(name, values, report_only), view=view,
                         unview=unview, value_type=f"CrossOriginPolicy ({values.__name__})",
                         example=example)


COEP_REF = "WHATWG HTML, Cross-origin embedder policies"
COOP_REF = "WHATWG HTML, Cross-origin opener policies"
CROSS_ORIGIN_EMBEDDER_POLICY = _policy_field(
    "Cross-Origin-Embedder-Policy", COEP_REF, EmbedderPolicyValue, report_only=False,
    example="require-corp")
CROSS_ORIGIN_EMBEDDER_POLICY_REPORT_ONLY = _policy_field(
    "Cross-Origin-Embedder-Policy-Report-Only", COEP_REF, EmbedderPolicyValue,
    report_only=True, example='credentialless; report-to="coep"')
CROSS_ORIGIN_OPENER_POLICY = _policy_field(
    "Cross-Origin-Opener-Policy", COOP_REF, OpenerPolicyValue, report_only=False,
    example="same-origin")
CROSS_ORIGIN_OPENER_POLICY_REPORT_ONLY = _policy_field(
    "Cross-Origin-Opener-Policy-Report-Only", COOP_REF, OpenerPolicyValue, report_only=True,
    example='same-origin; report-to="coop"')
