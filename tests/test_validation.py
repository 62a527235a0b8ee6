"""The release's validation rejects exactly what frictionless rejects.

A release is validated table by table in worker processes, frictionless on each table and
the foreign keys by the pipeline's own code (pipeline/validate.py). Here both checkers see
the same broken packages, made from the real page's CSV package by editing its files, and
must name the same rows of the same tables, with the same messages in the same order:
``frictionless validate`` on the whole package is the reference.
"""

import csv
import hashlib
import json
import shutil

import frictionless
import pytest

from pipeline.errors import ReleaseError
from pipeline.validate import Problem, foreign_key_problems, package_problems, records_problems, validate_staged
from pipeline.workers import Pool


def read(package, table):
    with (package / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write(package, table, rows):
    with (package / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def edit(package, table, row, column, value):
    """Set one cell: ``row`` counts the data rows from 0, ``column`` is a column's name."""
    rows = read(package, table)
    rows[row + 1][rows[0].index(column)] = value
    write(package, table, rows)


def cell(package, table, row, column):
    rows = read(package, table)
    return rows[row + 1][rows[0].index(column)]


def duplicate(package, table, row):
    rows = read(package, table)
    rows.append(rows[row + 1])
    write(package, table, rows)


def delete(package, table, column, value):
    rows = read(package, table)
    at = rows[0].index(column)
    write(package, table, [r for r in rows if r[at] != value])


def restamp(package):
    """Give the descriptor the edited files' sizes and hashes, so that the only problems
    are the ones the edits made in the data."""
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        content = (package / resource["path"]).read_bytes()
        resource["bytes"] = len(content)
        resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def frictionless_lines(package):
    report = frictionless.validate(str(package / "datapackage.json"))
    lines = [f"package: {e.message}" for e in report.errors]
    for task in report.tasks:
        for error in task.errors:
            where = [f"row {error.row_number}" if getattr(error, "row_number", None) else "",
                     f"field {error.field_name}" if getattr(error, "field_name", None) else ""]
            lines.append(f"{task.name}: {', '.join(w for w in where if w) or 'table'}: {error.message}")
    return report.valid, lines


def first_action_of(package, partner):
    rows = read(package, "actions")
    return next(i for i, r in enumerate(rows[1:]) if r[rows[0].index("partner_id")] == partner)


def rename_package(package, name):
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["name"] = name
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


# Each case breaks the package in one way (or several at once).
CASES = {
    "a descriptor that breaks the package profile": lambda p: rename_package(p, "Pas un nom !"),
    "a dangling key": lambda p: edit(p, "actions", 3, "partner_id", "nulle-part"),
    "a duplicate key": lambda p: edit(p, "partners", 1, "partner_id", cell(p, "partners", 0, "partner_id")),
    "a wrong type": lambda p: edit(p, "actions", 5, "start_year", "deux mille"),
    "a value out of its enum": lambda p: edit(p, "action_themes", 0, "theme", "astrology"),
    "a missing required cell": lambda p: edit(p, "actions", 2, "text", ""),
    "a missing key cell, which references nothing": lambda p: edit(p, "action_people", 0, "person_id", ""),
    "a pattern mismatch, and the keys that referenced the old id": lambda p: edit(
        p, "partners", 2, "partner_id", "Pas Un Id"),
    "a date that does not exist": lambda p: edit(p, "actions", 0, "start_date", "2023-02-30"),
    "a year out of range": lambda p: edit(p, "actions", 1, "start_year", "1850"),
    "a number below its minimum": lambda p: edit(p, "actions", 4, "source_line", "0"),
    "a duplicate composite key": lambda p: duplicate(p, "action_themes", 3),
    "a referenced row deleted": lambda p: delete(p, "people", "person_id", cell(p, "people", 0, "person_id")),
    "a dangling key in a link table": lambda p: edit(p, "action_organisations", 1, "organisation_id", "inconnue"),
    "errors of both kinds in one row": lambda p: (edit(p, "actions", 6, "partner_id", "ailleurs"),
                                                  edit(p, "actions", 6, "amount_eur", "beaucoup")),
    "a cell over several lines, then a dangling key below it": lambda p: (
        edit(p, "actions", 0, "text", "première ligne\nseconde ligne, « citée »"),
        edit(p, "actions", 9, "partner_id", "plus-loin")),
    "many errors across tables": lambda p: (
        edit(p, "actions", 1, "partner_id", "x"), edit(p, "actions", 7, "direction", "sideways"),
        duplicate(p, "people", 0), edit(p, "action_themes", 5, "action_id", "y"),
        edit(p, "partner_organisations", 0, "partner_id", "")),
}


@pytest.fixture
def package(fresh_release, tmp_path):
    copy = tmp_path / "csv"
    shutil.copytree(fresh_release / "csv", copy)
    return copy


def test_the_real_package_is_valid_for_both(package):
    assert frictionless_lines(package) == (True, [])
    assert package_problems(package / "datapackage.json") == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_both_checkers_reject_the_same_rows_with_the_same_messages(package, case):
    CASES[case](package)
    restamp(package)
    valid, expected = frictionless_lines(package)
    assert not valid
    found = package_problems(package / "datapackage.json")
    assert [str(p) for p in found] == expected
    # the keys' own check found what frictionless' keys found, no more, no less
    keys = [line for line in expected if "violates the foreign key" in line]
    assert [str(p) for p in foreign_key_problems(package / "datapackage.json")] == sorted(
        keys, key=expected.index)


def test_the_checks_find_the_same_in_worker_processes(package):
    CASES["many errors across tables"](package)
    restamp(package)
    with Pool(2) as pool:
        found = package_problems(package / "datapackage.json", pool)
    assert found == package_problems(package / "datapackage.json")
    assert [str(p) for p in found] == frictionless_lines(package)[1]
    assert {p.table for p in found} == {"actions", "people", "action_themes", "partner_organisations"}


def test_a_problem_reads_as_frictionless_report_lines_read():
    assert str(Problem("actions", 4, "start_year", "bad")) == "actions: row 4, field start_year: bad"
    assert str(Problem("actions", 0, "", "bad")) == "actions: table: bad"
    assert str(Problem("", 0, "", "bad")) == "package: bad"


def test_a_staged_release_with_a_dangling_key_is_refused_naming_the_row(fresh_release, tmp_path):
    release = tmp_path / "release"
    shutil.copytree(fresh_release, release)
    row = first_action_of(release / "csv", "dianguirde")
    edit(release / "csv", "actions", row, "partner_id", "nulle-part")
    restamp(release / "csv")
    with pytest.raises(ReleaseError, match=(
            rf"csv/datapackage.json n'est pas valide \(1 erreur\) ; l'écrire à nouveau avec "
            rf"`python -m pipeline run` :\n  actions: row {row + 2}: Row at position "
            rf'"{row + 2}" violates the foreign key: for "partner_id": values "nulle-part" not found in '
            r'the lookup table "partners" as "partner_id"')):
        validate_staged(release)


def test_a_staged_release_whose_json_differs_from_its_csv_is_refused(fresh_release, tmp_path):
    release = tmp_path / "release"
    shutil.copytree(fresh_release, release)
    path = release / "json" / "people.json"
    people = json.loads(path.read_text(encoding="utf-8"))
    people[0]["name"] = "Quelqu'un d'autre"
    path.write_text(json.dumps(people, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ReleaseError, match=r"json/datapackage.json: table people does not hold the validated records"):
        validate_staged(release)


def test_each_package_is_compared_with_the_validated_one_row_by_row(fresh_release, tmp_path, monkeypatch):
    """The CSV package's rows are read one at a time as each other package's are compared
    with them (never the whole table: two tables held whole at once made a large page's
    largest process), and the verdicts are those of comparing whole tables: the same rows
    pass; a row changed, one more or one fewer in the JSON is refused, naming it; a CSV
    that cannot be read back is named before a JSON that cannot either."""
    import pipeline.emit.csv

    def whole(*args):
        raise AssertionError("the validated table read whole")

    monkeypatch.setattr(pipeline.emit.csv, "read", whole)
    assert records_problems(fresh_release, "people") == []
    release = tmp_path / "release"
    for change in ("one changed", "one more", "one fewer"):
        shutil.rmtree(release, ignore_errors=True)
        shutil.copytree(fresh_release, release)
        path = release / "json" / "actions.json"
        actions = json.loads(path.read_text(encoding="utf-8"))
        if change == "one changed":
            actions[-1]["text"] += " Une ligne de plus."
        elif change == "one more":
            actions.append(actions[0])
        else:
            actions.pop()
        path.write_text(json.dumps(actions, ensure_ascii=False), encoding="utf-8")
        assert records_problems(release, "actions") == [
            f"{release}/json/datapackage.json: table actions does not hold the validated records"], change
    (release / "json" / "actions.json").write_text("[{", encoding="utf-8")
    assert "json/datapackage.json: json/actions.json cannot be read back" in records_problems(release, "actions")[0]
    with (release / "csv" / "actions.csv").open("a", encoding="utf-8") as handle:
        handle.write("2019,une ligne,de trop\n")
    assert "csv/datapackage.json: csv/actions.csv cannot be read back" in records_problems(release, "actions")[0]


def test_a_remembered_check_of_a_descriptor_gives_the_same_verdict():
    """A worker remembers frictionless' verdict on field and schema descriptors
    (``validate.remember_checks``): the same descriptor is refused again for the same
    reason, and one that differs is checked anew."""
    from pipeline.validate import remember_checks

    remember_checks()
    remember_checks()  # installed once
    wrong = {"name": "n", "type": "integer", "constraints": {"pattern": "a+"}}
    integer = frictionless.fields.IntegerField
    said = [[e.note for e in integer.metadata_validate(wrong)] for _ in range(2)]
    assert said[0] == said[1] == ['constraint "pattern" is not supported by type "integer"']
    assert list(integer.metadata_validate({**wrong, "constraints": {"minimum": 1}})) == []
    twice = {"fields": [{"name": "a", "type": "string"}, {"name": "a", "type": "string"}]}
    for _ in range(2):
        with pytest.raises(frictionless.FrictionlessException, match="not valid"):
            frictionless.Schema.from_descriptor(twice)
        assert [e.note for e in frictionless.Schema.metadata_validate(twice)] == [
            "names of the fields are not unique"]
    assert frictionless.Schema.from_descriptor({"fields": [{"name": "a", "type": "string"}]})
