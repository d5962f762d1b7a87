from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers.from_ import FROM, Mailbox


@pytest.mark.parametrize(("raw", "expected", "written"), [
    ("webmaster@example.org", Mailbox(None, "webmaster", "example.org"), None),
    ("googlebot@googlebot.com", Mailbox(None, "googlebot", "googlebot.com"), None),
    ("John Doe <JDoe@Example.COM>", Mailbox("John Doe", "JDoe", "example.com"),
     "John Doe <JDoe@example.com>"),
    ('"Doe, John" <j@example.com>', Mailbox("Doe, John", "j", "example.com"), None),
    ("John Q. Public <jqp@example.com>", Mailbox("John Q. Public", "jqp", "example.com"),
     '"John Q. Public" <jqp@example.com>'),  # obs-phrase: '.' between words
    ("<bot@example.com>", Mailbox(None, "bot", "example.com"), "bot@example.com"),
    ('"john doe"@example.com', Mailbox(None, "john doe", "example.com"), None),
    ("first.last+tag@[192.0.2.1]", Mailbox(None, "first.last+tag", "[192.0.2.1]"), None),
    ("(crawler) bot@example.com (ops)", Mailbox(None, "bot", "example.com"), "bot@example.com"),
])
def test_parses(raw: str, expected: Mailbox, written: str | None) -> None:
    assert FROM.parse(raw) == expected
    assert FROM.write(expected) == (written or raw)


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("googlebot(at)googlebot.com", "expected '@', found 'g'", 13),  # what Googlebot once sent
    ("", "expected a local part, found end of value", 0),
    ("user@", "expected a domain, found end of value", 5),
    ("@example.com", "expected a local part, found '@'", 0),
    ("a..b@example.com", "'.' in a local part must be followed by more characters", 1),
    ("user@example.com.", "'.' in a domain must be followed by more characters", 16),
    ("John Doe <user@example.com", "expected '>', found end of value", 26),
    ("user example.com", "expected '@', found 'e'", 5),
    ("a@b <c@d>", "unexpected '<'", 4),
    ("user@exa mple.com", "unexpected 'm'", 9),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        FROM.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position
