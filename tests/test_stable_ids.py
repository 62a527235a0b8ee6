"""An entry inserted above another with the same label takes a new id: the entry that was
there keeps its own, and the change log says "ajouté" for the new one only. Ids follow the
previous release where labels repeat (`extract.action_ids`); a page without a previous
release ranks them by position."""

import csv
import json
import pytest

from pipeline.cli import main

from .conftest import SNAPSHOT

OLD = "2020 : tentatives de forages d’eau"
NEW = "2020 : accueil de deux artisanes de la commune pour un marché solidaire.\n\n"


def _actions(release):
    with (release / "csv" / "actions.csv").open(encoding="utf-8") as file:
        return {row["action_id"]: row["text"] for row in csv.DictReader(file)}


def test_an_entry_inserted_above_one_of_the_same_label_takes_a_new_id(tmp_path, capsys):
    page = tmp_path / "page.txt"
    text = SNAPSHOT.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--source", str(page), "--output", str(out), "--first-release"]) == 0
    before = _actions(out)
    assert before["dianguirde-2020"].startswith(OLD)

    assert text.count(OLD) == 1
    page.write_text(text.replace(OLD, NEW + OLD), encoding="utf-8")
    assert main(["run", "--source", str(page), "--output", str(out)]) == 0
    after = _actions(out)
    assert after["dianguirde-2020"] == before["dianguirde-2020"]  # the same entry, the same id
    assert after["dianguirde-2020-2"].startswith("2020 : accueil de deux artisanes")
    assert {k: v for k, v in after.items() if k != "dianguirde-2020-2"} == before
    log = json.loads((out / "changelog.json").read_text(encoding="utf-8"))["releases"][0]
    changes = log["changes"]["tables"]["actions"]
    assert changes["added"] == ["dianguirde-2020-2"] and changes["changed"] == {} and changes["removed"] == []
    capsys.readouterr()


def test_without_a_previous_release_ids_follow_the_page_order(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SNAPSHOT.read_text(encoding="utf-8").replace(OLD, NEW + OLD), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--source", str(page), "--output", str(out), "--first-release"]) == 0
    after = _actions(out)
    assert after["dianguirde-2020"].startswith("2020 : accueil de deux artisanes")
    assert after["dianguirde-2020-2"].startswith(OLD)


@pytest.mark.parametrize("before, after", [
    ("2015 : accueil de lycéen·nes", "Année 2015 : accueil de lycéen·nes"),
    ("2015 : accueil de lycéen·nes", "En 2015, accueil de lycéen·nes"),
    ("Mai 2018 : délégation ivryenne", "Courant mai 2018 : délégation ivryenne"),
    # an easy-read page's questions and a date told from the entry before (issue 20)
    ("2015 : accueil de lycéen·nes", "Quand ? En 2015.\n\nQuoi ? Accueil de lycéen·nes"),
    ("2015 : accueil de lycéen·nes", "La même année, accueil de lycéen·nes"),
])
def test_an_entry_whose_label_is_reworded_keeps_its_id(before, after):
    """Issue 20: an unchanged entry keeps its id when only the words of its label change
    (its text after the label is the previous one's, and no other entry kept that id)."""
    from pipeline.extract import extract
    from pipeline.parse import parse
    from pipeline.read import text_blocks

    page = "Gao (Mali)\n\n2015 : livres.\n\n{}\n\n2016 : forages.\n"
    old = extract(parse(text_blocks(page.format(before + "."))))["actions"]
    previous = {a["action_id"]: a["text"] for a in old}
    new = extract(parse(text_blocks(page.format(after + "."))), previous=previous)["actions"]
    assert [a["action_id"] for a in new] == [a["action_id"] for a in old]
    assert new[1]["date_label"] != old[1]["date_label"]


@pytest.mark.parametrize("label", ["2020 (2)", "2020-2", "2020 – 2"])
def test_a_label_that_spells_another_entrys_rank_takes_an_id_of_its_own(tmp_path, label):
    """Two entries "2020" rank "2020" and "2020-2"; a third labelled "2020 (2)" keys
    "2020-2" too: the run must still write a package whose ids are a key (it failed its
    own schema, exit 3, before)."""
    page = tmp_path / "page.txt"
    added = f"{label} : accueil d’une délégation de la commune pour une fête.\n\n2020 : visite des puits.\n\n"
    page.write_text(SNAPSHOT.read_text(encoding="utf-8").replace(OLD, added + OLD), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--source", str(page), "--output", str(out), "--first-release"]) == 0
    after = _actions(out)
    assert after["dianguirde-2020-2"].startswith(f"{label} : accueil d’une délégation")
    assert after["dianguirde-2020"].startswith("2020 : visite des puits")
    assert after["dianguirde-2020-3"].startswith(OLD)
