"""The links between arrangements as a graph: which relations make a lineage, its date order, cycles, dangling targets.

The rule (docs/codebook.md, "Links between arrangements"; docs/tutorial.md, "Lineage"):
- `revises` and `supersedes` join versions of one arrangement: the target is the earlier version.
- `modelled_on` joins an arrangement to the one it was designed after: the target came first, but the
  link does not make it an earlier version, and every view says "modelled on", never "a later version".
- `part_of` and `alternative_to` are not a lineage: they are listed beside it, not followed.
A lineage is every arrangement reached from the named one by following these links in either
direction. No I/O here: the nodes are reduced from loaded models by the service.
"""

from __future__ import annotations

import difflib
import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from guarantees.findings import Finding, Location
from guarantees.vocabulary import LinkKind

VERSION_RELATIONS = frozenset({LinkKind.REVISES, LinkKind.SUPERSEDES})
FOLLOWED_RELATIONS = VERSION_RELATIONS | {LinkKind.MODELLED_ON}
DATE_FIELDS = ("proposed", "announced", "signed", "since")  # the dated fields of a status reading
PRECISIONS = {4: "year", 7: "month", 10: "day"}  # a partial date's precision by its length
# How every view words a link: a design is "modelled on" its original, never "a later version" of it.
RELATION_WORDS = {
    LinkKind.REVISES: "a later version of",
    LinkKind.SUPERSEDES: "replaces",
    LinkKind.MODELLED_ON: "modelled on",
    LinkKind.PART_OF: "part of",
    LinkKind.ALTERNATIVE_TO: "offered in place of",
}
RULE = (
    "Followed: revises and supersedes (versions of one arrangement) and modelled_on (designed after another, "
    "not a version of it), in either direction; part_of and alternative_to are listed, not followed. Each "
    "arrangement comes after what it links to, otherwise in order of its earliest status date; undated last."
)


def describe_link(relation: LinkKind, target: str) -> str:
    """`Modelled on nato-article-5: designed after it, not a later version of it`, `A later version of x-v1`."""
    if relation is LinkKind.MODELLED_ON:
        return f"Modelled on {target}: designed after it, not a later version of it"
    words = RELATION_WORDS[relation]
    return f"{words[0].upper()}{words[1:]} {target}"


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def describe_lineage(named: str, size: int, versions: int, designs: int) -> str:
    """One line on what the lineage holds, saying so when no arrangement in it is a version of another."""
    if size <= 1:
        return f"{named} has no revises, supersedes or modelled_on link to or from another arrangement: no lineage."
    if not versions:
        return (
            f"{counted(size, 'arrangement')}, joined by {counted(designs, 'modelled_on link')}; no revises or "
            "supersedes link, so none is a later version of another."
        )
    joined = f"{counted(size, 'arrangement')}, joined by {counted(versions, 'version link')} (revises, supersedes)"
    return joined + (f" and {counted(designs, 'modelled_on link')}." if designs else ".")


def describe_change(relation: LinkKind, target: str, changed: int, shown: int) -> str:
    """`Changed from x-v1 on 2 of 18 dimensions:` for a version, `Differs from ...` for a design."""
    if not changed:
        return f"The same as {target} on the {counted(shown, 'dimension')} shown."
    verb = "Differs from" if relation is LinkKind.MODELLED_ON else "Changed from"
    return f"{verb} {target} on {changed} of {counted(shown, 'dimension')}:"


class StatusDate(NamedTuple):
    """One date a status reading gives: which event (`proposed` ...) and the date as written."""

    event: str
    date: str  # "1994", "2025-12" or "2025-08-16"

    @property
    def precision(self) -> str:
        return PRECISIONS[len(self.date)]

    @property
    def text(self) -> str:
        """`proposed 2025-08-16`, `announced 2025-12 (to the month)`, `signed 1994 (to the year)`."""
        known = "" if self.precision == "day" else f" (to the {self.precision})"
        return f"{self.event} {self.date}{known}"

    @property
    def key(self) -> tuple[int, int, int]:
        """A date known only to the month or year sorts at its start (`2025` before `2025-08-16`)."""
        parts = [int(p) for p in self.date.split("-")]
        return (parts + [0, 0])[0], (parts + [0, 0])[1], (parts + [0, 0, 0])[2]


def describe_dated(dates: tuple[StatusDate, ...]) -> str:
    """The date an arrangement sorts by, in words (`proposed 2025-08-16`), or `undated`."""
    return min(dates, key=lambda d: d.key).text if dates else "undated"


@dataclass(frozen=True)
class Edge:
    """One link of one model file, where it stands in that file."""

    source: str  # the id of the model that declares the link
    index: int  # its place in the model's `links:` list
    relation: LinkKind
    target: str
    location: Location  # of the link's `target` value

    @property
    def followed(self) -> bool:
        return self.relation in FOLLOWED_RELATIONS


class LinkNode(NamedTuple):
    """What the lineage needs of one model: its id, name, file, status dates and links."""

    id: str
    name: str
    file: str
    dates: tuple[StatusDate, ...]
    edges: tuple[Edge, ...]

    @property
    def sort_key(self) -> tuple[int, tuple[int, int, int], str]:
        """Earliest status date first; undated after every dated arrangement; then by id."""
        dated = [d.key for d in self.dates]
        return (0, min(dated), self.id) if dated else (1, (0, 0, 0), self.id)


class Lineage(NamedTuple):
    """The arrangements reached from the named one, in order, the links between them, and what was wrong."""

    named: str
    order: tuple[str, ...]  # ids: each earlier version and each original before what follows from it, then by date
    edges: tuple[Edge, ...]  # the followed links among them
    beside: tuple[Edge, ...]  # links of the named arrangement, to or from it, that are not followed
    findings: tuple[Finding, ...]


def build_lineage(named: str, nodes: dict[str, LinkNode]) -> Lineage:
    """Follow version and modelled_on links from `named` in both directions; order, check and return them."""
    incoming: dict[str, list[Edge]] = {}
    for node in nodes.values():
        for edge in node.edges:
            incoming.setdefault(edge.target, []).append(edge)
    reached = _reach(named, nodes, incoming)
    edges = tuple(e for i in reached for e in nodes[i].edges if e.followed and e.target in reached)
    beside = tuple(e for e in (*nodes[named].edges, *incoming.get(named, ())) if not e.followed and e.target in nodes)
    findings = [*iter_dangling(reached, nodes), *iter_cycles(reached, nodes)]
    return Lineage(named, order_by_links_and_dates(reached, nodes, edges), edges, beside, tuple(findings))


def _reach(named: str, nodes: dict[str, LinkNode], incoming: dict[str, list[Edge]]) -> set[str]:
    """Every id reached over followed links, forwards or backwards; a visited set makes a cycle harmless."""
    reached, todo = {named}, [named]
    while todo:
        here = todo.pop()
        near = [e.target for e in nodes[here].edges if e.followed] + [
            e.source for e in incoming.get(here, ()) if e.followed
        ]
        for other in near:
            if other in nodes and other not in reached:
                reached.add(other)
                todo.append(other)
    return reached


def order_by_links_and_dates(reached: set[str], nodes: dict[str, LinkNode], edges: tuple[Edge, ...]) -> tuple[str, ...]:
    """Targets before the arrangements that link to them; otherwise (and inside a cycle) by date, then id."""
    waiting = {i: 0 for i in reached}
    after: dict[str, list[str]] = {}
    for edge in edges:
        if edge.source != edge.target:
            waiting[edge.source] += 1
            after.setdefault(edge.target, []).append(edge.source)
    ready = [nodes[i].sort_key for i, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        here = heapq.heappop(ready)[2]
        order.append(here)
        for later in after.get(here, ()):
            waiting[later] -= 1
            if waiting[later] == 0:
                heapq.heappush(ready, nodes[later].sort_key)
    stuck = sorted((nodes[i] for i in reached if i not in order), key=lambda n: n.sort_key)
    return (*order, *(n.id for n in stuck))


def iter_dangling(reached: set[str], nodes: dict[str, LinkNode]) -> Iterator[Finding]:
    """A link whose target no model file holds: located at the target, with the closest id as a hint."""
    for here in sorted(reached):
        for edge in nodes[here].edges:
            if edge.target not in nodes:
                close = difflib.get_close_matches(edge.target, list(nodes), n=1)
                yield Finding(
                    "unknown-link-target",
                    f"expected the id of a model in the models directory, found `{edge.target}`",
                    edge.location,
                    hint=f"did you mean `{close[0]}`?" if close else "add a model with this id, or remove the link",
                )


def iter_cycles(reached: set[str], nodes: dict[str, LinkNode]) -> Iterator[Finding]:
    """Each followed link that closes a cycle (`a revises b`, `b revises a`): no order of versions can hold both.

    Depth-first with an explicit stack, so a chain of thousands of versions cannot exhaust Python's recursion."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(reached, key=lambda i: nodes[i].sort_key):
        if start in state:
            continue
        state[start] = 1
        path, stack = [start], [iter(nodes[start].edges)]
        while stack:
            edge = next(stack[-1], None)
            if edge is None:
                state[path.pop()] = 2
                stack.pop()
            elif edge.followed and edge.target in reached:
                if state.get(edge.target) == 1:
                    yield _cycle(edge, path)
                elif edge.target not in state:
                    state[edge.target] = 1
                    path.append(edge.target)
                    stack.append(iter(nodes[edge.target].edges))


def _cycle(edge: Edge, path: list[str]) -> Finding:
    loop = " → ".join([*path[path.index(edge.target) :], edge.target])
    return Finding(
        "link-cycle",
        f"expected links from a later arrangement to an earlier one, found a cycle: {loop}",
        edge.location,
        hint=f"remove or reverse the `{edge.relation}` link of `{edge.source}`",
    )
