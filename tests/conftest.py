"""Shared test settings: paths to the shared data, and the system-tool rule.

A test that needs a system tool (curl, wget, ab, chromium, ...) calls `require_tool(name)`:
locally a missing tool skips with a message naming it; under CI=true it fails, because CI
installs every tool the tests need (.ci/run).
"""

from __future__ import annotations

import os
import shutil
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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if IN_CI else "default"))


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
