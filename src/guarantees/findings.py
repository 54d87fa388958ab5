"""Findings (typed records of data problems), the Report that collects them, and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any, NamedTuple

from guarantees.text import printable, printable_path


class ExitCode(IntEnum):
    """Documented in docs/reference/exit-codes.md."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    FAILURE = 3
    INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a program stopped by Ctrl-C
    PIPE_CLOSED = 141  # 128 + SIGPIPE, as a shell reports `yes | head -1`


# Every finding code, with its one-line meaning; docs/reference/findings.md explains each, and a test
# keeps the two in step. A Finding with a code not listed here is a programming error.
FINDING_CODES: dict[str, str] = {
    # reading the file
    "unsafe-file": "a symbolic link, pipe, device or socket where a regular file (or a directory) must be",
    "unreadable-file": "a regular file (or directory) that the system refuses to read",
    "file-too-large": "the file is larger than its limit (a model, the manifest or a source text)",
    "invalid-file-name": "a `.yaml`/`.yml` file whose name is not `ID.yaml` (`models/.yaml`, `Foo.yaml`)",
    "no-model-files": "a run that would check no model file at all",
    "invalid-utf8": "the bytes are not UTF-8 text",
    "control-character": "a control, bidirectional, invisible or line-separator character in the text",
    "empty-file": "the file holds no YAML document (or, added as a source, no text)",
    # YAML structure
    "yaml-syntax": "the text is not valid YAML",
    "multiple-documents": "more than one YAML document in the file",
    "anchor-not-allowed": "a YAML anchor (`&name`)",
    "alias-not-allowed": "a YAML alias (`*name`)",
    "tag-not-allowed": "a YAML tag (`!!python/...`, `!foo`)",
    "merge-key": "a YAML merge key (`<<`)",
    "too-deep": "nesting deeper than any model needs",
    "key-not-string": "a mapping key that is not a string",
    "duplicate-key": "the same key twice in one mapping",
    "number-too-large": "an integer with more digits than Python will convert",
    "not-a-mapping": "the top level is a list or a single value, not a mapping",
    # types
    "unknown-field": "a field the types do not define",
    "missing-field": "a required field is absent",
    "wrong-type": "a value of the wrong type",
    "invalid-value": "a value outside its vocabulary or range",
    "invalid-format": "text that does not have the required form (slug, date, hash)",
    "invalid-length": "text or a list that is too short or too long",
    "dimension-shape": "a dimension that is neither assessed nor unspecified",
    # semantics
    "invalid-range": "a minimum above its maximum, or a start not before its end",
    "id-mismatch": "the id differs from the file name",
    "duplicate-id": "two arrangements (or two sources) with one id",
    "alias-collision": "an alias that already names another arrangement",
    # links between arrangements (checked by `history`)
    "unknown-link-target": "a link whose target is the id of no model file",
    "link-cycle": "revises, supersedes or modelled_on links that lead back to where they start",
    # citations
    "unknown-source": "a citation names no source of the manifest",
    "quote-not-found": "the quote is not in the source, character for character",
    "quote-ambiguous": "the quote occurs more than once and nothing picks one",
    "selector-mismatch": "prefix/suffix match no occurrence of the quote",
    "span-mismatch": "start/end do not point at the quote",
    # the source corpus
    "source-missing": "a source file of the manifest cannot be read",
    "source-checksum": "a source file's bytes differ from its manifest hash",
    "source-unlisted": "a file in the seeds directory that the manifest does not list",
    # adding a source (`sources add`)
    "source-duplicate": "the bytes of a new source are already listed under another id",
    "file-exists": "a new source's file name is already taken in the seeds directory",
}


class Location(NamedTuple):
    """Where a finding points: a file and, where the file has lines, 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = ()

    def render(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    @property
    def data_path(self) -> str:
        """The data path as `dimensions.troops.assessments[0].level`."""
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
        return text


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    location: Location
    severity: str = "error"
    hint: str | None = None

    def __post_init__(self) -> None:
        if self.code not in FINDING_CODES:
            raise ValueError(f"finding code `{self.code}` is not registered in findings.FINDING_CODES")

    def render(self) -> str:
        """Compiler style, one line (two with a hint); text from the file is escaped, never interpreted, and no
        file name can make the line a GitHub workflow command."""
        text = f"{printable_path(self.location.render())}: {self.severity}[{self.code}] {printable(self.message)}"
        return f"{text}\n  hint: {printable(self.hint)}" if self.hint else text

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "path": self.location.data_path,
            "hint": self.hint,
        }


class Inputs(NamedTuple):
    """What a run checked against, as the user would type it: shown so a CI log says which corpus vouched."""

    seeds: str  # the seeds directory
    manifest: str  # its sources.yaml
    models: str | None = None  # the models directory, when no path was given


class Report(NamedTuple):
    """All findings of one run over some files; its validity decides the exit code."""

    findings: tuple[Finding, ...] = ()
    files: tuple[str, ...] = ()
    inputs: Inputs | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.OK if self.ok else ExitCode.FINDINGS

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (f.location.file, f.location.line or 0, f.location.column or 0))

    def bad_files(self) -> set[str]:
        return {f.location.file for f in self.errors}

    def input_keys(self) -> dict[str, str | None]:
        """`seeds`, `manifest` and `models` of a JSON envelope: the directories the run read (None: not known)."""
        inputs = self.inputs
        return {
            "seeds": inputs.seeds if inputs else None,
            "manifest": inputs.manifest if inputs else None,
            "models": inputs.models if inputs else None,
        }


class GuaranteesError(Exception):
    """Cannot proceed (missing seeds, unreadable directory): caught once at the CLI edge."""

    exit_code = ExitCode.FAILURE


class UsageError(GuaranteesError):
    exit_code = ExitCode.USAGE


class OutputError(GuaranteesError):
    """Standard output cannot be written (closed, a full disk): one line and exit 3, not an internal error."""


class PipeClosed(GuaranteesError):
    """The reader of standard output went away (`guarantees list | head -1`): no message, exit 141."""

    exit_code = ExitCode.PIPE_CLOSED
