"""Score the reader on the development corpus: precision and recall of partners and dated
actions, periods and fields right, per page and per corpus.

    python -m tests.corpus.score              # per page, then the table
    python -m tests.corpus.score --markdown   # the table only, as docs/corpus.md shows it
    python -m tests.corpus.score --record     # write today's figures to scores.json and
                                              # the table to docs/corpus.md

Each page is read in-process (``read_bytes`` → ``parse`` → ``extract``), with the matching
rules of the shared scorer (``/work/shared/tools/score_extraction.py``):

- a gold partner is found when exactly one partner row's name holds one of its ``match``
  spellings (accents, case, apostrophes and spaces folded by :func:`norm`);
- a gold action is found when an unused action row of that partner holds its ``snip`` in
  its text (the row whose date label is the gold label first); a dated row (one with a start
  year) that no gold action finds counts against precision;
- a found action's period is right when its start and end year and month and its
  ``ongoing`` are all right;
- fields are the scorer's eight of each gold action (``sy sm ey em ongoing people amount
  status``) and the country and agreement year of each gold partner; a fact of an action or
  partner not found counts as a field wrong. A gold value ``"a|b|null"`` accepts any of its
  alternatives, a status, a country's code and an agreement year too (the shared scorer
  compares those as one string, so that its "ongoing|null" could never be met), and a gold
  partner's ``null`` country accepts a row that gives none.

A page whose reading raises counts as nothing found and is listed with its one-line reason.

A real page is read as its town's officer would configure it with the least honest town
file: the town's identity alone (``real/towns.toml``: name, short names, demonyms, INSEE
code), no partner hint, loaded by ``pipeline.config.load`` and made current as ``run --town``
does. An edited page of our town is read with the project's own town file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TOWNS = HERE / "real" / "towns.toml"
SCORES = HERE / "scores.json"
README = HERE.parent.parent / "docs" / "corpus.md"
README_SECTION = "# Corpus: precision and recall"
CORPORA = ("real", "edited")
PAGE_SUFFIXES = (".txt", ".html")

# Pages whose gold is not ``<stem>.gold.json`` (the town's own page and its CMS renderings
# share one gold; see docs/corpus.md). A page with no gold is not scored.
GOLD_OF = {
    "edited/ivry-jumelages.txt": "gold_seed.json",
    "edited/seed-wp.html": "gold_seed.json",
    "edited/seed-wp-nointro.html": "gold_seed.json",
    "edited/v1.html": "v1.gold.json",
    "edited/v1-layout2.html": "v1.gold.json",
    "edited/variant_updated.txt": "gold_variant_updated.json",
}

ACTION_FIELDS = ("sy", "sm", "ey", "em", "ongoing", "people", "amount", "status")
PERIOD_FIELDS = ("sy", "sm", "ey", "em", "ongoing")


def norm(text: Any) -> str:
    """The shared scorer's folding: no accents, lower case, straight apostrophes, one space."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("\u2019", "'").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def as_int(value: Any) -> int | str | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        return int(float(value))
    except ValueError:
        return f"bad:{value}"


def as_num(value: Any) -> float | str | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        return float(value)
    except ValueError:
        return f"bad:{value}"


def as_bool(value: Any) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes", "oui")


def right(gold: Any, got: Any) -> bool:
    """The scorer's ``ok``: a gold ``"3|null"`` lists the values accepted."""
    if isinstance(gold, str) and "|" in gold:  # "null", a flag ("false|true") or a number
        words: dict[str, Any] = {"null": None, "true": True, "false": False}
        return got in [words[alt] if alt in words else float(alt) for alt in gold.split("|")]
    return bool(gold == got)


def right_word(gold: str | None, got: str) -> bool:
    """The same for a word (a status, a country's code): ``"ongoing|null"`` accepts
    "ongoing" or none ("" in a row)."""
    return got in ["" if alt == "null" else alt for alt in (gold or "null").split("|")]


@dataclass
class Score:
    """Counts of one page, or the sum of several."""

    pages: int = 0
    pages_read: int = 0
    partner_rows: int = 0
    gold_partners: int = 0
    partners_found: int = 0
    dated_rows: int = 0
    dated_rows_found: int = 0
    gold_actions: int = 0
    actions_found: int = 0
    periods_right: int = 0
    fields: int = 0
    fields_right: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                        for f in fields(Score)})


@dataclass
class PageResult:
    page: str
    score: Score
    failure: str | None = None
    problems: list[str] = field(default_factory=list)


def pages() -> list[tuple[str, Path, Path]]:
    """Every scored page of the corpus: (name, page, gold), in a fixed order."""
    found = []
    for corpus in CORPORA:
        for path in sorted((HERE / corpus).iterdir()):
            if path.suffix not in PAGE_SUFFIXES:
                continue
            name = f"{corpus}/{path.name}"
            gold = path.parent / GOLD_OF.get(name, path.with_suffix(".gold.json").name)
            if gold.exists():
                found.append((name, path, gold))
    return found


def _toml(value: Any) -> str:
    """A string or a list of strings written as TOML (JSON's quoting is TOML's)."""
    return json.dumps(value, ensure_ascii=False)


@cache
def _identities() -> dict[str, dict[str, Any]]:
    import tomllib

    rows = tomllib.loads(TOWNS.read_text(encoding="utf-8"))["town"]
    return {row["gold"]: row for row in rows}


def town_file(gold: dict[str, Any], folder: Path) -> Path:
    """The town file of a real page's town, written into ``folder``: its identity from
    ``real/towns.toml`` (the gold's ``town`` names it), its page's address, and the
    publication texts every file must have; no hint."""
    who = _identities()[gold["town"]]
    name = who.get("name", gold["town"])
    text = "\n".join([
        "[town]", f"name = {_toml(name)}", f"short_names = {_toml(who.get('short_names', []))}",
        f"demonyms = {_toml(who['demonyms'])}", f"insee = {_toml(who['insee'])}", "",
        "[[sources]]", f"url = {_toml(gold.get('source_url') or 'https://example.invalid/')}", "",
        "[publication]", f"publisher = {_toml('Ville de ' + name)}",
        'publisher_url = "https://example.invalid/"', 'dataset = "jumelages"',
        'title = "Jumelages de {town}"', 'description = "Les partenaires de {town}."',
        'source_title = "Ville de {town}"', "", "[release]", 'folder = "release"',
        'stem = "jumelages"', ""])
    path = folder / f"{who['insee']}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@cache
def town_of(gold_path: Path) -> Any:
    """The configuration a real page is read with (None for a page of our own town: the
    project's file)."""
    import tempfile

    from pipeline.config import load

    if gold_path.parent.name != "real":
        return None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        return load(town_file(gold, Path(folder)))


def records_of(path: Path, town: Any = None) -> dict[str, list[dict[str, Any]]]:
    """The page's tables as a first release would write them, ``town`` (a loaded town file,
    None: the project's) being the current town; raises where a run stops (no partner
    heading, text of a section that went into no record…)."""
    from pipeline.config import using

    with using(town):
        return _records_of(path)


def _records_of(path: Path) -> dict[str, list[dict[str, Any]]]:
    from pipeline.extract import extract
    from pipeline.parse import parse
    from pipeline.places import load_locations
    from pipeline.load import read_bytes
    from pipeline.report import build, check_coverage
    from pipeline.sources import REFERENCE_PLACES
    from pipeline.tables import tables

    document = read_bytes(path.read_bytes(), path.name)
    page = parse(document.blocks)
    data = tables(extract(page, load_locations(REFERENCE_PLACES)))
    check_coverage(build(path, "", document, page, data), allow_unassigned=False)
    return data


def score_records(gold: dict[str, Any], records: dict[str, list[dict[str, Any]]] | None,
                  ) -> tuple[Score, list[str]]:
    """One page's counts, and what went wrong, as the shared scorer words it."""
    parts = (records or {}).get("partners", [])
    acts = (records or {}).get("actions", [])
    score = Score(pages=1, pages_read=int(records is not None), partner_rows=len(parts),
                  gold_partners=len(gold["partners"]), gold_actions=len(gold["actions"]))
    score.fields = 2 * score.gold_partners + len(ACTION_FIELDS) * score.gold_actions
    problems: list[str] = []
    partner_of: dict[str, Any] = {}
    for gp in gold["partners"]:
        spellings = [norm(m) for m in gp["match"]]
        rows = [p for p in parts if any(m in norm(p.get("name")) for m in spellings)]
        if len(rows) != 1:
            problems.append(f"partner {gp['key']}: {len(rows)} rows match")
            continue
        row = rows[0]
        partner_of[gp["key"]] = row.get("partner_id")
        score.partners_found += 1
        country = str(row.get("country_code") or "").strip().upper()
        for name, ok, got in (("country_code", right_word(gp["country_code"], country), country),
                              ("agreement_year",
                               right(gp["agreement_year"], as_int(row.get("agreement_year"))),
                               row.get("agreement_year"))):
            if ok:
                score.fields_right += 1
            else:
                problems.append(f"partner {gp['key']}: {name} {got!r} != {gp[name]!r}")
    used: set[int] = set()
    for ga in gold["actions"]:
        snip, pid = norm(ga["snip"]), partner_of.get(ga["p"], ...)
        found = [i for i, a in enumerate(acts) if i not in used and a.get("partner_id") == pid
                 and snip in norm(a.get("text"))]
        found.sort(key=lambda i: norm(acts[i].get("date_label")) != norm(ga["label"]))
        if not found:
            problems.append(f"action {ga['p']} {ga['label']!r}: not found ({ga['snip'][:40]}…)")
            continue
        used.add(found[0])
        row = acts[found[0]]
        score.actions_found += 1
        score.dated_rows_found += as_int(row.get("start_year")) is not None
        got = {"sy": as_int(row.get("start_year")), "sm": as_int(row.get("start_month")),
               "ey": as_int(row.get("end_year")), "em": as_int(row.get("end_month")),
               "ongoing": as_bool(row.get("is_ongoing")), "people": as_int(row.get("participants")),
               "amount": as_num(row.get("amount_eur"))}
        want = dict(ga, amount=ga["amount"] if isinstance(ga["amount"], str | None)
                    else float(ga["amount"]))
        status = str(row.get("status") or "").strip().lower()
        checks = {k: right(want[k], got[k]) for k in got}
        checks["status"] = (right_word(ga["status"], status) if ga["status"]
                            else status not in ("cancelled", "abandoned"))
        got["status"] = status
        score.fields_right += sum(checks.values())
        score.periods_right += all(checks[k] for k in PERIOD_FIELDS)
        problems += [f"action {ga['p']} {ga['label']!r}: {k} {got[k]!r} != {want[k]!r}"
                     for k in ACTION_FIELDS if not checks[k]]
    score.dated_rows = sum(as_int(a.get("start_year")) is not None for a in acts)
    if score.dated_rows > score.dated_rows_found:
        problems.append(f"{score.dated_rows - score.dated_rows_found} dated action rows "
                        "match no gold action")
    return score, problems


@cache
def read_page(path: Path, gold_path: Path) -> tuple[dict[str, list[dict[str, Any]]] | None, str | None]:
    """The page's tables read with its town's file, or None and the line where the run
    stops; read once a process (tests/test_valid_packages.py checks the same tables)."""
    from pipeline.errors import PipelineError

    try:
        return records_of(path, town_of(gold_path)), None
    except PipelineError as exc:
        return None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    except Exception as exc:  # a traceback in a real run: scored as nothing, said loudly
        return None, f"CRASH {type(exc).__name__}: {exc}".splitlines()[0]


def score_page(name: str, path: Path, gold_path: Path) -> PageResult:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    records, failure = read_page(path, gold_path)
    score, problems = score_records(gold, records)
    return PageResult(name, score, failure, problems)


@cache
def results() -> tuple[PageResult, ...]:
    return tuple(score_page(*page) for page in pages())


def totals(found: tuple[PageResult, ...]) -> dict[str, Score]:
    """Each corpus's sum, then the whole corpus's."""
    sums = {corpus: sum((r.score for r in found if r.page.startswith(f"{corpus}/")), Score())
            for corpus in CORPORA}
    sums["all"] = sum(sums.values(), Score())
    return sums


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "–"


def markdown(found: tuple[PageResult, ...]) -> str:
    """docs/corpus.md's table: one row per corpus and the total."""
    lines = ["| corpus | pages | pages read | partners P / R | dated actions P / R "
             "| periods right | fields right |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for corpus, s in totals(found).items():
        label = {"real": "real pages of other towns", "edited": "edited pages of our town",
                 "all": "**all**"}[corpus]
        lines.append(
            f"| {label} | {s.pages} | {s.pages_read} "
            f"| {_pct(s.partners_found, s.partner_rows)} / {_pct(s.partners_found, s.gold_partners)} "
            f"| {_pct(s.dated_rows_found, s.dated_rows)} / {_pct(s.actions_found, s.gold_actions)} "
            f"| {s.periods_right} / {s.actions_found} ({_pct(s.periods_right, s.actions_found)}) "
            f"| {s.fields_right} / {s.fields} ({_pct(s.fields_right, s.fields)}) |")
    return "\n".join(lines) + "\n"


def figures(found: tuple[PageResult, ...]) -> dict[str, dict[str, float | None]]:
    """The figures that may only go up: per corpus, as fractions (``None``, not measured yet,
    when there is nothing to count: periods of no action found)."""
    def ratio(n: int, d: int) -> float | None:
        return round(n / d, 6) if d else None

    return {corpus: {"pages_read": ratio(s.pages_read, s.pages),
                     "partners_precision": ratio(s.partners_found, s.partner_rows),
                     "partners_recall": ratio(s.partners_found, s.gold_partners),
                     "actions_precision": ratio(s.dated_rows_found, s.dated_rows),
                     "actions_recall": ratio(s.actions_found, s.gold_actions),
                     "periods_right": ratio(s.periods_right, s.actions_found),
                     "fields_right": ratio(s.fields_right, s.fields)}
            for corpus, s in totals(found).items()}


def record(found: tuple[PageResult, ...]) -> None:
    data = {"figures": figures(found),
            "pages": {r.page: {**asdict(r.score), "failure": r.failure} for r in found}}
    SCORES.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def recorded() -> dict[str, dict[str, float | None]]:
    figures: dict[str, dict[str, float | None]] = json.loads(SCORES.read_text(encoding="utf-8"))["figures"]
    return figures


def _table_span(text: str) -> tuple[int, int]:
    """Where the first Markdown table of docs/corpus.md starts and ends."""
    start = text.index(README_SECTION)
    end = text.find("\n## ", start + 1)
    lines = text[start:end if end >= 0 else len(text)].splitlines(keepends=True)
    offset, first, last = start, None, None
    for line in lines:
        if line.startswith("|") and last is None:
            first = offset if first is None else first
        elif first is not None and last is None:
            last = offset
        offset += len(line)
    if first is None:
        raise ValueError(f"no table under {README_SECTION!r} in docs/corpus.md")
    return first, last if last is not None else offset


def readme_table(text: str) -> str:
    """The table docs/corpus.md shows under "Corpus: precision and recall"."""
    first, last = _table_span(text)
    return text[first:last]


def write_readme_table(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    first, last = _table_span(text)
    README.write_text(text[:first] + table + text[last:], encoding="utf-8")


def report(found: tuple[PageResult, ...], verbose: bool) -> str:
    out = []
    for r in found:
        s = r.score
        line = (f"{r.page}: partners {s.partners_found}/{s.gold_partners} of {s.partner_rows} rows, "
                f"actions {s.actions_found}/{s.gold_actions}, dated rows {s.dated_rows_found}/"
                f"{s.dated_rows}, periods {s.periods_right}, fields {s.fields_right}/{s.fields}")
        out.append(line + (f" — NOT READ: {r.failure}" if r.failure else ""))
        if verbose:
            out += [f"    - {p}" for p in r.problems]
    unread = [r for r in found if r.failure]
    if unread:
        out += ["", f"{len(unread)} page(s) not read:"]
        out += [f"  {r.page}: {r.failure}" for r in unread]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.corpus.score", description=__doc__.split("\n")[0])
    ap.add_argument("--markdown", action="store_true", help="print the README's table only")
    ap.add_argument("--record", action="store_true", help="write the figures to scores.json and the table to docs/corpus.md")
    ap.add_argument("-v", "--verbose", action="store_true", help="list each page's problems")
    args = ap.parse_args(argv)
    found = results()
    if args.markdown:
        print(markdown(found), end="")
        return 0
    print(report(found, args.verbose))
    print()
    print(markdown(found), end="")
    if args.record:
        record(found)
        write_readme_table(markdown(found))
        print("\nrecorded in tests/corpus/scores.json and docs/corpus.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
