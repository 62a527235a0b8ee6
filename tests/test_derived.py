"""What a run keeps from one run to the next (``pipeline/derived.py``): the town file's
check and the compiled templates, under the sha256 of the bytes they come from, so that a
changed file is checked or compiled again and the release is the same either way."""

from __future__ import annotations

import pytest

from pipeline import derived
from pipeline.config import load
from pipeline.emit import pages
from pipeline.errors import InputError

from .conftest import ROOT


@pytest.fixture
def kept(tmp_path, monkeypatch):
    folder = tmp_path / "derived"
    monkeypatch.setattr(derived, "FOLDER", folder)
    pages._environment.cache_clear()
    yield folder
    pages._environment.cache_clear()


def test_a_key_is_of_the_parts_and_their_boundaries():
    assert derived.key(b"ab", b"c") != derived.key(b"a", b"bc")
    assert derived.key(b"ab", b"c") == derived.key(b"ab", b"c")
    assert len(derived.key(b"")) == 64


def test_marks_are_kept_up_to_their_number(kept, monkeypatch):
    monkeypatch.setattr(derived, "KEEP", 3)
    assert not derived.marked("town", "a")
    for name in "abcde":
        derived.mark("town", name)
    assert not derived.marked("town", "a") and not derived.marked("town", "b")
    assert all(derived.marked("town", name) for name in "cde")
    derived.mark("other", "a")
    assert derived.marked("other", "a") and derived.marked("town", "c")


def test_a_folder_that_cannot_be_written_keeps_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(derived, "FOLDER", blocker / "derived")
    derived.mark("town", "a")  # no error
    assert not derived.marked("town", "a")
    assert derived.folder("templates-html", "x") is None


def test_a_town_file_is_checked_once_for_the_same_bytes_and_again_once_changed(kept, tmp_path, monkeypatch):
    text = (ROOT / "city.toml").read_text(encoding="utf-8")
    path = tmp_path / "town.toml"
    path.write_text(text, encoding="utf-8")
    checks = []
    real = __import__("pipeline.config", fromlist=["problem"]).problem

    def counted(data):
        checks.append(1)
        return real(data)

    monkeypatch.setattr("pipeline.config.problem", counted)
    assert load(path).town.name == load(path).town.name == "Ivry-sur-Seine"
    assert len(checks) == 1
    path.write_text(text.replace("[town]\n", "[town]\ncolour = \"bleu\"\n", 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown key 'town\.colour'"):
        load(path)
    with pytest.raises(InputError, match=r"unknown key 'town\.colour'"):
        load(path)  # a file that failed is never marked
    assert len(checks) == 3


def test_kept_templates_are_the_code_jinja_compiles(kept, monkeypatch):
    import jinja2

    first = pages._environment("html").get_template("index.html.j2")
    assert sorted(kept.glob("templates-html-*/*"))  # kept for the next run
    pages._environment.cache_clear()

    def refused(*args, **kwargs):
        raise AssertionError("compiled again")

    with monkeypatch.context() as patched:
        patched.setattr(jinja2.Environment, "compile", refused)
        again = pages._environment("html").get_template("index.html.j2")  # loaded, not compiled
    assert again is not first
    assert again.root_render_func.__code__ == first.root_render_func.__code__
    assert again.render.__func__ is first.render.__func__
    # the markdown environment has a folder of its own: its compiled code escapes otherwise
    pages._environment("markdown").get_template("README.md.j2")
    assert sorted(p.name.split("-")[1] for p in kept.glob("templates-*")) == ["html", "markdown"]


def test_kept_outlines_are_the_drawn_ones_and_a_view_is_a_key(kept):
    from pipeline.emit import worldmap

    view = worldmap.projection([(48.8, 2.4), (14.5, -9.0)])
    worldmap._outline_paths.cache_clear()
    drawn = worldmap.outline_paths(view)
    assert drawn == list(worldmap._drawn(view)) and len(sorted(kept.glob("outlines-*"))) == 1
    worldmap._outline_paths.cache_clear()
    assert worldmap.outline_paths(view) == drawn  # read back from the folder
    other = worldmap.projection([(48.8, 2.4), (31.9, 35.2)])
    worldmap._outline_paths.cache_clear()
    assert worldmap.outline_paths(other) == list(worldmap._drawn(other)) != drawn
    assert len(sorted(kept.glob("outlines-*"))) == 2
    (next(kept.glob("outlines-*"))).write_bytes(b"not json")  # a damaged one is drawn again
    worldmap._outline_paths.cache_clear()
    assert worldmap.outline_paths(view) == drawn and worldmap.outline_paths(other) != drawn


def test_kept_bytes_are_written_whole_and_pruned(kept, monkeypatch):
    monkeypatch.setattr(derived, "KEEP", 2)
    for name in "abc":
        derived.keep("outlines", name, name.encode() * 3)
    assert derived.kept("outlines", "a") is None
    assert derived.kept("outlines", "b") == b"bbb" and derived.kept("outlines", "c") == b"ccc"
    assert not [p for p in kept.iterdir() if p.name.startswith(".")]  # no partial file left


def test_kept_place_names_are_the_made_ones_and_a_changed_source_is_a_key(kept, monkeypatch):
    from pipeline import places

    places._name_tables.cache_clear()
    try:
        made = places._name_tables()
        assert [p.name.split("-")[0] for p in kept.glob("places-*")] == ["places"]
        countries = places._made_countries()
        assert made == (countries, places._made_regions(countries), places._made_spellings())
        assert made[0]["allemagne"] == "DE" and made[1]["rhenaniepalatinat"] == "DE"
        places._name_tables.cache_clear()

        def refused(*args, **kwargs):
            raise AssertionError("made again")

        with monkeypatch.context() as patched:
            patched.setattr(places, "_made_countries", refused)
            assert places._name_tables() == made  # read back from the folder
            assert places.region_country("Rheinland-Pfalz") == "DE"
        next(kept.glob("places-*")).write_bytes(b"cut short")  # a damaged one is made again
        places._name_tables.cache_clear()
        assert places._name_tables() == made
        monkeypatch.setattr(places, "__file__", str(kept / "places.py"))  # other code: another key
        (kept / "places.py").write_text("# another version\n", encoding="utf-8")
        places._name_tables.cache_clear()
        assert places._name_tables() == made and len(list(kept.glob("places-*"))) == 2
    finally:
        places._name_tables.cache_clear()


def test_kept_lexicon_is_the_parsed_file(tmp_path, monkeypatch):
    """A lexicon file's parsed data is kept between runs under its sha256 and read back
    as what TOML's parser makes of it, without parsing again."""
    import tomllib

    from pipeline import derived, french

    monkeypatch.setattr(derived, "FOLDER", tmp_path / "derived")
    path = french.resources.files(french.__name__).joinpath("lexicon", "countries.toml")
    parsed = tomllib.loads(path.read_text(encoding="utf-8"))
    french.lexicon.cache_clear()
    try:
        assert french.lexicon("countries") == parsed  # parsed, and kept
        assert len(list((tmp_path / "derived").glob("lexicon-*"))) == 1
        french.lexicon.cache_clear()
        monkeypatch.setattr(french.tomllib, "loads", lambda text: pytest.fail("parsed again"))
        assert french.lexicon("countries") == parsed  # read back
    finally:
        french.lexicon.cache_clear()
