"""One assessment type per dimension (codebook v2): the typed fields a cited reading of that dimension holds."""

from pydantic import Field

from guarantees.fields import Assessment, Count, PartialDate, PartyCode, Text, Vocabulary
from guarantees.scale import (
    AutomaticityLevel,
    BindingLevel,
    InstitutionLevel,
    ObligationLevel,
    Presence,
    SpecificityLevel,
)
from guarantees.vocabulary import (
    ApprovalState,
    ApprovalStep,
    Area,
    ConsiderationKind,
    Decider,
    DurationTerm,
    EscapeKind,
    ExitEffect,
    ExitHolder,
    InstrumentKind,
    Means,
    PreconditionKind,
    Reciprocity,
    RecordKind,
    Stance,
    StatusValue,
    TriggerEvent,
)

_DECIDED_BY = "Who judges that it happened: the guarantor alone, the parties jointly, an institution; or unspecified."


class Instrument(Assessment):
    kind: Vocabulary[InstrumentKind] = Field(description="The kind of instrument the commitment is made in.")
    name: Text | None = Field(None, description="The instrument's name, e.g. North Atlantic Treaty.")


class BindingForce(Assessment):
    level: Vocabulary[BindingLevel] = Field(description="The legal character a source asserts, on the scale.")


class DomesticApproval(Assessment):
    step: Vocabulary[ApprovalStep] = Field(description="The approval step named (ratification, Congress ...).")
    state: Vocabulary[ApprovalState] = Field(description="Whether the step is promised, required or obtained.")


class ReciprocityReading(Assessment):
    kind: Vocabulary[Reciprocity] = Field(description="Mutual obligations, or one-way from guarantors.")


class Trigger(Assessment):
    event: Vocabulary[TriggerEvent] = Field(description="The kind of event that activates the arrangement.")
    decided_by: Vocabulary[Decider] = Field(description=_DECIDED_BY)
    description: Text | None = Field(None, description="The trigger in the sources' words.")


class Automaticity(Assessment):
    level: Vocabulary[AutomaticityLevel] = Field(
        description="How much further decision stands between trigger and response."
    )


class Response(Assessment):
    obligation: Vocabulary[ObligationLevel] | None = Field(None, description="How strong the duty to act is.")
    means: list[Vocabulary[Means]] = Field([], description="The means promised.")
    excluded_means: list[Vocabulary[Means]] = Field(
        [], description="Means the sources say are ruled out, e.g. armed force."
    )


class EscapeClause(Assessment):
    condition: Text = Field(description="The condition under which the exit applies.")
    holder: Vocabulary[ExitHolder] = Field(description="Who can invoke the exit.")
    effect: Vocabulary[ExitEffect] = Field(description="What the exit does to the guarantee.")
    decided_by: Vocabulary[Decider] = Field(description="Who judges that the condition holds; or unspecified.")
    kind: Vocabulary[EscapeKind] | None = Field(None, description="The type of exit, in alliance-research terms.")


class Troops(Assessment):
    presence: Vocabulary[Presence] | None = Field(
        None, description="Where guarantor troops stand relative to the protected territory."
    )
    size_min: Count | None = Field(None, description="Smallest force size the sources give.")
    size_max: Count | None = Field(None, description="Largest force size the sources give.")
    combat_role: bool | None = Field(None, description="Whether the force has a combat role.")
    lead_nations: list[PartyCode] = Field([], description="Who a source says leads the force.")
    backstop: Text | None = Field(None, description="The role of a backstop power.")
    backstop_by: PartyCode | None = Field(None, description="The backstop power.")


class GeographicScope(Assessment):
    areas: list[Vocabulary[Area]] = Field(min_length=1, description="Where the obligations or forces apply.")
    description: Text | None = Field(None, description="The area in the sources' words.")


class Institution(Assessment):
    level: Vocabulary[InstitutionLevel] = Field(description="What kind of organisation stands behind it.")
    organisation: Text | None = Field(None, description="The organisation or coalition, by name.")


class Monitoring(Assessment):
    exists: bool = Field(description="Whether a monitoring and verification mechanism exists or is proposed.")
    led_by: list[PartyCode] = Field([], description="Who leads it.")
    description: Text | None = Field(None, description="The mechanism in the sources' words.")


class Precondition(Assessment):
    kind: Vocabulary[PreconditionKind] = Field(description="What must hold before the arrangement takes effect.")
    condition: Text = Field(description="The condition in one line.")


class Duration(Assessment):
    term: Vocabulary[DurationTerm] = Field(description="How long the arrangement is to last.")
    description: Text | None = Field(None, description="The term in the sources' words.")


class Consideration(Assessment):
    kind: Vocabulary[ConsiderationKind] = Field(description="What the protected party gives or concedes in return.")
    description: Text = Field(description="The concession in one line.")


class Position(Assessment):
    party: PartyCode | None = Field(None, description="Whose position; leave out for analysts speaking generally.")
    stance: Vocabulary[Stance] = Field(description="Supports, consents, opposes, or sets conditions.")
    condition: Text | None = Field(None, description="The condition or objection, in one line.")


class RecordEntry(Assessment):
    event: Vocabulary[RecordKind] = Field(description="What happened.")
    description: Text = Field(description="The event in one line.")
    date: PartialDate | None = Field(
        None, description='When, as the sources give it: "YYYY", "YYYY-MM" or "YYYY-MM-DD".'
    )


class Specificity(Assessment):
    level: Vocabulary[SpecificityLevel] = Field(description="How concretely the sources define the arrangement.")


class Status(Assessment):
    value: Vocabulary[StatusValue] = Field(description="Where the arrangement stands.")
    proposed: PartialDate | None = Field(None, description="When it was proposed or first reported as offered.")
    announced: PartialDate | None = Field(None, description="When it was announced.")
    signed: PartialDate | None = Field(None, description="When it was signed.")
    since: PartialDate | None = Field(None, description="Since when the status holds, if a source says so.")
    timeline: Text | None = Field(None, description='A stated timeline, e.g. "formalized within the next 10 days".')
