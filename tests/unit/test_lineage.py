"""The lineage graph on hand-built nodes: which links are followed, the order, cycles and dangling targets."""

from __future__ import annotations

from guarantees.findings import Location
from guarantees.lineage import (
    Edge,
    LinkNode,
    StatusDate,
    build_lineage,
    describe_change,
    describe_dated,
    describe_lineage,
    describe_link,
)
from guarantees.vocabulary import LinkKind


def node(id: str, *links: tuple[str, str], date: str | None = None) -> LinkNode:
    """A node whose links are (relation, target), each located on its own line of `<id>.yaml`."""
    edges = tuple(
        Edge(id, i, LinkKind(relation), target, Location(f"{id}.yaml", 10 + i, 13, ("links", i, "target")))
        for i, (relation, target) in enumerate(links)
    )
    dates = (StatusDate("proposed", date),) if date else ()
    return LinkNode(id, id.title(), f"{id}.yaml", dates, edges)


def graph(*nodes: LinkNode) -> dict[str, LinkNode]:
    return {n.id: n for n in nodes}


CHAIN = graph(
    node("v1", date="2024-03"),
    node("v2", ("revises", "v1"), date="2024-09-12"),
    node("v3", ("supersedes", "v2"), date="2025"),
    node("design", ("modelled_on", "v2"), date="2024-06"),
    node("part", ("part_of", "v3"), date="2020"),
    node("rival", ("alternative_to", "v1")),
)


def test_the_same_lineage_is_reached_from_the_oldest_the_newest_and_a_branch() -> None:
    for start in ("v1", "v2", "v3", "design"):
        lineage = build_lineage(start, CHAIN)
        # design (2024-06) is dated before v2 (2024-09-12) but is modelled on it, so it comes after it
        assert lineage.order == ("v1", "v2", "design", "v3"), start
        assert lineage.findings == ()


def test_part_of_and_alternative_to_are_listed_beside_the_named_arrangement_not_followed() -> None:
    assert [(e.source, e.relation, e.target) for e in build_lineage("v3", CHAIN).beside] == [
        ("part", LinkKind.PART_OF, "v3")
    ]
    assert [e.source for e in build_lineage("v1", CHAIN).beside] == ["rival"]
    assert build_lineage("part", CHAIN).order == ("part",)  # part_of does not pull v3's lineage in


def test_dates_order_what_links_leave_open_and_undated_comes_last() -> None:
    nodes = graph(
        node("origin", date="2000"),
        node("late", ("modelled_on", "origin"), date="2025-12"),
        node("early", ("modelled_on", "origin"), date="2025-08-16"),
        node("undated", ("modelled_on", "origin")),
        node("year", ("modelled_on", "origin"), date="2025"),  # a year sorts at its start: before August
    )
    assert build_lineage("late", nodes).order == ("origin", "year", "early", "late", "undated")


def test_a_link_to_no_model_is_a_located_finding_with_the_closest_id() -> None:
    nodes = graph(node("v1"), node("v2", ("revises", "v1"), ("supersedes", "v0")), node("v0x"))
    lineage = build_lineage("v1", nodes)
    assert lineage.order == ("v1", "v2")
    (finding,) = lineage.findings
    assert (finding.code, finding.location.render(), finding.hint) == (
        "unknown-link-target",
        "v2.yaml:11:13",
        "did you mean `v0x`?",
    )
    assert "found `v0`" in finding.message


def test_a_cycle_is_one_finding_at_the_link_that_closes_it_and_every_member_is_still_shown() -> None:
    nodes = graph(node("a", ("revises", "b"), date="2025-01-02"), node("b", ("revises", "a"), date="2025-01-01"))
    lineage = build_lineage("a", nodes)
    assert lineage.order == ("b", "a")  # in a cycle, by date
    (finding,) = lineage.findings
    assert finding.code == "link-cycle"
    assert finding.location.file == "a.yaml" and "b → a → b" in finding.message


def test_a_link_to_itself_is_a_cycle() -> None:
    (finding,) = build_lineage("a", graph(node("a", ("supersedes", "a")))).findings
    assert finding.code == "link-cycle" and "a → a" in finding.message


def test_a_chain_of_ten_thousand_versions_needs_no_recursion() -> None:
    nodes = graph(node("v0"), *(node(f"v{i}", ("revises", f"v{i - 1}")) for i in range(1, 10_000)))
    lineage = build_lineage("v5000", nodes)
    assert lineage.order[:3] == ("v0", "v1", "v2") and len(lineage.order) == 10_000
    assert lineage.findings == ()


def test_the_words_never_call_a_design_a_later_version() -> None:
    assert describe_link(LinkKind.MODELLED_ON, "x") == "Modelled on x: designed after it, not a later version of it"
    assert describe_link(LinkKind.REVISES, "x") == "A later version of x"
    assert describe_link(LinkKind.SUPERSEDES, "x") == "Replaces x"
    assert describe_change(LinkKind.MODELLED_ON, "x", 2, 18) == "Differs from x on 2 of 18 dimensions:"
    assert describe_change(LinkKind.REVISES, "x", 1, 1) == "Changed from x on 1 of 1 dimension:"
    assert describe_change(LinkKind.REVISES, "x", 0, 3) == "The same as x on the 3 dimensions shown."
    assert describe_lineage("x", 4, 0, 3).endswith(
        "no revises or supersedes link, so none is a later version of another."
    )
    assert describe_lineage("x", 1, 0, 0).startswith("x has no revises, supersedes or modelled_on link")


def test_dates_say_their_precision() -> None:
    dates = (StatusDate("announced", "2025-12"), StatusDate("proposed", "2025-08-16"))
    assert describe_dated(dates) == "proposed 2025-08-16"
    assert describe_dated((StatusDate("signed", "1994"),)) == "signed 1994 (to the year)"
    assert describe_dated(dates[:1]) == "announced 2025-12 (to the month)"
    assert describe_dated(()) == "undated"
