"""`guarantees reanchor` on a shipped seed edited around cited spans, in a copy of the shipped models and seeds."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import MODELS, SEEDS
from guarantees.data_dirs import DataDirs
from guarantees.findings import GuaranteesError
from guarantees.service.reanchor import reanchor

SOURCE = "vnexpress-2025-12-20"
SEED_FILE = "2025-12-20-vnexpress-skepticism-grows.txt"
QUOTE = "Washington announced it would provide the security guarantees Kyiv desires"
PARAGRAPH = "NATO-style security commitments, once seen"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(MODELS, tmp_path / "models")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def _old_text() -> str:
    return (SEEDS / SEED_FILE).read_text(encoding="utf-8")


def _new(project: Path, text: str) -> Path:
    path = project / "new.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()}


def _run(invoke, project: Path, new: Path, *flags: str):
    return invoke("reanchor", SOURCE, new, "--models", project / "models", "--seeds", project / "seeds", *flags)


def _validate(invoke, project: Path):
    return invoke("validate", project / "models", "--seeds", project / "seeds")


def _with_offsets(project: Path) -> tuple[int, int]:
    """Give the first citation of QUOTE explicit offsets, as a curator might; returns them."""
    start = _old_text().index(QUOTE)
    path = project / "models" / "berlin-commitment.yaml"
    line = f'quote: "{QUOTE}"'
    text = path.read_text(encoding="utf-8")
    indent = text[: text.index(line)].rsplit("\n", 1)[1]
    path.write_text(text.replace(line, f"{line}\n{indent}start: {start}\n{indent}end: {start + len(QUOTE)}", 1))
    return start, start + len(QUOTE)


def test_inserted_paragraph_moves_offsets_and_keeps_quotes(invoke, project: Path) -> None:
    start, end = _with_offsets(project)
    assert _validate(invoke, project).exit_code == 0
    inserted = "A paragraph added by the correction, naming NATO and Ukraine.\n\n"
    old = _old_text()
    new = _new(project, old.replace(PARAGRAPH, inserted + PARAGRAPH, 1))
    before = _snapshot(project)
    dry = _run(invoke, project, new)
    assert dry.exit_code == 0, dry
    moved = (
        rf"\n-\s+start: {start}\n-\s+end: {end}\n\+\s+start: {start + len(inserted)}\n\+\s+end: {end + len(inserted)}\n"
    )
    assert re.search(moved, dry.stdout), dry
    assert "+    sha256: " in dry.stdout
    assert "0 orphaned; dry run, nothing written" in dry.stderr
    assert _snapshot(project) == before  # a dry run changes nothing
    wrote = _run(invoke, project, new, "--write")
    assert wrote.exit_code == 0, wrote
    assert (project / "seeds" / SEED_FILE).read_bytes() == new.read_bytes()
    assert hashlib.sha256(new.read_bytes()).hexdigest() in (project / "seeds" / "sources.yaml").read_text()
    assert _validate(invoke, project).exit_code == 0
    model = (project / "models" / "berlin-commitment.yaml").read_text(encoding="utf-8")
    assert f'quote: "{QUOTE}"' in model and "# yaml-language-server" in model  # quote and comments kept


def test_deleted_text_next_to_a_span_is_placed(invoke, project: Path) -> None:
    old = _old_text()
    at = old.index(QUOTE) + len(QUOTE)
    sentence_end = old.index(".", at) + 1
    new = _new(project, old[:at] + old[sentence_end:])  # the rest of the sentence after the quote goes
    result = _run(invoke, project, new, "--write")
    assert result.exit_code == 0, result
    assert " orphan" not in result.stdout
    assert _validate(invoke, project).exit_code == 0


def test_reworded_span_is_an_orphan_with_a_candidate_and_nothing_is_written(invoke, project: Path) -> None:
    reworded = "Washington said it would provide the security guarantees Kyiv wants"
    new = _new(project, _old_text().replace(QUOTE, reworded))
    before = _snapshot(project)
    result = _run(invoke, project, new, "--write")
    assert result.exit_code == 1, result
    assert f"orphan: {QUOTE!r}" in result.stdout
    assert f"closest candidate at {new.read_text().index(reworded)}: {reworded + '.'!r}" in result.stdout
    assert "nothing written" in result.stderr
    assert _snapshot(project) == before
    allowed = _run(invoke, project, new, "--write", "--allow-orphans", "--format", "json")
    assert allowed.exit_code == 0, allowed
    envelope = json.loads(allowed.stdout)
    orphans = [c for c in envelope["citations"] if c["how"] == "orphan"]
    assert envelope["written"] and len(orphans) == 4 and all(c["candidate"] for c in orphans)
    checked = _validate(invoke, project)
    assert checked.exit_code == 1
    assert checked.stdout.count("error[quote-not-found]") == len(orphans)  # only the orphans fail


def test_typography_change_updates_the_quote(invoke, project: Path) -> None:
    old_quote = 'It includes a "legally binding commitment"'
    new = _new(project, _old_text().replace(old_quote, "It includes a “legally binding commitment”"))
    result = _run(invoke, project, new, "--write")
    assert result.exit_code == 0, result
    assert "requoted at" in result.stdout
    assert re.search(r'\n\+\s+quote: "It includes a “legally binding commitment”"\n', result.stdout)
    assert _validate(invoke, project).exit_code == 0


def test_a_quote_made_ambiguous_gets_a_selector(invoke, project: Path) -> None:
    old = _old_text()
    new = _new(project, old.replace(PARAGRAPH, f"{QUOTE}, a reader wrote.\n\n{PARAGRAPH}", 1))
    result = _run(invoke, project, new, "--write")
    assert result.exit_code == 0, result
    assert "moved at" in result.stdout and re.search(r"\n\+\s+(prefix|suffix): ", result.stdout), result
    assert _validate(invoke, project).exit_code == 0


def test_unchanged_text_changes_nothing(invoke, project: Path) -> None:
    before = _snapshot(project)
    result = _run(invoke, project, _new(project, _old_text()), "--write")
    assert result.exit_code == 0, result
    assert _snapshot(project) == {**before, "new.txt": (SEEDS / SEED_FILE).read_bytes()}


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"caf\xe9 au lait\n", "invalid-utf8"),
        (b"text with an escape \x1b[2J in it\n", "control-character"),
        ("\ufeffa text with a byte-order mark\n".encode(), "control-character"),
        (b"", "empty-file"),
    ],
)
def test_new_text_under_the_seed_policy(invoke, project: Path, content: bytes, code: str) -> None:
    new = project / "new.txt"
    new.write_bytes(content)
    result = _run(invoke, project, new, "--write")
    assert result.exit_code == 1, result
    assert f"error[{code}]" in result.stderr and "new.txt" in result.stderr
    assert (project / "seeds" / SEED_FILE).read_bytes() == (SEEDS / SEED_FILE).read_bytes()


def test_a_link_or_unknown_source_is_refused(invoke, project: Path) -> None:
    link = project / "link.txt"
    os.symlink(SEEDS / SEED_FILE, link)
    assert "error[unsafe-file]" in _run(invoke, project, link).stderr
    unknown = invoke("reanchor", "vnexpress", link, "--models", project / "models", "--seeds", project / "seeds")
    assert unknown.exit_code == 2 and "unknown source `vnexpress`" in unknown.stderr


def test_a_failed_rename_leaves_every_file_as_it_was(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new = _new(project, _old_text().replace(PARAGRAPH, "Inserted.\n\n" + PARAGRAPH, 1))
    _with_offsets(project)
    before = _snapshot(project)
    real_replace, calls = os.replace, []

    def failing(src, dst):  # the second rename of the change fails (a full disk, a read-only file)
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(GuaranteesError, match="nothing was changed"):
        reanchor(SOURCE, new, DataDirs(project / "models", project / "seeds"), write=True, allow_orphans=False)
    assert _snapshot(project) == before
    assert not [p for p in project.rglob(".*") if p.is_file()]  # no temporary or backup file left behind


def test_a_source_already_overwritten_is_refused(invoke, project: Path) -> None:
    new = _new(project, _old_text() + "\nA correction.\n")
    shutil.copyfile(new, project / "seeds" / SEED_FILE)  # replaced by hand first: the old text is gone
    result = _run(invoke, project, new, "--write")
    assert result.exit_code == 1, result
    assert "error[source-checksum]" in result.stderr and "restore the original bytes" in result.stderr
