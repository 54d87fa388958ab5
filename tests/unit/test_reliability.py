"""Krippendorff's alpha: the published worked examples, its invariances, and the set distances."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantees.reliability import Metric, alpha, jaccard_distance, masi_distance, percent_agreement

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, values 1-5.
_: None = None
OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],  # A
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],  # B
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],  # C
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],  # D
]
UNITS = [list(unit) for unit in zip(*OBSERVERS, strict=True)]

# Published to three decimals; the full values are those of the `krippendorff` package (0.9.0) on the same data,
# computed once by hand.
PUBLISHED = [
    (Metric.NOMINAL, None, 0.743, 0.743421052631579),
    (Metric.ORDINAL, [1, 2, 3, 4, 5], 0.815, 0.8153875037548814),
    (Metric.INTERVAL, None, 0.849, 0.8491071428571428),
]


@pytest.mark.parametrize(("metric", "order", "published", "package"), PUBLISHED, ids=lambda p: str(p))
def test_the_published_four_observer_example(
    metric: Metric, order: list[int] | None, published: float, package: float
) -> None:
    result = alpha(UNITS, metric, order=order)
    assert result is not None
    assert round(result, 3) == published
    assert result == pytest.approx(package, abs=1e-12)


def test_the_published_two_observer_binary_example() -> None:
    # Krippendorff (2011), section A: 2 observers, 10 units, binary data, alpha = 0.095 (the package: 0.0952380...).
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    result = alpha(zip(a, b, strict=True), Metric.NOMINAL)
    assert result is not None and round(result, 3) == 0.095
    assert result == pytest.approx(16 / 168, abs=1e-15)  # (19·12 − 212) / (380 − 212) by the paper's formula


def test_ordinal_ranks_come_from_the_given_order_not_from_sorting() -> None:
    # The example relabelled so that sorting the labels would scramble the ranks; "unused" never occurs.
    label = {1: "none", 2: "weak", 3: "fair", 4: "good", 5: "best"}
    order = ["none", "unused", "weak", "fair", "good", "best"]
    units = [[None if value is None else label[value] for value in unit] for unit in UNITS]
    result = alpha(units, Metric.ORDINAL, order=order)
    assert result == pytest.approx(0.8153875037548814, abs=1e-12)


def test_set_metrics_on_a_hand_computed_example() -> None:
    # n = 4; o({a},{a,b}) = o({a,b},{a}) = 1, o({b},{b}) = 2; n_{a} = n_{a,b} = 1, n_{b} = 2.
    # MASI: δ²({a},{a,b}) = δ²({a,b},{b}) = 2/3, δ²({a},{b}) = 1: D_o = 4/3, D_e = 2(2/3 + 2 + 4/3) = 8,
    # alpha = 1 − 3 · (4/3) / 8 = 1/2. Jaccard: those distances are 1/2, 1/2, 1: 1 − 3 · 1 / 7 = 4/7.
    a, ab, b = frozenset("a"), frozenset("ab"), frozenset("b")
    units = [[a, ab], [b, b]]
    assert alpha(units, Metric.MASI) == 0.5
    assert alpha(units, Metric.JACCARD) == pytest.approx(4 / 7, abs=1e-15)


def test_alpha_is_undefined_without_pairs_or_without_variation() -> None:
    assert alpha([], Metric.NOMINAL) is None
    assert alpha([[1, None, None], [None, 2, None]], Metric.NOMINAL) is None  # no unit has two values
    assert percent_agreement([[1, None, None], [None, 2, None]]) is None
    only_one_value = [["x", "x", None], ["x", None, "x"], ["y", None, None]]  # the lone "y" cannot be paired
    assert alpha(only_one_value, Metric.NOMINAL) is None
    assert percent_agreement(only_one_value) == 1.0  # which is how a caller tells the two cases apart


@pytest.mark.parametrize(
    ("units", "metric", "order", "error", "message"),
    [
        ([[1, 2]], Metric.ORDINAL, None, ValueError, "order is required"),  # ordinal without an order
        ([[1, 2]], Metric.NOMINAL, [1, 2], ValueError, "order is required"),  # an order where it means nothing
        ([[1, 3]], Metric.ORDINAL, [1, 2], ValueError, "not in the ordinal order"),
        ([[1, 2]], Metric.ORDINAL, [1, 2, 1], ValueError, "twice"),
        ([["1", "2"]], Metric.INTERVAL, None, TypeError, "needs numbers"),  # Fraction alone would parse "1"
        ([[("a",), frozenset("b")]], Metric.MASI, None, TypeError, "need frozensets"),
        ([["a", frozenset("b")]], Metric.JACCARD, None, TypeError, "need frozensets"),
    ],
)
def test_misuse_is_an_error(
    units: list[list[Hashable]], metric: Metric, order: list[int] | None, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        alpha(units, metric, order=order)


def test_percent_agreement_on_a_hand_computed_example() -> None:
    # Pairs: 3 in the first unit (1 agreeing), 1 in the second (agreeing), 1 in the third (not); the last unit
    # has a single value and no pair. 2 of 5 pairs agree.
    units = [[1, 1, 2], [1, 1, None], [2, 3, None], [4, None, None]]
    assert percent_agreement(units) == 0.4


# --- properties, for every metric -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    metric: Metric
    values: st.SearchStrategy[Hashable]
    order: tuple[str, ...] | None = None


LEVELS = ("low", "mid", "high", "top")  # not alphabetical on purpose
CASES = [
    Case(Metric.NOMINAL, st.sampled_from(["a", "b", "c", 7])),
    Case(Metric.ORDINAL, st.sampled_from(LEVELS), LEVELS),
    Case(Metric.INTERVAL, st.sampled_from([-2, 0, 1, 2.5, 7])),
    Case(Metric.JACCARD, st.frozensets(st.sampled_from("abc"))),
    Case(Metric.MASI, st.frozensets(st.sampled_from("abc"))),
]
PROPERTY = settings(max_examples=150, deadline=None)


def run(case: Case, units: list[list[Hashable | None]]) -> float | None:
    return alpha(units, case.metric, order=case.order)


@st.composite
def codings(draw: st.DrawFn, values: st.SearchStrategy[Hashable]) -> list[list[Hashable | None]]:
    coders = draw(st.integers(2, 4))
    unit = st.lists(st.none() | values, min_size=coders, max_size=coders)
    return draw(st.lists(unit, max_size=10))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.metric.value)
@PROPERTY
@given(data=st.data())
def test_identical_codings_give_one_when_defined(case: Case, data: st.DataObject) -> None:
    coders = data.draw(st.integers(2, 4))
    units = [
        [value if present else None for present in data.draw(st.lists(st.booleans(), min_size=coders, max_size=coders))]
        for value in data.draw(st.lists(case.values, max_size=10))
    ]
    used = {value for unit in units if sum(v is not None for v in unit) >= 2 for value in unit if value is not None}
    assert run(case, units) == (1.0 if len(used) >= 2 else None)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.metric.value)
@PROPERTY
@given(data=st.data())
def test_the_order_of_coders_does_not_matter(case: Case, data: st.DataObject) -> None:
    units = data.draw(codings(case.values))
    coders = len(units[0]) if units else 2
    permutation = data.draw(st.permutations(range(coders)))
    assert run(case, [[unit[i] for i in permutation] for unit in units]) == run(case, units)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.metric.value)
@PROPERTY
@given(data=st.data())
def test_the_order_of_units_does_not_matter(case: Case, data: st.DataObject) -> None:
    units = data.draw(codings(case.values))
    assert run(case, data.draw(st.permutations(units))) == run(case, units)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.metric.value)
@PROPERTY
@given(data=st.data())
def test_a_unit_with_a_single_value_changes_nothing(case: Case, data: st.DataObject) -> None:
    units = data.draw(codings(case.values))
    coders = len(units[0]) if units else 2
    lone: list[Hashable | None] = [None] * coders
    lone[data.draw(st.integers(0, coders - 1))] = data.draw(case.values)
    position = data.draw(st.integers(0, len(units)))
    assert run(case, [*units[:position], lone, *units[position:]]) == run(case, units)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.metric.value)
@PROPERTY
@given(data=st.data())
def test_alpha_is_at_most_one(case: Case, data: st.DataObject) -> None:
    result = run(case, data.draw(codings(case.values)))
    assert result is None or result <= 1.0


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), min_size=1, max_size=15))
def test_two_coders_nominal_matches_krippendorffs_pair_count_formula(units: list[tuple[str, str]]) -> None:
    # Krippendorff (2011), section A, for 2 coders without missing values:
    # alpha = ((n − 1) Σ_c o_cc − Σ_c n_c (n_c − 1)) / (n (n − 1) − Σ_c n_c (n_c − 1)), o_cc = 2 · #units (c, c).
    n = 2 * len(units)
    agreeing = 2 * sum(a == b for a, b in units)
    chance = sum(count * (count - 1) for count in Counter(v for unit in units for v in unit).values())
    denominator = n * (n - 1) - chance
    expected = None if denominator == 0 else float(Fraction((n - 1) * agreeing - chance, denominator))
    assert alpha(units, Metric.NOMINAL) == expected


# --- the set distances ------------------------------------------------------------------------------------------

SETS = st.frozensets(st.integers(0, 5))
DISTANCES = [jaccard_distance, masi_distance]


@pytest.mark.parametrize("distance", DISTANCES)
@PROPERTY
@given(a=SETS, b=SETS)
def test_set_distances_are_symmetric_bounded_and_zero_only_on_equal_sets(
    distance: Callable[[frozenset[Hashable], frozenset[Hashable]], Fraction], a: frozenset[int], b: frozenset[int]
) -> None:
    assert distance(a, b) == distance(b, a)
    assert 0 <= distance(a, b) <= 1
    assert (distance(a, b) == 0) == (a == b)
    if a and b and not a & b:
        assert distance(a, b) == 1


@PROPERTY
@given(a=SETS, b=SETS)
def test_masi_is_never_closer_than_jaccard(a: frozenset[int], b: frozenset[int]) -> None:
    assert masi_distance(a, b) >= jaccard_distance(a, b)  # M ≤ 1 only ever scales the similarity down


@pytest.mark.parametrize(
    ("a", "b", "jaccard", "masi"),
    [
        ("ab", "a", Fraction(1, 2), Fraction(2, 3)),  # subset: 1 − 1/2 · 2/3
        ("ab", "bc", Fraction(2, 3), Fraction(8, 9)),  # overlap: 1 − 1/3 · 1/3
        ("ab", "cd", Fraction(1), Fraction(1)),  # disjoint
        ("ab", "ab", Fraction(0), Fraction(0)),
        ("", "", Fraction(0), Fraction(0)),  # two empty lists agree
        ("", "a", Fraction(1), Fraction(1)),
    ],
)
def test_set_distances_known_values(a: str, b: str, jaccard: Fraction, masi: Fraction) -> None:
    assert jaccard_distance(frozenset(a), frozenset(b)) == jaccard
    assert masi_distance(frozenset(a), frozenset(b)) == masi
