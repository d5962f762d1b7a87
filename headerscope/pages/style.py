"""The pages' one stylesheet, inline, allowed by its hash in a strict Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root { color-scheme: light dark; --bad: #c62828; --warn: #a15c00; --muted: #777; }
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; }
h1 { font-size: 1.3rem; font-family: ui-monospace, monospace; word-break: break-all; }
nav a { margin-right: .8em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35em .6em;
         border-bottom: 1px solid #8884; }
th { font-weight: 600; }
code, pre { font-family: ui-monospace, monospace; font-size: 13px; }
pre { margin: 0; white-space: pre-wrap; word-break: break-all; }
table.fields td:nth-child(-n+3) { font-family: ui-monospace, monospace; font-size: 13px; }
table.fields td:nth-child(2) { word-break: break-all; }
table.fields td:nth-child(3) { white-space: pre-wrap; }
table.fields td:nth-child(4) { color: var(--muted); font-size: 13px; }
td p { white-space: normal; font-family: system-ui, sans-serif; margin: .2em 0; }
dl { margin: 0; display: grid; grid-template-columns: max-content auto; gap: 0 .8em; }
dt { color: var(--muted); } dd { margin: 0; }
ul, ol { margin: 0; padding-left: 1.2em; }
.badge { font-size: 11px; border: 1px solid currentColor; border-radius: 3px;
         padding: 0 .3em; margin-left: .4em; white-space: nowrap; }
.unknown .badge.unknown { color: var(--muted); }
.diag.error { color: var(--bad); }
.diag.warning { color: var(--warn); }
.caret { color: var(--bad); }
.none { color: var(--muted); }
.ref { color: var(--muted); font-size: 13px; }
tr.error { background: #c6282814; }
form { margin: 1em 0; display: grid; gap: .4em; max-width: 48em; }
input[type=text] { font-family: ui-monospace, monospace; }
"""

CSS_HASH = "sha256-" + base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()

CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src '{CSS_HASH}'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# /captures/live only: its one script, /captures/live.js, is same-origin, and so is its event
# stream. 'self' is safe: no answer that holds request text is JavaScript (they are sent with
# X-Content-Type-Options: nosniff and a text, JSON or HTML type), and our pages are inert.
LIVE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY + "; script-src 'self'; connect-src 'self'"
