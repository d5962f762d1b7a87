"""HTTP's grammar in one place: the rules (`rules`), the cursor that reads them over a field
value (`core`), and the error every production raises (`errors`).

Nothing here imports the rest of headerscope: `http/` builds its byte patterns from `rules`,
`headers/` parses every field with `core`, and a fix to a rule lands once.
"""

from . import rules
from .core import (
    INT_CEILING,
    Cursor,
    Fast,
    describe,
    expect_run,
    fast_token_list,
    is_token,
    over_ceiling,
    parse_count,
    parse_int,
    parse_list,
    parse_params,
    quote,
    quote_string,
    read_count,
    write_params,
)
from .errors import SLOW, FieldError
from .rules import SEP, TCHARS, TOKEN_RE

__all__ = [
    "INT_CEILING",
    "SEP",
    "SLOW",
    "TCHARS",
    "TOKEN_RE",
    "Cursor",
    "Fast",
    "FieldError",
    "describe",
    "expect_run",
    "fast_token_list",
    "is_token",
    "over_ceiling",
    "parse_count",
    "parse_int",
    "parse_list",
    "parse_params",
    "quote",
    "quote_string",
    "read_count",
    "rules",
    "write_params",
]
