"""Shared test settings: paths to the shared data, and the system-tool rule.

A test that needs a system tool (curl, wget, ab, chromium, ...) calls `require_tool(name)`:
locally a missing tool skips with a message naming it; under CI=true it fails, because CI
installs every tool the tests need (.ci/run).
"""

from __future__ import annotations

import datetime
import os
import shutil
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
IN_CI = os.environ.get("CI", "").lower() == "true"

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100
)
# CI draws the same examples for the same code, so that its verdict on a commit can be rerun
# and does not turn on a coin; local runs draw fresh examples every time and are where new
# failures are found (each one is then pinned with @example beside its property).
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100,
    derandomize=True, print_blob=True,
)
# A long local search, 20x the examples: HYPOTHESIS_PROFILE=thorough .venv/bin/pytest tests
settings.register_profile(
    "thorough", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=2000,
)
# The same, derandomized: what `make thorough` runs on one slice of the property tests.
settings.register_profile(
    "thorough-ci", deadline=None, suppress_health_check=[HealthCheck.too_slow],
    max_examples=2000, derandomize=True, print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if IN_CI else "default"))

# The scheduled thorough run. Every property test (each parametrization apart) falls in one of
# SLICES slices by a hash of its id, so that a new test does not move the others, and
# `--property-slice today` keeps only the slice of today's date (UTC): `make test` runs it at
# 20x the examples, so that each property gets the long search once every SLICES days, for the
# time of one slice. A number picks that slice; `all` keeps every property test.
SLICES = 24


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--property-slice", default=None, metavar="today|N|all",
                     help=f"run only the property tests of one of {SLICES} slices")


def property_slice(nodeid: str) -> int:
    return zlib.crc32(nodeid.encode()) % SLICES


def today_slice() -> int:
    return datetime.datetime.now(datetime.UTC).date().toordinal() % SLICES


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    chosen = config.getoption("--property-slice")
    if chosen is None:
        return
    wanted = None if chosen == "all" else today_slice() if chosen == "today" else int(chosen)
    keep, drop = [], []
    for item in items:
        is_property = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if is_property and (wanted is None or property_slice(item.nodeid) == wanted):
            keep.append(item)
        else:
            drop.append(item)
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"system tool {name!r} is not installed"
        if IN_CI:
            pytest.fail(message + " (CI=true: .ci/run should have installed it)")
        pytest.skip(message)
    return path


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data; skip cleanly when the shared folder is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data {path} is not present")
    return path
