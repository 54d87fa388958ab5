"""What the terminal commands say when asked for nothing, or when a filter leaves nothing; caveats, the gap view's
reading of silence and history, --help placeholders, year-only dates, and what `generate` reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from guarantees.cli import app


@pytest.mark.parametrize("command", ["compare", "export"])
def test_no_names_is_a_usage_error_that_points_to_list_and_all(invoke, command: str) -> None:
    result = invoke(command)
    assert result.exit_code == 2, result
    assert "`guarantees list`" in result.stderr and "`--all`" in result.stderr
    assert result.stdout == ""


def test_export_all_exports_every_arrangement(invoke, fixtures: Path) -> None:
    result = invoke("export", "--all", "-f", "csv", "--models", fixtures)
    assert result.exit_code == 0, result
    ids = {line.split(",")[0] for line in result.stdout.splitlines()[1:]}
    assert len(ids) == 3 and "alpha-pact" in ids  # the three models of the directory, none named


def test_compare_all_compares_every_arrangement_and_refuses_names_too(invoke, fixtures: Path) -> None:
    result = invoke("compare", "--all", "--models", fixtures)
    assert result.exit_code == 0, result
    assert all(name in result.stdout for name in ("Alpha Pact", "Beta Memorandum", "Gamma Force"))
    both = invoke("compare", "--all", "alpha", "--models", fixtures)
    assert both.exit_code == 2 and "names or --all, not both" in both.stderr


def test_only_diff_that_leaves_nothing_says_so(invoke, fixtures: Path) -> None:
    result = invoke("compare", "alpha", "beta", "--only-diff", "-d", "troops", "--models", fixtures)
    assert result.exit_code == 0, result
    assert "--only-diff leaves no dimension: alpha and beta are the same on every dimension compared." in (
        " ".join(result.stdout.split())
    )
    assert "┌" not in result.stdout  # no empty table


def test_only_diff_with_against_drops_the_dimensions_where_nothing_differs(invoke, fixtures: Path) -> None:
    args = ("compare", "beta", "--against", "alpha", "-d", "binding_force,troops", "--models", fixtures)
    full, only = invoke(*args), invoke(*args, "--only-diff")
    assert full.exit_code == only.exit_code == 0, (full, only)
    header = next(line for line in full.stdout.splitlines() if line.startswith("arrangement"))
    assert header.split() == ["arrangement", "bind", "trp", "meets"]  # troops: both leave it open
    header = next(line for line in only.stdout.splitlines() if line.startswith("arrangement"))
    assert header.split() == ["arrangement", "bind", "meets"]
    nothing = invoke("compare", "beta", "--against", "alpha", "-d", "troops", "--only-diff", "--models", fixtures)
    assert "Every arrangement is the same as the baseline on every dimension compared." in nothing.stdout


def test_list_where_matching_nothing_says_so(invoke, fixtures: Path) -> None:
    result = invoke(
        "list", "--where", "kind=memorandum", "--where", "troops.presence=in_territory", "--models", fixtures
    )
    assert result.exit_code == 0, result
    assert result.stdout == "No arrangement matches every --where filter (3 checked).\n0 of 3 arrangements\n"


def test_compare_shows_that_trumps_remark_is_his_not_a_treaty_clause(invoke) -> None:
    result = invoke("compare", "art5", "budapest", "-d", "escape_clauses", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result
    text = " ".join(result.stdout.split(" │")).replace("│", " ")
    flat = " ".join(text.split())
    assert 'Members that "don\'t pay"' in flat
    assert "per official statement: Donald Trump (US President)" in flat
    assert "note: A claim by the US President, not a clause of Article 5." in flat
    assert "Editors' notes (uncited)" in result.stdout  # the arrangement-level caveats as well
    # The decision line quotes the exit too: under it, whose remark it is.
    decisions = " ".join(result.stdout.split("Decision in one line")[1].split("Cited spans")[0].split())
    assert 'a remark, not a term (official statement, Donald Trump (US President)): Members that "don\'t pay"' in (
        decisions
    )


def gap_lines(stdout: str) -> dict[str, str]:
    """The detail lines of the gap view, by dimension: `trigger` -> `? trigger: not stated in ...`."""
    joined = re.sub(r"\n {4}", " ", stdout)  # wrapped continuation lines
    return {m.group(2): m.group(0) for m in re.finditer(r"^  (\S) ([a-z ]+): .*$", joined, re.MULTILINE)}


def test_the_gap_view_reads_silence_as_not_stated_and_track_record_as_history(invoke) -> None:
    result = invoke("compare", "--against", "art5", "budapest", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result
    lines = gap_lines(result.stdout)
    for dimension in ("trigger", "automaticity", "response", "escape clauses", "institution"):
        assert lines[dimension].startswith(f"  ? {dimension}: not stated"), lines[dimension]
    assert "lacks" not in lines["trigger"] and "weaker" not in lines["trigger"]
    assert lines["track record"].startswith("  ~ track record: differs, records failed"), lines["track record"]
    # Only what both state is counted: binding force is the one ordered dimension Budapest's sources give.
    assert "matches or exceeds the baseline on 0 of 1 ordered dimension both state; 4 more not stated" in (
        " ".join(result.stdout.split())
    )
    legend = " ".join(result.stdout.split())
    assert "? not stated: this arrangement's sources do not say, which is not counted against it" in legend
    assert "a track record is history, not strength" in legend


def all_help_texts() -> dict[str, str]:
    from typer.testing import CliRunner

    group = typer.main.get_command(app)
    runner = CliRunner()
    names = ["", *sorted(group.commands)]  # type: ignore[attr-defined]
    for name, command in list(group.commands.items()):  # type: ignore[attr-defined]
        names += [f"{name} {sub}" for sub in sorted(getattr(command, "commands", {}))]  # `sources add` and the like
    return {name: runner.invoke(app, [*name.split(), "--help"], env={"COLUMNS": "80"}).stdout for name in names}


def test_no_help_shows_typer_placeholders() -> None:
    texts = all_help_texts()
    assert len(texts) >= 10
    for name, text in texts.items():
        assert "Usage:" in text, name
        for pattern in (r"\[\w+\.\.\.\]\.\.\.", r"\{\w+(\.\.\.)?\}", r"\[\[\w+\]\]", r"<list\[", r"<str>", r"range>"):
            assert not re.search(pattern, text), (name, pattern, text)
    assert "Usage: guarantees compare [OPTIONS] [NAME...]" in texts["compare"]
    assert "Usage: guarantees show [OPTIONS] NAME" in texts["show"]
    assert "Usage: guarantees sources show [OPTIONS] [ID]" in texts["sources show"]


def test_a_year_only_date_shows_as_the_year(invoke) -> None:
    result = invoke("show", "budapest", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result
    assert "signed: 1994" in result.stdout and "1994-" not in result.stdout
    minsk = invoke("show", "minsk")
    assert "proposed: 2015" in minsk.stdout and "2015-" not in minsk.stdout


def test_generate_says_what_it_wrote(invoke) -> None:
    from guarantees.docgen import GENERATED
    from guarantees.render.generated import render_generated
    from guarantees.service.generate import GenerateResult

    current = invoke("generate", "--check")  # the committed files are current (test_schema checks that too)
    assert (current.exit_code, current.stdout) == (0, f"{len(GENERATED)} files up to date\n"), current
    stale = render_generated(GenerateResult(("docs/codebook.md",), check=True, total=6))
    assert stale == "stale: docs/codebook.md\n1 file stale, 5 up to date; run `guarantees generate`\n"
    wrote = render_generated(GenerateResult(("docs/a.md", "docs/b.md"), check=False, total=6))
    assert wrote == "wrote: docs/a.md\nwrote: docs/b.md\nwrote 2 files, 4 up to date\n"
