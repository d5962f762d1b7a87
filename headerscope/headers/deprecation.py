"""Deprecation: the resource is, or will be, deprecated from this date on (RFC 9745, 2).

A Structured Field Item:

    Deprecation = sf-date   ; @1688169599

"The Deprecation response header field ... is an Item Structured Header Field; its value
MUST be a Date": the value is an aware UTC `datetime`. A Date outside the years 1 to 9999
(which "parsers MUST support", RFC 9651, 3.3.7) cannot be a date anyone means, and is an
error. The drafts before RFC 9745 sent `Deprecation: true` or an HTTP-date; both are errors
that say what to send instead. Parameters are ignored (RFC 9651, 2.3).
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from ._shared.dates import parse_http_date
from ._shared.sf_family import Issue, error, sf_item_field
from ._shared.sf_values import with_hint
from ._shared.spec import FieldError
from .sf import Date, Item, Token, describe_bare

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FIRST, LAST = -62_135_596_800, 253_402_300_799  # 0001-01-01T00:00:00Z, 9999-12-31T23:59:59Z


def _check(item: Item) -> Iterator[Issue]:
    if item.value == Token("true"):
        yield error("Deprecation: true is the form of the drafts before RFC 9745; the field is "
                    "now the date of the deprecation, as an SF Date such as @1688169599")
    elif type(item.value) is not Date:
        yield error(f"Deprecation must be a Date such as @1688169599, found "
                    f"{describe_bare(item)}")
    elif isinstance(item.value, Date) and not FIRST <= item.value.seconds <= LAST:
        yield error(f"@{item.value.seconds} is outside the years 1 to 9999")


def _view(item: Item) -> datetime:
    seconds = item.value.seconds if isinstance(item.value, Date) else 0  # a Date, checked
    return EPOCH + timedelta(seconds=seconds)


def _unview(value: datetime) -> Item:
    return Item(Date((value - EPOCH) // timedelta(seconds=1)))


def _draft_form(raw: str) -> str | None:
    """An HTTP-date, as the drafts sent, is no Structured Field: say what to send."""
    try:
        when = parse_http_date(raw)
    except FieldError:
        return None
    return (f"this is an HTTP-date, the form of the drafts before RFC 9745; the field is now "
            f"an SF Date: @{int(when.timestamp())}")


DEPRECATION = with_hint(
    sf_item_field("Deprecation", "RFC 9745, 2", check=_check, view=_view, unview=_unview,
                  value_type="datetime (an SF Date)", example="@1688169599"), _draft_form)
