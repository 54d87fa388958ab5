"""docs/reference/cli.md, generated from the command tree itself so the reference cannot drift."""

from __future__ import annotations

from enum import Enum
from typing import Any

import typer


def _param_row(param: Any) -> str:
    if param.param_type_name == "argument":
        name = f"`{param.name.upper()}`"
        help_text = getattr(param, "help", None) or ""
    else:
        name = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
        help_text = param.help or ""
        default = param.default.value if isinstance(param.default, Enum) else param.default
        if default not in (None, False, ()) and not param.is_flag:
            help_text += f" Default: `{default}`."
    return f"| {name} | {help_text.strip().replace('|', '/')} |"


def render_cli_reference(app: typer.Typer) -> str:
    """Every command: usage, what it does, its example, and its arguments and options."""
    group: Any = typer.main.get_command(app)
    lines = [
        "# Command reference",
        "",
        "<!-- Generated from the CLI by `guarantees generate`; do not edit. -->",
        "",
        "Exit codes: 0 clean, 1 findings (a model is invalid), 2 usage error, 3 operational failure",
        "(see [exit codes](exit-codes.md)).",
        "",
    ]
    with typer.Context(group, info_name="guarantees") as root:
        params = [p for p in group.params if p.name != "help"]
        lines += ["Options before the command (`guarantees --verbose list`):", ""]
        lines += ["| option | meaning |", "| --- | --- |", *map(_param_row, params), ""]
        lines += _commands(group, root, "guarantees")
    return "\n".join(lines).rstrip() + "\n"


def _commands(group: Any, parent: Any, prefix: str) -> list[str]:
    """A section per command of the group, and one per subcommand of a nested group (`sources add`)."""
    lines: list[str] = []
    for name in group.list_commands(parent):
        command = group.get_command(parent, name)
        assert command is not None
        with typer.Context(command, info_name=name, parent=parent) as ctx:
            usage = command.collect_usage_pieces(ctx)
            lines += [f"## `{prefix} {name}`", "", "```", f"{prefix} {name} {' '.join(usage)}", "```", ""]
            lines += [line.strip() for line in (command.help or "").strip().splitlines()] + [""]
            params = [p for p in command.params if p.name != "help"]
            if params:
                lines += ["| argument / option | meaning |", "| --- | --- |", *map(_param_row, params), ""]
            if hasattr(command, "list_commands"):
                lines += _commands(command, ctx, f"{prefix} {name}")
    return lines
