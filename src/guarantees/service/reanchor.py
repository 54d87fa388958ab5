"""`reanchor`: move every citation into a source to a new version of its text, with the diff it takes.

Each model file is edited textually (only the values of its quotes, selectors and offsets change, so its
comments and layout stay), then read back and checked against the new text before anything is written;
the manifest gets the new SHA-256 and the seed file the new bytes, all in one atomic change.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import NamedTuple

from guarantees.anchor import Anchoring, How, anchor
from guarantees.checks import follow, iter_citation_paths
from guarantees.data_dirs import DataDirs, display_path
from guarantees.fields import Citation
from guarantees.findings import Finding, GuaranteesError, Report, UsageError
from guarantees.loaded import DataPath, LoadedModel
from guarantees.loader import parse_document
from guarantees.model_dir import list_model_dir
from guarantees.model_file import check_model, load_checked_model, load_model
from guarantees.new_source import NewSource, read_new_source
from guarantees.service.selection import with_inputs
from guarantees.sources import Seeds, load_seeds
from guarantees.yaml_edit import apply_edits, scalar_extents, set_values, yaml_string


class Moved(NamedTuple):
    """One citation into the source: where it stands and how it was placed in the new text."""

    file: str
    location: str  # file:line:column of its quote
    quote: str
    anchoring: Anchoring


class ReanchorResult(NamedTuple):
    source: str
    citations: tuple[Moved, ...] = ()
    diff: str = ""  # unified diff of the model files and the manifest
    replaced: str = ""  # the seed file that gets the new bytes
    written: bool = False
    report: Report = Report()

    @property
    def orphans(self) -> list[Moved]:
        return [m for m in self.citations if m.anchoring.how is How.orphan]


def _edit_values(old: Citation, new: Citation) -> dict[str, str]:
    values = {}
    for key in ("quote", "prefix", "suffix"):
        value = getattr(new, key)
        if value is not None and value != getattr(old, key):
            values[key] = yaml_string(value)
    for key in ("start", "end"):
        if getattr(new, key) is not None and getattr(new, key) != getattr(old, key):
            values[key] = str(getattr(new, key))
    return values


def _edit_model(model: LoadedModel, placed: dict[DataPath, Citation]) -> str:
    text = model.document.text
    extents = scalar_extents(text)
    edits = []
    for path, new in placed.items():
        values = _edit_values(follow(model.arrangement, path), new)
        if values:
            edits += set_values(text, path, values, extents)
    return apply_edits(text, edits)


def _recheck(model: LoadedModel, text: str, seeds: Seeds, placed: set[DataPath]) -> None:
    """The edited file must read, type-check and resolve every placed citation: else the edit is a bug."""
    document, finding = parse_document(text, model.file)
    problems = [finding] if finding else []
    if document is not None:
        reread = LoadedModel(model.path, model.file, document, model.arrangement.model_validate(document.data))
        _, findings = check_model(reread, seeds)
        problems = [f for f in findings if f.location.path[:-1] in placed]
    if problems:
        raise GuaranteesError(f"reanchor would write an invalid {model.file}: {problems[0].render()}")


def _diff(name: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _load_models(dirs: DataDirs, seeds: Seeds) -> tuple[list[LoadedModel], list[Finding]]:
    models, blocking = [], []
    for path in list_model_dir(dirs.models_dir).files:
        model, findings = load_model(path)
        if model is None:
            blocking += findings
            continue
        checked, _ = load_checked_model(path, seeds)
        models.append(checked or model)
    return models, blocking


def _new_seeds(seeds: Seeds, source_id: str, text: str) -> Seeds:
    return Seeds(seeds.directory, seeds.document, seeds.entries, _texts={source_id: text})


def _manifest_text(seeds: Seeds, source_id: str, sha256: str) -> str:
    text = seeds.document.text
    index = list(seeds.entries).index(source_id)
    values = {"sha256": sha256}
    return apply_edits(text, set_values(text, ("sources", index), values, scalar_extents(text)))


def _prepare(source_id: str, new_file: Path, dirs: DataDirs) -> tuple[Seeds, str, NewSource] | Report:
    seeds, findings = load_seeds(dirs.seeds_dir)
    if seeds is None or [f for f in findings if f.code != "source-unlisted"]:
        return Report(tuple(findings))
    if source_id not in seeds.entries:
        raise UsageError(f"unknown source `{source_id}`; known: {', '.join(list(seeds.entries)[:10])}")
    old_text = seeds.text(source_id)
    if old_text is None:
        return Report(tuple(seeds.problems.values()))
    new = read_new_source(new_file)
    return (seeds, old_text, new) if isinstance(new, NewSource) else Report((new,))


def reanchor(source_id: str, new_file: Path, dirs: DataDirs, *, write: bool, allow_orphans: bool) -> ReanchorResult:
    """Place every citation into `source_id` in the text of `new_file`; write only with `write` and no orphans
    (or `allow_orphans`)."""
    return with_inputs(_reanchor(source_id, new_file, dirs, write=write, allow_orphans=allow_orphans), dirs)


def _reanchor(source_id: str, new_file: Path, dirs: DataDirs, *, write: bool, allow_orphans: bool) -> ReanchorResult:
    prepared = _prepare(source_id, new_file, dirs)
    if isinstance(prepared, Report):
        return ReanchorResult(source_id, report=prepared)
    seeds, old_text, new = prepared
    models, blocking = _load_models(dirs, seeds)
    if blocking:
        return ReanchorResult(source_id, report=Report(tuple(blocking)))
    new_seeds = _new_seeds(seeds, source_id, new.text)
    moved, files, diffs = [], {}, []
    for model in models:
        placed: dict[DataPath, Citation] = {}
        for path in iter_citation_paths(model.document.data):
            citation: Citation = follow(model.arrangement, path)
            if citation.source != source_id:
                continue
            anchoring = anchor(citation, model.spans.get(path), old_text, new_seeds)
            where = model.document.locate((*path, "quote")).render()
            moved.append(Moved(model.file, where, citation.quote, anchoring))
            if anchoring.citation is not None:
                placed[path] = anchoring.citation
        edited = _edit_model(model, placed)
        if edited != model.document.text:
            _recheck(model, edited, new_seeds, set(placed))
            files[model.path] = edited.encode("utf-8")
            diffs.append(_diff(model.file, model.document.text, edited))
    manifest = seeds.directory / "sources.yaml"
    manifest_text = _manifest_text(seeds, source_id, new.sha256)
    if manifest_text != seeds.document.text:
        files[manifest] = manifest_text.encode("utf-8")
        diffs.append(_diff(seeds.manifest_file, seeds.document.text, manifest_text))
    seed_file = seeds.directory / seeds.entries[source_id].file
    result = ReanchorResult(source_id, tuple(moved), "".join(diffs), display_path(seed_file))
    if not write or (result.orphans and not allow_orphans) or new.text == old_text and not files:
        return result
    from guarantees.transaction import write_all_atomic

    write_all_atomic({**files, seed_file: new.raw})
    return ReanchorResult(source_id, result.citations, result.diff, result.replaced, written=True)
