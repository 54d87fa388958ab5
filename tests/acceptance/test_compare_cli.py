"""compare, show, list and export end to end: exit codes, stdout, stderr, files."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from tests.conftest import EXAMPLES

from guarantees.dimension import DIMENSIONS

FIXTURES = EXAMPLES / "compare"


# --- the shipped models: smoke tests that do not depend on their exact content


def test_compare_art5_budapest(invoke) -> None:
    result = invoke("compare", "art5", "budapest")
    assert result.exit_code == 0, result
    assert "NATO Article 5" in result.stdout and "Budapest Memorandum" in result.stdout
    assert "≠ " in result.stdout  # differing rows are marked
    assert "Cited spans" in result.stdout and "[1]" in result.stdout
    assert "Decision in one line" in result.stdout
    assert result.stderr == ""


def test_compare_against_art5_across_all_models(invoke) -> None:
    result = invoke("compare", "--against", "art5")
    assert result.exit_code == 0, result
    assert "Against the baseline: NATO Article 5" in result.stdout
    assert "budapest" in result.stdout and "matches or exceeds the baseline" in result.stdout


def test_output_fits_80_columns_without_colour(invoke) -> None:
    result = invoke("compare", "art5", "budapest", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "\x1b" not in result.stdout


def test_every_shipped_model_shows_and_lists(invoke) -> None:
    listing = invoke("list")
    assert listing.exit_code == 0, listing
    assert "arrangements" in listing.stdout.splitlines()[-1]
    assert invoke("show", "budapest").exit_code == 0


# --- exact behaviour on the fixture models


def test_unknown_name_exits_2_with_suggestions(invoke, fixtures: Path) -> None:
    result = invoke("compare", "alpha", "btea", "--models", fixtures)
    assert result.exit_code == 2, result
    assert "unknown arrangement `btea` (did you mean `beta`" in result.stderr
    assert result.stdout == ""


def test_names_are_case_insensitive_and_need_two(invoke, fixtures: Path) -> None:
    assert invoke("compare", "ALPHA", "Beta-Memo", "--models", fixtures).exit_code == 0
    result = invoke("compare", "alpha", "alpha-pact", "--models", fixtures)
    assert result.exit_code == 2 and "at least 2 different arrangements" in result.stderr


def test_only_diff_and_dimensions(invoke, fixtures: Path) -> None:
    result = invoke("compare", "alpha", "beta", "--only-diff", "--models", fixtures)
    assert result.exit_code == 0, result
    assert "troops" not in result.stdout and "≠ binding" in result.stdout
    result = invoke("compare", "alpha", "beta", "-d", "troops,specificity", "--models", fixtures)
    assert "binding" not in result.stdout.split("Decision")[0] and "specificity" in result.stdout
    bad = invoke("compare", "alpha", "beta", "-d", "troop", "--models", fixtures)
    assert bad.exit_code == 2 and "did you mean `troops`" in bad.stderr


def test_cited_spans_show_source_context_and_offsets(invoke, fixtures: Path) -> None:
    result = invoke("compare", "alpha", "beta", "-d", "binding_force", "--models", fixtures)
    # Status and parties are numbered first, so the binding-force quotes follow them.
    assert re.search(r"^\[\d+\] Security assurances backed by the U\.S\. for Ukraine", result.stdout, re.M)
    assert "glimpse-potential-terms [1409:1481]" in result.stdout
    assert re.search(r"^\[\d+\] VnExpress, 2025-12-20 · vnexpress-2025-12-20", result.stdout, re.M)
    assert "“NATO membership triggers a binding mutual defense clause under Article 5”" in " ".join(
        result.stdout.split()
    )


def test_gap_view_against_a_fixture(invoke, fixtures: Path) -> None:
    result = invoke("compare", "beta", "gamma", "--against", "alpha", "--models", fixtures)
    assert result.exit_code == 0, result
    assert "Against the baseline: Alpha Pact (alpha-pact)" in result.stdout
    assert "institution: weaker, standing organisation → ad hoc coalition (-1 of 2)" in result.stdout


def test_svg_is_written(invoke, fixtures: Path, tmp_path: Path) -> None:
    target = tmp_path / "compare.svg"
    result = invoke("compare", "alpha", "beta", "--svg", target, "--models", fixtures)
    assert result.exit_code == 0, result
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Alpha" in svg


def test_show(invoke, fixtures: Path) -> None:
    result = invoke("show", "gamma", "--models", fixtures)
    assert result.exit_code == 0, result
    assert "Gamma Force" in result.stdout and "Ukraine (UA, beneficiary) [2]" in result.stdout
    assert "The sources do not say whether a new decision is needed." in result.stdout


def test_list_where(invoke, fixtures: Path) -> None:
    result = invoke("list", "--where", "binding_force>=legally_binding", "--models", fixtures)
    assert result.exit_code == 0, result
    assert "Alpha Pact" in result.stdout and "Gamma Force" in result.stdout and "Beta" not in result.stdout
    assert result.stdout.splitlines()[-1] == "2 of 3 arrangements"
    bad = invoke("list", "--where", "troop.presence=none", "--models", fixtures)
    assert bad.exit_code == 2 and "valid fields: kind, status" in bad.stderr


def test_export_markdown_json_csv(invoke, fixtures: Path, tmp_path: Path) -> None:
    memo = invoke("export", "alpha", "beta", "--models", fixtures)
    assert memo.exit_code == 0 and memo.stdout.startswith("# Compared: Alpha Pact; Beta Memorandum")
    data = json.loads(invoke("export", "alpha", "beta", "-f", "json", "--models", fixtures).stdout)
    assert (data["format"], data["version"]) == ("guarantees.export", 2)
    cite = data["arrangements"][0]["model"]["dimensions"]["binding_force"]["assessments"][0]["cite"][0]
    assert cite == {
        "source": "glimpse-potential-terms",
        "start": 1409,
        "end": 1481,
        "quote": "NATO membership triggers a binding mutual defense clause under Article 5",
    }
    rows = list(
        csv.DictReader(io.StringIO(invoke("export", "alpha", "beta", "-f", "csv", "--models", fixtures).stdout))
    )
    binding = next(row for row in rows if row["dimension"] == "binding_force")
    assert len(rows) == 2 * len(DIMENSIONS) and binding["arrangement"] == "alpha-pact" and binding["level_top"] == "4"
    bad = invoke("export", "alpha", "-f", "pdf", "--models", fixtures)
    assert bad.exit_code == 2 and "not one of markdown (md), json, csv, html, docx" in bad.stderr


def test_export_to_a_file_is_atomic(invoke, fixtures: Path, tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("the old memo\n", encoding="utf-8")
    failed = invoke("export", "alpha", "nope", "-o", target, "--models", fixtures)
    assert failed.exit_code == 2 and target.read_text(encoding="utf-8") == "the old memo\n"
    assert invoke("export", "alpha", "-o", target, "--models", fixtures).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Compared: Alpha Pact")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".memo")] == []


def test_a_selected_model_that_does_not_validate_exits_1(invoke, fixtures: Path) -> None:
    path = fixtures / "beta-memo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("empty promises", "empty premises"), encoding="utf-8")
    result = invoke("compare", "alpha", "beta", "--models", fixtures)
    assert result.exit_code == 1, result
    assert "beta-memo.yaml:" in result.stderr and "error[quote-not-found]" in result.stderr
    assert invoke("compare", "alpha", "gamma", "--models", fixtures).exit_code == 0  # beta is not loaded


def test_model_text_is_data_not_markup(invoke, fixtures: Path) -> None:
    path = fixtures / "alpha-pact.yaml"
    hostile = "[bold]Alpha[/bold] [link=http://x]<script>|"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Alpha Pact", f"name: '{hostile}'"), encoding="utf-8"
    )
    result = invoke("compare", "alpha", "beta", "--models", fixtures, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result
    assert hostile in result.stdout
    memo = invoke("export", "alpha", "beta", "--models", fixtures).stdout
    assert "\\<script\\>" in memo and "<script>" not in memo and "\\[bold\\]" in memo
