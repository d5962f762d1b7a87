"""docs/json.md documents every field's JSON encoding; it must match the registry."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def test_json_docs_are_current() -> None:
    done = subprocess.run([sys.executable, str(REPO / "docs" / "generate.py"), "--check"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
