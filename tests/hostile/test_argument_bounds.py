"""Bounds on every argument: `--where` is parsed in linear time and bounded in length (item 12), `-j` stops at
the number of cores (item 13), and a name or path longer than the file system allows is a usage error,
exit 2, never an `internal error` (item 14)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from guarantees.findings import UsageError

LONG = "a" * 300  # more than the 255 bytes a file name may have


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


def test_jobs_above_the_core_count_is_a_usage_error(invoke) -> None:
    from guarantees.service.worker import max_jobs

    result = invoke("validate", "-j", "100000")
    assert result.exit_code == 2, result
    assert f"more than the {max_jobs()} core(s)" in result.stderr
    assert invoke("validate", "-j", str(max_jobs())).exit_code == 0


def test_the_scan_never_starts_more_workers_than_cores() -> None:
    from guarantees.service.scan import choose_jobs
    from guarantees.service.worker import max_jobs

    assert choose_jobs(10, 100_000) == max_jobs() and choose_jobs(10_000) <= max_jobs()


@pytest.mark.parametrize(
    "args",
    [
        ["validate", LONG],
        ["validate", f"models/{LONG}.yaml"],
        ["validate", "--seeds", LONG],
        ["export", "art5", "budapest", "-o", f"{LONG}.md"],
        ["compare", "art5", "budapest", "--svg", f"{LONG}.svg"],
        ["list", "--models", f"{LONG}/models"],
        ["compare", LONG, "budapest"],
        ["show", LONG],
        ["history", LONG],
        ["compare", "--against", LONG],
        ["export", "x" * 100_000],
    ],
    ids=[
        "validate-path",
        "validate-file",
        "seeds",
        "output",
        "svg",
        "models",
        "name",
        "show",
        "history",
        "against",
        "huge-name",
    ],  # fmt: skip
)
def test_an_overlong_name_or_path_is_a_usage_error(invoke, tmp_path: Path, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result
    assert "internal error" not in result.stderr and len(result.stderr) < 600, result.stderr[:600]
