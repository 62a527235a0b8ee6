"""What a command loads: an unchanged page costs a checksum, a text page needs no HTML
parser, and no run loads pandas (which pyarrow would load to look at a Python list)."""

import json
import subprocess
import sys

import pytest

from .conftest import ROOT, SNAPSHOT

pytestmark = pytest.mark.slow

HEAVY = ("pandas", "pyarrow", "frictionless", "lxml", "numpy", "requests", "jinja2", "xlsxwriter")

# Runs the command line in a fresh process and prints which of HEAVY the run's own process
# loaded, and which of them a validation worker had loaded when it checked the keys.
PROBE = """
import json, sys
import pipeline.validate as validate
heavy = {heavy!r}
real = validate.foreign_key_problems

def probed(package):
    with open({worker!r}, "w") as out:
        json.dump(sorted(m for m in heavy if m in sys.modules), out)
    return real(package)

validate.foreign_key_problems = probed  # the workers are forked after this: they call it
from pipeline.cli import main
code = main({args!r})
print(json.dumps([code, sorted(m for m in heavy if m in sys.modules)]))
"""


def loaded(tmp_path, *args):
    worker = tmp_path / "worker.json"
    script = PROBE.format(heavy=HEAVY, worker=str(worker), args=list(args))
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, done.stdout
    worker_modules = json.loads(worker.read_text()) if worker.exists() else None
    return modules, worker_modules, done.stdout


def test_an_unchanged_page_loads_none_of_the_heavy_libraries(tmp_path):
    out = tmp_path / "out"
    first, _, _ = loaded(tmp_path, "run", "--source", str(SNAPSHOT), "--output", str(out), "--first-release")
    # a small page's workbook and its Parquet files are written by the writer process, not
    # the run's (pipeline/run.py, WHOLE_WORKBOOK_BELOW_BYTES)
    assert "xlsxwriter" not in first and "pyarrow" not in first
    (tmp_path / "worker.json").unlink()
    again, worker, said = loaded(tmp_path, "run", "--source", str(SNAPSHOT), "--output", str(out))
    assert "rien à faire" in said
    assert again == []
    assert worker is None  # no worker was started


def test_a_text_page_loads_no_html_parser_and_no_pandas(tmp_path):
    modules, worker, _ = loaded(tmp_path, "run", "--source", str(SNAPSHOT), "--output",
                                str(tmp_path / "out"), "--first-release")
    assert "lxml" not in modules and "pandas" not in modules
    assert "frictionless" not in modules  # the workers validate
    assert worker is not None and "frictionless" in worker
    assert "lxml" not in worker and "pandas" not in worker and "pyarrow" not in worker


def test_an_html_page_does_load_the_html_parser(tmp_path):
    from .html_pages import render
    page = tmp_path / "page.html"
    page.write_text(render(SNAPSHOT.read_text(encoding="utf-8")), encoding="utf-8")
    modules, _, _ = loaded(tmp_path, "run", "--source", str(page), "--output", str(tmp_path / "out"),
                           "--first-release")
    assert "lxml" in modules and "pandas" not in modules


def test_validate_still_runs_frictionless_whole(tmp_path, fresh_release):
    modules, worker, said = loaded(tmp_path, "validate", str(fresh_release))
    assert "frictionless" in modules and worker is None
    assert said.count("valide : ") == 3
