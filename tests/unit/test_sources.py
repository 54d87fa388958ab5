"""The seed corpus: checksums, and resolving citations to exactly one span."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from guarantees.model import Citation
from guarantees.sources import Problem, Seeds, Span, find_occurrences, load_seeds, normalise_typography, resolve


@pytest.fixture(scope="module")
def seeds() -> Seeds:
    loaded, findings = load_seeds(SEEDS)
    assert loaded is not None and findings == []
    return loaded


def cite(**fields: object) -> Citation:
    return Citation.model_validate(fields)


def test_every_source_file_matches_its_manifest_hash(seeds: Seeds) -> None:
    assert seeds.check_all() == []
    for entry in seeds.entries.values():
        assert hashlib.sha256((SEEDS / entry.file).read_bytes()).hexdigest() == entry.sha256


# SHA-256 of the five source articles as they were handed to the project (shared/seeds/), pinned here
# so that a seed edited together with its manifest hash still fails.
ORIGINAL_ARTICLES = {
    "000_d13086a159c1b12c.txt": "a3483add7c9191c33f3bb17af17b4e99ebc7c57c10409a129c215af91cd06f79",
    "001_c04311b93dda150a.txt": "76bc6cc9396cd4f19293b77a5c2c48a516967750f6cffdf06ab389489bc948f9",
    "002_0d9cbecf7c28f713.txt": "e0e9437a29d39a1f9be165fe2b3018d7c940189f9cdcf60305b7fbb134af41c2",
    "003_63ca01e5b8d8b289.txt": "b70455b4b370ced97960dea1fd2efc1a9037783e9d89b27dfb0b8cf47c6625e9",
    "004_237b69a4a03cd000.txt": "fc56d8219614ecc54869b1b8e255317ac1c4836e7c6d77b5060e0dd4c6bb9524",
}


def test_seeds_are_the_original_articles_byte_for_byte(seeds: Seeds) -> None:
    collected = {entry.collected_as: SEEDS / entry.file for entry in seeds.entries.values()}
    assert set(collected) == set(ORIGINAL_ARTICLES)
    for name, path in collected.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == ORIGINAL_ARTICLES[name], path


def test_the_pinned_hashes_are_those_of_the_shared_articles() -> None:
    # shared/ stands beside the checkout in this workplace and in its CI; elsewhere the pins above are the check.
    shared = SEEDS.parents[1] / "shared" / "seeds"
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(shared.glob("*.txt"))}
    assert found in ({}, ORIGINAL_ARTICLES)


def test_an_edited_source_is_refused_at_its_hash_line(tmp_path: Path) -> None:
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    target = copy / "2025-12-20-vnexpress-skepticism-grows.txt"
    target.write_bytes(target.read_bytes().replace(b"1994", b"1995"))
    loaded, _ = load_seeds(copy)
    assert loaded is not None
    assert loaded.text("vnexpress-2025-12-20") is None
    finding = loaded.problems["vnexpress-2025-12-20"]
    assert finding.code == "source-checksum"
    manifest_lines = (copy / "sources.yaml").read_text().splitlines()
    assert manifest_lines[finding.location.line - 1].strip().startswith("sha256: fc56d82")
    assert resolve(cite(source="vnexpress-2025-12-20", quote="The 1994 Budapest Memorandum"), loaded) is None


def test_unique_quote_resolves_to_its_offsets(seeds: Seeds) -> None:
    text = seeds.text("euromaidan-opinion")
    assert text is not None
    quote = "legally binding and approved by Congress"
    span = resolve(cite(source="euromaidan-opinion", quote=quote), seeds)
    assert span == Span("euromaidan-opinion", quote, text.index(quote), text.index(quote) + len(quote))


def test_curly_quote_typed_straight_gets_the_exact_text_to_paste(seeds: Seeds) -> None:
    result = resolve(cite(source="explainer-2025-08-16", quote="Trump's Alaska Summit"), seeds)
    assert isinstance(result, Problem) and result.code == "quote-not-found"
    assert result.hint is not None and "Trump\u2019s Alaska Summit" in result.hint


def test_one_changed_character_points_at_the_closest_passage(seeds: Seeds) -> None:
    result = resolve(cite(source="euromaidan-opinion", quote="legally binding and approved by Congrass"), seeds)
    assert isinstance(result, Problem) and result.code == "quote-not-found"
    assert result.hint is not None and "legally binding and approved by Congress" in result.hint


def test_ambiguous_quote_lists_where_it_occurs(seeds: Seeds) -> None:
    text = seeds.text("vnexpress-2025-12-20") or ""
    starts = find_occurrences(text, "Eng English")
    assert len(starts) == 3
    result = resolve(cite(source="vnexpress-2025-12-20", quote="Eng English"), seeds)
    assert isinstance(result, Problem) and result.code == "quote-ambiguous"
    assert all(str(s) in result.message for s in starts)


def test_prefix_suffix_and_offsets_pick_one_occurrence(seeds: Seeds) -> None:
    text = seeds.text("vnexpress-2025-12-20") or ""
    first, second, _ = find_occurrences(text, "Eng English")
    by_suffix = resolve(
        cite(source="vnexpress-2025-12-20", quote="Eng English", prefix="中国人\n\n", suffix="\nChina"), seeds
    )
    assert by_suffix == Span("vnexpress-2025-12-20", "Eng English", second, second + 11)
    by_offset = resolve(cite(source="vnexpress-2025-12-20", quote="Eng English", start=first), seeds)
    assert isinstance(by_offset, Span) and by_offset.start == first


def test_offsets_off_by_one_are_corrected_in_the_hint(seeds: Seeds) -> None:
    text = seeds.text("euromaidan-opinion") or ""
    quote = "will not be a blank check"
    start = text.index(quote)
    result = resolve(cite(source="euromaidan-opinion", quote=quote, start=start + 1, end=start + 1 + len(quote)), seeds)
    assert isinstance(result, Problem) and result.code == "span-mismatch"
    assert result.hint == f"the quote is at start: {start}, end: {start + len(quote)}"


def test_unknown_source_suggests_the_closest_id(seeds: Seeds) -> None:
    result = resolve(cite(source="vnexpres-2025-12-20", quote="The 1994 Budapest Memorandum"), seeds)
    assert isinstance(result, Problem) and result.code == "unknown-source"
    assert result.hint == "did you mean `vnexpress-2025-12-20`?"


def test_prefix_that_matches_no_occurrence_is_reported(seeds: Seeds) -> None:
    result = resolve(cite(source="vnexpress-2025-12-20", quote="Eng English", prefix="nowhere "), seeds)
    assert isinstance(result, Problem) and result.code == "selector-mismatch"


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_span_cut_from_a_seed_resolves_back_to_itself(seeds: Seeds, data: st.DataObject) -> None:
    source_id = data.draw(st.sampled_from(sorted(seeds.entries)))
    text = seeds.text(source_id) or ""
    start = data.draw(st.integers(0, len(text) - 3))
    end = data.draw(st.integers(start + 3, min(len(text), start + 300)))
    quote = text[start:end]
    if any(ord(c) < 32 and c not in "\t\n" for c in quote):
        return
    by_offsets = resolve(cite(source=source_id, quote=quote, start=start, end=end), seeds)
    assert by_offsets == Span(source_id, quote, start, end)
    by_quote = resolve(cite(source=source_id, quote=quote), seeds)
    if len(find_occurrences(text, quote)) == 1:
        assert by_quote == Span(source_id, quote, start, end)
    else:
        assert isinstance(by_quote, Problem) and by_quote.code == "quote-ambiguous"


@given(st.text(max_size=200))
def test_normalised_text_maps_every_character_back_into_the_original(text: str) -> None:
    normal, origin = normalise_typography(text)
    assert len(normal) == len(origin)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)
