"""The HTML evidence report: one self-contained page, made by a jinja2 template with autoescaping on for everything.

Model and source text reach the page only as template values, so jinja2 escapes every one of them; the
environment's `finalize` also replaces control characters (as `text.sanitise` does everywhere) before that.
Nothing is marked safe, so no value can become markup. jinja2 is imported here, on the html path only: the
other commands' start-up time is measured (docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from guarantees import __version__
from guarantees.render.report_view import build_report_view
from guarantees.service.compare import CompareResult
from guarantees.text import sanitise

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "report.html.j2"


def finalize(value: object) -> object:
    """Every `{{ value }}` on its way out: None as nothing, text with control characters as U+FFFD.

    A macro's output (markup the template itself wrote, whose values were escaped inside it) passes as it is;
    data never carries `__html__`, since nothing here marks a value safe."""
    if value is None:
        return ""
    if isinstance(value, int) or hasattr(value, "__html__"):
        return value
    return sanitise(value)


def build_environment() -> jinja2.Environment:
    """The templates shipped in guarantees/render/templates, autoescaped whatever their name, strict on typos."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("guarantees.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(result: CompareResult) -> str:
    """The whole report as one HTML document."""
    view = build_report_view(result, __version__)
    return build_environment().get_template(TEMPLATE).render(report=view)
