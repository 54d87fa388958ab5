"""`guarantees init DIR` and `guarantees new ID`: start a project of one's own, and a model in it."""

from pathlib import Path
from typing import Annotated

import typer

from guarantees.cli.app import app
from guarantees.cli.bounds import names_within_limits, within_path_limits
from guarantees.cli.options import ModelsOption
from guarantees.cli.output import write_text
from guarantees.data_dirs import DataDirs
from guarantees.text import printable
from guarantees.vocabulary import Kind


@app.command()
def init(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="A new or empty directory.", callback=within_path_limits)
    ],
) -> None:
    """Create a project: models/, seeds/ with an empty manifest, schemas/, a .pre-commit-config.yaml, a README.

    Refuses a directory that is not empty (exit 2); writes nothing over anything.

    Example: guarantees init my-project && cd my-project
    """
    from guarantees.service.init import init_project

    result = init_project(directory)
    listed = "".join(f"  {printable(result.directory)}/{name}\n" for name in result.files)
    write_text(f"created the project {printable(result.directory)}:\n{listed}", None)


@app.command()
def new(
    model_id: Annotated[
        str, typer.Argument(metavar="ID", help="The new model's id: models/ID.yaml.", callback=names_within_limits)
    ],
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="The arrangement's name, as a reader knows it.")],
    alias: Annotated[
        list[str] | None,
        typer.Option(
            "--alias",
            metavar="ALIAS",
            help="A short name for the command line; repeat for more (default: the id).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        Kind, typer.Option("--kind", metavar="KIND", help="What sort of arrangement it is (see docs/codebook.md).")
    ] = Kind.SECURITY_GUARANTEE,
    models: ModelsOption = None,
) -> None:
    """Write models/ID.yaml with every dimension `unspecified`, commented from the codebook, ready to fill in.

    It validates as written except for `parties`, which must be cited (see docs/how-to/code-a-new-arrangement.md).

    Example: guarantees new coalition-force --name "Coalition of the willing force" --alias cotw
    """
    from guarantees.service.new_model import new_model

    result = new_model(model_id, name, alias or [], DataDirs(models=models), kind=kind)
    write_text(f"wrote {printable(result.file)}\n", None)
