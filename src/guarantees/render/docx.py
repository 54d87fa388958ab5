"""The memo as a Word file: the Markdown memo converted by pandoc (the optional `guarantees[docx]` extra)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from guarantees.findings import GuaranteesError

INSTALL_HINT = "pip install 'guarantees[docx]'"
# pandoc's own Markdown reader with footnotes and pipe tables, and raw HTML, TeX, citations and smart quotes off,
# so nothing in model text (escaped anyway) can become markup, and quote marks stay as the memo writes them.
PANDOC_FROM = "markdown+footnotes+pipe_tables-raw_html-raw_tex-raw_attribute-native_divs-native_spans-citations-smart"


def render_docx(markdown: str) -> bytes:
    """The .docx bytes of a memo; a GuaranteesError (exit 3) when pandoc is not installed or fails."""
    try:
        import pypandoc  # type: ignore[import-untyped]
    except ImportError:
        raise GuaranteesError(f"Word export needs pandoc, which is not installed; run: {INSTALL_HINT}") from None
    with tempfile.TemporaryDirectory(prefix="guarantees-docx-") as directory:
        target = Path(directory) / "memo.docx"
        try:
            pypandoc.convert_text(markdown, "docx", format=PANDOC_FROM, outputfile=str(target))
        except (OSError, RuntimeError) as error:
            raise GuaranteesError(f"pandoc could not write the Word file: {error}") from None
        return target.read_bytes()
