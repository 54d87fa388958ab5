"""Semantic checks over typed models, each yielding findings: identity, citations, ranges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel

from guarantees.assessments import Troops
from guarantees.fields import Citation
from guarantees.findings import Finding, Location
from guarantees.loaded import DataPath, LoadedModel
from guarantees.sources import Problem, Seeds, Span, resolve

# Characters of unfound quotes per file that get a closest-passage search: the search costs about
# 0.1 s per 1,000 characters against the longest source, so this bounds a hostile file's cost.
CLOSEST_SEARCH_CHARS = 2_000


def iter_citations(node: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, Citation]]:
    """Every citation in a model with its data path, in file order."""
    if isinstance(node, Citation):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name in node.model_fields_set:
                yield from iter_citations(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from iter_citations(item, (*path, index))


def iter_nodes(node: Any, kind: type, path: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """Every instance of `kind` in a model with its data path."""
    if isinstance(node, kind):
        yield path, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from iter_nodes(getattr(node, name), kind, (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from iter_nodes(item, kind, (*path, index))


def iter_citation_paths(data: Any, path: DataPath = ()) -> Iterator[DataPath]:
    """The data path of every citation in a model file's plain data, in file order.

    Walks the YAML data (only mappings and lists) rather than the typed model: validate calls
    this for every file, and the generic model walk above costs several times as much.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "cite" and isinstance(value, list):
                yield from ((*path, key, index) for index in range(len(value)))
            elif isinstance(value, (dict, list)):
                yield from iter_citation_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, (dict, list)):
                yield from iter_citation_paths(value, (*path, index))


def follow(node: Any, path: DataPath) -> Any:
    """The value at a data path of a typed model: attributes for names, items for indexes."""
    for part in path:
        node = node[part] if isinstance(part, int) else getattr(node, part)
    return node


def resolve_citations(model: LoadedModel, seeds: Seeds) -> tuple[dict[DataPath, Span], list[Finding]]:
    """Every citation of a model resolved to one span, by data path; and a finding for each that cannot be."""
    spans: dict[DataPath, Span] = {}
    findings: list[Finding] = []
    searched = 0
    for path in iter_citation_paths(model.document.data):
        citation: Citation = follow(model.arrangement, path)
        if citation.start is not None and citation.end is not None and citation.start >= citation.end:
            findings.append(
                Finding(
                    "invalid-range",
                    f"expected start < end, found [{citation.start}, {citation.end})",
                    model.document.locate((*path, "start")),
                )
            )
        result = resolve(citation, seeds, closest=searched < CLOSEST_SEARCH_CHARS)
        if isinstance(result, Span):
            spans[path] = result
        elif isinstance(result, Problem):
            searched += len(citation.quote) if result.code == "quote-not-found" else 0
            field = "source" if result.code == "unknown-source" else "quote"
            where = "start" if result.code == "span-mismatch" and citation.start is not None else field
            findings.append(
                Finding(result.code, result.message, model.document.locate((*path, where)), hint=result.hint)
            )
    return spans, findings


def check_ranges(model: LoadedModel) -> Iterator[Finding]:
    """A force size whose minimum is above its maximum."""
    troops = model.arrangement.dimensions.troops
    for index, reading in enumerate(getattr(troops, "assessments", [])):
        assert isinstance(reading, Troops)
        if reading.size_min is not None and reading.size_max is not None and reading.size_min > reading.size_max:
            yield Finding(
                "invalid-range",
                f"expected size_min ≤ size_max, found {reading.size_min:,} > {reading.size_max:,}",
                model.document.locate(("dimensions", "troops", "assessments", index, "size_min")),
            )


class Identity(NamedTuple):
    """What the cross-file checks need of a model: small enough to keep for 10,000 files."""

    stem: str
    file: str
    id: str
    names: tuple[tuple[DataPath, str, Location], ...]  # the id, then each alias, with where it stands


def identity_of(model: LoadedModel) -> Identity:
    arrangement = model.arrangement
    names = [(("id",), arrangement.id)] + [(("aliases", i), a) for i, a in enumerate(arrangement.aliases)]
    located = tuple((path, name, model.document.locate(path)) for path, name in names)
    return Identity(stem=model.path.stem, file=model.file, id=arrangement.id, names=located)


def check_identity(identities: list[Identity]) -> Iterator[Finding]:
    """Ids equal file stems and are unique; aliases are unique across ids and aliases of all models."""
    owner: dict[str, tuple[str, Identity]] = {}
    for identity in identities:
        if identity.id != identity.stem:
            yield Finding(
                "id-mismatch",
                f"expected id `{identity.stem}` (the file name), found `{identity.id}`",
                identity.names[0][2],
                hint=f"rename the file to {identity.id}.yaml or change the id",
            )
        for path, name, location in identity.names:
            if name in owner and not (owner[name][1] is identity and path == ("id",)):
                what, other = owner[name]
                code = "duplicate-id" if path == ("id",) and what == "id" else "alias-collision"
                yield Finding(
                    code,
                    f"expected `{name}` to name one arrangement, found it already as the {what} of "
                    f"`{other.id}` ({other.file})",
                    location,
                )
            else:
                owner.setdefault(name, ("id" if path == ("id",) else "alias", identity))
