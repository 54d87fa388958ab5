"""Which models and seeds directories a run read, said on stderr: always when a local folder hides the shipped one."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass, field

from guarantees.data_dirs import DirChoice, display_path
from guarantees.text import printable


def describe_choice(choice: DirChoice) -> str:
    """`models directory ./models (the working directory's)`: the line `--verbose` prints."""
    origin = {
        "flag": f"given by --{choice.name}",
        "environment": f"from ${'GUARANTEES_' + choice.name.upper()}",
        "working directory": "the working directory's",
        "shipped": "shipped with the tool",
    }[choice.how]
    return f"guarantees: {choice.name} directory {display_path(choice.path)} ({origin})"


def shadow_note(choice: DirChoice) -> str | None:
    """The one-line note for a ./models or ./seeds that hides the shipped copy; None when nothing is hidden.

    A directory chosen by flag or environment variable was chosen on purpose, so it gets no note."""
    if choice.how != "working directory" or choice.shadows is None:
        return None
    return f"note: using ./{choice.name} (shadows the shipped {choice.name}); pass --{choice.name} to choose"


@dataclass
class Announcer:
    """Says each directory once per run: the shadow note always, every choice with --verbose."""

    verbose: bool = False
    said: set[tuple[str, str]] = field(default_factory=set)

    def __call__(self, choice: DirChoice) -> None:
        key = (choice.name, str(choice.path))
        if key in self.said:
            return
        self.said.add(key)
        lines = [describe_choice(choice)] if self.verbose else []
        note = shadow_note(choice)
        lines += [note] if note else []
        with contextlib.suppress(OSError, ValueError):  # a stderr that cannot be written loses the note only
            sys.stderr.write("".join(printable(line) + "\n" for line in lines))
            sys.stderr.flush()
