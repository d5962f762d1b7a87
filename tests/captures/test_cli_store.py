"""serve's store options: a bad --store or limit is a usage error (exit 2) before serving."""

from __future__ import annotations

from pathlib import Path

import pytest

from headerscope.cli import main


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not SQLite\n")
    assert main(["serve", "--port", "0", "--store", str(other)]) == 2
    assert "cannot open the capture store" in capsys.readouterr().err
    assert other.read_text() == "not SQLite\n"  # untouched


@pytest.mark.parametrize("option", ["--store-max-requests", "--store-max-bytes"])
def test_limits_below_one_are_refused(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "0", option, "0"]) == 2
    assert "at least 1" in capsys.readouterr().err
