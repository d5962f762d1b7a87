"""Hypothesis strategies for every registered field: public API for property tests.

    from headerscope.strategies import values, valid, invalid
    @given(valid("Accept"))
    def test_my_parser_accepts(raw): ...

- `values(name)`: native values of the field (what headerscope's parser returns);
- `valid(name)`: raw field values that are valid: canonical text written from `values`, and
  lenient-but-legal spellings (OWS, case, empty list elements) where the field has any;
- `invalid(name)`: raw field values that the field's grammar rejects.

Requires the `hypothesis` package (the `test` extra); headerscope itself does not.
"""

from ._common import FieldStrategies
from ._registry import STRATEGIES, invalid, valid, values

__all__ = ["STRATEGIES", "FieldStrategies", "invalid", "valid", "values"]
