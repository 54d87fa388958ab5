"""The HTML report in a real headless Chromium: it loads clean, asks for nothing; links resolve; hostile text is text.

Run on the report of the shipped models and on a hostile model set (tests/hostile_report.py). The same run
takes the README's screenshot of `art5 budapest` (docs/img/report.png is rewritten only on request, like the
golden files: GUARANTEES_WRITE_SCREENSHOT=1).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import Visit, chromium_context, open_page
from conftest import MODELS, ROOT, SEEDS
from hostile_report import HOSTILE_NAMES, LITERALS, build_hostile_set

SHIPPED = ["nato-article-5", "budapest-memorandum", "us-28-point-guarantee", "multinational-force"]
SCREENSHOT = ROOT / "docs" / "img" / "report.png"
VIEWPORT = {"width": 1100, "height": 1250}

LINKS = """() => [...document.querySelectorAll('a[href^="#"]')]
    .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))"""
IDS = "() => [...document.querySelectorAll('[id]')].map(e => e.id)"
ROW_WIDTHS = """() => [...document.querySelectorAll('table.comparison tr')]
    .map(tr => tr.querySelectorAll(':scope > th, :scope > td').length)"""
ELEMENTS = "() => [...document.querySelectorAll('*')].map(e => e.localName)"
EVENT_ATTRIBUTES = """() => [...document.querySelectorAll('*')]
    .flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))"""
OUTSIDE_LINKS = """() => [...document.querySelectorAll('a[href]')].filter(a => !a.getAttribute('href').startsWith('#'))
    .map(a => [a.getAttribute('href'), a.getAttribute('rel'), a.textContent])"""


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    with chromium_context(viewport=VIEWPORT) as browser_context:
        yield browser_context


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped models' report and the hostile set's, written once by the real CLI."""
    from typer.testing import CliRunner

    from guarantees.cli import app

    directory = tmp_path_factory.mktemp("reports")
    hostile = build_hostile_set(directory)
    shipped = ["--models", str(MODELS), "--seeds", str(SEEDS)]
    runs = {
        "shipped": [*SHIPPED, *shipped],
        "art5-budapest": ["art5", "budapest", *shipped],
        "hostile": [*HOSTILE_NAMES, "--models", str(hostile.models), "--seeds", str(hostile.seeds)],
    }
    paths = {}
    for name, args in runs.items():
        paths[name] = directory / f"{name}.html"
        result = CliRunner().invoke(
            app, ["export", *args, "--format", "html", "-o", str(paths[name])], env={"NO_COLOR": "1"}
        )
        assert result.exit_code == 0, result.output
    return paths


def visit(context: Any, reports: dict[str, Path], name: str) -> Visit:
    return open_page(context, reports[name])


@pytest.mark.parametrize("name", ["shipped", "hostile"])
def test_the_page_loads_with_no_error_and_asks_for_nothing_but_itself(context, reports, name: str) -> None:
    seen = visit(context, reports, name)
    assert seen.errors == []
    assert seen.requests == [reports[name].resolve().as_uri()]
    assert seen.evaluate("() => document.title").startswith("Comparison: ")


@pytest.mark.parametrize("name", ["shipped", "hostile"])
def test_every_internal_link_resolves_and_every_id_is_unique(context, reports, name: str) -> None:
    seen = visit(context, reports, name)
    assert seen.evaluate(LINKS) == []
    ids = seen.evaluate(IDS)
    assert len(ids) == len(set(ids)) and len(ids) > 20
    # Every marker in the table leads to its evidence entry, and that entry back to the cell.
    pairs = seen.evaluate("""() => [...document.querySelectorAll('td a.marker')].map(a =>
        [a.closest('td').id, [...document.querySelector(a.getAttribute('href')).querySelectorAll('.links a')]
          .map(b => b.getAttribute('href'))])""")
    assert pairs and all(f"#{cell}" in back for cell, back in pairs)


@pytest.mark.parametrize(("name", "columns"), [("shipped", len(SHIPPED)), ("hostile", len(HOSTILE_NAMES))])
def test_each_table_row_has_one_cell_per_arrangement_and_the_dimension(context, reports, name, columns) -> None:
    widths = visit(context, reports, name).evaluate(ROW_WIDTHS)
    assert len(widths) > 10 and set(widths) == {columns + 1}


def test_hostile_text_stays_text(context, reports) -> None:
    seen = visit(context, reports, "hostile")
    elements = seen.evaluate(ELEMENTS)
    for tag in ("script", "img", "iframe", "object", "embed", "form", "base", "b"):
        assert tag not in elements, tag
    assert elements.count("style") == 1 and elements.count("meta") == 5  # only the template's own
    assert seen.evaluate(EVENT_ATTRIBUTES) == []
    text = seen.evaluate("() => document.body.textContent")
    missing = [literal for literal in LITERALS if literal not in text]
    assert missing == []
    outside = seen.evaluate(OUTSIDE_LINKS)
    assert outside and all(href.startswith("https://") and rel == "noreferrer noopener" for href, rel, _ in outside)
    assert ["https://example.com/a'onmouseover='alert(8)", "noreferrer noopener"] in [o[:2] for o in outside]


def test_quotes_are_highlighted_in_their_paragraph_and_in_the_source(context, reports) -> None:
    seen = visit(context, reports, "art5-budapest")
    entries = seen.evaluate("""() => [...document.querySelectorAll('ol.evidence > li')].map(li =>
        [li.querySelector('.quote').textContent, li.querySelector('blockquote mark')?.textContent])""")
    assert entries and all(quote.endswith(f"“{marked}”") for quote, marked in entries)
    spans = seen.evaluate("() => document.querySelectorAll('.source .anchor').length")
    assert spans == len(entries)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_readme_screenshot_of_art5_budapest(context, reports, tmp_path: Path) -> None:
    target = SCREENSHOT if os.environ.get("GUARANTEES_WRITE_SCREENSHOT") == "1" else tmp_path / "report.png"
    seen = visit(context, reports, "art5-budapest")
    seen.page.screenshot(path=str(target))
    assert png_size(target) == (VIEWPORT["width"], VIEWPORT["height"])
    assert SCREENSHOT.is_file(), "the README shows docs/img/report.png: GUARANTEES_WRITE_SCREENSHOT=1 writes it"


def test_without_chromium_the_browser_tests_fail_with_the_way_to_install_it(monkeypatch) -> None:
    import browser

    monkeypatch.setenv("GUARANTEES_CHROMIUM", "")
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        browser.find_chromium()
