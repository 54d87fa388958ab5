"""`guarantees sources [ID]` and `sources add FILE`: the source articles, what each contributes, and adding one.

`sources` is a group whose unknown first word is an ID: `sources vnexpress-2025-12-20` is
`sources show vnexpress-2025-12-20`, and `sources` alone lists them. A source whose id is the name of
a subcommand (`add`, `show`) is shown with `sources show add`.
"""

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from guarantees.cli.app import app
from guarantees.cli.bounds import within_path_limits
from guarantees.cli.options import ModelsOption, SeedsOption
from guarantees.cli.output import print_view, stop_on_findings, write_text
from guarantees.data_dirs import DataDirs
from guarantees.text import printable

_HELP_WORDS = ("-h", "--help")


class SourcesGroup(TyperGroup):
    """A group where `sources ID` means `sources show ID`, so the old spelling keeps working."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in _HELP_WORDS):
            args = ["show", *args]
        return super().parse_args(ctx, args)


sources_app = typer.Typer(
    cls=SourcesGroup,
    rich_markup_mode=None,
    add_completion=False,
    help="The source articles: list them (`sources`), show one (`sources ID`), add one (`sources add FILE`).\n\n"
    "Example: guarantees sources add article.txt --title 'Talks resume' --date 2025-12-01",
)
app.add_typer(sources_app, name="sources")


@sources_app.command("show")
def sources(
    source_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Show this source with its cited spans marked.", show_default=False),
    ] = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """List the sources with how much of each the models cite, or show one article with its cited spans.

    `guarantees sources ID` is the same as `guarantees sources show ID`; a source named `add` or `show`
    needs the long form.

    Example: guarantees sources vnexpress-2025-12-20
    """
    from guarantees.render.coverage import render_source_table, render_source_text
    from guarantees.service.coverage import source_coverage

    result = source_coverage(source_id, DataDirs(models, seeds))
    stop_on_findings(result.report)
    print_view(render_source_text(result.sources[0]) if source_id else render_source_table(result.sources))


@sources_app.command("add")
def add(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="A UTF-8 text file, or an HTML page (.html, .htm).", callback=within_path_limits
        ),
    ],
    source_id: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="The source's id (default: from the file name).", show_default=False),
    ] = None,
    title: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Default: the page's title, else the text's first line.")
    ] = None,
    publisher: Annotated[str | None, typer.Option(metavar="TEXT", help="Who published it.", show_default=False)] = None,
    author: Annotated[str | None, typer.Option(metavar="TEXT", help="Who wrote it.", show_default=False)] = None,
    date: Annotated[
        str | None, typer.Option(metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False)
    ] = None,
    url: Annotated[
        str | None, typer.Option(metavar="URL", help="Where it was published (recorded, never fetched).")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(metavar="TEXT", help="e.g. 'news report', 'opinion'.", show_default=False)
    ] = None,
    seeds: SeedsOption = None,
) -> None:
    """Copy a text file into the seeds directory byte for byte and list it in sources.yaml with its SHA-256.

    HTML is reduced to the article's text first (needs the `html` extra); the text is what is stored
    and hashed. Fields not given are null in the manifest, with a note saying so. Nothing is fetched.

    Example: guarantees sources add ~/articles/talks.txt --id talks-2025-12-01 --date 2025-12-01
    """
    from guarantees.service.add_source import add_source
    from guarantees.source_entry import SourceFields

    fields = SourceFields(source_id, title, publisher, author, date, url, kind)
    result = add_source(file, fields, DataDirs(seeds=seeds))
    stop_on_findings(result.report)
    assert result.source is not None  # noqa: S101  (a clean report has a source)
    added = f"added `{result.source.id}` as {result.stored}, listed in {result.manifest}"
    write_text(f"{printable(added)}\nsha256: {result.source.sha256}\n", None)
