"""The request history (issue 16): captures, their SQLite store, exports and diffs.

Pure code: nothing here listens on a socket or draws a page. The server builds a `Capture`
for every answered request (`capture_request`) and hands it to its `CaptureStore`; pages read
the store and show a capture through `to_har`, `to_curl`, `to_http` and `diff`.
"""

from .diff import CaptureDiff, diff
from .export import http_notes, to_curl, to_har, to_http
from .listing import Entry, Filters, Page
from .record import Capture, Summary, TLSFacts, bin_of, capture_request, count_diagnostics
from .store import CaptureStore, FlushPolicy, StoreError, StoreLimits

__all__ = [
    "Capture",
    "CaptureDiff",
    "CaptureStore",
    "Entry",
    "Filters",
    "FlushPolicy",
    "Page",
    "StoreError",
    "StoreLimits",
    "Summary",
    "TLSFacts",
    "bin_of",
    "capture_request",
    "count_diagnostics",
    "diff",
    "http_notes",
    "to_curl",
    "to_har",
    "to_http",
]
