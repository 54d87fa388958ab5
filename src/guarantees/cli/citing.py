"""`guarantees search`, `cite` and `reanchor`: find text in the sources, cite it, move citations to a new text."""

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from guarantees.cli.app import app
from guarantees.cli.bounds import within_path_limits
from guarantees.cli.options import ModelsOption, SeedsOption
from guarantees.cli.output import stop_on_findings, write_text
from guarantees.data_dirs import DataDirs
from guarantees.findings import ExitCode, Report, UsageError
from guarantees.formats import ResultFormat

FormatOption = Annotated[ResultFormat, typer.Option("--format", "-f", help="text or json.")]
SourceArgument = Annotated[str, typer.Argument(metavar="SOURCE", help="A source id of the manifest.")]


def _say(text: str) -> None:
    """Notes for a person on stderr; a stderr that cannot be written loses them, not the exit code."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(text)
        sys.stderr.flush()


def _note_findings(report: Report) -> None:
    if report.findings:
        from guarantees.render.findings import render_text

        _say(render_text(report))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="The text (or with --regex, the pattern) to find.")],
    source: Annotated[str | None, typer.Option("--source", "-s", metavar="ID", help="Search this source only.")] = None,
    regex: Annotated[bool, typer.Option("--regex", help="TEXT is a Python regular expression (2 s limit).")] = False,
    exact: Annotated[bool, typer.Option("--exact", help="Match character for character.")] = False,
    output_format: FormatOption = ResultFormat.text,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Every occurrence across the sources, with context, offsets, line:column and which models cite it.

    Ignores quotes, dashes, spaces and case unless --exact. Exit 0 with matches, 1 with none, 2 usage.

    Example: guarantees search "article 5" --source explainer-2025-08-16
    """
    from guarantees.render.console import build_console
    from guarantees.render.search import render_search_json, render_search_summary, render_search_text
    from guarantees.service.search import SearchMode
    from guarantees.service.search import search as run_search

    if regex and exact:
        raise UsageError("expected --regex or --exact, found both (a regular expression is already exact)")
    mode = SearchMode.regex if regex else SearchMode.exact if exact else SearchMode.typography
    result = run_search(text, DataDirs(models, seeds), source=source, mode=mode)
    if not result.sources:
        stop_on_findings(result.report)
    json_out = output_format is ResultFormat.json
    _note_findings(Report() if json_out else result.report)
    _say(render_search_summary(result))
    rendered = render_search_json(result) if json_out else render_search_text(result, build_console().width)
    write_text(rendered, None, exit_code=ExitCode.OK if result.hits else ExitCode.FINDINGS)


@app.command()
def cite(
    source: SourceArgument,
    quote: Annotated[str, typer.Argument(help="The passage to cite, as you have it.")],
    output_format: FormatOption = ResultFormat.text,
    seeds: SeedsOption = None,
) -> None:
    """Resolve a quote as validate will and print the citation block to paste under `cite:`.

    Exact, or the exact text when only typography differs, or one block per occurrence of an ambiguous
    quote with the prefix or suffix that picks it. Exit 0 with a block, 1 when the quote is not found.

    Example: guarantees cite explainer-2025-08-16 "an attack on one NATO member"
    """
    from guarantees.render.citation import render_cite_json, render_cite_note, render_cite_text
    from guarantees.service.cite import cite as run_cite

    result = run_cite(source, quote, DataDirs(seeds=seeds))
    stop_on_findings(result.report)
    json_out = output_format is ResultFormat.json
    _say("" if json_out else render_cite_note(result))
    code = ExitCode.OK if result.placements else ExitCode.FINDINGS
    write_text(render_cite_json(result) if json_out else render_cite_text(result), None, exit_code=code)


@app.command()
def reanchor(
    source: SourceArgument,
    new_file: Annotated[Path, typer.Argument(metavar="NEW_FILE", help="The new text.", callback=within_path_limits)],
    write: Annotated[bool, typer.Option("--write", help="Apply the change (default: show the diff only).")] = False,
    allow_orphans: Annotated[
        bool, typer.Option("--allow-orphans", help="Apply even if some citations cannot be placed.")
    ] = False,
    output_format: FormatOption = ResultFormat.text,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Move every citation into a source to a new version of its text; update the manifest hash and the file.

    Exact first, then the quote near its old place, then the same words with new typography; what cannot be
    placed is an orphan with its closest candidate. Dry run unless --write; nothing is written while any
    citation is an orphan, unless --allow-orphans. Exit 0 placed (or written), 1 orphans or findings.

    Example: guarantees reanchor vnexpress-2025-12-20 corrected.txt --write
    """
    from guarantees.render.citation import render_reanchor_json, render_reanchor_summary, render_reanchor_text
    from guarantees.service.reanchor import reanchor as run_reanchor

    result = run_reanchor(source, new_file, DataDirs(models, seeds), write=write, allow_orphans=allow_orphans)
    stop_on_findings(result.report)
    json_out = output_format is ResultFormat.json
    _say("" if json_out else render_reanchor_summary(result))
    code = ExitCode.FINDINGS if result.orphans and not (allow_orphans and result.written) else ExitCode.OK
    write_text(render_reanchor_json(result) if json_out else render_reanchor_text(result), None, exit_code=code)
