from __future__ import annotations

from decimal import Decimal

import pytest

from headerscope.headers import REGISTRY, FieldError, FieldSpec
from headerscope.headers.legacy_client_hints import (
    DEVICE_MEMORY,
    DOWNLINK,
    DPR,
    ECT,
    RTT,
    SAVE_DATA,
    VIEWPORT_WIDTH,
)


@pytest.mark.parametrize(("spec", "raw", "expected", "written"), [
    (SAVE_DATA, "on", ("on",), "on"),
    (SAVE_DATA, "On ; x;;", ("on", "x"), "on; x"),
    (DEVICE_MEMORY, "0.25", Decimal("0.25"), "0.25"),
    (DEVICE_MEMORY, "8", Decimal(8), "8"),
    (DOWNLINK, "1.45", Decimal("1.45"), "1.45"),
    (DOWNLINK, "10.0", Decimal(10), "10"),
    (DPR, "2.625", Decimal("2.625"), "2.625"),
    (ECT, "4g", "4g", "4g"),
    (ECT, "Slow-2G", "slow-2g", "slow-2g"),
    (RTT, "50", 50, "50"),
    (VIEWPORT_WIDTH, "1280", 1280, "1280"),
])
def test_parses(spec: FieldSpec[object], raw: str, expected: object, written: str) -> None:
    assert spec.parse(raw) == expected
    assert spec.write(spec.parse(raw)) == written


@pytest.mark.parametrize(("spec", "raw", "fragment", "position"), [
    (DOWNLINK, "1.", "expected a decimal number such as 1.5, found '.'", 1),
    (DOWNLINK, ".5", "expected a decimal number such as 1.5, found '.'", 0),
    (DPR, "1,5", "expected a decimal number such as 1.5, found ','", 1),
    (DEVICE_MEMORY, "8GB", "found 'G'", 1),
    (DEVICE_MEMORY, "-1", "found '-'", 0),
    (ECT, "5g", "'5g' is not one of 2g, 3g, 4g, slow-2g", 0),
    (RTT, "100ms", "unexpected 'm'", 3),
    (VIEWPORT_WIDTH, "1280.5", "unexpected '.'", 4),
    (SAVE_DATA, "on,off", "expected ';', found ','", 2),
    (SAVE_DATA, '"on"', "expected a token such as 'on'", 0),
])
def test_rejects(spec: FieldSpec[object], raw: str, fragment: str, position: int) -> None:
    with pytest.raises(FieldError) as info:
        spec.parse(raw)
    assert fragment in info.value.reason
    assert info.value.position == position


def test_warnings_and_deprecations() -> None:
    assert [w.reason for w in REGISTRY.parse("Device-Memory", "3").warnings] == [
        "Device-Memory is superseded by Sec-CH-Device-Memory",
        "browsers round Device-Memory to 0.25, 0.5, 1, 2, 4 or 8"]
    assert [w.reason for w in REGISTRY.parse("Save-Data", "off").warnings] == [
        "only 'on' is defined; without it the field means nothing"]
    assert DPR.deprecated and VIEWPORT_WIDTH.deprecated
    assert not (DOWNLINK.deprecated or ECT.deprecated or RTT.deprecated or SAVE_DATA.deprecated)
