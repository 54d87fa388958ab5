"""A reference point, not part of the tool: the smallest typer 0.29 command that prints a rich table.

typer 0.29 builds a pydantic TypeAdapter for every parameter it parses, so any typer command with
an argument pays for pydantic's validation machinery, which `import pydantic` alone (the floor)
does not load. Timing this app shows how much of compare's cost is the stack's, not the tool's.
"""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(rich_markup_mode=None, add_completion=False)


@app.command()
def main(first: str, second: str) -> None:
    table = Table()
    table.add_column(first)
    table.add_column(second)
    table.add_row("a", "b")
    Console().print(table)


if __name__ == "__main__":
    app()
