"""What `generate` did, as lines on stdout: each file written (or stale, with --check), then a count."""

from __future__ import annotations

from guarantees.service.generate import GenerateResult


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def render_generated(result: GenerateResult) -> str:
    """`wrote: PATH` (or `stale: PATH`) per file, then one line that counts them and those already up to date."""
    verb = "stale" if result.check else "wrote"
    lines = [f"{verb}: {relative}" for relative in result.paths]
    current = result.total - len(result.paths)
    if not result.paths:
        lines.append(f"{_files(current)} up to date")
    elif result.check:
        lines.append(f"{_files(len(result.paths))} stale, {current} up to date; run `guarantees generate`")
    else:
        lines.append(f"wrote {_files(len(result.paths))}, {current} up to date")
    return "".join(f"{line}\n" for line in lines)
