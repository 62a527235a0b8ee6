"""The corpus of forms: what each form the grammars read looks like on a page, and what it
means, as data (``corpus/<name>.toml``, one ``[[form]]`` each). The tests read it to check
every example against the grammar; this module writes the tables of forms of docs/reading.md (the
reference on how the page is read) from it, so that the docs, the tests and the code cannot
drift apart.

    python -m pipeline.french.forms --markdown          # print the tables
    python -m pipeline.french.forms --readme docs/reading.md  # rewrite its tables in place

docs/reading.md holds each table between ``<!-- forms:<name> -->`` and ``<!-- /forms:<name> -->``.

>>> forms("dates")[0]["examples"]
['2012', 'En 2012']
>>> print(markdown("dates").splitlines()[2])
| 2012, En 2012 | `2012` | 2012-01-01 | 2012-12-31 | — | false |
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

CORPORA = ("dates",)
COMMAND = "python -m pipeline.french.forms --readme docs/reading.md"


@cache
def _corpus(name: str) -> dict[str, Any]:
    data = resources.files("pipeline.french").joinpath("corpus", f"{name}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def forms(name: str) -> list[dict[str, Any]]:
    """The forms of ``corpus/<name>.toml``, in its order (callers must not change them)."""
    return list(_corpus(name)["form"])


def edtf_of(form: dict[str, Any], example: str) -> str:
    """The EDTF string an example of a form means: the form's, unless ``edtfs`` or
    ``variants`` give its own."""
    return str(form.get("edtfs", {}).get(example) or form.get("variants", {}).get(example) or form["edtf"])


def _cell(value: object) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _row(form: dict[str, Any]) -> str:
    examples = form["examples"]
    if form.get("reader") == "date_in":
        label = "; ".join(f"{example} → “{found}”"
                          for example, found in zip(examples, form["found"], strict=True))
    else:
        label = ", ".join(examples)
    if form.get("note"):
        label += f" — {form['note']}"
    edtfs = list(dict.fromkeys(edtf_of(form, example) for example in examples))
    months = ("—" if "start_month" not in form and "end_month" not in form
              else f"{form.get('start_month', '—')}, {form.get('end_month', '—')}")
    cells = [label, ", ".join(f"`{e}`" for e in edtfs), _cell(form.get("start_date")),
             _cell(form.get("end_date")), months, _cell(form["is_ongoing"])]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def markdown(name: str) -> str:
    """The Markdown table of a corpus: one row a form, its examples as written, what the
    first one means (other examples' EDTF strings after it, when they differ)."""
    head = ["| label (form) | `period` | `start_date` | `end_date` | months | `is_ongoing` |",
            "|---|---|---|---|---|---|"]
    return "\n".join(head + [_row(form) for form in forms(name)]) + "\n"


_BLOCK = re.compile(r"^(?P<indent>[ \t]*)<!-- forms:(?P<name>[a-z_]+) -->\n(?P<body>.*?)"
                    r"^(?P=indent)<!-- /forms:(?P=name) -->$", re.M | re.S)


def with_tables(text: str) -> str:
    """``text`` (a README) with every block between ``<!-- forms:<name> -->`` and
    ``<!-- /forms:<name> -->`` replaced by the corpus' table, indented as its markers."""

    def table(found: re.Match[str]) -> str:
        indent = found["indent"]
        lines = [f"{indent}{line}" for line in markdown(found["name"]).splitlines()]
        return "\n".join([f"{indent}<!-- forms:{found['name']} -->", "", *lines, "",
                          f"{indent}<!-- /forms:{found['name']} -->"])

    return _BLOCK.sub(table, text)


def blocks(text: str) -> list[str]:
    """The names of the tables a text holds between markers."""
    return [found["name"] for found in _BLOCK.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.french.forms",
        description="Write the tables of forms of docs/reading.md from the corpus of forms.")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--markdown", action="store_true", help="print the tables of forms")
    action.add_argument("--readme", metavar="PATH", type=Path,
                        help="rewrite the tables between the markers of this file (docs/reading.md) in place")
    args = parser.parse_args(argv)
    if args.markdown:
        for name in CORPORA:
            sys.stdout.write(markdown(name))
        return 0
    text = args.readme.read_text(encoding="utf-8")
    if not blocks(text):
        parser.error(f"{args.readme} holds no <!-- forms:… --> block")
    new = with_tables(text)
    if new != text:
        args.readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
