"""The categorical vocabularies of a model file (no order among their members), each value with its meaning."""

from __future__ import annotations

from guarantees.scale import Choice, Scale


class Kind(Choice):
    TREATY_CLAUSE = "treaty_clause", "A clause of a treaty."
    MEMORANDUM = "memorandum", "A memorandum of assurances between states."
    PEACE_PLAN_CLAUSE = "peace_plan_clause", "A clause of a proposed peace plan."
    SECURITY_GUARANTEE = "security_guarantee", "A pledge by guarantors to defend or support a state."
    FORCE_DEPLOYMENT = "force_deployment", "A military force deployed to deter or reassure."
    SANCTIONS_MECHANISM = "sanctions_mechanism", "Economic measures that trigger on a violation."
    ASSISTANCE_AGREEMENT = "assistance_agreement", "Arms, intelligence or training provided over the long term."
    MONITORING_MECHANISM = "monitoring_mechanism", "A body that monitors and verifies a ceasefire or zone."
    CEASEFIRE_AGREEMENT = "ceasefire_agreement", "An agreement to end fighting on agreed terms."
    ALLIANCE_MEMBERSHIP = "alliance_membership", "Membership of a defensive alliance, offered or refused."
    SELF_DEFENCE = "self_defence", "The protected party's own armed forces as a layer of its security."


class StatusValue(Choice):
    DRAFT = "draft", "A text or idea under discussion that no party has put forward as its offer."
    PROPOSED = "proposed", "Put forward by a party; not agreed."
    UNDER_NEGOTIATION = "under_negotiation", "Being negotiated between the parties."
    ANNOUNCED = "announced", "Declared by its guarantors (a joint statement, a commitment made public)."
    SIGNED = "signed", "Signed; the sources do not say it took effect."
    IN_FORCE = "in_force", "Agreed and in effect."
    VIOLATED = "violated", "Agreed, then broken by a party."
    SUPERSEDED = "superseded", "Replaced by a later version (e.g. the original 28-point plan)."
    REFUSED = "refused", "Asked for and refused by those who would have to give it."
    LAPSED = "lapsed", "No longer in effect."


class PartyRole(Choice):
    GUARANTOR = "guarantor", "Gives the promise."
    BENEFICIARY = "beneficiary", "Receives the promise."
    ADVERSARY = "adversary", "The party the promise is meant to deter."
    BELLIGERENT = "belligerent", "A party to the war the arrangement is meant to end or deter, in no other role."
    MEMBER = "member", "A member of a mutual arrangement, guarantor and beneficiary at once."
    SIGNATORY = "signatory", "Signed the arrangement in a role the sources do not qualify."
    MEDIATOR = "mediator", "Brokered or promoted the arrangement."
    BACKSTOP = "backstop", "Stands behind the guarantors (e.g. with intelligence or logistics) without leading."


class Provenance(Choice):
    """Whose words an assessment rests on: a treaty term is never shown like a president's remark."""

    ARRANGEMENT_TEXT = "arrangement_text", "The arrangement's own text, quoted or closely restated by the source."
    OFFICIAL_STATEMENT = "official_statement", "An on-the-record statement by a named official or government."
    UNNAMED_OFFICIAL = "unnamed_official", "An unnamed official or diplomat, as reported."
    JOURNALIST = "journalist", "The journalist's or outlet's own account or paraphrase."
    ANALYST = "analyst", "An analyst's, expert's or opinion writer's reading."


class Decider(Choice):
    """Who judges that a trigger happened, or that an exit condition holds."""

    GUARANTOR_ALONE = "guarantor_alone", "The guarantor (or each guarantor for itself) decides."
    PARTIES_JOINTLY = "parties_jointly", "The parties decide together (consultation, consensus)."
    INSTITUTION = "institution", "An institution or a third party decides (a monitoring body, a court)."
    UNSPECIFIED = "unspecified", "The sources do not say who decides."


class InstrumentKind(Choice):
    TREATY = "treaty", "A treaty between states."
    MEMORANDUM = "memorandum", "A memorandum or exchange of assurances."
    JOINT_STATEMENT = "joint_statement", "A joint statement or declaration of governments."
    PEACE_PLAN = "peace_plan", "A clause of a peace plan or draft peace agreement."
    AGREEMENT = "agreement", "A bilateral or multilateral agreement other than a treaty (e.g. a ceasefire deal)."
    OFFER = "offer", "An offer or proposal reported from talks, with no text of its own."
    STATEMENT = "statement", "A statement by one official or government."


class ApprovalStep(Choice):
    RATIFICATION = "ratification", "Ratification by the parties' legislatures."
    CONGRESSIONAL_APPROVAL = "congressional_approval", "Approval by the US Congress."
    PARLIAMENTARY_VOTE = "parliamentary_vote", "A vote in another parliament."


class ApprovalState(Choice):
    PROMISED = "promised", "The offer says the step will be taken."
    REQUIRED = "required", "A source says the step is needed before the commitment binds."
    OBTAINED = "obtained", "A source says the step was taken."


class Reciprocity(Choice):
    MUTUAL = "mutual", "Every party both gives and receives the promise."
    ONE_WAY = "one_way", "Guarantors promise; the protected party promises nothing in return of the same kind."


class Area(Choice):
    MEMBER_TERRITORY = "member_territory", "The territory of every member of a mutual arrangement."
    PROTECTED_TERRITORY = "protected_territory", "The protected party's territory."
    NEAR_PROTECTED_TERRITORY = "near_protected_territory", "Near, not in, the protected party's territory."
    CEASEFIRE_LINE = "ceasefire_line", "The ceasefire or contact line."
    DEMILITARISED_ZONE = "demilitarised_zone", "A demilitarised or buffer zone."
    AIRSPACE = "airspace", "The protected party's airspace."
    SEA = "sea", "Sea lanes and coastal waters."


class PreconditionKind(Choice):
    PEACE_AGREEMENT = "peace_agreement", "A peace agreement must be in place first."
    CEASEFIRE = "ceasefire", "A ceasefire must be reached first."
    GUARANTOR_SUPPORT = "guarantor_support", "Another guarantor must contribute first (e.g. US support)."
    ADVERSARY_CONSENT = "adversary_consent", "The adversary must agree."
    OTHER = "other", "Any other condition for the arrangement to take effect."


class DurationTerm(Choice):
    PERMANENT = "permanent", "No end is foreseen."
    FIXED_TERM = "fixed_term", "It lasts a stated time."
    UNTIL_EVENT = "until_event", "It lasts until an event (e.g. the end of the fighting)."


class ConsiderationKind(Choice):
    NUCLEAR_DISARMAMENT = "nuclear_disarmament", "The protected party gives up nuclear weapons."
    ALLIANCE_AMBITIONS = "alliance_ambitions", "The protected party gives up an alliance membership it sought."
    TERRITORY = "territory", "The protected party concedes territory or access to it."
    OTHER = "other", "Any other concession."


class Stance(Choice):
    SUPPORTS = "supports", "Backs the arrangement."
    CONSENTS = "consents", "Is said to accept the arrangement, without backing it."
    OPPOSES = "opposes", "Rejects the arrangement or a part of it."
    CONDITIONS = "conditions", "Sets conditions it must meet."


class LinkKind(Choice):
    PART_OF = "part_of", "This arrangement is a component of the target."
    SUPERSEDES = "supersedes", "This arrangement replaces the target."
    REVISES = "revises", "This arrangement is a later version of the target."
    MODELLED_ON = "modelled_on", "This arrangement is designed after the target."
    ALTERNATIVE_TO = "alternative_to", "This arrangement is offered in place of the target."


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
    WITHDRAWAL = "withdrawal", "A party may renounce or withdraw from the arrangement."
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
