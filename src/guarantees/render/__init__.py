"""Renderers: one module per output format; none reads files."""
