"""Semantic checks over typed models, each yielding findings: identity, citations, ranges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from guarantees.findings import Finding
from guarantees.model import Citation, Troops
from guarantees.sources import Problem, Seeds, Span, resolve

if TYPE_CHECKING:
    from guarantees.validator import LoadedModel

DataPath = tuple[str | int, ...]
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


def check_citations(model: LoadedModel, seeds: Seeds) -> Iterator[Finding]:
    """Resolve every citation to one span; record it on the model, or say why it cannot be."""
    searched = 0
    for path, citation in iter_citations(model.arrangement):
        result = resolve(citation, seeds, closest=searched < CLOSEST_SEARCH_CHARS)
        if isinstance(result, Span):
            model.spans[path] = result
        elif isinstance(result, Problem):
            searched += len(citation.quote) if result.code == "quote-not-found" else 0
            field = "source" if result.code == "unknown-source" else "quote"
            where = "start" if result.code == "span-mismatch" and citation.start is not None else field
            location = model.document.locate((*path, where))
            yield Finding(result.code, result.message, location, hint=result.hint)


def check_ranges(model: LoadedModel) -> Iterator[Finding]:
    for path, troops in iter_nodes(model.arrangement, Troops):
        if troops.size_min is not None and troops.size_max is not None and troops.size_min > troops.size_max:
            yield Finding(
                "invalid-range",
                f"expected size_min ≤ size_max, found {troops.size_min:,} > {troops.size_max:,}",
                model.document.locate((*path, "size_min")),
            )
    for path, citation in iter_citations(model.arrangement):
        if citation.start is not None and citation.end is not None and citation.start >= citation.end:
            yield Finding(
                "invalid-range",
                f"expected start < end, found [{citation.start}, {citation.end})",
                model.document.locate((*path, "start")),
            )


def check_identity(models: list[LoadedModel]) -> Iterator[Finding]:
    """Ids equal file stems and are unique; aliases are unique across ids and aliases of all models."""
    owner: dict[str, tuple[str, LoadedModel]] = {}
    for model in models:
        arrangement = model.arrangement
        if arrangement.id != model.path.stem:
            yield Finding(
                "id-mismatch",
                f"expected id `{model.path.stem}` (the file name), found `{arrangement.id}`",
                model.document.locate(("id",)),
                hint=f"rename the file to {arrangement.id}.yaml or change the id",
            )
        names = [(("id",), arrangement.id)] + [(("aliases", i), a) for i, a in enumerate(arrangement.aliases)]
        for path, name in names:
            if name in owner and not (owner[name][1] is model and path == ("id",)):
                what, other = owner[name]
                code = "duplicate-id" if path == ("id",) and what == "id" else "alias-collision"
                yield Finding(
                    code,
                    f"expected `{name}` to name one arrangement, found it already as the {what} of "
                    f"`{other.arrangement.id}` ({other.file})",
                    model.document.locate(path),
                )
            else:
                owner.setdefault(name, ("id" if path == ("id",) else "alias", model))
