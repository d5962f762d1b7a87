"""A field's module is found from its name (issue 17): named after the field, or in TOPICS."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from headerscope.headers import REGISTRY, FieldSpec
from headerscope.headers._shared.where import TOPICS, module_name, module_path
from headerscope.http import ConnectionInfo
from headerscope.pages.app import make_app
from tests.pages.helpers import make_request

from .test_registry import IDS, SPECS

INFO = ConnectionInfo(("127.0.0.1", 40000), ("127.0.0.1", 8080), 1, False)
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_the_module_found_from_the_name_defines_the_field(spec: FieldSpec[Any]) -> None:
    module = importlib.import_module(module_name(spec.name))
    assert any(value is spec for value in vars(module).values()), (spec.name, module.__name__)
    assert (ROOT / module_path(spec.name)).is_file()


def test_the_topic_table_names_only_registered_fields_and_no_field_twice() -> None:
    listed = [field for fields in TOPICS.values() for field in fields]
    assert len(listed) == len({f.lower() for f in listed})
    assert all(field in REGISTRY for field in listed)
    # A topic entry for a field its module is named after would be noise.
    for module, fields in TOPICS.items():
        assert all(field.lower().replace("-", "_") != module for field in fields), module


def test_fields_and_the_field_page_say_where_a_field_is_defined() -> None:
    out = subprocess.run([sys.executable, "-m", "headerscope", "fields"], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    line = next(line for line in out.splitlines() if line.startswith("If-None-Match "))
    assert line.rstrip().endswith("headerscope/headers/etags.py")
    spec = REGISTRY.get("From")
    assert spec is not None and spec.module == "headerscope/headers/from_.py"
    page = make_app()(make_request([], target="/fields/If-None-Match?format=html"), INFO)
    assert b"<code>headerscope/headers/etags.py</code>" in page.body
    page = make_app()(make_request([], target="/fields/If-None-Match?format=json"), INFO)
    assert b'"module":"headerscope/headers/etags.py"' in page.body.replace(b" ", b"")
