"""`search`: every occurrence of a text (or a regular expression) across the sources, and who already cites it.

No index: a search reads the sources as they are now (an index would be a cache that could go stale and
would still need every hash checked), and one compiled pattern over 1,000 sources is fast enough
(docs/performance.md). `--regex` patterns come from the command line and may be hostile: they run under
the `regex` library's timeout, which stops catastrophic backtracking that the standard `re` cannot.
"""

from __future__ import annotations

import bisect
import difflib
import re
import time
from collections.abc import Callable, Iterator
from enum import Enum
from typing import NamedTuple

from guarantees.coverage import CitedSpan, ModelCitations, citations_of
from guarantees.data_dirs import DataDirs
from guarantees.findings import Finding, Report, UsageError
from guarantees.model_dir import list_model_dir
from guarantees.service.scan import choose_jobs, scan_files
from guarantees.service.selection import with_inputs
from guarantees.sources import Seeds, find_occurrences, load_seeds
from guarantees.textmatch import build_pattern

MAX_QUERY_CHARS = 1000  # as long as a quote may be
MAX_REGEX_CHARS = 500
REGEX_SECONDS = 2.0  # for all sources together; a real pattern over 1,000 sources needs a few milliseconds
MAX_HITS = 1000  # beyond this the search is too broad to read: say so rather than print a million lines
CONTEXT_WORDS = 6
_CONTEXT_CHARS = 160  # where the context words are looked for, either side
_NEWLINE = re.compile("\n")


class SearchMode(str, Enum):
    typography = "typography"  # quotes, dashes, spaces and case ignored
    exact = "exact"
    regex = "regex"


class SearchHit(NamedTuple):
    """One occurrence: where it is (code-point offsets and 1-based line:column), what it is, and who cites it."""

    source: str
    start: int
    end: int
    line: int
    column: int
    text: str
    before: str
    after: str
    cited_by: tuple[tuple[str, str], ...]  # (model id, dimension) of every cited span it overlaps

    def as_dict(self) -> dict[str, object]:
        cited = [{"model": model, "dimension": dimension} for model, dimension in self.cited_by]
        return {**{k: v for k, v in self._asdict().items() if k != "cited_by"}, "cited_by": cited}


class SearchResult(NamedTuple):
    query: str
    mode: SearchMode
    sources: int  # sources searched
    hits: tuple[SearchHit, ...]
    truncated: bool  # more than MAX_HITS matches
    report: Report  # manifest and source findings; sources that could not be read were skipped


Matcher = Callable[[str, float], Iterator[tuple[int, int]]]


def build_matcher(query: str, mode: SearchMode) -> Matcher:
    """A function from a text (and a deadline) to the (start, end) of every match; a usage error for a bad query."""
    limit = MAX_REGEX_CHARS if mode is SearchMode.regex else MAX_QUERY_CHARS
    if not query.strip():
        raise UsageError("expected a text to search for, found an empty one")
    if len(query) > limit:
        raise UsageError(f"expected a search of at most {limit:,} characters, found {len(query):,}")
    if mode is SearchMode.exact:
        return lambda text, _: ((s, s + len(query)) for s in find_occurrences(text, query))
    if mode is SearchMode.typography:
        pattern = build_pattern(query)
        return lambda text, _: (m.span() for m in pattern.finditer(text))
    return _regex_matcher(query)


def _regex_matcher(query: str) -> Matcher:
    import regex  # only for --regex

    try:
        pattern = regex.compile(query, regex.VERSION0)  # VERSION0: the semantics of Python's `re`
    except (regex.error, OverflowError, RecursionError) as error:
        raise UsageError(f"expected a Python regular expression, found {query!r}: {error}") from None

    def matches(text: str, deadline: float) -> Iterator[tuple[int, int]]:
        try:
            for match in pattern.finditer(text, timeout=max(0.001, deadline - time.monotonic())):
                if match.end() > match.start():  # an empty match is no passage
                    yield match.span()
        except TimeoutError:
            raise UsageError(
                f"the regular expression took longer than {REGEX_SECONDS:g} s; simplify it (nested repeats such as"
                " `(a+)+` backtrack without end)"
            ) from None

    return matches


def _known_source(source: str, seeds: Seeds) -> str:
    if source not in seeds.entries:
        close = difflib.get_close_matches(source, list(seeds.entries), n=3)
        known = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(list(seeds.entries)[:10])}"
        raise UsageError(f"unknown source `{source}`; {known}")
    return source


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """A few words either side, on one line."""
    left = text[max(0, start - _CONTEXT_CHARS) : start]
    right = text[end : end + _CONTEXT_CHARS]
    before = " ".join(left.split()[-CONTEXT_WORDS:]) + (" " if left[-1:].isspace() else "")
    after = (" " if right[:1].isspace() else "") + " ".join(right.split()[:CONTEXT_WORDS])
    return before, after


def _cited_spans(dirs: DataDirs, seeds: Seeds) -> dict[str, list[CitedSpan]]:
    """Every span the models cite, by source; a model with findings contributes the citations that resolved."""
    files = list(list_model_dir(dirs.models_dir).files)
    scanned = scan_files(files, seeds, citations_of, jobs=choose_jobs(len(files)))
    by_source: dict[str, list[CitedSpan]] = {}
    for model in scanned.extracts:
        assert isinstance(model, ModelCitations)
        for span in model.spans:
            by_source.setdefault(span.source, []).append(span)
    return by_source


def _hits_in(source: str, text: str, spans: list[tuple[int, int]], cited: list[CitedSpan]) -> Iterator[SearchHit]:
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    for start, end in spans:
        line = bisect.bisect_right(line_starts, start)
        by = tuple(dict.fromkeys((c.model_id, c.dimension) for c in cited if c.start < end and c.end > start))
        before, after = _context(text, start, end)
        yield SearchHit(source, start, end, line, start - line_starts[line - 1] + 1, text[start:end], before, after, by)


def search(
    query: str, dirs: DataDirs, *, source: str | None = None, mode: SearchMode = SearchMode.typography
) -> SearchResult:
    """Every match of `query` in the sources (or one source), in manifest order, then by offset."""
    return with_inputs(_search(query, dirs, source=source, mode=mode), dirs)


def _search(
    query: str, dirs: DataDirs, *, source: str | None = None, mode: SearchMode = SearchMode.typography
) -> SearchResult:
    matcher = build_matcher(query, mode)
    seeds, findings = load_seeds(dirs.seeds_dir)
    if seeds is None:
        return SearchResult(query, mode, 0, (), False, Report(tuple(findings)))
    ids = [_known_source(source, seeds)] if source else list(seeds.entries)
    deadline = time.monotonic() + REGEX_SECONDS
    found: dict[str, list[tuple[int, int]]] = {}
    total = 0
    for source_id in ids:
        text = seeds.text(source_id)
        for span in matcher(text, deadline) if text is not None else ():
            found.setdefault(source_id, []).append(span)
            total += 1
            if total > MAX_HITS:
                break
        if total > MAX_HITS:
            break
    problems: list[Finding] = [*findings, *seeds.problems.values()]
    cited = _cited_spans(dirs, seeds) if found else {}
    hits = [
        hit for sid, spans in found.items() for hit in _hits_in(sid, seeds.text(sid) or "", spans, cited.get(sid, []))
    ]
    report = Report(tuple(problems))
    return SearchResult(query, mode, len(ids), tuple(hits[:MAX_HITS]), total > MAX_HITS, report)
