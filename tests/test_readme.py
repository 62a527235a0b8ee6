"""The README keeps up with the code, in sqlite-utils' manner: a command or an option the
command line has and the README's synopsis lacks fails a test."""

import argparse
import re
import tomllib

import pytest

from pipeline.cli import parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def synopsis() -> str:
    """The shell block under "## Command line"."""
    section = README.split("## Command line", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def commands(command: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """Every command (``run``, ``publish datagouv``…) with its parser."""
    for action in command._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))
            return
    yield path, command


COMMANDS = list(commands(parser()))


def lines_of(path: tuple[str, ...]) -> str:
    """The synopsis of one command: its line and the indented lines that continue it."""
    text, found = synopsis(), []
    for line in text.splitlines():
        if found and line.startswith(" "):
            found.append(line)
        elif re.match(r"jumelages " + r"\s+".join(path) + r"(\s|$)", line):
            found = [line]
        elif found:
            break
    return "\n".join(found)


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_and_option_is_in_the_synopsis(path, command):
    line = lines_of(path)
    assert line, f"`{' '.join(path)}` is missing from the README's synopsis"
    for action in command._actions:
        if action.option_strings and "--help" not in action.option_strings:
            assert max(action.option_strings, key=len) in line, (path, action.option_strings)
        elif not action.option_strings and not isinstance(action, argparse._SubParsersAction):
            assert (action.metavar or action.dest.upper()) in line, (path, action.dest)


def test_the_commands_are_all_there():
    assert {" ".join(p) for p, _ in COMMANDS} == {
        "run", "fetch", "diff", "publish datagouv", "publish ckan", "update datagouv", "update ckan",
        "validate", "national"}


def test_the_console_script_is_the_one_the_synopsis_uses():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"jumelages": "pipeline.cli:main"}
    assert all(line.startswith(("jumelages ", " ")) for line in synopsis().splitlines())


@pytest.mark.xdist_group("corpus scores")  # with tests/test_corpus.py: one scoring a session
def test_the_corpus_table_is_the_runners():
    """The "Corpus: precision and recall" table of docs/corpus.md is what `python -m tests.corpus.score
    --markdown` prints today (`--record` writes it)."""
    from .corpus import score

    assert score.readme_table(score.README.read_text(encoding="utf-8")) == score.markdown(score.results())


def test_the_french_quick_start_comes_first_and_its_commands_exist():
    """The officer's routine, in French, at the top: fetch, run, read the change log,
    publish a dry run, publish, commit; every pipeline command in it is a real one."""
    start = README.index("## Démarrage rapide")
    assert start < README.index("## Two commands")
    block = re.search(r"```sh\n(.*?)```", README[start:], re.S).group(1)
    steps = [line.split("#", 1)[1].strip() for line in block.splitlines()]
    assert [s.split(".", 1)[0] for s in steps] == ["1", "2", "3", "4", "5", "6"]
    lines = block.splitlines()
    assert "pipeline fetch" in lines[0] and "pipeline run" in lines[1] and "CHANGELOG.md" in lines[2]
    assert "--yes" not in lines[3] and lines[4].split("#")[0].rstrip().endswith("--yes")
    assert lines[5].startswith("git add raw output")
    names = {path[0] for path, _ in commands(parser())}
    for line in lines[:5]:
        command = re.search(r"(?:-m pipeline|jumelages) (\w+)", line)
        if command:
            assert command.group(1) in names, line
