"""The --where language: typed fields, order on scales, errors that name what is valid."""

from __future__ import annotations

import pytest
from tests.unit.test_comparison import select as load

from guarantees.findings import UsageError
from guarantees.query import field_names, parse_filter, select


@pytest.fixture(scope="module")
def arrangements():
    return [m.arrangement for m in load("alpha", "beta", "gamma").models]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("binding_force>=legally_binding", ["alpha-pact", "gamma-force"]),
        ("binding_force<legally_binding", ["alpha-pact", "beta-memo"]),  # alpha is contested: either reading counts
        ("binding_force.level=non_binding_assurance", ["beta-memo"]),
        ("troops.presence=in_territory", ["gamma-force"]),
        ("troops=unspecified", ["alpha-pact", "beta-memo"]),
        ("troops!=unspecified", ["gamma-force"]),
        ("monitoring.exists=true", ["gamma-force"]),
        ("monitoring.led_by=us", ["gamma-force"]),
        ("response.means=intelligence", ["gamma-force"]),
        ("kind=memorandum", ["beta-memo"]),
        ("status!=proposed", ["alpha-pact", "beta-memo"]),
        ("Specificity > vague", ["alpha-pact"]),
    ],
)
def test_filters(arrangements, expression: str, expected: list[str]) -> None:
    assert [a.id for a in select(arrangements, [parse_filter(expression)])] == expected


def test_filters_combine_with_and(arrangements) -> None:
    filters = [parse_filter("binding_force>=legally_binding"), parse_filter("troops.presence=in_territory")]
    assert [a.id for a in select(arrangements, filters)] == ["gamma-force"]


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("troop.presence=none", "unknown filter field `troop.presence`; did you mean `troops.presence`?"),
        ("binding_force>=legaly_binding", "expected one of: none < political_declaration"),
        ("trigger.event>armed_attack", "`trigger.event` is not an ordered scale"),
        ("trigger=armed_attack", "`trigger` has no ordered scale"),
        ("binding_force", "expected FIELD OP VALUE"),
        ("monitoring.exists=maybe", "expected one of: true, false"),
    ],
)
def test_errors_name_valid_fields_and_values(expression: str, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_filter(expression)
    assert message in str(raised.value)


def test_field_names_cover_scales_and_vocabularies() -> None:
    names = field_names()
    assert {"kind", "status", "binding_force", "troops.presence", "trigger.event", "monitoring.exists"} <= set(names)
