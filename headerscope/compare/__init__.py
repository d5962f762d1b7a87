"""The differential view: how other parsers read the same bytes (issue 8).

headerscope as a test oracle: beside its own reading of a field or a request, what the peers
installed in the environment make of it, and where they differ, each difference explained
by the reference that says who is right. Request smuggling and cache poisoning live where
parsers disagree.

    compare_field("Accept", "text/html;q=2")       # werkzeug, http-sf, the standard library
    compare_request(capture.fields, data)          # every field, and h11's and http.server's
                                                   # framing of the request

Every peer is optional (the `compare` extra: werkzeug, http-sf, h11); a missing one is
reported as missing, never an error. Nothing here is imported by the server unless it runs
with --compare.
"""

from ._known import KNOWN
from ._model import FieldComparison, Known, Reading, Verdict
from .field import compare_field
from .framing import Framing, FramingReading, Outcome
from .peers import FIELD_PEERS, FRAMING_PEERS, PeerStatus, peer_status
from .request import RequestComparison, compare_request, compare_section

__all__ = [
    "FIELD_PEERS",
    "FRAMING_PEERS",
    "KNOWN",
    "FieldComparison",
    "Framing",
    "FramingReading",
    "Known",
    "Outcome",
    "PeerStatus",
    "Reading",
    "RequestComparison",
    "Verdict",
    "compare_field",
    "compare_request",
    "compare_section",
    "peer_status",
]
