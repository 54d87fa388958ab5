"""The HTML report without a browser: its structure and escaping, read back with html.parser; the highlighting cuts."""

from __future__ import annotations

import datetime
import subprocess
import sys
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import MODELS, SEEDS
from guarantees.data_dirs import DataDirs
from guarantees.render.evidence import Marked, build_pieces, find_paragraph
from guarantees.render.html import render_html
from guarantees.render.report_view import safe_link
from guarantees.service.compare import CompareResult, compare
from hostile_report import HOSTILE_NAMES, LITERALS, SOURCE_URL, build_hostile_set

TODAY = datetime.date(2026, 1, 2)


class Page(HTMLParser):
    """Every start tag with its attributes, and the text between tags, as a browser's tokenizer would split them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.rows: list[int] = []  # cells in each row of the comparison table
        self._table = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self._table = dict(attrs).get("class") or ""
        elif tag == "tr" and self._table == "comparison":
            self.rows.append(0)
        elif tag in ("th", "td") and self._table == "comparison":
            self.rows[-1] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id")]

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for t, a in self.tags if t == "a" and "href" in a]


def report_of(names: list[str], models: Path = MODELS, seeds: Path = SEEDS) -> tuple[CompareResult, str]:
    result = compare(names, DataDirs(models, seeds), today=TODAY, least=1)
    assert result.report.ok, result.report
    return result, render_html(result)


def test_the_report_of_the_shipped_models_is_one_linked_table_with_its_evidence() -> None:
    result, html = report_of(["art5", "budapest"])
    page = Page(html)
    assert result.comparison is not None
    ids = page.ids()
    assert len(ids) == len(set(ids))
    assert [h for h in page.hrefs() if h.startswith("#") and h[1:] not in ids] == []
    assert page.rows == [3] * (len(result.comparison.rows) + 1)  # the header, then one row per dimension
    quotes = result.comparison.quotes
    assert {f"q-{q.marker}" for q in quotes} <= set(ids) and {f"span-{q.marker}" for q in quotes} <= set(ids)
    assert sum(1 for t, _ in page.tags if t == "mark") >= 2 * len(quotes)  # in its paragraph, and in its source
    assert "Date: 2026-01-02" in " ".join("".join(page.text).split())


def test_no_element_but_the_templates_own_and_no_outside_request() -> None:
    _, html = report_of(["art5", "budapest"])
    tags = {t for t, _ in Page(html).tags}
    assert not tags & {"script", "img", "iframe", "link", "object", "embed", "base", "form", "svg"}
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_hostile_model_and_seed_text_is_escaped_everywhere(tmp_path: Path) -> None:
    hostile = build_hostile_set(tmp_path)
    _, html = report_of(list(HOSTILE_NAMES), hostile.models, hostile.seeds)
    page = Page(html)
    assert not {t for t, _ in page.tags} & {"script", "img", "iframe", "b"}
    assert [name for _, attrs in page.tags for name in attrs if name.startswith("on")] == []
    text = "".join(page.text)
    assert [literal for literal in LITERALS if literal not in text] == []
    outside = [(a["href"], a.get("rel")) for t, a in page.tags if t == "a" and (a.get("href") or "#")[0] != "#"]
    assert (SOURCE_URL, "noreferrer noopener") in outside and all(h.startswith("https://") for h, _ in outside)


def test_a_url_that_is_not_http_is_shown_as_text_never_as_a_link() -> None:
    result, _ = report_of(["art5", "budapest"])
    comparison = result.comparison
    assert comparison is not None
    bad = "javascript:alert(1)"
    quotes = tuple(
        q._replace(source=q.source.model_copy(update={"url": bad})) if q.source else q for q in comparison.quotes
    )
    html = render_html(result._replace(comparison=comparison._replace(quotes=quotes)))
    page = Page(html)
    assert not any("javascript" in h for h in page.hrefs())
    assert bad in "".join(page.text)


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.com/a?b=1&c=2", True),
        ("http://example.com/", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,<script>x</script>", False),
        ('https://example.com/"onmouseover=x', False),
        ("https://example.com/ a", False),
        ("//example.com/", False),
    ],
)
def test_only_http_urls_that_cannot_carry_markup_become_links(url: str, link: bool) -> None:
    assert safe_link(url) == (url if link else None)


def test_control_characters_in_data_reach_the_page_as_replacement_characters() -> None:
    from guarantees.render.html import finalize

    assert finalize("a\x1b[2Jb\u202e") == "a\ufffd[2Jb\ufffd" and finalize(None) == "" and finalize(3) == 3


def test_a_paragraph_is_the_line_that_holds_the_span() -> None:
    text = "first line\nsecond has the quote here\nthird"
    start = text.index("quote")
    assert text[slice(*find_paragraph(text, start, start + 5))] == "second has the quote here"
    assert find_paragraph("only", 0, 4) == (0, 4)


def test_overlapping_spans_are_cut_where_each_starts_and_ends() -> None:
    pieces = build_pieces("abcdefghij", [Marked(1, 2, 6), Marked(2, 4, 8)])
    assert [(p.text, p.covered_by, p.starts, p.ends) for p in pieces] == [
        ("ab", (), (), ()),
        ("cd", (1,), (1,), ()),
        ("ef", (1, 2), (2,), (1,)),
        ("gh", (2,), (), (2,)),
        ("ij", (), (), ()),
    ]


@given(
    st.text(min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_pieces_rebuild_the_text_and_each_span_is_covered_exactly(text, bounds, lo, hi) -> None:
    lo, hi = sorted((min(lo, len(text)), min(hi, len(text))))
    spans = [Marked(i, min(a, b), max(a, b)) for i, (a, b) in enumerate(bounds, 1) if min(a, b) < max(a, b)]
    pieces = build_pieces(text, spans, lo, hi)
    assert "".join(p.text for p in pieces) == text[lo:hi]
    position = lo
    for piece in pieces:
        inside = {s.marker for s in spans if s.start <= position and position + len(piece.text) <= s.end}
        assert set(piece.covered_by) == inside
        position += len(piece.text)
    shown = [s for s in spans if s.start < hi and s.end > lo and lo < hi]
    assert sorted(m for p in pieces for m in p.starts) == sorted(s.marker for s in shown)
    assert sorted(m for p in pieces for m in p.ends) == sorted(s.marker for s in shown)


def test_the_templates_are_package_data() -> None:
    templates = resources.files("guarantees.render") / "templates"
    assert (templates / "report.html.j2").is_file() and (templates / "report.css").is_file()


def test_jinja2_is_imported_only_for_the_html_report() -> None:
    script = (
        "import sys\n"
        "from guarantees.cli import app\n"
        "import guarantees.render.export\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 imported without html'\n"
        "guarantees.render.export.EXPORTERS  # the registry names html without loading it\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_against_a_baseline_the_report_adds_the_gap_table() -> None:
    result = compare(["budapest"], DataDirs(MODELS, SEEDS), today=TODAY, against="art5", least=1)
    assert result.report.ok and result.gaps and result.comparison is not None
    html = render_html(result)
    page = Page(html)
    assert 'id="gaps"' in html and 'href="#gaps"' in html
    gap_rows = html.split('<table class="gaps">', 1)[1].split("</table>", 1)[0].count("<tr>")
    assert gap_rows == len(result.gaps[0].gaps) + 1  # the header and one row per dimension
    assert page.rows == [3] * (len(result.comparison.rows) + 1)
