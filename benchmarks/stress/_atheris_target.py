"""`python -m benchmarks.stress._atheris_target [libFuzzer flags] CORPUS`: coverage-guided
fuzzing of the framer and the field parsers with the checks of tests/reliability/_fuzz.py.
The first byte picks the target: even, the request reader (the rest split at a second byte);
odd, a registered field (picked by the second byte) parsing the rest as latin-1."""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]

with atheris.instrument_imports(include=["headerscope"]):
    from headerscope.headers import REGISTRY  # noqa: F401
    from headerscope.http import RequestReader  # noqa: F401

from tests.http.test_fuzz import _check
from tests.reliability._fuzz import SPECS, check_field


def one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    if data[0] % 2 == 0:
        body = data[2:]
        _check(body, [data[1] * 16], None)
    else:
        check_field(SPECS[data[1] % len(SPECS)], data[2:].decode("latin-1"))


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
