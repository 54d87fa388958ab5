"""The budgets of issue 6, as ratios of medians measured in one run, each judged PASS or FAIL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from plan import Row

COMPARE_OVER_FLOOR = 1.5  # aim: 1.3
COMPARE_AIM = 1.3
# "No slower with 10,000 models present": medians of the same command differ by a few per cent from noise alone.
CORPUS_NOISE = 1.10
SPEED_UP_OVER_CHECK_JSONSCHEMA = 10.0
# Linear growth: the cost of each model added between the two largest sizes may exceed that between the two
# smallest by at most this factor (marginal costs, so the fixed start-up cost cancels out).
LINEAR_SLACK = 1.2
PEAK_MB = 150.0
HELP_OVER_FLOOR = 1.0


@dataclass(frozen=True)
class Budget:
    name: str
    target: str
    value: str
    verdict: str  # PASS, FAIL or "not measured"


def _median(rows: dict[str, Row], key: str) -> float | None:
    row = rows.get(key)
    return row.timings.median if row is not None and row.measured else None


def _ratio(name: str, target: str, top: float | None, bottom: float | None, passes) -> Budget:
    if top is None or bottom is None:
        return Budget(name, target, "—", "not measured")
    ratio = top / bottom
    return Budget(name, target, f"{ratio:.2f}×", "PASS" if passes(ratio) else "FAIL")


def _sizes(rows: dict[str, Row], prefix: str) -> list[int]:
    return sorted(row.models for key, row in rows.items() if key.startswith(prefix) and row.measured and row.models)


def check_linear(rows: dict[str, Row]) -> Budget:
    sizes = _sizes(rows, "validate-")
    per_model = ", ".join(f"{rows[f'validate-{n}'].timings.median / n * 1e3:.2f} ms at {n:,}" for n in sizes)
    target = f"linear: last marginal ms/model ≤ {LINEAR_SLACK}× first"
    if len(sizes) < 3:
        return Budget("validate time per model", target, per_model or "—", "not measured (needs three sizes)")
    medians = [rows[f"validate-{n}"].timings.median for n in sizes]
    marginal = [(medians[i + 1] - medians[i]) / (sizes[i + 1] - sizes[i]) for i in range(len(sizes) - 1)]
    value = f"{per_model}; marginal {' → '.join(f'{m * 1e3:.2f}' for m in marginal)} ms/model"
    return Budget(
        "validate time per model", target, value, "PASS" if marginal[-1] <= LINEAR_SLACK * marginal[0] else "FAIL"
    )


def check_speed_up(rows: dict[str, Row]) -> Budget:
    common = [n for n in _sizes(rows, "validate-") if n in _sizes(rows, "cjs-")]
    size = 1000 if 1000 in common else (max(common) if common else 1000)
    return _ratio(
        f"validate {size:,}: speed-up over check-jsonschema",
        f"≥ {SPEED_UP_OVER_CHECK_JSONSCHEMA:g}×",
        _median(rows, f"cjs-{size}"),
        _median(rows, f"validate-{size}"),
        lambda r: r >= SPEED_UP_OVER_CHECK_JSONSCHEMA,
    )


def check_peak(rows: dict[str, Row]) -> Budget:
    sizes = _sizes(rows, "validate-")
    if not sizes:
        return Budget("validate peak memory", f"< {PEAK_MB:g} MB", "—", "not measured")
    size = sizes[-1]
    megabytes = rows[f"validate-{size}"].timings.peak_bytes / 1e6
    note = "" if size >= 10_000 else " (the budget is for 10,000)"
    return Budget(
        f"validate {size:,}: peak memory{note}",
        f"< {PEAK_MB:g} MB",
        f"{megabytes:.1f} MB",
        "PASS" if megabytes < PEAK_MB else "FAIL",
    )


def iter_budgets(rows: dict[str, Row]) -> Iterator[Budget]:
    floor = _median(rows, "floor")
    compare = _median(rows, "compare")
    yield _ratio(
        "compare / floor",
        f"≤ {COMPARE_OVER_FLOOR}× (aim {COMPARE_AIM}×)",
        compare,
        floor,
        lambda r: r <= COMPARE_OVER_FLOOR,
    )
    # Context, not budgets: how much of compare's time any typer command with arguments would spend.
    reference = _median(rows, "typer-app")
    for name, top, bottom in (
        ("compare, first run (empty cache) / floor", _median(rows, "compare-first"), floor),
        ("reference typer app / floor", reference, floor),
        ("compare / reference typer app", compare, reference),
    ):
        if top is not None and bottom is not None:
            yield Budget(name, "(for context)", f"{top / bottom:.2f}×", "info")
    corpus_name = rows["compare-corpus"].name.split("(")[-1].rstrip(")") if "compare-corpus" in rows else "corpus"
    yield _ratio(
        f"compare with {corpus_name} / with shipped",
        f"≤ {CORPUS_NOISE}× (no slower, within noise)",
        _median(rows, "compare-corpus"),
        compare,
        lambda r: r <= CORPUS_NOISE,
    )
    yield check_speed_up(rows)
    yield check_linear(rows)
    yield check_peak(rows)
    for key, name in (("help", "--help"), ("version", "--version")):
        yield _ratio(
            f"{name} / floor", f"≤ {HELP_OVER_FLOOR}×", _median(rows, key), floor, lambda r: r <= HELP_OVER_FLOOR
        )
