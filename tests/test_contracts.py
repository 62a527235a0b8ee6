"""The contracts of a format and a view are types (``pipeline/emit/base.py``): mypy, on a
registry like ``pipeline/emit/__init__.py``'s, accepts a format module that has every member
and rejects one that lacks a member or gives it the wrong type."""

import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.lint

TSV = '''
from pathlib import Path
from typing import Any

FORMAT = "tsv"
LABEL = "TSV"
MEDIATYPE = "text/tab-separated-values"
RESOURCE_EXTRAS: dict[str, Any] = {"encoding": "utf-8"}
SCHEMA_EXTRAS: dict[str, Any] = {}
STATS = ("bytes", "hash")


def read(path: Path, schema: dict[str, Any]) -> list[dict[str, object]]:
    return []


def write(path: Path, rows: list[dict[str, object]], schema: dict[str, Any]) -> None:
    path.write_text("")
'''
MAP = '''
from typing import Any

from pipeline.layout import Layout, ReleaseFile
from pipeline.emit.base import Contents

LEADS = False
WHILE_VALIDATING = False


def files(layout: Layout) -> list[ReleaseFile]:
    return []


def write(layout: Layout, contents: Contents) -> list[dict[str, Any]] | None:
    return None
'''
REGISTRY = '''
from pipeline.emit import csv, json, parquet, xlsx
from pipeline.emit.base import AnyFormat, View, WrittenFormat

from . import map, tsv

PACKAGES: tuple[AnyFormat, ...] = (csv, parquet, json, tsv)
VIEWS: tuple[View, ...] = (xlsx, map)
NEW_FORMAT: WrittenFormat = tsv  # alone, for mypy to name what is missing
NEW_VIEW: View = map
'''


def mypy(tmp_path, tsv: str = TSV, view: str = MAP) -> subprocess.CompletedProcess:
    """mypy on a package holding a format, a view and a registry of both."""
    package = tmp_path / "extra"
    package.mkdir()
    for name, text in (("__init__", ""), ("tsv", tsv), ("map", view), ("registry", REGISTRY)):
        (package / f"{name}.py").write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--follow-imports=silent",
                           str(package)], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_a_format_and_a_view_with_every_member_pass(tmp_path):
    done = mypy(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_format_without_its_reader_is_rejected(tmp_path):
    done = mypy(tmp_path, tsv=TSV.split("\n\ndef read")[0] + "\n\ndef write" + TSV.split("\n\ndef write")[1])
    assert done.returncode == 1
    assert 'registry.py:7: error: Incompatible types in assignment' in done.stdout
    assert 'registry.py:9: note: "ModuleType" is missing following "WrittenFormat" protocol member:\n' in done.stdout
    assert "note:     read\n" in done.stdout


def test_a_format_with_a_member_of_the_wrong_type_is_rejected(tmp_path):
    done = mypy(tmp_path, tsv=TSV.replace('STATS = ("bytes", "hash")', "STATS = 2"))
    assert done.returncode == 1
    assert 'registry.py:7: error: Incompatible types in assignment' in done.stdout


def test_a_view_that_does_not_say_when_it_is_written_is_rejected(tmp_path):
    done = mypy(tmp_path, view=MAP.replace("WHILE_VALIDATING = False\n", ""))
    assert done.returncode == 1
    assert 'registry.py:8: error: Incompatible types in assignment' in done.stdout
    assert 'registry.py:10: note: "ModuleType" is missing following "View" protocol member:\n' in done.stdout
    assert "note:     WHILE_VALIDATING\n" in done.stdout
