"""Findings (typed records of data problems), the Report that collects them, and exit codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    FAILURE = 3


@dataclass(frozen=True)
class Location:
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
    data: dict[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        text = f"{self.location.render()}: {self.severity}[{self.code}] {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

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


@dataclass
class Report:
    """All findings of one run; its validity decides the exit code."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: Any) -> None:
        self.findings.extend(findings)

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


class GuaranteesError(Exception):
    """Cannot proceed (missing seeds, unreadable directory): caught once at the CLI edge."""

    exit_code = ExitCode.FAILURE


class UsageError(GuaranteesError):
    exit_code = ExitCode.USAGE
