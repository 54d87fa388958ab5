"""guarantees: compare security-guarantee arrangements, every claim cited to an exact source span."""

__version__ = "0.1.0"
