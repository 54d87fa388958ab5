"""A cell in plain words (render/phrases.py) and quotes with balanced marks (render/quoting.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guarantees.comparison import Cell, Reading
from guarantees.render.phrases import describe_provenance, phrase_cell, plain_name
from guarantees.render.quoting import human_date, quoted


def reading(label: str, provenance: str = "journalist", by: str | None = None, markers=(1,)) -> Reading:
    return Reading(label, (), None, provenance, by, None, tuple(markers))


def test_a_remark_by_an_official_is_not_a_treaty_term() -> None:
    remark = reading("x", "official statement", "Donald Trump (US President)")
    assert describe_provenance(remark, "treaty_clause") == "remark by Donald Trump, US President, not a treaty term"
    assert describe_provenance(remark, "memorandum").endswith("not a term of the memorandum")
    assert describe_provenance(reading("x", "arrangement text", "NATO"), "treaty_clause") is None
    assert describe_provenance(reading("x", "analyst"), "treaty_clause") == "an analyst's reading"


def test_contested_readings_name_who_holds_each() -> None:
    cell = Cell(
        "binding_force",
        readings=(
            reading("legally binding", "journalist", "VnExpress", (1,)),
            reading("political declaration", "analyst", "Claudia Major", (2,)),
        ),
    )
    phrase = phrase_cell(cell, "security_guarantee")
    assert phrase.lead == "contested"
    assert [(p.text, p.caveat, p.markers) for p in phrase.pieces] == [
        ("legally binding", "as reported by VnExpress", (1,)),
        ("political declaration", "reading by Claudia Major", (2,)),
    ]


def test_agreeing_readings_are_said_once_with_every_marker_and_the_closest_source() -> None:
    cell = Cell(
        "automaticity",
        readings=(
            reading("at discretion", "analyst", "A", (3,)),
            reading("at discretion", "arrangement text", "NATO", (1, 3)),
        ),
    )
    phrase = phrase_cell(cell, "treaty_clause")
    assert phrase.lead is None
    assert [(p.text, p.caveat, p.markers) for p in phrase.pieces] == [("at discretion", None, (3, 1))]


def test_an_open_cell_is_not_stated_and_keeps_its_markers() -> None:
    phrase = phrase_cell(Cell("troops", unspecified="No source says.", markers=(4,)), "treaty_clause")
    assert (phrase.lead, phrase.pieces, phrase.markers) == ("not stated", (), (4,))


def test_response_is_worded_as_a_duty() -> None:
    cell = Cell("response", readings=(reading("shall act: armed force, intelligence"),))
    assert phrase_cell(cell, "x").pieces[0].text == "must act with armed force and intelligence"


def test_plain_name_drops_one_level_of_brackets() -> None:
    assert plain_name("Euromaidan Press (opinion)") == "Euromaidan Press, opinion"
    assert plain_name("NATO") == "NATO"


def test_quotes_that_open_or_close_on_a_mark_stay_balanced() -> None:
    assert (
        quoted("\"If they don't pay, I'm not going to defend them.")
        == "“If they don't pay, I'm not going to defend them.”"
    )
    assert quoted('he said: "If they don\'t pay."') == "“he said: ‘If they don't pay.’”"
    assert quoted('"the whole span"') == "“the whole span”"
    assert quoted('ends on a mark"') == "“ends on a mark”"


@given(st.text(alphabet=st.sampled_from(list('ab "“”.,:')), min_size=1, max_size=40).filter(lambda s: s.strip()))
def test_a_quote_has_exactly_one_pair_of_double_marks(text: str) -> None:
    shown = quoted(text)
    assert shown.startswith("“") and shown.endswith("”")
    assert shown.count("“") == 1 and shown.count("”") == 1 and '"' not in shown


def test_partial_dates_read_as_dates() -> None:
    assert [human_date(d) for d in ("1994", "2025-03", "2025-12-05", None)] == [
        "1994",
        "March 2025",
        "5 December 2025",
        "undated",
    ]
