"""The budgets of issue 11, as ratios of medians measured in one run, each judged PASS or FAIL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from plan import CORPUS_COMMANDS, Row

COMPARE_OVER_FLOOR = 1.8
COMPARE_AIM = 1.5
CORPUS_OVER_VALIDATE = 1.5  # list, list --where, sources, compare --against: each against validate, same directory
CORPUS_PEAK_MB = 200.0
SPEED_UP_OVER_CHECK_JSONSCHEMA = 10.0
SPEED_UP_AIM = 25.0
# Linear growth: the cost of each model added between the two largest sizes may exceed that between the two
# smallest by at most this factor (marginal costs, so the fixed start-up cost cancels out).
LINEAR_SLACK = 1.2
VALIDATE_PEAK_MB = 150.0
HELP_OVER_FLOOR = 1.0
SEARCH_OVER_COMPARE = 2.0  # search of 1,000 sources, against compare of two shipped models: both interactive
BUDGET_SIZE = 10_000  # the corpus size the 10,000-model budgets are stated for


@dataclass(frozen=True)
class Budget:
    name: str
    target: str
    value: str
    verdict: str  # PASS, FAIL, "info" (context, not a budget) or "not measured"


def _median(rows: dict[str, Row], key: str) -> float | None:
    row = rows.get(key)
    return row.timings.median if row is not None and row.measured else None


def _ratio(name: str, target: str, top: float | None, bottom: float | None, passes: Callable[[float], bool]) -> Budget:
    if top is None or bottom is None:
        return Budget(name, target, "—", "not measured")
    ratio = top / bottom
    return Budget(name, target, f"{ratio:.2f}×", "PASS" if passes(ratio) else "FAIL")


def _info(name: str, top: float | None, bottom: float | None) -> Iterator[Budget]:
    if top is not None and bottom is not None:
        yield Budget(name, "(context, not a budget)", f"{top / bottom:.2f}×", "info")


def _sizes(rows: dict[str, Row], prefix: str) -> list[int]:
    return sorted(int(key.removeprefix(prefix)) for key, row in rows.items() if key.startswith(prefix) and row.measured)


def _peak(name: str, row: Row | None, limit: float) -> Budget:
    if row is None or not row.measured:
        return Budget(name, f"< {limit:g} MB", "—", "not measured")
    megabytes = row.timings.peak_bytes / 1e6
    return Budget(name, f"< {limit:g} MB", f"{megabytes:.1f} MB", "PASS" if megabytes < limit else "FAIL")


def _scale_note(size: int) -> str:
    return "" if size >= BUDGET_SIZE else f" (the budget is for {BUDGET_SIZE:,})"


def check_linear(rows: dict[str, Row]) -> Budget:
    sizes = _sizes(rows, "validate-")
    files = [rows[f"validate-{n}"].models or n for n in sizes]
    medians = [rows[f"validate-{n}"].timings.median for n in sizes]
    per_model = ", ".join(f"{m / n * 1e3:.2f} ms at {n:,}" for m, n in zip(medians, files, strict=True))
    target = f"linear: last marginal ms/model ≤ {LINEAR_SLACK}× first"
    if len(sizes) < 3:
        return Budget("validate time per model", target, per_model or "—", "not measured (needs three sizes)")
    marginal = [(medians[i + 1] - medians[i]) / (files[i + 1] - files[i]) for i in range(len(sizes) - 1)]
    value = f"{per_model}; marginal {' → '.join(f'{m * 1e3:.2f}' for m in marginal)} ms/model"
    return Budget(
        "validate time per model", target, value, "PASS" if marginal[-1] <= LINEAR_SLACK * marginal[0] else "FAIL"
    )


def check_speed_up(rows: dict[str, Row]) -> Budget:
    common = [n for n in _sizes(rows, "validate-") if n in _sizes(rows, "cjs-")]
    size = 1000 if 1000 in common else (max(common) if common else 1000)
    name = rows[f"validate-{size}"].name if f"validate-{size}" in rows else f"validate {size:,} models"
    return _ratio(
        f"{name}: speed-up over check-jsonschema",
        f"≥ {SPEED_UP_OVER_CHECK_JSONSCHEMA:g}× (aim {SPEED_UP_AIM:g}×)",
        _median(rows, f"cjs-{size}"),
        _median(rows, f"validate-{size}"),
        lambda r: r >= SPEED_UP_OVER_CHECK_JSONSCHEMA,
    )


def check_validate_peak(rows: dict[str, Row]) -> Budget:
    sizes = _sizes(rows, "validate-")
    row = rows[f"validate-{sizes[-1]}"] if sizes else None
    name = f"{row.name}: peak memory{_scale_note(sizes[-1])}" if row else "validate: peak memory"
    return _peak(name, row, VALIDATE_PEAK_MB)


def iter_corpus_budgets(rows: dict[str, Row]) -> Iterator[Budget]:
    """Each command that reads every model, against validate of the same directory: time, then peak memory."""
    size = max((int(k.removeprefix("validate-")) for k in rows if k.startswith("validate-")), default=BUDGET_SIZE)
    validate = _median(rows, f"validate-{size}")
    for key in CORPUS_COMMANDS:
        row = rows.get(key)
        command, _, label = row.name.rpartition(" (") if row else (key, "", f"{size:,} models")
        label = label.rstrip(")") + _scale_note(size)
        seconds = f" ({row.timings.median:.1f} s)" if row and row.measured else ""
        budget = _ratio(
            f"{command} / validate, {label}",
            f"≤ {CORPUS_OVER_VALIDATE}×",
            _median(rows, key),
            validate,
            lambda r: r <= CORPUS_OVER_VALIDATE,
        )
        yield Budget(budget.name, budget.target, budget.value + seconds, budget.verdict)
        yield _peak(f"{command}, {label}: peak memory", row, CORPUS_PEAK_MB)


def iter_budgets(rows: dict[str, Row]) -> Iterator[Budget]:
    floor, compare = _median(rows, "floor"), _median(rows, "compare")
    yield _ratio(
        "compare / floor",
        f"≤ {COMPARE_OVER_FLOOR}× (aim {COMPARE_AIM}×)",
        compare,
        floor,
        lambda r: r <= COMPARE_OVER_FLOOR,
    )
    # Context, not budgets: what any typer command with arguments costs, and what a large models directory adds.
    reference = _median(rows, "typer-app")
    yield from _info("reference typer app / floor", reference, floor)
    yield from _info("compare / reference typer app", compare, reference)
    corpus = rows["compare-corpus"].name.split("(")[-1].rstrip(")") if "compare-corpus" in rows else "corpus"
    yield from _info(f"compare with {corpus} / with shipped", _median(rows, "compare-corpus"), compare)
    yield _ratio(
        "search 1,000 sources / compare",
        f"≤ {SEARCH_OVER_COMPARE}×",
        _median(rows, "search"),
        compare,
        lambda r: r <= SEARCH_OVER_COMPARE,
    )
    yield from iter_corpus_budgets(rows)
    yield check_speed_up(rows)
    yield check_linear(rows)
    yield check_validate_peak(rows)
    for key, name in (("help", "--help"), ("version", "--version")):
        yield _ratio(
            f"{name} / floor", f"≤ {HELP_OVER_FLOOR}×", _median(rows, key), floor, lambda r: r <= HELP_OVER_FLOOR
        )
