"""`guarantees history NAME` end to end: exit codes, stderr findings, the three formats, and 80 columns uncut."""

from __future__ import annotations

import json
import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from rich.cells import cell_len

from conftest import EXAMPLES, MODELS, SEEDS
from guarantees.data_dirs import DataDirs
from guarantees.service.history import HistoryResult, history

HISTORY = str(EXAMPLES / "history")
PARSER = MarkdownIt("commonmark").enable("table").use(footnote_plugin)


def test_a_lineage_prints_on_stdout_and_exits_0(invoke) -> None:
    run = invoke("history", "accord-2", "--models", HISTORY)
    assert run.exit_code == 0 and run.stderr == "", run
    heads = re.findall(r"^\d\. (.+)$", run.stdout, re.MULTILINE)
    assert heads == ["Accord, first draft", "Accord, revised", "Accord <script>alert(1)</script> [bold]final[/bold]",
                     "Shield Pact"]  # fmt: skip
    assert "A later version of accord-v1" in run.stdout and "Replaces accord-v2" in run.stdout
    assert "Modelled on accord-v2: designed after it, not a later version of it" in run.stdout
    assert "A later version of accord-v2" not in run.stdout  # shield-pact is a design, not a version


def test_a_cycle_shows_the_lineage_reports_the_finding_on_stderr_and_exits_1(invoke) -> None:
    run = invoke("history", "loop-a", "--models", HISTORY)
    assert run.exit_code == 1, run
    assert re.search(r"loop-a\.yaml:23:13: error\[link-cycle\] .*loop-b → loop-a → loop-b", run.stderr), run
    assert "1. Loop B" in run.stdout and "2. Loop A" in run.stdout


def test_a_dangling_link_exits_1_with_a_located_finding_and_no_traceback(invoke) -> None:
    run = invoke("history", "orphan", "--models", HISTORY)
    assert run.exit_code == 1, run
    assert "orphan-offer.yaml:22:13: error[unknown-link-target]" in run.stderr
    assert "hint: did you mean `accord-v3`?" in run.stderr and "Traceback" not in run.stderr + run.stdout
    assert "orphan-offer is part of shield-pact (Shield Pact)" in run.stdout


def test_an_arrangement_with_no_links_says_so_and_exits_0(invoke) -> None:
    run = invoke("history", "lonely", "--models", HISTORY)
    assert run.exit_code == 0, run
    assert "lonely-pledge has no revises, supersedes or modelled_on link to or from another" in run.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["history", "nothing-here"], "unknown arrangement `nothing-here`"),
        (["history", "berlin", "--dimensions", "trops"], "did you mean `troops`?"),
        (["history", "berlin", "--format", "html"], "Invalid value for '--format'"),
        (["history"], "Missing argument 'NAME'"),
    ],
)
def test_usage_errors_exit_2(invoke, args: list[str], message: str) -> None:
    run = invoke(*args)
    assert run.exit_code == 2 and message in run.stderr, run


def test_json_is_a_versioned_envelope_whose_markers_all_resolve(invoke) -> None:
    run = invoke("history", "accord-v3", "--models", HISTORY, "--format", "json")
    assert run.exit_code == 0, run
    data = json.loads(run.stdout)
    assert (data["format"], data["version"], data["named"]) == ("guarantees.history", 2, "accord-v3")
    assert [e["id"] for e in data["entries"]] == ["accord-v1", "accord-v2", "accord-v3", "shield-pact"]
    (link,) = data["entries"][1]["links"]
    assert (link["relation"], link["target"], link["version_link"]) == ("revises", "accord-v1", True)
    change = link["changes"][0]
    assert change["dimension"] == "binding_force"
    assert [r["value"] for r in change["before"]["readings"]] == ["political declaration"]
    assert [r["value"] for r in change["after"]["readings"]] == ["legally binding"]
    assert data["entries"][3]["links"][0]["version_link"] is False
    markers = {c["marker"] for c in data["citations"]}
    used = set(re.findall(r'"citations": \[([\d, ]+)\]', json.dumps(data, indent=None).replace("\n", "")))
    assert {int(n) for group in used for n in group.split(",")} <= markers
    assert data["entries"][2]["dates"] == [{"event": "signed", "date": "2025", "precision": "year"}]
    assert data["findings"] == []


def test_json_carries_the_link_findings_too(invoke) -> None:
    run = invoke("history", "loop-b", "--models", HISTORY, "-f", "json")
    assert run.exit_code == 1
    assert [f["code"] for f in json.loads(run.stdout)["findings"]] == ["link-cycle"]


def test_markdown_parses_with_one_cell_per_column_every_footnote_defined_and_hostile_text_inert(invoke) -> None:
    run = invoke("history", "accord-v1", "--models", HISTORY, "--format", "markdown")
    assert run.exit_code == 0, run
    html = PARSER.render(run.stdout)
    assert html.count("<table>") == 3  # one per link that changed something
    for table in re.findall(r"<table>.*?</table>", html, re.DOTALL):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
        assert len(rows) >= 2 and all(len(re.findall(r"<t[hd]>", row)) == 3 for row in rows)
    referenced = set(re.findall(r"\[\^(\d+)\](?!:)", run.stdout))
    defined = set(re.findall(r"^\[\^(\d+)\]:", run.stdout, re.MULTILINE))
    assert referenced == defined and referenced
    assert "<script>" not in html and "&lt;script&gt;" in html
    github = cmarkgfm.github_flavored_markdown_to_html(run.stdout, options=Options.CMARK_OPT_FOOTNOTES)
    assert github.count("<table>") == 3 and "<script>" not in github  # GitHub's own renderer reads it alike
    references = re.findall(r'<sup class="footnote-ref"><a href="#fn-(\d+)"', github)
    assert sorted(references) == sorted(re.findall(r"\[\^(\d+)\](?!:)", run.stdout))  # every one a footnote
    assert "Modelled on accord-v2: designed after it, not a later version of it" in run.stdout


def collapsed(text: str) -> str:
    return " ".join(text.split())


def shown_values(result: HistoryResult) -> list[str]:
    """Every label with its markers, every marker group, that the terminal view shows."""
    cells = [e.status for e in result.entries]
    cells += [c for e in result.entries for s in e.steps for r in s.changes for c in r.cells]
    values = [f"{r.label} " + "".join(f"[{n}]" for n in r.markers) for c in cells for r in c.readings]
    values += ["".join(f"[{n}]" for n in s.markers) for e in result.entries for st in e.steps for s in st.said]
    return values


@pytest.mark.parametrize("name", ["nato-article-5", "berlin-commitment", "multinational-force"])
def test_at_80_columns_every_value_and_marker_is_shown_whole(invoke, name: str) -> None:
    run = invoke("history", name, env={"COLUMNS": "80"})
    assert run.exit_code == 0, run
    lines = run.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)  # no padding after a line
    view = run.stdout.split("Cited spans")[0]
    assert "…" not in view  # nothing cut (the cited spans use … for the source text around a quote)
    result = history(name, DataDirs(MODELS, SEEDS))
    text = collapsed(run.stdout)
    for value in shown_values(result):
        assert value in text, value
    markers = {n for line in lines for n in re.findall(r"\[(\d+)\]", line)}
    assert markers == {str(q.marker) for q in result.quotes}  # no marker split across lines


def test_the_readme_shows_what_history_prints_at_80_columns(invoke) -> None:
    readme = (MODELS.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ guarantees history (.+?)\n(.*?)\[… \d+ more cited spans", readme, re.DOTALL)
    assert block, "the README's Lineage section holds one history output"
    run = invoke("history", *block.group(1).split(), env={"COLUMNS": "80"})
    assert run.exit_code == 0, run
    assert run.stdout.startswith(block.group(2))
    left = len(re.findall(r"^\[\d+\] ", run.stdout[len(block.group(2)) :], re.MULTILINE))
    assert f"[… {left} more cited spans" in readme
