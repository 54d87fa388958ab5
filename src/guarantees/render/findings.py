"""Reporters of a validation Report, chosen by name: compiler-style text, a JSON envelope, GitHub annotations."""

from __future__ import annotations

from collections.abc import Callable

from guarantees import __version__
from guarantees.findings import Finding, Report
from guarantees.formats import ReportFormat
from guarantees.text import json_text, printable

JSON_FORMAT_VERSION = 2  # 2 added `seeds`, `manifest` and `models`: which corpus vouched for the run


def render_text(report: Report) -> str:
    lines = [finding.render() for finding in report.sorted()]
    bad = len(report.bad_files())
    errors = len(report.errors)
    summary = (
        f"{len(report.files)} file(s) checked: all valid"
        if report.ok
        else f"{len(report.files)} file(s) checked: {errors} error(s) in {bad} file(s)"
    )
    return "\n".join([*lines, summary]) + "\n"


def render_inputs(report: Report) -> str:
    """One line naming the seeds directory, manifest and models directory the run used (for stderr)."""
    if report.inputs is None:
        return ""
    used = f"seeds directory {report.inputs.seeds}, manifest {report.inputs.manifest}"
    models = f", models directory {report.inputs.models}" if report.inputs.models is not None else ""
    return printable(f"guarantees: checked against {used}{models}") + "\n"


def render_json(report: Report) -> str:
    envelope = {
        "format": "guarantees.validate",
        "version": JSON_FORMAT_VERSION,
        "tool_version": __version__,
        "valid": report.ok,
        **report.input_keys(),
        "files": list(report.files),
        "findings": [finding.as_dict() for finding in report.sorted()],
    }
    return json_text(envelope) + "\n"  # the same data, with nothing in it that a terminal or a CI log acts on


def _escape_data(text: str) -> str:
    # GitHub workflow commands: message data escapes %, CR and LF; properties also , and :.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github_line(finding: Finding) -> str:
    where = finding.location
    props = [f"file={_escape_property(printable(where.file))}"]
    if where.line is not None:
        props += [f"line={where.line}", f"col={where.column or 1}"]
    props.append(f"title={_escape_property(f'guarantees {finding.code}')}")
    message = printable(finding.message) + (f"\n{printable(finding.hint)}" if finding.hint else "")
    level = "error" if finding.severity == "error" else "warning"
    return f"::{level} {','.join(props)}::{_escape_data(message)}"


def render_github(report: Report) -> str:
    return "".join(render_github_line(f) + "\n" for f in report.sorted()) + render_text(report).splitlines()[-1] + "\n"


REPORTERS: dict[ReportFormat, Callable[[Report], str]] = {
    ReportFormat.text: render_text,
    ReportFormat.json: render_json,
    ReportFormat.github: render_github,
}
