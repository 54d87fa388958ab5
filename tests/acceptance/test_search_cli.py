"""`guarantees search` end to end: typography-insensitive by default, exact, regex (bounded), JSON, exit codes."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import time
from pathlib import Path

from conftest import ROOT, SEEDS
from guarantees.sources import load_seeds


def _text(source_id: str) -> str:
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    return seeds.text(source_id) or ""


def test_typography_and_case_are_ignored_and_offsets_are_exact(invoke) -> None:
    # The source has a curly apostrophe and a capital N; the query has a straight one and lower case.
    result = invoke("search", "nato's article 5 treaty obligations", "--format", "json")
    assert result.exit_code == 0, result
    hits = json.loads(result.stdout)["hits"]
    assert len(hits) == 1
    hit = hits[0]
    text = _text(hit["source"])
    assert text[hit["start"] : hit["end"]] == hit["text"] == "NATO’s Article 5 treaty obligations"
    line_start = text.rfind("\n", 0, hit["start"]) + 1
    assert hit["line"] == text.count("\n", 0, hit["start"]) + 1 and hit["column"] == hit["start"] - line_start + 1
    assert {"model": "nato-article-5", "dimension": "instrument"} in hit["cited_by"]


def test_exact_refuses_what_only_typography_matches(invoke) -> None:
    assert invoke("search", "NATO's Article 5 treaty obligations", "--exact").exit_code == 1
    result = invoke("search", "NATO’s Article 5 treaty obligations", "--exact")
    assert result.exit_code == 0, result
    assert "glimpse-potential-terms:" in result.stdout and "cited by nato-article-5 (instrument)" in result.stdout


def test_text_output_shows_location_context_and_uncited(invoke) -> None:
    result = invoke("search", "LIVE TV", "--source", "explainer-2025-08-16")
    assert result.exit_code == 0, result
    first, context = result.stdout.splitlines()[:2]
    assert first.startswith("explainer-2025-08-16:") and first.endswith("not cited")
    assert "«LIVE TV»" in context
    assert "1 match(es) in 1 of 1 source(s)" in result.stderr or "match(es) in 1 of 1" in result.stderr


def test_no_match_exits_1_and_says_so(invoke) -> None:
    result = invoke("search", "zebra crossing quantum")
    assert result.exit_code == 1, result
    assert result.stdout == ""
    assert "no match for 'zebra crossing quantum' in 5 source(s)" in result.stderr


def test_unknown_source_is_a_usage_error(invoke) -> None:
    result = invoke("search", "NATO", "--source", "vnexpress")
    assert result.exit_code == 2, result
    assert "unknown source `vnexpress`; did you mean vnexpress-2025-12-20?" in result.stderr


def test_regex_search_and_its_guards(invoke) -> None:
    result = invoke("search", r"Article\s+[0-9]+", "--regex", "--format", "json")
    assert result.exit_code == 0, result
    assert all(hit["text"].startswith("Article") for hit in json.loads(result.stdout)["hits"])
    assert invoke("search", "(unclosed", "--regex").exit_code == 2
    assert invoke("search", "x" * 501, "--regex").exit_code == 2
    assert invoke("search", "a", "--regex", "--exact").exit_code == 2
    assert invoke("search", "   ").exit_code == 2


def one_source(directory: Path, text: str, source_id: str = "hostile") -> Path:
    """A seeds directory holding one source with this text."""
    directory.mkdir()
    raw = text.encode("utf-8")
    (directory / f"{source_id}.txt").write_bytes(raw)
    manifest = f"sources:\n  - id: {source_id}\n    file: {source_id}.txt\n    title: T\n"
    (directory / "sources.yaml").write_text(manifest + f"    sha256: {hashlib.sha256(raw).hexdigest()}\n")
    return directory


def test_hostile_regex_is_stopped_by_the_time_limit(invoke, tmp_path: Path) -> None:
    seeds = one_source(tmp_path / "seeds", "x" * 5000 + "!")
    began = time.monotonic()
    result = invoke("search", r"(\w+\s?)+$", "--regex", "--seeds", seeds, "--models", tmp_path)
    assert result.exit_code == 2, result
    assert "took longer than 2 s" in result.stderr
    assert time.monotonic() - began < 10


def test_broad_search_is_truncated_with_a_note(invoke) -> None:
    result = invoke("search", "e", "--exact", "--format", "json")
    assert result.exit_code == 0
    envelope = json.loads(result.stdout)
    assert envelope["truncated"] is True and len(envelope["hits"]) == 1000
    assert "narrow the search" in result.stderr


def test_hostile_source_text_is_shown_inert(invoke, tmp_path: Path) -> None:
    seeds = one_source(
        tmp_path / "seeds", "before \x1b]0;pwned\x07 ::error file=x::forged [link=https://e.vil]bait[/link] after\n"
    )
    result = invoke("search", "bait", "--seeds", seeds, "--models", tmp_path)
    assert result.exit_code == 0, result
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "::error" not in result.stdout
    assert "[link=https://e.vil]" in result.stdout  # shown as text: the output never goes through rich markup
    envelope = invoke("search", "bait", "--seeds", seeds, "--models", tmp_path, "--format", "json")
    assert "\x1b" not in envelope.stdout and json.loads(envelope.stdout)["hits"][0]["text"] == "bait"


def test_a_changed_source_is_reported_and_skipped(invoke, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "glimpse-into-potential-terms.txt").write_text("NATO’s Article 5 treaty obligations, edited\n")
    result = invoke("search", "treaty obligations", "--seeds", seeds, "--models", tmp_path)
    assert "error[source-checksum]" in result.stderr, result
    assert "glimpse-potential-terms:" not in result.stdout  # never searched: its bytes are not the vouched ones


def test_the_how_to_example_is_what_the_tool_prints(invoke) -> None:
    howto = (ROOT / "docs" / "how-to" / "cite-a-quote.md").read_text(encoding="utf-8")
    search = invoke("search", "nato's article 5 treaty obligations", env={"COLUMNS": "80"})  # as the how-to shows it
    cite = invoke("cite", "glimpse-potential-terms", "NATO's Article 5 treaty obligations")
    for line in (*search.stdout.splitlines(), *cite.stdout.splitlines()):
        assert line in howto, line


def test_matches_wrap_to_the_width_and_each_starts_with_its_location(invoke) -> None:
    result = invoke("search", "legally binding", env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and max(len(line) for line in lines) <= 80
    starts = [line for line in lines if not line.startswith("    ")]
    assert len(starts) == len(re.findall("«", result.stdout)) >= 3  # one unindented location line per match
    assert all(re.match(r"^[a-z0-9-]+:\d+:\d+ \[\d+:\d+\]  (cited by|not cited)", line) for line in starts)
