"""The terminal views never cut: at any width every value and citation marker is shown whole, every line fits.

Each view is rendered at widths 40, 60, 80 and 120 and compared with the same view at 400 columns, where
nothing can need cutting: the narrow view must hold every word piece and every `[n]` marker of the wide
one, add no ellipsis the data does not have, and keep every line within its width.
"""

from __future__ import annotations

import io
import itertools
import re
from functools import cache

import pytest
from rich.cells import cell_len
from tests.conftest import MODELS, SEEDS, load_checked

from guarantees.comparison import Comparison, build_comparison
from guarantees.data_dirs import DataDirs
from guarantees.render.console import View, build_console, iter_rendered
from guarantees.render.gapview import render_gap_view
from guarantees.render.terminal import render_comparison, render_list
from guarantees.service.gaps import measure_against
from guarantees.service.listing import list_arrangements
from guarantees.service.selection import Selection

WIDTHS = (40, 60, 80, 120)
WIDE = 400
MARKER = re.compile(r"\[\d+\]")
FRAME = "│┌┐└┘├┤┬┴┼─():"  # table borders, parentheses around aliases, colons after labels: layout, not data


@cache
def shipped() -> Selection:
    return load_checked(sorted(MODELS.glob("*.yaml")))


def rendered(parts: list[View], width: int) -> str:
    return "".join(iter_rendered(build_console(io.StringIO(), width=width), parts))


def pieces(view: str) -> set[str]:
    """Every word of a view split at its hyphens (the plain grid breaks ids there), frame characters dropped."""
    words = (word.strip(FRAME) for word in view.split())
    return {piece for word in words for piece in re.split(r"(?<=-)", word) if piece}


def data_ellipses(comparison: Comparison) -> int:
    """How many `…` the data itself holds: in the cited spans and their context, and in the model files."""
    quoted = sum(text.count("…") for q in comparison.quotes for text in (q.before, q.span.quote, q.after))
    return quoted + sum(m.path.read_text(encoding="utf-8").count("…") for m in comparison.models)


def assert_never_cut(view: str, wide: str, width: int, ellipses: int) -> None:
    lines = view.splitlines()
    assert max(cell_len(line) for line in lines) <= width, [line for line in lines if cell_len(line) > width][:3]
    assert view.count("…") <= ellipses
    assert set(MARKER.findall(wide)) <= set(MARKER.findall(view))
    missing = pieces(wide) - pieces(view)
    assert not missing, sorted(missing)[:10]


def check_comparison(comparison: Comparison) -> None:
    wide = rendered(render_comparison(comparison, WIDE), WIDE)
    ellipses = data_ellipses(comparison)
    for width in WIDTHS:
        assert_never_cut(rendered(render_comparison(comparison, width), width), wide, width, ellipses)


PAIRS = list(itertools.combinations(range(len(list(MODELS.glob("*.yaml")))), 2))


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: f"{pair[0]}-{pair[1]}")
def test_every_shipped_pair_compares_without_a_cut_at_any_width(pair: tuple[int, int]) -> None:
    selection = shipped()
    models = [selection.models[i] for i in pair]
    check_comparison(build_comparison(models, selection.seeds))


def test_a_five_way_compare_stacks_at_80_columns_and_cuts_nothing() -> None:
    selection = shipped()
    wanted = [
        "nato-article-5",
        "budapest-memorandum",
        "berlin-commitment",
        "multinational-force",
        "sanctions-snap-back",
    ]
    models = [m for name in wanted for m in selection.models if m.arrangement.id == name]
    comparison = build_comparison(models, selection.seeds)
    check_comparison(comparison)
    at_80 = rendered(render_comparison(comparison, 80), 80)
    assert "┌" not in at_80 and at_80.startswith("≠ instrument\n  NATO Article 5")  # one block per dimension
    assert "┌" in rendered(render_comparison(comparison, 200), 200)  # a table where the five fit


def test_every_shipped_model_compared_at_once_cuts_nothing() -> None:
    selection = shipped()
    check_comparison(build_comparison(list(selection.models), selection.seeds))


def test_list_never_cuts_at_any_width() -> None:
    result = list_arrangements([], DataDirs(MODELS, SEEDS))
    wide = rendered(render_list(result, WIDE), WIDE).split("\n", 2)[2]  # the grid's header and rule: no data
    for width in WIDTHS:
        assert_never_cut(rendered(render_list(result, width), width), wide, width, 0)


@pytest.mark.parametrize("names", [[], ["budapest"]], ids=["all", "budapest"])
def test_the_gap_view_never_cuts_at_any_width(names: list[str]) -> None:
    result = measure_against("art5", names, DataDirs(MODELS, SEEDS))
    wide = rendered(render_gap_view(result, WIDE), WIDE)
    for width in WIDTHS:
        view = rendered(render_gap_view(result, width), width)
        assert_never_cut(view, wide, width, 0)
        assert view.count("budapest ") >= 1 and "meets" in view


@pytest.mark.parametrize("width", WIDTHS)
def test_show_never_cuts_in_a_pipe(invoke, width: int) -> None:
    wide = invoke("show", "art5", env={"COLUMNS": str(WIDE)}).stdout
    result = invoke("show", "art5", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result
    assert_never_cut(result.stdout, wide, width, wide.count("…"))


def test_the_old_cut_is_gone_at_80_columns(invoke) -> None:
    # At 80 columns a 5-way compare once showed `[13][14][1…`: every marker now stands whole.
    result = invoke(
        "compare", "art5", "budapest", "berlin", "coalition-of-the-willing", "snap-back", env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0, result
    assert "…]" not in result.stdout and not re.search(r"\[\d+…|\[\d*$", result.stdout, re.MULTILINE)
