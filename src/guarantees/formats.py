"""The names of every output format and schema, as the CLI offers them; no imports, so `--help` stays cheap."""

from __future__ import annotations

from enum import Enum


class ExportFormat(str, Enum):
    """`export --format`: a footnoted Markdown memo (`md` too), a JSON envelope, CSV rows, an HTML evidence report,
    or a Word file."""

    markdown = "markdown"
    json = "json"
    csv = "csv"
    html = "html"
    docx = "docx"

    @classmethod
    def _missing_(cls, value: object) -> ExportFormat | None:
        """`md` is accepted for markdown without becoming a member of its own (so help lists each format once)."""
        return cls.markdown if value == "md" else None


class ReportFormat(str, Enum):
    """`validate --format`: compiler-style text, a JSON envelope, or GitHub workflow annotations."""

    text = "text"
    json = "json"
    github = "github"


class SchemaName(str, Enum):
    """`schema`: the JSON Schema of a model file or of the source manifest."""

    arrangement = "arrangement"
    sources = "sources"


class AgreeFormat(str, Enum):
    """`agree --format`: a plain table, a JSON envelope, or Markdown (the body of docs/reliability.md)."""

    text = "text"
    json = "json"
    markdown = "markdown"


class HistoryFormat(str, Enum):
    """`history --format`: the terminal view, a JSON envelope, or Markdown."""

    text = "text"
    json = "json"
    markdown = "markdown"


class ResultFormat(str, Enum):
    """`search`, `cite` and `reanchor --format`: plain text, or a JSON envelope."""

    text = "text"
    json = "json"
