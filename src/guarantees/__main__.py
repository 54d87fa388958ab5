"""`python -m guarantees` runs the CLI."""

from guarantees.entry import main

main()
