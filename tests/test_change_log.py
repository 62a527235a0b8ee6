"""Changes you can see: ``run`` ends with the French summary of what changed; CHANGELOG.md
escapes only what Markdown needs (it reads cleanly as text) and shows the words that
changed inside an entry; a code's label renamed is said once, as such; a refusal says what
to do next."""

import copy
import json
import shutil

from markdown_it import MarkdownIt

from pipeline.changes import compare_content, content, render_entry, render_summary
from pipeline.cli import main
from pipeline.layout import Layout

from .conftest import ROOT, SNAPSHOT

PUBLISHED = ROOT / "output"


def one_word_edit(tmp_path):
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert text.count("réalisation de 10 forages") == 1
    page = tmp_path / "edited.txt"
    page.write_text(text.replace("réalisation de 10 forages", "réalisation de 12 forages"), encoding="utf-8")
    return page


def test_after_a_one_word_edit_run_prints_the_french_summary_and_the_log_shows_the_word(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", "--source", str(one_word_edit(tmp_path)), "--output", str(out),
                 "--previous", str(PUBLISHED)]) == 0
    printed = capsys.readouterr().out
    version = json.loads((PUBLISHED / "json" / "datapackage.json").read_text(encoding="utf-8"))["version"]
    major, minor, patch = (int(x) for x in version.split("."))
    summary = printed[printed.index(f"Version {major}.{minor}.{patch + 1} (version corrective)"):]
    assert summary.splitlines()[:3] == [
        f"Version {major}.{minor}.{patch + 1} (version corrective) : des valeurs ou des fichiers changent.",
        "Actions (actions)",
        "  - modifié : Dianguirdé, 2007-2009 — réalisation de 12 forages d’eau et remise en… "
        "(dianguirde-2007-2009) — Texte : 2007-2009 : réalisation de [-10-] {+12+} forages d’eau et remise…"]
    log = (out / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = log.split(f"## {major}.{minor}.{patch + 1}", 1)[1].split("\n## ", 1)[0]
    assert "Texte : 2007-2009 : réalisation de ~~10~~ **12** forages d’eau et remise…" in entry
    assert "&#" not in entry  # no character reference where Markdown needs none
    rendered = MarkdownIt("gfm-like").render(entry)
    assert "<s>10</s> <strong>12</strong>" in rendered  # struck out, then in bold


def test_the_log_escapes_only_what_markdown_needs():
    changes = {"schema": ["schéma de la table Actions et personnes (action_people) modifié"], "files": [],
               "tables": {"partners": {"added": ["x"], "removed": [], "moved": 0, "changed": {
                   "x": {"location_source": ["Wikipédia, https://fi.wikipedia.org/wiki/A_b", "GeoNames, https://www.geonames.org/1"]}},
                   "names": {"x": "Brandebourg-sur-la-Havel (Allemagne) *gras* <b>"}}}}
    log = render_entry({"version": "1.1.0", "level": "minor", "date": "2026-11-25",
                        "source_sha256": "0" * 64, "rows": {"partners": 7}, "changes": changes})
    assert "(action_people)" in log and "action\\_people" not in log
    assert "https\\://fi.wikipedia.org/wiki/A_b" in log and "&#58;" not in log and "&#" not in log
    assert "Brandebourg-sur-la-Havel (Allemagne) \\*gras\\* &lt;b>" in log
    document = MarkdownIt("gfm-like").render(log)
    assert "<a " not in document and "<b>" not in document and "<em>" not in document
    assert "https://fi.wikipedia.org/wiki/A_b" in document  # shown as the text it is


def test_a_label_renamed_is_said_once_as_such():
    old = content(Layout(PUBLISHED))
    new = copy.deepcopy(old)
    row = next(r for r in new[1]["labels"] if r["vocabulary"] == "actions.direction" and r["code"] == "neither")
    before = row["label"]
    row["label"] = "sens non dit"
    changes = compare_content(old, new)
    assert list(changes.tables) == ["labels"] and changes.level == "patch"
    assert changes.tables["labels"].changed == {"actions.direction|neither": {"label": [before, "sens non dit"]}}
    log = render_entry({"version": "9.9.9", "level": "patch", "date": "2026-11-25", "source_sha256": "0" * 64,
                        "rows": {"labels": 77}, "changes": changes.to_json()})
    lines = [line for line in log.splitlines() if line.startswith("- ")]
    assert lines == [f"- libellé du code `neither` de la colonne « Sens » (`actions.direction`) renommé : "
                     f"« {before} » → « sens non dit » (les données gardent le code)"]
    summary = render_summary("9.9.9", "patch", changes.to_json())
    assert summary.count("renommé") == 1 and "Actions (actions)" not in summary


def test_an_edited_snapshot_is_refused_with_what_to_do(tmp_path, capsys):
    (tmp_path / "ivry-jumelages.txt").write_text("Jumelages\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text((ROOT / "raw" / "manifest.json").read_text())
    assert main(["run", "--source", str(tmp_path / "ivry-jumelages.txt"), "--output", str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert "un instantané se garde octet pour octet. À faire : restaurer le fichier tel qu'il a été pris (git checkout -- " in error
    assert "`python -m pipeline fetch`" in error


def test_an_edited_release_is_refused_with_what_to_do(tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(PUBLISHED, out)
    path = out / "csv" / "actions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("300000", "900000"), encoding="utf-8")
    assert main(["validate", str(out)]) == 3
    error = capsys.readouterr().err
    assert "diffère de son sha256 dans SHA256SUMS. À faire : restaurer la publication telle qu'elle a été écrite" in error
    assert "`python -m pipeline run`" in error
