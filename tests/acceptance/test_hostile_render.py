"""Hostile text that is valid data (rich markup, HTML, pipes) is shown literally by every renderer;
terminal controls never reach the output raw, whatever file they come from (a value, a key, a tag, a file name).

Renderers covered: validate's text, json and github formats, and schema. When `compare` and `export`
land, their terminal, Markdown, JSON and CSV renderers join the parametrisation below.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEEDS_LINE
from samples import MINI

MARKUP = "[red]R[/red] [link=https://example.com/x]click[/link] [/] a|b <script>alert(1)</script>"
SHORT = "[red]R[/red] [link=x]y[/link] [/] a|b <i>"  # values are quoted whole up to 60 characters
FORMATS = ["text", "json", "github"]


def raw_controls(text: str) -> list[str]:
    return [hex(ord(ch)) for ch in text if (ch < " " and ch != "\n") or "\x7f" <= ch <= "\x9f" or ch in "\u202e\u2028"]


def run(invoke, path: Path, output_format: str):
    result = invoke("validate", path, "--format", output_format)
    assert result.exit_code == 1 and result.stderr == ("" if output_format == "json" else SEEDS_LINE), result
    return result


IN_A_VALUE = (MINI.replace("role: guarantor", f"role: '{SHORT}'"), f"found string {SHORT!r}")
IN_A_KEY = (MINI + f"'{MARKUP}': 1\n", f"found `{MARKUP}` in `the top level`")


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize(("text", "shown"), [IN_A_VALUE, IN_A_KEY], ids=["in-a-value", "in-a-key"])
def test_markup_from_the_file_is_shown_literally(
    invoke, tmp_path: Path, output_format: str, text: str, shown: str
) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    out = run(invoke, path, output_format).stdout
    assert shown in (json.loads(out)["findings"][0]["message"] if output_format == "json" else out)


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_file_name_with_markup_is_shown_literally(invoke, tmp_path: Path, output_format: str) -> None:
    path = tmp_path / "[red]mini[link=x].yaml"
    path.write_text(MINI, encoding="utf-8")
    out = run(invoke, path, output_format).stdout
    if output_format == "json":
        (finding,) = json.loads(out)["findings"]
        assert finding["file"] == str(path) and "`[red]mini[link=x]`" in finding["message"]
    elif output_format == "text":
        assert out.startswith(f"{path}:2:5: error[id-mismatch] expected id `[red]mini[link=x]` (the file name)")
    else:
        assert out.startswith("::error file=" + str(path).replace(":", "%3A").replace(",", "%2C") + ",line=2,col=5,")


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_file_name_with_controls_cannot_forge_an_output_line(invoke, tmp_path: Path, output_format: str) -> None:
    path = tmp_path / "evil\x1b[2J\nmodels\u202e:1:1: all valid.yaml"
    path.write_text(MINI, encoding="utf-8")
    out = run(invoke, path, output_format).stdout
    assert raw_controls(out) == []
    lines = out.splitlines()
    if output_format == "text":
        assert len(lines) == 3 and lines[1].startswith("  hint: ")  # the finding, its hint, the summary
        assert "evil\\u001b[2J\\u000amodels\\u202e" in lines[0]
    elif output_format == "github":
        assert len(lines) == 2 and lines[0].startswith("::error file=")  # one annotation, one summary
    else:
        assert json.loads(out)["findings"][0]["file"] == str(path)  # JSON keeps the data, escaped by JSON itself


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_control_character_in_a_tag_is_escaped(invoke, tmp_path: Path, output_format: str) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(
        MINI.replace("summary: A test model.", "summary: !<tag:x%1B]0;title%07%0A%C2%9B> x"), encoding="utf-8"
    )
    out = run(invoke, path, output_format).stdout
    assert raw_controls(out) == []
    if output_format == "json":
        assert json.loads(out)["findings"][0]["message"].endswith("found the tag `tag:x\x1b]0;title\x07\n\x9b`")


def test_github_annotations_escape_percent_newline_comma_and_colon(invoke, tmp_path: Path) -> None:
    path = tmp_path / "a,b:c%.yaml"
    path.write_text(MINI.replace("role: guarantor", "role: '100% sure'"), encoding="utf-8")
    out = invoke("validate", path, "--format", "github").stdout
    first, summary = out.splitlines()
    assert first.startswith("::error file=" + str(path).replace("%", "%25").replace(":", "%3A").replace(",", "%2C"))
    assert "found string '100%25 sure'" in first and "%0Adid you mean" not in first


def test_schema_output_is_plain_json_not_markup(invoke) -> None:
    out = invoke("schema").stdout
    assert json.loads(out)["$id"] == "urn:guarantees:schema:arrangement.schema.json"
    assert raw_controls(out) == []


# --- compare, show, list and export: model text that looks like markup is data everywhere. ---

HOSTILE_NAME = "[bold red]Alpha[/bold red] [link=https://evil.example]pact[/link] a|b <script>x</script>"
COMPARE_FIXTURES = Path(__file__).resolve().parents[1] / "examples" / "compare"


def _hostile_models(tmp_path: Path) -> Path:
    directory = tmp_path / "models"
    directory.mkdir()
    for path in COMPARE_FIXTURES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.stem == "alpha-pact":
            text = text.replace("name: Alpha Pact", f"name: '{HOSTILE_NAME}'")
        (directory / path.name).write_text(text, encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    "args",
    [["compare", "alpha-pact", "beta-memo"], ["show", "alpha-pact"], ["list"]],
    ids=["compare", "show", "list"],
)
def test_terminal_views_print_markup_literally(invoke, tmp_path: Path, args: list[str]) -> None:
    models = _hostile_models(tmp_path)
    result = invoke(*args, "--models", models, env={"COLUMNS": "400"})
    assert result.exit_code == 0, result
    flat = " ".join(result.stdout.split())
    assert "[bold red]Alpha[/bold red]" in flat and "[link=https://evil.example]pact[/link]" in flat
    assert "<script>x</script>" in flat
    assert raw_controls(result.stdout) == []


def test_svg_export_keeps_markup_as_text(invoke, tmp_path: Path) -> None:
    models = _hostile_models(tmp_path)
    svg = tmp_path / "out.svg"
    result = invoke("compare", "alpha-pact", "beta-memo", "--models", models, "--svg", svg)
    assert result.exit_code == 0, result
    text = svg.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text and "<script>" not in text


def test_markdown_memo_escapes_pipes_and_html(invoke, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    models = _hostile_models(tmp_path)
    result = invoke("export", "alpha-pact", "beta-memo", "--format", "markdown", "--models", models)
    assert result.exit_code == 0, result
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<script>" not in html and "&lt;script&gt;" in html
    header = next(line for line in result.stdout.splitlines() if line.startswith("| dimension") or line.startswith("|"))
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    first = next(i for i, t in enumerate(tokens) if t.type == "table_close")  # the comparison table
    heads = sum(1 for t in tokens[:first] if t.type == "th_open")
    assert heads == 3, header  # the dimension column and one per arrangement: the `|` did not split a cell


@pytest.mark.parametrize("output_format", ["json", "csv"])
def test_data_exports_carry_the_name_unchanged(invoke, tmp_path: Path, output_format: str) -> None:
    models = _hostile_models(tmp_path)
    result = invoke("export", "alpha-pact", "beta-memo", "--format", output_format, "--models", models)
    assert result.exit_code == 0, result
    if output_format == "json":
        assert HOSTILE_NAME in json.dumps(json.loads(result.stdout), ensure_ascii=False)
    else:
        assert HOSTILE_NAME in result.stdout
