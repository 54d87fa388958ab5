"""The ordered scales of a model file (weakest first), and the Choice type every vocabulary is built on."""

from __future__ import annotations

from enum import Enum
from typing import Any


class Choice(str, Enum):
    """A closed vocabulary whose members carry a one-line meaning for the codebook and help."""

    meaning: str

    def __new__(cls, value: str, meaning: str) -> Choice:
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    def __str__(self) -> str:
        return str(self.value)


class Scale(Choice):
    """An ordered vocabulary: members compare by the order they are declared in, weakest first."""

    @property
    def rank(self) -> int:
        return list(type(self)).index(self)

    @classmethod
    def top(cls) -> int:
        return len(cls) - 1

    # str defines all four comparisons lexically, so each must be replaced, not derived.
    def _rank_of(self, other: Any) -> int:
        if type(other) is not type(self):
            raise TypeError(f"cannot order {type(self).__name__} against {type(other).__name__}")
        return int(other.rank)

    def __lt__(self, other: Any) -> bool:
        return self.rank < self._rank_of(other)

    def __le__(self, other: Any) -> bool:
        return self.rank <= self._rank_of(other)

    def __gt__(self, other: Any) -> bool:
        return self.rank > self._rank_of(other)

    def __ge__(self, other: Any) -> bool:
        return self.rank >= self._rank_of(other)

    # str's __eq__/__hash__ stay: members equal their string values, which keeps lookups simple.
    __hash__ = Choice.__hash__


class BindingLevel(Scale):
    """The legal character a source asserts; the instrument and any domestic approval are separate dimensions."""

    NONE = "none", "No commitment of any kind is made."
    POLITICAL_DECLARATION = "political_declaration", "A statement of intent or solidarity with no legal form."
    NON_BINDING_ASSURANCE = (
        "non_binding_assurance",
        "A written assurance that a source says creates no legal obligation.",
    )
    EXECUTIVE_COMMITMENT = (
        "executive_commitment",
        "A commitment by a government that a successor or legislature need not honour.",
    )
    LEGALLY_BINDING = "legally_binding", "A source says the commitment binds in law (a treaty obligation included)."


class AutomaticityLevel(Scale):
    AT_DISCRETION = "at_discretion", "Each guarantor decides whether and how to act."
    AFTER_CONSULTATION = "after_consultation", "Action follows consultations among the guarantors."
    AUTOMATIC = "automatic", "The response follows from the trigger without a further decision."


class ObligationLevel(Scale):
    MAY = "may", "Guarantors may act; nothing obliges them."
    WILL_CONSIDER = "will_consider", "Guarantors undertake to consider acting."
    SHALL_ACT = "shall_act", "Guarantors are obliged to act (the means may still be theirs to choose)."


class Presence(Scale):
    NONE = "none", "No guarantor troops are committed."
    NEAR_TERRITORY = "near_territory", "Troops stand near, not in, the protected territory."
    IN_TERRITORY = "in_territory", "Troops are stationed in the protected territory."


class InstitutionLevel(Scale):
    NONE = "none", "No organisation stands behind the promise."
    AD_HOC_COALITION = "ad_hoc_coalition", "A coalition formed for the purpose, without a standing command."
    STANDING_ORGANISATION = "standing_organisation", "A standing organisation with an integrated command."


class SpecificityLevel(Scale):
    VAGUE = "vague", "The sources describe intentions; terms are missing or open."
    OUTLINED = "outlined", "The sources give the main terms but leave mechanisms open."
    DETAILED = "detailed", "The sources give the terms, trigger and mechanism concretely."
