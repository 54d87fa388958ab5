"""The Markdown memo through the two renderers it is written for, run for real: GitHub's own cmark-gfm
(the cmarkgfm binding) and pandoc (the binary shipped by pypandoc_binary). In both, every table row has a
cell per arrangement plus the dimension, every footnote reference resolves, no raw HTML gets through, and
model text that looks like markup or a link arrives as the same text."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cmarkgfm
import pypandoc
import pytest
from cmarkgfm.cmark import Options
from tests.acceptance.test_hostile_render import _hostile_models

from guarantees.dimension import DIMENSIONS

PANDOC = pypandoc.get_pandoc_path()
STANDING = ("status", "parties")  # the rows above the dimensions


def github_html(markdown: str) -> str:
    """What GitHub renders: cmark-gfm with its extensions, footnotes on, raw HTML omitted (its safe default)."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_FOOTNOTES)


def pandoc(markdown: str, to: str) -> str:
    """Convert GitHub-Flavoured Markdown with pandoc; any warning fails the conversion."""
    done = subprocess.run(
        [PANDOC, "--fail-if-warnings", "--wrap=none", "--from", "gfm", "--to", to],
        input=markdown,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


class _Text(HTMLParser):
    """The visible text of an HTML fragment, and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse_html(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser


def table_rows(html: str) -> list[int]:
    """Cells per row of the first table in an HTML document."""
    table = html[html.index("<table") : html.index("</table>")]
    return [len(re.findall(r"<t[hd][ >]", row)) for row in table.split("<tr")[1:]]


def references(markdown: str) -> int:
    """Footnote references in the memo: every `[^n]` that does not start a definition line."""
    return markdown.count("[^") - sum(1 for line in markdown.splitlines() if line.startswith("[^"))


def node_types(node: Any, found: Counter[str]) -> Counter[str]:
    if isinstance(node, dict):
        if "t" in node:
            found[node["t"]] += 1
        for value in node.values():
            node_types(value, found)
    elif isinstance(node, list):
        for value in node:
            node_types(value, found)
    return found


def pandoc_table_shape(table: dict[str, Any]) -> tuple[int, list[int], int]:
    """Header cells, cells of each body row, and column specs of a pandoc (>= 2.10) Table node."""
    _attr, _caption, colspecs, head, bodies, _foot = table["c"]
    return len(head[1][0][1]), [len(row[1]) for body in bodies for row in body[3]], len(colspecs)


def export(invoke, *args: str) -> str:
    result = invoke("export", *args, "--format", "markdown")
    assert result.exit_code == 0, result
    return result.stdout


SELECTIONS = [
    (("art5", "budapest"), 3),
    (("art5", "budapest", "us-guarantee", "coalition", "snapback"), 6),
    (("--against", "art5", "art5-inspired", "berlin"), 4),
]
IDS = ["two", "five", "against"]


@pytest.mark.parametrize(("args", "columns"), SELECTIONS, ids=IDS)
def test_github_renders_the_memo(invoke, args: tuple[str, ...], columns: int) -> None:
    markdown = export(invoke, *args)
    html = github_html(markdown)
    rows = table_rows(html)
    assert len(rows) == 1 + len(STANDING) + len(DIMENSIONS)  # header, status and parties, a row per dimension
    assert all(cells == columns for cells in rows)
    page = parse_html(html)
    assert page.comments == []  # cmark-gfm leaves `<!-- raw HTML omitted -->` for any raw HTML
    assert sum(1 for tag, attrs in page.tags if tag == "a" and "data-footnote-ref" in attrs) == references(markdown)
    assert "[^" not in "".join(page.text)  # an undefined reference would stay literal text


@pytest.mark.parametrize(("args", "columns"), SELECTIONS, ids=IDS)
def test_pandoc_converts_the_memo_cleanly(invoke, args: tuple[str, ...], columns: int) -> None:
    markdown = export(invoke, *args)
    document = json.loads(pandoc(markdown, "json"))
    tables = [block for block in document["blocks"] if block["t"] == "Table"]
    header, rows, specs = pandoc_table_shape(tables[0])
    assert header == specs == columns
    assert len(rows) == len(STANDING) + len(DIMENSIONS) and all(cells == columns for cells in rows)
    found = node_types(document, Counter())
    assert found["Note"] == references(markdown) > 0  # every reference became a note
    assert found["RawInline"] == found["RawBlock"] == 0


def test_hostile_names_are_the_same_text_in_both_renderers(invoke, tmp_path: Path) -> None:
    models = _hostile_models(tmp_path)
    markdown = export(invoke, "alpha-pact", "beta-memo", "--models", str(models))
    name = "[bold red]Alpha[/bold red] [link=https://evil.example]pact[/link] a|b <script>x</script>"
    for html in (github_html(markdown), pandoc(markdown, "html")):
        page = parse_html(html)
        assert name in "".join(page.text).replace("\n", " ")
        assert not any(tag == "script" for tag, _ in page.tags)
        assert not any("evil.example" in (attrs.get("href") or "") for _, attrs in page.tags)  # not even autolinked
        assert table_rows(html)[0] == 3  # the `|` in the name did not split a cell
