"""The vocabularies of a model file: categorical choices and ordered scales, each level with its meaning."""

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
    NONE = "none", "No commitment of any kind is made."
    POLITICAL_DECLARATION = "political_declaration", "A statement of intent or solidarity with no legal form."
    NON_BINDING_ASSURANCE = "non_binding_assurance", "A written assurance that creates no legal obligation."
    EXECUTIVE_COMMITMENT = (
        "executive_commitment",
        "A commitment by a government that a successor or legislature need not honour.",
    )
    LEGALLY_BINDING = "legally_binding", "A commitment described as legally binding, short of a ratified treaty."
    RATIFIED_TREATY_OBLIGATION = (
        "ratified_treaty_obligation",
        "A treaty obligation ratified by the parties' legislatures.",
    )


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


class Kind(Choice):
    TREATY_CLAUSE = "treaty_clause", "A clause of a ratified treaty."
    MEMORANDUM = "memorandum", "A memorandum of assurances between states."
    PEACE_PLAN_CLAUSE = "peace_plan_clause", "A clause of a proposed peace plan."
    SECURITY_GUARANTEE = "security_guarantee", "A pledge by guarantors to defend or support a state."
    FORCE_DEPLOYMENT = "force_deployment", "A military force deployed to deter or reassure."
    SANCTIONS_MECHANISM = "sanctions_mechanism", "Economic measures that trigger on a violation."
    ASSISTANCE_AGREEMENT = "assistance_agreement", "Arms, intelligence or training provided over the long term."
    MONITORING_MECHANISM = "monitoring_mechanism", "A body that monitors and verifies a ceasefire or zone."
    CEASEFIRE_AGREEMENT = "ceasefire_agreement", "An agreement to end fighting on agreed terms."


class StatusValue(Choice):
    PROPOSED = "proposed", "Put forward; not agreed."
    UNDER_NEGOTIATION = "under_negotiation", "Being negotiated between the parties."
    SIGNED = "signed", "Signed; the sources do not say it took effect."
    IN_FORCE = "in_force", "Agreed and in effect."
    VIOLATED = "violated", "Agreed, then broken by a party."
    LAPSED = "lapsed", "No longer in effect."


class PartyRole(Choice):
    GUARANTOR = "guarantor", "Gives the promise."
    BENEFICIARY = "beneficiary", "Receives the promise."
    ADVERSARY = "adversary", "The party the promise is meant to deter."
    MEMBER = "member", "A member of a mutual arrangement, guarantor and beneficiary at once."
    SIGNATORY = "signatory", "Signed the arrangement in a role the sources do not qualify."
    MEDIATOR = "mediator", "Brokered or promoted the arrangement."
    BACKSTOP = "backstop", "Stands behind the guarantors (e.g. with intelligence or logistics) without leading."


class TriggerEvent(Choice):
    ARMED_ATTACK = "armed_attack", "An armed attack on the protected party."
    RENEWED_AGGRESSION = "renewed_aggression", "Renewed aggression after a ceasefire or peace deal."
    VIOLATION_OF_TERMS = "violation_of_terms", "A violation of peace or ceasefire terms."
    BENEFICIARY_CONDUCT = (
        "beneficiary_conduct",
        "An act of the protected party itself (the trigger of an escape clause).",
    )
    CEASEFIRE = "ceasefire", "A ceasefire or peace agreement coming into effect."


class Means(Choice):
    ARMED_FORCE = "armed_force", "Use of armed force."
    INTELLIGENCE = "intelligence", "Intelligence support or sharing."
    LOGISTICS = "logistics", "Logistical support."
    ARMS_SUPPLY = "arms_supply", "Supply of weapons."
    TRAINING = "training", "Training of the protected party's forces."
    JOINT_PLANNING = "joint_planning", "Joint military planning."
    ECONOMIC_SANCTIONS = "economic_sanctions", "Economic measures against the adversary."
    ECONOMIC_SUPPORT = "economic_support", "Economic support for the protected party."
    AIR_DEFENCE = "air_defence", "Protection of the protected party's airspace."
    MARITIME_SECURITY = "maritime_security", "Protection of the protected party's sea lanes and coast."
    DIPLOMATIC = "diplomatic", "Diplomatic support."
    MONITORING = "monitoring", "Monitoring and verification."
    POLITICAL_BACKING = "political_backing", "Political backing only."


class ExitHolder(Choice):
    GUARANTOR = "guarantor", "The guarantor can invoke the exit."
    GUARANTEED = "guaranteed", "The protected party can invoke the exit."
    ANY_PARTY = "any_party", "Any party can invoke the exit."


class ExitEffect(Choice):
    VOIDS = "voids", "The guarantee becomes invalid."
    SUSPENDS = "suspends", "The guarantee is suspended while the condition holds."
    REDUCES = "reduces", "The guarantee is weakened, e.g. to less than armed force."


class EscapeKind(Choice):
    NON_PROVOCATION = "non_provocation", "Void if the protected party provokes the attack (alliance research term)."
    BURDEN_SHARING = "burden_sharing", "Conditional on the protected party's contributions, e.g. defence spending."
    NATIONAL_DISCRETION = "national_discretion", "Each guarantor keeps the choice of means or of acting at all."
    OTHER = "other", "Any other exit condition."


class RecordKind(Choice):
    INVOKED = "invoked", "The arrangement was invoked."
    VIOLATED = "violated", "A party broke its terms."
    FAILED = "failed", "The arrangement did not deliver what it promised."
    NOT_IMPLEMENTED = "not_implemented", "The arrangement was never fully implemented."
    DOUBTED = "doubted", "A guarantor publicly cast doubt on honouring it."


def choice_types() -> list[type[Choice]]:
    """Every vocabulary, scales first, in declaration order (for the codebook and the schema)."""
    return [*Scale.__subclasses__(), *(c for c in Choice.__subclasses__() if c is not Scale)]
