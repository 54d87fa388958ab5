"""The decision in one line: a sentence a person would write, built from the typed fields only, by fixed rules.

Only closed-set values (events, obligation levels, means, deciders, effects) go into the sentence, never free
text: a condition written as its own sentence ("If the Alliance ...") cannot be spliced into another one
without doubled connectives or a capital letter mid-sentence. What the sources leave open is left out.
"""

from __future__ import annotations

from typing import Any

from guarantees.dimension import dimension_value, humanise
from guarantees.model import Arrangement, Unspecified

_EVENTS = {
    "armed_attack": "an armed attack occurs",
    "renewed_aggression": "aggression is renewed",
    "violation_of_terms": "the terms are violated",
    "beneficiary_conduct": "the protected party itself gives cause",
    "ceasefire": "a ceasefire takes effect",
}
_OBLIGATIONS = {"shall_act": "must act", "will_consider": "will consider acting", "may": "may act"}
_AUTOMATICITY = {
    "automatic": "at once, with no further decision",
    "after_consultation": "after consulting one another",
    "at_discretion": "as {pronoun} {deem} necessary",
}
_EFFECTS = {"reduces": "limit", "suspends": "suspend", "voids": "void"}
_NUMBERS = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


def _assessments(arrangement: Arrangement, dimension: str) -> list[Any]:
    value = dimension_value(arrangement, dimension)
    return [] if isinstance(value, Unspecified) else list(value.assessments)


def _distinct(values: list[Any]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v is not None))


def join_words(words: list[str], conjunction: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def number_word(count: int) -> str:
    """`3` → `three`, up to twenty; then digits."""
    return _NUMBERS[count] if count < len(_NUMBERS) else str(count)


def _subject(arrangement: Arrangement) -> tuple[str, str, str]:
    """Who acts, the pronoun for it and the verb agreeing with it: a mutual pact binds each member."""
    mutual = "mutual" in _distinct([a.kind for a in _assessments(arrangement, "reciprocity")])
    return ("each member", "it", "deems") if mutual else ("the guarantors", "they", "deem")


_MEANS = {"diplomatic": "diplomatic support", "arms_supply": "arms supplies"}


def means_word(value: object) -> str:
    """A means as a noun a sentence can take: `diplomatic` → `diplomatic support`; the others humanised."""
    return humanise(_MEANS.get(str(value).replace(" ", "_"), value))


def _means(values: list[Any]) -> list[str]:
    return _distinct([means_word(v) for v in values])


def _reading(assessment: Any) -> str | None:
    """One reading of the response: `must act with armed force`, `would provide training`, `would not use ...`."""
    means, excluded = _means(assessment.means), _means(assessment.excluded_means)
    if assessment.obligation is not None:
        phrase = _OBLIGATIONS[str(assessment.obligation)] + (f" with {join_words(means)}" if means else "")
    elif means:
        phrase = f"would provide {join_words(means)}"
    elif excluded:
        return f"would not use {join_words(excluded, 'or')}"
    else:
        return None
    return phrase + (f", but not {join_words(excluded, 'or')}" if excluded else "")


def _response(arrangement: Arrangement) -> str | None:
    """The first reading of the response, and any other as `in another reading, ...`; None when none is stated."""
    readings = _distinct([_reading(a) for a in _assessments(arrangement, "response")])
    if not readings:
        return None
    others = "; ".join(readings[1:])
    return readings[0] + (f" (in another reading, {others})" if others else "")


def _automaticity(arrangement: Arrangement, pronoun: str, deem: str) -> str:
    levels = _distinct([a.level for a in _assessments(arrangement, "automaticity")])
    if len(levels) != 1:  # open, or readings that disagree: nothing the line can say in a word
        return ""
    return ", " + _AUTOMATICITY[levels[0]].format(pronoun=pronoun, deem=deem)


def _decider(arrangement: Arrangement, subject: str) -> str | None:
    found = _distinct([a.decided_by for a in _assessments(arrangement, "trigger")])
    deciders = [d for d in found if d != "unspecified"]
    if len(deciders) != 1:
        return None
    judge = {
        "guarantor_alone": f"{'each member' if subject == 'each member' else 'each guarantor'} judges for itself",
        "parties_jointly": "the parties decide together",
        "institution": "an institution or third party decides",
    }[deciders[0]]
    return f"{judge} whether it has happened"


def _exits(arrangement: Arrangement) -> str | None:
    clauses = _assessments(arrangement, "escape_clauses")
    if not clauses:
        return None
    effects = [_EFFECTS[e] for e in _distinct([c.effect for c in clauses])]
    counted = f"{number_word(len(clauses))} escape clause{'s' if len(clauses) > 1 else ''}"
    phrase = f"{counted} can {join_words(effects, 'or')} it"
    outside = sum(1 for c in clauses if str(c.provenance) != "arrangement_text")
    if outside and len(clauses) > 1:
        phrase += f" ({number_word(outside)} of them not in its text)"
    elif outside:
        phrase += " (not in its text)"
    return phrase


def build_summary(arrangement: Arrangement) -> str:
    """The decision in one line, e.g. `If an armed attack occurs, each member must act, as it deems necessary; ...`."""
    subject, pronoun, deem = _subject(arrangement)
    events = [_EVENTS[e] for e in _distinct([a.event for a in _assessments(arrangement, "trigger")])]
    response = _response(arrangement)
    acts = f"{subject} {response}{_automaticity(arrangement, pronoun, deem)}" if response else None
    if events and acts:
        first: str | None = f"if {join_words(events, 'or')}, {acts}"
    elif events:
        first = f"it applies if {join_words(events, 'or')}; the sources name no response"
    else:
        first = f"{acts}; the sources name no trigger" if acts else None
    clauses = [c for c in (first, _decider(arrangement, subject) if events else None, _exits(arrangement)) if c]
    if not clauses:
        return "The sources give no trigger, response or escape clause."
    sentence = "; ".join(clauses)
    if sentence[0].isdigit():  # a sentence does not start with a numeral
        sentence = f"in all, {sentence}"
    return sentence[0].upper() + sentence[1:] + "."
