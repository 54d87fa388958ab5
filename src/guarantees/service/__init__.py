"""The service layer: one function per command, each returning one frozen result; no terminal, no rendering."""
