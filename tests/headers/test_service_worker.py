from __future__ import annotations

import pytest

from headerscope.headers import FieldError
from headerscope.headers.service_worker import SERVICE_WORKER


def test_parses_script() -> None:
    assert SERVICE_WORKER.parse("script") == "script"


@pytest.mark.parametrize(("raw", "fragment", "position"), [
    ("worker", "'worker' is not one of script", 0),
    ("Script", "'Script' is not one of script", 0),
    ("script, script", "unexpected ','", 6),
    ("", "expected a token", 0),
])
def test_rejects(raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        SERVICE_WORKER.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position
