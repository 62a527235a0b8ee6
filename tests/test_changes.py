"""Versions and change logs between releases, keyed by the stable ids."""

import json
import shutil


from pipeline.changes import compare
from pipeline.cli import main

from .conftest import ROOT, SNAPSHOT, forget_fingerprint

PUBLISHED = ROOT / "output"

EDITS = [
    # an amount changes
    ("chiffré à 300 000€", "chiffré à 350 000€"),
    # two entries are added
    ("2020 : tentatives de forages", "2023 : réalisation de 3 forages d’eau.\n\n2020 : tentatives de forages"),
    ("De 2006 à 2014, la ville", "2015 : accueil de quatre jeunes cubains à Ivry-sur-Seine.\n\nDe 2006 à 2014, la ville"),
    # and a partner
    ("Retour en haut de page", "Ziguinchor (Sénégal)\n\nUn accord de coopération a été signé en 2024 "
                               "entre Ivry-sur-Seine et Ziguinchor.\n\nRetour en haut de page"),
]


def edited_page(tmp_path):
    text = SNAPSHOT.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert old in text
        text = text.replace(old, new)
    page = tmp_path / "edited.txt"
    page.write_text(text, encoding="utf-8")
    return page


def mtimes(folder):
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_the_published_release_is_versioned_with_a_log():
    descriptor = json.loads((PUBLISHED / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    history = json.loads((PUBLISHED / "changelog.json").read_text(encoding="utf-8"))["releases"]
    assert descriptor["version"] == history[0]["version"]
    assert history[-1]["level"] == "initial" and history[-1]["version"] == "1.0.0"
    assert (PUBLISHED / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Journal des modifications")


def test_an_edited_page_gives_a_minor_release_listing_exactly_its_changes(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", "--source", str(edited_page(tmp_path)), "--output", str(out),
                 "--previous", str(PUBLISHED)]) == 0
    old_version = json.loads((PUBLISHED / "json" / "datapackage.json").read_text())["version"]
    major, minor, _ = (int(x) for x in old_version.split("."))
    release = json.loads((out / "changelog.json").read_text(encoding="utf-8"))["releases"][0]
    assert release["version"] == f"{major}.{minor + 1}.0" and release["level"] == "minor"
    tables = release["changes"]["tables"]
    # the sections below the inserted entries moved down: counted, not listed
    assert tables["partners"] == {"added": ["ziguinchor"], "removed": [], "changed": {}, "moved": 4,
                                  "names": {"ziguinchor": "Ziguinchor"}}
    assert tables["actions"]["added"] == ["dianguirde-2023", "la-lisa-2015"]
    assert tables["actions"]["removed"] == []
    changed = tables["actions"]["changed"]
    assert list(changed) == ["dianguirde-2016-2020"]
    assert changed["dianguirde-2016-2020"]["amount_eur"] == [300000, 350000]
    assert set(changed["dianguirde-2016-2020"]) == {"amount_eur", "text"}
    assert tables["action_themes"]["added"] == ["dianguirde-2023|water_sanitation",
                                                "la-lisa-2015|youth_exchange"]
    assert tables["action_themes"]["names"]["la-lisa-2015|youth_exchange"] == (
        "« échanges de jeunes » : La Lisa, 2015 — accueil de quatre jeunes cubains à Ivry-sur-Seine.")
    # every entry from line 56 down: Dianguirdé 2, Jifna and Jalazone 12, Jérusalem-Est 2,
    # Tindouf 6, La Lisa 6
    assert tables["actions"]["moved"] == 28
    assert set(tables) == {"partners", "actions", "action_themes", "people", "programmes",
                           "organisations", "action_people", "action_programmes",
                           "action_organisations"}
    # first mentions, and the lines where actions name them, moved down: every one from
    # line 56 down (action_organisations: 56, 58, 72, 74, 74, 78, 82, 84, 90 ×3, 95, 98,
    # 104, 106 ×2, 116, 118)
    moved = {"people": 5, "programmes": 6, "organisations": 16, "action_people": 7,
             "action_programmes": 9, "action_organisations": 18}
    for table, count in moved.items():
        assert not (tables[table]["added"] or tables[table]["removed"] or tables[table]["changed"])
        assert tables[table]["moved"] == count
    log = (out / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {major}.{minor + 1}.0" in log and "### Partenaires (`partners`)\n- ajouté : Ziguinchor (`ziguinchor`)" in log
    assert ("- ajouté : Dianguirdé, 2023 — réalisation de 3 forages d’eau. (`dianguirde-2023`)") in log
    assert ("- modifié : Dianguirdé, 2016-2020 — lancement d’un projet d’adduction d’eau potable pour "
            "alimenter… (`dianguirde-2016-2020`) — Montant cité (euros) : 300000 → 350000 ; Texte : …") in log
    assert "Lignes par table — Partenaires : 7 ; Actions : 48 ;" in log
    assert log.index(f"## {major}.{minor + 1}.0") < log.index(f"## {old_version}")


def test_diff_command_prints_the_same_changes(tmp_path, capsys):
    out = tmp_path / "out"
    main(["run", "--source", str(edited_page(tmp_path)), "--output", str(out), "--previous", str(PUBLISHED)])
    capsys.readouterr()
    assert main(["diff", str(PUBLISHED), str(out)]) == 0
    printed = capsys.readouterr().out
    old_version = json.loads((PUBLISHED / "json" / "datapackage.json").read_text())["version"]
    major, minor, _ = (int(x) for x in old_version.split("."))
    assert printed.splitlines()[0] == (f"Version {old_version} → {major}.{minor + 1}.0 (version mineure) : "
                                       "des lignes sont ajoutées ou supprimées.")
    assert "  - ajouté : La Lisa, 2015 — accueil de quatre jeunes cubains à Ivry-sur-Seine. (la-lisa-2015)" in printed
    assert "Montant cité (euros) : 300000 → 350000" in printed and "`" not in printed


def test_diff_without_change_says_so_in_french(capsys):
    assert main(["diff", str(PUBLISHED), str(PUBLISHED)]) == 0
    version = json.loads((PUBLISHED / "json" / "datapackage.json").read_text())["version"]
    printed = capsys.readouterr().out
    assert printed.startswith("Aucun changement de ") and f"({version})" in printed
    assert printed.endswith(" : pas de nouvelle version.\n")


def test_rerun_on_an_unchanged_snapshot_rewrites_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(PUBLISHED, out)
    forget_fingerprint(out)  # the full run, which finds nothing changed
    before = mtimes(out)
    assert main(["run", "--output", str(out)]) == 0
    assert "aucun changement depuis la publication" in capsys.readouterr().out
    assert mtimes(out) == before


def test_a_changed_value_alone_is_a_patch(tmp_path):
    new = tmp_path / "new"
    shutil.copytree(PUBLISHED, new)
    actions = json.loads((new / "json" / "actions.json").read_text(encoding="utf-8"))
    actions[0]["participants"] = 7
    (new / "json" / "actions.json").write_text(json.dumps(actions), encoding="utf-8")
    changes = compare(PUBLISHED, new)
    assert changes.level == "patch"
    assert changes.tables["actions"].changed == {actions[0]["action_id"]: {"participants": [6, 7]}}


def test_a_schema_change_is_major(tmp_path):
    new = tmp_path / "new"
    shutil.copytree(PUBLISHED, new)
    path = new / "json" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    fields = descriptor["resources"][1]["schema"]["fields"]
    next(f for f in fields if f["name"] == "start_date")["type"] = "string"  # a date, now
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert compare(PUBLISHED, new).level == "major"
    assert compare(PUBLISHED, new).schema == ["schéma de la table Actions (actions) modifié"]


def test_a_table_added_or_removed_is_named_by_its_french_title(tmp_path):
    old = tmp_path / "old"
    shutil.copytree(PUBLISHED, old)
    path = old / "json" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "action_themes"]
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert compare(old, PUBLISHED).schema == ["table Thèmes des actions (action_themes) ajoutée"]
    assert compare(PUBLISHED, old).schema == ["table Thèmes des actions (action_themes) supprimée"]


def test_no_change_is_no_version(tmp_path):
    assert compare(PUBLISHED, PUBLISHED).level is None

