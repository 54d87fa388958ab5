"""Krippendorff's alpha and percent agreement: how far independent codings of the same units agree."""

# Pure standard library on purpose: numpy alone would add ~0.1 s to every start of the CLI.
# Sums are kept exact with Fraction (a few hundred values at most), so the result does not depend on the
# order of units or coders, and a float is made only at the end.

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from enum import StrEnum
from fractions import Fraction
from itertools import combinations
from numbers import Real

# A unit holds one value per coder; None marks a coder who did not code that unit.
Unit = Iterable[Hashable | None]
Difference = Callable[[Hashable, Hashable], Fraction]


class Metric(StrEnum):
    """The difference function δ² between two values, chosen by the level of measurement of a field."""

    NOMINAL = "nominal"  # unordered categories: 0 if equal, else 1
    ORDINAL = "ordinal"  # ranked categories, ranks from the caller's `order`; distances follow the marginal frequencies
    INTERVAL = "interval"  # numbers: (c - k)²
    # Set-valued (list) fields, each value a frozenset. Use MASI for lists: it is the usual choice for set-valued
    # annotation in computational linguistics (Passonneau 2006), and unlike Jaccard it tells a subset (a coder who
    # listed fewer of the same items) from a mere overlap, and counts the subset as closer.
    MASI = "masi"
    JACCARD = "jaccard"


# Both distances are built as a single Fraction: with many distinct sets, Fraction arithmetic is most of the run time.
def jaccard_distance(a: frozenset[Hashable], b: frozenset[Hashable]) -> Fraction:
    """1 - |A ∩ B| / |A ∪ B|; two empty sets are at distance 0."""
    union = len(a | b)
    return Fraction(0) if union == 0 else Fraction(union - len(a & b), union)


def masi_distance(a: frozenset[Hashable], b: frozenset[Hashable]) -> Fraction:
    """Passonneau's MASI: 1 - Jaccard similarity × M, M = 1, 2/3, 1/3, 0 for equal, subset, overlap, disjoint sets."""
    if a == b:
        return Fraction(0)
    common, union = len(a & b), len(a | b)
    thirds = 2 if a <= b or b <= a else 1 if common else 0  # M = thirds / 3
    return Fraction(3 * union - common * thirds, 3 * union)


def alpha(units: Iterable[Unit], metric: Metric, *, order: Sequence[Hashable] | None = None) -> float | None:
    """Krippendorff's alpha of `units` under `metric`: 1 is perfect agreement, 0 is chance, below 0 is worse.

    Units with fewer than 2 values are ignored, as Krippendorff prescribes. `order` lists the ordinal categories
    weakest first and is required for, and only accepted with, Metric.ORDINAL; every value must be in it.
    Values are told apart by ==, so 1, 1.0 and True are one value.

    None means alpha is undefined: no unit has 2 values, or only one value was ever used (no expected
    disagreement). The caller should show it as "undefined" (not 0, not 1) with the reason, which
    percent_agreement tells apart: it is None in the first case and 1.0 in the second.
    """
    if (metric is Metric.ORDINAL) != (order is not None):
        raise ValueError("an order is required for the ordinal metric, and only for it")
    pairable = _pairable(units)
    coincidences = _coincidences(pairable)
    # Each marginal n_c = Σ_k o_ck is simply the number of pairable values equal to c.
    marginals = Counter(value for values in pairable for value in values)
    n = sum(marginals.values())
    delta = _difference(metric, marginals, order)
    # δ² is symmetric and 0 on the diagonal for every metric, so the expected sum runs over unordered pairs, twice.
    # It has a term per pair of distinct values, so its integer weights are summed per denominator of δ²: one
    # Fraction addition (and gcd) per term would dominate the run time when there are many distinct values.
    weights: defaultdict[int, int] = defaultdict(int)
    for c, k in combinations(marginals, 2):
        difference = delta(c, k)
        weights[difference.denominator] += marginals[c] * marginals[k] * difference.numerator
    expected = 2 * sum((Fraction(numerator, denominator) for denominator, numerator in weights.items()), Fraction(0))
    if expected == 0:  # also when there is no pairable value at all
        return None
    observed = sum(o * delta(c, k) for (c, k), o in coincidences.items() if c != k)
    return float(1 - (n - 1) * observed / expected)


def percent_agreement(units: Iterable[Unit]) -> float | None:
    """The share of agreeing (equal) pairs among all pairs of values from different coders within a unit.

    Pairwise over units with at least 2 values, so a unit coded by more coders weighs more (it has more pairs).
    No correction for chance: shown beside alpha, it says whether a low alpha comes from disagreement or from
    little variation. None when no unit has 2 values.
    """
    pairs = agreeing = 0
    for values in _pairable(units):
        pairs += len(values) * (len(values) - 1) // 2
        agreeing += sum(count * (count - 1) // 2 for count in Counter(values).values())
    return None if pairs == 0 else agreeing / pairs


def _pairable(units: Iterable[Unit]) -> list[list[Hashable]]:
    """The present values of each unit that has at least 2 of them: only those can be paired."""
    present = ([value for value in unit if value is not None] for unit in units)
    return [values for values in present if len(values) >= 2]


def _coincidences(pairable: list[list[Hashable]]) -> dict[tuple[Hashable, Hashable], Fraction]:
    """The coincidence matrix o_ck: each unit of m values adds 1/(m - 1) per ordered pair from different coders."""
    matrix: defaultdict[tuple[Hashable, Hashable], Fraction] = defaultdict(Fraction)
    for values in pairable:
        weight = Fraction(1, len(values) - 1)  # so that each value contributes exactly 1 in all
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1 if c == k else n_k)  # a value is never paired with itself
                if pairs:
                    matrix[c, k] += pairs * weight
    return matrix


def _difference(metric: Metric, marginals: Counter[Hashable], order: Sequence[Hashable] | None) -> Difference:
    """The function δ²(c, k) for `metric`; the ordinal one depends on the data's marginal frequencies."""
    if metric is Metric.NOMINAL:
        return lambda c, k: Fraction(c != k)
    if metric is Metric.INTERVAL:
        number = {value: _number(value) for value in marginals}
        return lambda c, k: (number[c] - number[k]) ** 2
    if metric is Metric.JACCARD or metric is Metric.MASI:
        distance = masi_distance if metric is Metric.MASI else jaccard_distance
        sets = {value: _set(value) for value in marginals}
        # The set distance itself serves as δ², as in Passonneau (2006) and NLTK's AnnotationTask.
        return lambda c, k: distance(sets[c], sets[k])
    assert order is not None  # checked by alpha
    rank = {category: position for position, category in enumerate(order)}
    if len(rank) != len(order):
        raise ValueError("the ordinal order lists a category twice")
    unknown = [value for value in marginals if value not in rank]
    if unknown:
        raise ValueError(f"values not in the ordinal order: {unknown!r}")
    # Categories that never occur keep their rank with n_g = 0. below[i] = Σ_{g < i} n_g.
    below = [0]
    for category in order:
        below.append(below[-1] + marginals.get(category, 0))

    def ordinal(c: Hashable, k: Hashable) -> Fraction:
        low, high = sorted((rank[c], rank[k]))
        between = below[high + 1] - below[low]  # Σ_{g=c}^{k} n_g, both ends included
        return Fraction((2 * between - marginals[c] - marginals[k]) ** 2, 4)  # (between - (n_c + n_k) / 2)²

    return ordinal


def _number(value: Hashable) -> Fraction:
    # Fraction would also parse strings such as "3"; a string in interval data is a coding error, not a number.
    if not isinstance(value, Real):
        raise TypeError(f"the interval metric needs numbers, got {value!r}")
    return Fraction(value)  # exact for int, bool, float and Fraction alike


def _set(value: Hashable) -> frozenset[Hashable]:
    if not isinstance(value, frozenset):
        raise TypeError(f"the set metrics need frozensets, got {value!r}")
    return value
