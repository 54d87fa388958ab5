"""Bounds on every argument: `--where` is parsed in linear time and bounded in length (item 12)."""

from __future__ import annotations

import time

import pytest

from guarantees.findings import UsageError


@pytest.mark.parametrize(
    "where",
    ["a=" + " " * 120_000 + "b", "a=b" + " " * 120_000 + "c", "a" * 120_000, "troops=" + "x " * 60_000],
    ids=["spaces-after-op", "spaces-inside-value", "long-name", "long-value"],
)
def test_a_huge_where_is_a_quick_usage_error(invoke, where: str) -> None:
    started = time.perf_counter()
    result = invoke("list", "--where", where)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 2, result
    assert "at most 1,000 characters" in result.stderr and elapsed < 2, (elapsed, result.stderr[:200])
    assert len(result.stderr) < 400  # the argument is not echoed back


def test_parsing_a_filter_is_linear_up_to_the_bound() -> None:
    from guarantees.query import MAX_FILTER_LENGTH, split_filter

    shapes = ["a=" + " " * 990 + "b", "a=b" + " " * 990 + "c", "a" * 999, " " * 999, "a" + " " * 990 + "=b"]
    started = time.perf_counter()
    for shape in shapes * 200:
        assert len(shape) <= MAX_FILTER_LENGTH
        split_filter(shape)
    assert time.perf_counter() - started < 1
    with pytest.raises(UsageError):
        split_filter("a" * (MAX_FILTER_LENGTH + 1))


def test_filters_keep_their_meaning() -> None:
    from guarantees.query import split_filter

    assert split_filter("  troops.presence  =  in_territory  ") == ("troops.presence", "=", "in_territory")
    assert split_filter("binding_force>=legally_binding") == ("binding_force", ">=", "legally_binding")
    assert split_filter("status != proposed") == ("status", "!=", "proposed")
    assert split_filter("kind==x y") == ("kind", "==", "x y")
    assert [split_filter(text) for text in ("kind=", "=x", "kind", "1kind=x", "kind ~ x")] == [None] * 5
