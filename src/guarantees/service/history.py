"""`history NAME`: the lineage of one arrangement, in order, with what changed on each dimension at each link."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from guarantees.comparison import Cell, Markers, Quote, Row, build_cell, build_comparison, parse_dimensions
from guarantees.data_dirs import DataDirs
from guarantees.dimension import humanise
from guarantees.findings import Report
from guarantees.lineage import (
    DATE_FIELDS,
    VERSION_RELATIONS,
    Edge,
    Lineage,
    LinkNode,
    StatusDate,
    build_lineage,
    describe_lineage,
)
from guarantees.loaded import LoadedModel
from guarantees.model import Assessed, Link
from guarantees.model_file import load_checked_model
from guarantees.name_index import build_name_index, find_files
from guarantees.service.scan import choose_jobs, scan_files
from guarantees.service.selection import with_inputs
from guarantees.sources import Seeds, load_seeds
from guarantees.vocabulary import LinkKind


class Said(NamedTuple):
    """Whose words one link rests on (`journalist: VnExpress`) and the markers of its citations."""

    by: str
    markers: tuple[int, ...]


class Step(NamedTuple):
    """The followed links of one relation from one arrangement to one target (two sources may make the same
    link), shown on the later arrangement: how it relates to the target, who says so, and what differs."""

    relation: LinkKind
    target: str  # id
    target_name: str
    said: tuple[Said, ...]  # each link of this relation to this target: whose words, and its citations
    changes: tuple[Row, ...]  # each dimension that differs: cells (the target's, this arrangement's)
    unchanged: tuple[str, ...]  # the dimensions shown that are the same

    @property
    def is_version(self) -> bool:
        return self.relation in VERSION_RELATIONS


class Entry(NamedTuple):
    """One arrangement of the lineage: its status with dates and citations, and the links it makes."""

    id: str
    name: str
    file: str
    status: Cell
    dates: tuple[StatusDate, ...]
    steps: tuple[Step, ...]


class Beside(NamedTuple):
    """A link to or from the named arrangement that the lineage does not follow (part_of, alternative_to)."""

    relation: LinkKind
    source: str  # id of the arrangement that makes the link
    target: str
    target_name: str
    markers: tuple[int, ...]


class HistoryResult(NamedTuple):
    """The lineage of `named`, or the findings that stopped it; `links` holds what was wrong with the links."""

    report: Report
    named: str = ""
    entries: tuple[Entry, ...] = ()
    beside: tuple[Beside, ...] = ()
    quotes: tuple[Quote, ...] = ()
    links: Report = Report()
    dimensions: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        steps = [step for entry in self.entries for step in entry.steps]
        versions = sum(step.is_version for step in steps)
        return describe_lineage(self.named, len(self.entries), versions, len(steps) - versions)


def link_node(model: LoadedModel) -> tuple[LinkNode, Path]:
    """What the lineage needs of a model (small, so a corpus of 10,000 is never held whole), and its file."""
    arrangement = model.arrangement
    dates: list[StatusDate] = []
    if isinstance(arrangement.status, Assessed):
        for reading in arrangement.status.assessments:
            dates += [StatusDate(f, getattr(reading, f)) for f in DATE_FIELDS if getattr(reading, f)]
    edges = tuple(
        Edge(arrangement.id, i, link.relation, link.target, model.document.locate(("links", i, "target")))
        for i, link in enumerate(arrangement.links)
    )
    return LinkNode(arrangement.id, arrangement.name, model.file, tuple(dates), edges), model.path


def history(name: str, dirs: DataDirs, *, dimensions: str | None = None, jobs: int = 0) -> HistoryResult:
    """Every arrangement reached from `name` over revises, supersedes and modelled_on links, in order."""
    return with_inputs(_history(name, dirs, dimensions=dimensions, jobs=jobs), dirs)


def _history(name: str, dirs: DataDirs, *, dimensions: str | None, jobs: int) -> HistoryResult:
    chosen = parse_dimensions(dimensions)
    index = build_name_index(dirs.models_dir)
    if index.findings:
        return HistoryResult(Report(index.findings))
    (wanted,) = find_files(index, [name])
    seeds, findings = load_seeds(dirs.seeds_dir)
    if seeds is None:
        return HistoryResult(Report(tuple(findings)))
    # Every file, because a link to the named arrangement can stand in any of them.
    files = list(index.files)
    scanned = scan_files(files, seeds, link_node, jobs=choose_jobs(len(files), jobs))
    report = Report((*findings, *scanned.findings))
    if not report.ok:
        return HistoryResult(report)
    nodes = {node.id: node for node, _ in scanned.extracts}
    paths = {node.id: path for node, path in scanned.extracts}
    lineage = build_lineage(next(node.id for node, path in scanned.extracts if path == wanted), nodes)
    models: dict[str, LoadedModel] = {}
    for member in dict.fromkeys([*lineage.order, *(e.source for e in lineage.beside)]):
        model, more = load_checked_model(paths[member], seeds)
        if model is None or more:  # the file changed since it was scanned
            return HistoryResult(Report(tuple(more)))
        models[member] = model
    return build_history(lineage, models, nodes, seeds, chosen)


def build_history(
    lineage: Lineage, models: dict[str, LoadedModel], nodes: dict[str, LinkNode], seeds: Seeds, chosen: tuple[str, ...]
) -> HistoryResult:
    """The entries in the lineage's order, every cited span numbered once in the order a reader meets it."""
    markers = Markers(seeds)
    entries = []
    for member in lineage.order:
        model = models[member]
        status = build_cell(model, "status", ("status",), markers)
        groups: dict[tuple[LinkKind, str], list[Edge]] = {}
        for edge in lineage.edges:
            if edge.source == member and edge.target != member:
                groups.setdefault((edge.relation, edge.target), []).append(edge)
        steps = tuple(
            _step(model, models[target], edges, markers, seeds, chosen) for (_, target), edges in groups.items()
        )
        entries.append(Entry(member, model.arrangement.name, model.file, status, nodes[member].dates, steps))
    beside = tuple(
        Beside(e.relation, e.source, e.target, nodes[e.target].name, _link_markers(models[e.source], e.index, markers))
        for e in lineage.beside
    )
    links = Report(lineage.findings, tuple(models[m].file for m in lineage.order))
    return HistoryResult(Report(), lineage.named, tuple(entries), beside, tuple(markers.quotes), links, chosen)


def _link_markers(model: LoadedModel, index: int, markers: Markers) -> tuple[int, ...]:
    return markers.mark(model, ("links", index), model.arrangement.links[index].cite)


def _step(
    model: LoadedModel,
    target: LoadedModel,
    edges: list[Edge],
    markers: Markers,
    seeds: Seeds,
    chosen: tuple[str, ...],
) -> Step:
    """The links' citations first, then each differing dimension (the target's cell, then this one's)."""
    said = []
    for edge in edges:
        link: Link = model.arrangement.links[edge.index]
        by = f"{humanise(link.provenance)}: {link.by}" if link.by else humanise(link.provenance)
        said.append(Said(by, _link_markers(model, edge.index, markers)))
    differing = build_comparison([target, model], seeds, dimensions=chosen, only_diff=True, markers=markers).rows
    shown = {row.dimension for row in differing}
    same = tuple(d for d in chosen if d not in shown)
    return Step(edges[0].relation, target.arrangement.id, target.arrangement.name, tuple(said), differing, same)
