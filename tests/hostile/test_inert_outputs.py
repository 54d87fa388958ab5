"""Every output channel is inert: model and seed text can never drive a terminal, open markup or a link,
or forge a GitHub Actions workflow command, whichever command prints it.

GitHub's runner treats a log line as a command when it starts with `::` after white space, or when it
contains `##[` anywhere (the legacy form); `workflow_commands` finds both.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pypandoc
import pytest

from conftest import MODELS, SEEDS
from guarantees.model import Source
from guarantees.render.markdown import describe_source
from samples import MINI

COMPARE_FIXTURES = Path(__file__).resolve().parents[1] / "examples" / "compare"
TERMINAL_CONTROLS = "\x1b[2J\x1b]8;;https://evil.example\x07link\x1b]8;;\x07\x1bc\u202e\x9b"
FORGED = "::error file=README.md,line=1::forged ##[warning]forged too"
HOSTILE_URL = "https://x.example/><script>alert(2)</script><x"


def workflow_commands(text: str) -> list[str]:
    """Lines GitHub Actions would run as workflow commands."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or "##[" in line]


def raw_controls(text: str) -> list[str]:
    return [hex(ord(ch)) for ch in text if (ch < " " and ch != "\n") or "\x7f" <= ch <= "\x9f" or ch == "\u202e"]


# --- seed text (item 8) -----------------------------------------------------------------------------


def _hostile_seeds(tmp_path: Path, tail: str = "", title: str | None = None, url: str | None = None) -> Path:
    """The shipped seeds with `tail` appended to the vnexpress article (every cited offset stays valid)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    article = seeds / "2025-12-20-vnexpress-skepticism-grows.txt"
    old = hashlib.sha256(article.read_bytes()).hexdigest()
    article.write_bytes(article.read_bytes() + tail.encode("utf-8"))
    manifest = (seeds / "sources.yaml").read_text(encoding="utf-8")
    manifest = manifest.replace(old, hashlib.sha256(article.read_bytes()).hexdigest())
    if title is not None:
        manifest = manifest.replace(
            "title: Skepticism grows over NATO-style security guarantees for Ukraine", f"title: {json.dumps(title)}"
        )
    if url is not None:
        manifest = re.sub(r"url: https://vnexpress\.net/\S+", f"url: {json.dumps(url)}", manifest)
    (seeds / "sources.yaml").write_text(manifest, encoding="utf-8")
    return seeds


def test_sources_id_shows_seed_text_inert(invoke, tmp_path: Path) -> None:
    seeds = _hostile_seeds(tmp_path, tail=f"\n{TERMINAL_CONTROLS}\n{FORGED}\n  ::warning::indented\r\n")
    result = invoke("sources", "vnexpress-2025-12-20", "--seeds", seeds, "--models", MODELS)
    assert result.exit_code == 0, result
    assert raw_controls(result.stdout) == [] and workflow_commands(result.stdout) == [], result.stdout[-600:]
    assert "forged" in result.stdout and "indented" in result.stdout  # shown, not dropped


def test_sources_table_shows_manifest_text_inert(invoke, tmp_path: Path) -> None:
    seeds = _hostile_seeds(tmp_path, title=f"Skepticism {FORGED}")
    result = invoke("sources", "--seeds", seeds, "--models", MODELS, env={"COLUMNS": "60"})
    assert result.exit_code == 0, result
    assert workflow_commands(result.stdout) == [] and "forged" in result.stdout


# --- error messages and did-you-mean suggestions (item 10) -----------------------------------------


def test_a_suggested_alias_is_printed_escaped(invoke, models_copy: Path) -> None:
    # The name index reads alias lines without the YAML parser, so an alias can hold anything until loaded.
    (models_copy / "evil.yaml").write_text("id: evil\naliases: [budapesr\x1bc\x1b]0;owned\x07]\n", encoding="utf-8")
    result = invoke("compare", "budapesx", "art5", "--models", models_copy)
    assert result.exit_code == 2, result
    assert raw_controls(result.stderr) == [], result.stderr
    assert "did you mean" in result.stderr and "\\u001bc" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["compare", f"x{TERMINAL_CONTROLS}", "art5"],
        ["list", "--where", f"troops{TERMINAL_CONTROLS}=x"],
        ["sources", f"x{TERMINAL_CONTROLS}"],
        [f"x{TERMINAL_CONTROLS}"],  # typer's own `No such command`
        ["validate", "--format", f"x{TERMINAL_CONTROLS}"],  # typer's own `Invalid value`
    ],
    ids=["unknown-name", "where", "unknown-source", "unknown-command", "bad-choice"],
)
def test_error_messages_quote_the_command_line_escaped(invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result
    assert raw_controls(result.stderr) == [], result.stderr


# --- GitHub workflow commands (item 11) ------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_a_file_name_cannot_forge_a_workflow_command(invoke, tmp_path: Path, monkeypatch, output_format: str) -> None:
    name = "::error file=README.md,line=1::x.yaml"
    (tmp_path / name).write_text(MINI, encoding="utf-8")  # id-mismatch: the finding starts with the file name
    monkeypatch.chdir(tmp_path)
    result = invoke("validate", name, "--seeds", SEEDS, "--format", output_format)
    assert result.exit_code == 1, result
    own = [line for line in workflow_commands(result.stdout) if line.startswith("::error file=%3A%3Aerror")]
    assert workflow_commands(result.stdout) == own, result.stdout  # only the github format's own annotation
    if output_format == "text":
        assert result.stdout.startswith(f"./{name}:2:5: error[id-mismatch] ")


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_a_value_cannot_forge_a_legacy_workflow_command(invoke, tmp_path: Path, output_format: str) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.replace("role: guarantor", "role: '##[error]forged ##[add-mask]x'"), encoding="utf-8")
    result = invoke("validate", path, "--format", output_format)
    assert result.exit_code == 1, result
    assert not [line for line in result.stdout.splitlines() if "##[" in line], result.stdout
    if output_format == "json":  # the same data, escaped
        assert "##[error]forged" in json.loads(result.stdout)["findings"][0]["message"]


def _forging_models(tmp_path: Path) -> Path:
    directory = tmp_path / "models"
    directory.mkdir()
    for path in COMPARE_FIXTURES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.stem == "alpha-pact":
            text = text.replace("name: Alpha Pact", f"name: {json.dumps('Alpha ' + FORGED)}")
            text += 'notes: "fine\\n::error::forged\\n  ::warning::indented ##[group]x"\n'
        (directory / path.name).write_text(text, encoding="utf-8")
    return directory


@pytest.mark.parametrize("columns", ["40", "100"])  # narrow: wrapping puts words of a name at line starts
@pytest.mark.parametrize(
    "args",
    [
        ["compare", "alpha-pact", "beta-memo"],
        ["compare", "--against", "alpha-pact"],
        ["show", "alpha-pact"],
        ["list"],
        ["export", "alpha-pact", "beta-memo", "-f", "markdown"],
        ["export", "alpha-pact", "beta-memo", "-f", "json"],
        ["history", "alpha-pact"],
        ["history", "alpha-pact", "-f", "markdown"],
    ],
    ids=["compare", "against", "show", "list", "markdown", "json", "history", "history-markdown"],
)
def test_model_text_cannot_forge_a_workflow_command_in_any_view(
    invoke, tmp_path: Path, args: list[str], columns: str
) -> None:
    result = invoke(*args, "--models", _forging_models(tmp_path), env={"COLUMNS": columns})
    assert result.exit_code == 0, result
    assert workflow_commands(result.stdout) == [], result.stdout
    assert "forged" in result.stdout or columns == "40"  # `list` at 40 columns elides the name


# --- Markdown: URLs (item 9) ------------------------------------------------------------------------


def test_a_url_that_could_carry_markup_fails_validation(invoke, tmp_path: Path) -> None:
    seeds = _hostile_seeds(tmp_path, url=HOSTILE_URL)
    result = invoke("validate", "--seeds", seeds, "--format", "json")
    assert result.exit_code == 1, result
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["path"].endswith(".url")]
    assert finding["code"] == "invalid-format" and finding["file"].endswith("sources.yaml")


@pytest.mark.parametrize(
    "url", [HOSTILE_URL, 'https://x.example/"onmouseover="alert(1)', "https://x.example/ <b>x</b>", "javascript:x"]
)
def test_a_url_is_never_markup_in_the_memo(url: str) -> None:
    # Validation refuses these; the renderer must not depend on it.
    source = Source.model_construct(id="x", file="x.txt", title="T", publisher=None, date=None, url=url, sha256="0")
    markdown = f"Sources: {describe_source(source, 'x')}.\n"
    for reader in ("gfm", "markdown"):
        html = pypandoc.convert_text(markdown, "html", format=reader)
        assert _tags(html) <= {("p", ()), ("em", ())}, html  # no script, no link, no attribute: plain text
        assert "<script>" not in html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[tuple[str, tuple[str, ...]]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.add((tag, tuple(sorted(name for name, _ in attrs))))


def _tags(html: str) -> set[tuple[str, tuple[str, ...]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.found


def test_a_safe_url_stays_a_link() -> None:
    from guarantees.text import markdown_url

    url = "https://vnexpress.net/a-b_c~d?e=f&g=h#i"
    assert markdown_url(url) == f"<{url}>"
    html = pypandoc.convert_text(f"<{url}>", "html", format="gfm")
    assert 'href="https://vnexpress.net/a-b_c~d?e=f&amp;g=h#i"' in html


# --- SVG and the data formats -----------------------------------------------------------------------


def test_svg_of_hostile_text_is_well_formed_and_inert(invoke, tmp_path: Path) -> None:
    models = _forging_models(tmp_path)
    text = (models / "beta-memo.yaml").read_text(encoding="utf-8")
    hostile = "Beta </text><script>alert(1)</script> & <a href='x'>"
    (models / "beta-memo.yaml").write_text(text.replace("name: Beta Memorandum", f"name: {json.dumps(hostile)}"))
    svg = tmp_path / "out.svg"
    result = invoke("compare", "alpha-pact", "beta-memo", "--models", models, "--svg", svg)
    assert result.exit_code == 0, result
    root = ElementTree.fromstring(svg.read_text(encoding="utf-8"))  # well-formed: the text did not close a tag
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert "script" not in tags and "a" not in tags


def test_csv_keeps_text_but_defuses_formulas(invoke, tmp_path: Path) -> None:
    models = _forging_models(tmp_path)
    text = (models / "beta-memo.yaml").read_text(encoding="utf-8")
    (models / "beta-memo.yaml").write_text(text.replace("name: Beta Memorandum", "name: '=HYPERLINK(\"x\")'"))
    result = invoke("export", "alpha-pact", "beta-memo", "-f", "csv", "--models", models)
    assert result.exit_code == 0, result
    assert ",'=HYPERLINK" in result.stdout.replace('"', "") and "Alpha ::error" in result.stdout


def test_json_outputs_escape_what_a_log_would_act_on_and_keep_the_data() -> None:
    from guarantees.text import json_text

    data = {"a": f"{FORGED} \u202e \x85 \u200d \U000e0041 x"}
    dumped = json_text(data)
    assert workflow_commands(dumped) == [] and raw_controls(dumped) == []
    assert json.loads(dumped) == data
