"""`python -m guarantees` runs the CLI."""

from guarantees.cli import main

main()
