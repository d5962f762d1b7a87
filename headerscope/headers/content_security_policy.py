"""Content-Security-Policy: the policies a document must obey (CSP3, 2.2 and 3.1).

    Content-Security-Policy = 1#serialized-policy
    serialized-policy    = serialized-directive *( OWS ";" [ OWS serialized-directive ] )
    serialized-directive = directive-name [ required-ascii-whitespace directive-value ]
    directive-name       = 1*( ALPHA / DIGIT / "-" )
    directive-value      = *( required-ascii-whitespace / ( %x21-2B / %x2D-3A / %x3C-7E ) )

    source-expression    = scheme-source / host-source / keyword-source / nonce-source /
                           hash-source
    scheme-source        = scheme ":"
    host-source          = [ scheme "://" ] host-part [ ":" port-part ] [ path-part ]
    host-part            = "*" / [ "*." ] 1*host-char *( "." 1*host-char ) [ "." ]
    keyword-source       = "'self'" / "'unsafe-inline'" / "'unsafe-eval'" / ...
    nonce-source         = "'nonce-" base64-value "'"
    hash-source          = "'" ( "sha256" / "sha384" / "sha512" ) "-" base64-value "'"

Each policy (comma) is a set of directives (semicolon), each a lower-cased name and its values
split on whitespace, as "parse a serialized CSP" (2.2.1) reads them. A character outside the
grammar (a control character, non-ASCII) or a malformed directive name is an error. What a
browser ignores is a warning: an unknown or removed directive, a repeated directive ("the user
agent SHOULD notify developers that a duplicate directive was ignored"), a source expression
that does not parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from ..grammar import describe
from ._shared.content import list_lint
from ._shared.frozen import frozen
from ._shared.spec import Diagnostic, FieldError, FieldSpec, Kind
from ._shared.value import value_type


@value_type
class Policy:
    """Directive name (lower-case) -> its values as written; a repeated directive keeps the
    first, as user agents do."""

    directives: Mapping[str, tuple[str, ...]]


Policies = tuple[Policy, ...]

_OUTSIDE_RE = re.compile(r"[^\t\x20-\x7e]")
_WORD_RE = re.compile(r"[^ \t]+")
_NAME_RE = re.compile(r"[A-Za-z0-9-]*")
_KEYWORDS = ("self", "unsafe-inline", "unsafe-eval", "strict-dynamic", "unsafe-hashes",
             "report-sample", "unsafe-allow-redirects", "wasm-unsafe-eval", "trusted-types-eval",
             "report-sha256", "report-sha384", "report-sha512", "inline-speculation-rules")
_B64 = r"[A-Za-z0-9+/_-]+={0,2}"
_SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*"
_SOURCE_RE = re.compile(
    rf"'(?:{'|'.join(_KEYWORDS)})'|'nonce-{_B64}'|'(?P<alg>sha256|sha384|sha512)-(?P<b64>{_B64})'"
    rf"|{_SCHEME}:|(?:{_SCHEME}://)?(?:\*|(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)"
    r"(?::(?:[0-9]+|\*))?(?:/[A-Za-z0-9\-._~!$&'()*+=:@%/]*)?", re.IGNORECASE)
_ANCESTOR_RE = re.compile(  # frame-ancestors: scheme-source / host-source / "'self'" only
    rf"'self'|{_SCHEME}:|(?:{_SCHEME}://)?(?:\*|(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)"
    r"(?::(?:[0-9]+|\*))?(?:/[A-Za-z0-9\-._~!$&'()*+=:@%/]*)?", re.IGNORECASE)
_HASH_LENGTH = {"sha256": 43, "sha384": 64, "sha512": 86}  # base64 characters, unpadded
_FETCH = frozenset({
    "child-src", "connect-src", "default-src", "fenced-frame-src", "font-src", "frame-src",
    "img-src", "manifest-src", "media-src", "object-src", "script-src", "script-src-attr",
    "script-src-elem", "style-src", "style-src-attr", "style-src-elem", "worker-src"})
_SOURCE_LISTS = _FETCH | {"base-uri", "form-action", "frame-ancestors"}
_KNOWN = _SOURCE_LISTS | {"report-to", "report-uri", "sandbox", "upgrade-insecure-requests",
                          "require-trusted-types-for", "trusted-types", "webrtc"}
_REMOVED = {"block-all-mixed-content": "obsolete: browsers now block or upgrade mixed content",
            "plugin-types": "removed from CSP3", "prefetch-src": "removed from CSP3",
            "navigate-to": "removed from CSP3", "referrer": "removed: use Referrer-Policy",
            "reflected-xss": "removed", "disown-opener": "removed",
            "require-sri-for": "never shipped by browsers"}


class Directive(NamedTuple):
    """One directive as scanned: its name (lower-case), where it is, its values."""

    name: str
    at: int
    values: tuple[str, ...]
    span: tuple[int, int]  # where its values are in the raw value, for their positions


Scanned = list[list[Directive]]  # the directives of each policy, empty ones included
_new = tuple.__new__  # Directive(...) runs a Python-level __new__; this builds the same tuple


def parse(raw: str) -> Policies:
    return policies(scan(raw))


def analyse(raw: str) -> tuple[Policies, Iterator[Diagnostic]]:
    """The policies and their warnings, from one scan of the value."""
    scanned = scan(raw)
    return policies(scanned), lint_scanned(scanned, raw)


def policies(scanned: Scanned) -> Policies:
    found = []
    for directives in scanned:
        if not directives:  # "If policy's directive set is empty, continue."
            continue
        named: dict[str, tuple[str, ...]] = {}
        for d in directives:
            if d.name not in named:  # 2.2.1: a duplicate directive is ignored
                named[d.name] = d.values
        found.append(Policy(frozen(named)))
    if not found:
        raise FieldError("no directive: expected a policy such as \"default-src 'self'\"", 0)
    return tuple(found)


def write(value: Policies) -> str:
    return ", ".join("; ".join(" ".join((name, *values))
                               for name, values in p.directives.items()) for p in value)


def scan(raw: str) -> Scanned:
    """Policies (split on ",") of directives (split on ";") of words (split on whitespace).

    str.split does the cutting, and only positions are counted here: a value of thousands of
    one-letter directives costs a few operations per directive.
    """
    bad = _OUTSIDE_RE.search(raw)
    if bad is not None:
        raise FieldError(f"{describe(bad.group())} cannot appear in a policy: directives are "
                         "visible ASCII separated by spaces (CSP3, 2.2)", bad.start())
    out: Scanned = []
    start = 0  # where the current piece starts in raw
    for policy in raw.split(","):
        directives = []
        for piece in policy.split(";"):
            words = piece.split()  # only " " and "\t" are left to split on (_OUTSIDE_RE)
            if words:
                name = words[0]
                at = start + len(piece) - len(piece.lstrip())
                if not name.replace("-", "").isalnum():  # only ASCII is left (_OUTSIDE_RE)
                    m = _NAME_RE.match(name)
                    if m is None or m.end() < len(name):
                        i = at + (m.end() if m else 0)
                        raise FieldError(f"{describe(raw[i])} is not allowed in a directive "
                                         "name (letters, digits and '-')", i)
                directives.append(_new(Directive, (name.lower(), at, tuple(words[1:]),
                                                   (at + len(name), start + len(piece)))))
            start += len(piece) + 1
        out.append(directives)
    return out


def lint_scanned(scanned: Scanned, raw: str) -> Iterator[Diagnostic]:
    for directives in scanned:
        seen: set[str] = set()
        for d in directives:
            if d.name in seen:
                yield Diagnostic(f"repeated directive {d.name!r}: browsers ignore the "
                                 "duplicate and keep the first", d.at)
                continue
            seen.add(d.name)
            if d.name in _REMOVED:
                yield Diagnostic(f"{d.name}: {_REMOVED[d.name]}", d.at)
            elif d.name not in _KNOWN:
                yield Diagnostic(f"unknown directive {d.name!r}: browsers ignore it", d.at)
            elif d.name == "report-uri" and all(e.name != "report-to" for e in directives):
                yield Diagnostic("report-uri is deprecated in CSP3; add report-to (browsers "
                                 "that support it then ignore report-uri)", d.at)
            if d.name in _SOURCE_LISTS:
                yield from _check_sources(d, raw)


def _check_sources(d: Directive, raw: str) -> Iterator[Diagnostic]:
    pattern = _ANCESTOR_RE if d.name == "frame-ancestors" else _SOURCE_RE
    for word in _WORD_RE.finditer(raw, *d.span):
        text, at = word.group(), word.start()
        if text.lower() == "'none'":
            if len(d.values) > 1:
                yield Diagnostic("'none' has no effect when other sources are listed", at)
            continue
        if text.lower() in _KEYWORDS or text.lower() == "none":
            yield Diagnostic(f"{text!r} is read as a host name: keywords are quoted, as in "
                             f"\"'{text.lower()}'\"", at)
            continue
        m = pattern.fullmatch(text)
        if m is None:
            yield Diagnostic(f"{text!r} is not a valid source expression for {d.name}; "
                             "browsers ignore it", at)
        elif (b64 := m.groupdict().get("b64")) and len(b64.rstrip("=")) != _HASH_LENGTH[
                m["alg"].lower()]:
            yield Diagnostic(f"this {m['alg']} hash is not the base64 of a {m['alg']} digest "
                             "(wrong length)", at)


CONTENT_SECURITY_POLICY = FieldSpec(
    "Content-Security-Policy", parse, write, "CSP3, 2.2", kind=Kind.LIST,
    value_type="tuple[Policy, ...]", analyse=analyse, lint=list_lint(),
    example="default-src 'self'; img-src 'self' https://cdn.example.com; frame-ancestors 'none'")
