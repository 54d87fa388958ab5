"""Pydantic types of an arrangement file and of the source manifest; no I/O."""

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, TypeVar, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic_core import PydanticCustomError

from guarantees.party import PARTIES
from guarantees.scale import (
    AutomaticityLevel,
    BindingLevel,
    EscapeKind,
    ExitEffect,
    ExitHolder,
    InstitutionLevel,
    Kind,
    Means,
    ObligationLevel,
    PartyRole,
    Presence,
    RecordKind,
    SpecificityLevel,
    StatusValue,
    TriggerEvent,
)
from guarantees.text import CONTROL_CLASS, URL

# The unsafe characters of guarantees.text as a JSON Schema pattern, so check-jsonschema refuses
# what `guarantees validate` refuses.
NO_CONTROL = f"^[^{CONTROL_CLASS}]*$"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# "YYYY", "YYYY-MM" or a day that exists: months 01-12, the days of each month, 29 February in leap
# years only (1000-2999: divisible by 4 and not by 100, or one of the centuries divisible by 400).
# A pattern rather than a date check, so the JSON Schema refuses exactly what the types refuse.
_YEAR = r"[12][0-9]{3}"
_LEAP_YEAR = r"(?:[12][0-9](?:0[48]|[2468][048]|[13579][26])|(?:12|16|20|24|28)00)"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
PARTIAL_DATE = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"

Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=NO_CONTROL)]
SLUG_MAX_LENGTH = 64  # ids and aliases; so a longer name on the command line cannot name anything
Slug = Annotated[str, StringConstraints(min_length=2, max_length=SLUG_MAX_LENGTH, pattern=SLUG)]


def _integral(value: Any) -> Any:
    """JSON Schema counts 3.0 as an integer; take it as 3 so the schema and the types accept the same files."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _partial_date(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """One complaint about a bad date, not one per branch of the union (`expected an integer` for `2025-13-45`)."""
    try:
        return handler(value)
    except ValidationError:
        raise PydanticCustomError("partial_date", 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"') from None


PartialDate = Annotated[
    Union[
        Annotated[int, Field(ge=1000, le=2999), BeforeValidator(_integral)],
        Annotated[str, StringConstraints(pattern=PARTIAL_DATE)],
    ],
    WrapValidator(_partial_date),
]
Count = Annotated[int, Field(ge=0, le=10_000_000), BeforeValidator(_integral)]
if TYPE_CHECKING:
    PartyCode = str  # the Literal below is built from the registry at run time, which a type checker cannot follow
else:
    PartyCode = Literal[tuple(PARTIES)]


E = TypeVar("E", bound=Enum)
# A vocabulary field: strict everywhere else, but enum members arrive from YAML as plain strings.
Vocabulary = Annotated[E, Strict(False)]


class Strict_(BaseModel):
    """Base of every type: no coercion, no unknown keys."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


class Citation(Strict_):
    """An exact quote from one source; offsets and prefix/suffix pick the occurrence."""

    source: Slug = Field(description="Id of a source in seeds/sources.yaml.")
    quote: Annotated[str, StringConstraints(min_length=3, max_length=1000, pattern=NO_CONTROL)] = Field(
        description="The source text, character for character."
    )
    start: Count | None = Field(None, description="Code-point offset of the quote's first character.")
    end: Count | None = Field(None, description="Code-point offset just past the quote (half-open).")
    prefix: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_CONTROL)] | None = Field(
        None, description="Text right before the quote, to pick one of several occurrences."
    )
    suffix: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_CONTROL)] | None = Field(
        None, description="Text right after the quote, to pick one of several occurrences."
    )


Citations = Annotated[list[Citation], Field(min_length=1, description="The spans that support this value.")]


class Assessment(Strict_):
    """One cited reading of a dimension; `by` names who makes it when it is an opinion."""

    cite: Citations
    by: Text | None = Field(None, description="Who makes this assessment, when the source attributes it.")
    note: Text | None = Field(None, description="Editor's note; uncited, rendered as such.")


class BindingForce(Assessment):
    level: Vocabulary[BindingLevel] = Field(description="Where the commitment stands on the binding-force scale.")
    instrument: Text | None = Field(None, description="The instrument: treaty, memorandum, statement ...")
    ratification: Text | None = Field(None, description='The ratification step named, e.g. "approved by Congress".')


class Trigger(Assessment):
    event: Vocabulary[TriggerEvent] = Field(description="The kind of event that activates the arrangement.")
    description: Text | None = Field(None, description="The trigger in the sources' words.")
    decided_by: Text | None = Field(None, description="Who decides that the trigger happened.")


class Automaticity(Assessment):
    level: Vocabulary[AutomaticityLevel] = Field(
        description="How much further decision stands between trigger and response."
    )


class Response(Assessment):
    obligation: Vocabulary[ObligationLevel] | None = Field(None, description="How strong the duty to act is.")
    means: list[Vocabulary[Means]] = Field(default_factory=list, description="The means promised.")
    excluded_means: list[Vocabulary[Means]] = Field(
        default_factory=list, description="Means the sources say are ruled out, e.g. armed force."
    )


class EscapeClause(Assessment):
    condition: Text = Field(description="The condition under which the exit applies.")
    holder: Vocabulary[ExitHolder] = Field(description="Who can invoke the exit.")
    effect: Vocabulary[ExitEffect] = Field(description="What the exit does to the guarantee.")
    kind: Vocabulary[EscapeKind] | None = Field(None, description="The type of exit, in alliance-research terms.")


class Troops(Assessment):
    presence: Vocabulary[Presence] | None = Field(
        None, description="Where guarantor troops stand relative to the protected territory."
    )
    size_min: Count | None = Field(None, description="Smallest force size the sources give.")
    size_max: Count | None = Field(None, description="Largest force size the sources give.")
    combat_role: bool | None = Field(None, description="Whether the force has a combat role.")
    lead_nations: list[PartyCode] = Field(default_factory=list, description="Nations that lead the force.")
    backstop: Text | None = Field(None, description="The role of a backstop power.")
    backstop_by: PartyCode | None = Field(None, description="The backstop power.")


class Institution(Assessment):
    level: Vocabulary[InstitutionLevel] = Field(description="What kind of organisation stands behind it.")
    organisation: Text | None = Field(None, description="The organisation or coalition, by name.")


class Monitoring(Assessment):
    exists: bool = Field(description="Whether a monitoring and verification mechanism exists or is proposed.")
    led_by: list[PartyCode] = Field(default_factory=list, description="Who leads it.")
    description: Text | None = Field(None, description="The mechanism in the sources' words.")


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
    date: PartialDate | None = Field(
        None, description='Since when, as the sources give it: "YYYY", "YYYY-MM" or "YYYY-MM-DD".'
    )


V = TypeVar("V", bound=Assessment)


class Assessed(Strict_, Generic[V]):
    """A dimension the sources speak to: one assessment, or several that disagree or add up."""

    assessments: list[V] = Field(min_length=1, description="One or more cited readings.")
    note: Text | None = Field(None, description="Editor's note on the dimension; uncited.")


class Unspecified(Strict_):
    """A dimension the sources leave open; `cite` may show where they say so."""

    unspecified: Text = Field(description="What the sources leave open.")
    cite: list[Citation] = Field(default_factory=list, description="Where a source says the point is open.")
    note: Text | None = Field(None, description="Editor's note; uncited, rendered as such.")


ASSESSED_TAG, UNSPECIFIED_TAG = "assessed-dimension", "unspecified-dimension"


def _dimension_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        if "assessments" in value:
            return ASSESSED_TAG
        if "unspecified" in value:
            return UNSPECIFIED_TAG
    elif isinstance(value, (Assessed, Unspecified)):
        return ASSESSED_TAG if isinstance(value, Assessed) else UNSPECIFIED_TAG
    return None


_ASSESSED_TYPES: dict[type[Assessment], type[Assessed[Any]]] = {}


def assessed_type(assessment: type[Assessment]) -> type[Assessed[Any]]:
    """`AssessedTroops` and the like: a named subclass of Assessed whose items are that assessment.

    Named, so the schema calls it something readable; a plain subclass rather than `Assessed[Troops]`,
    because pydantic's generic parametrisation costs several times as much at import, which every
    command pays.
    """
    if assessment not in _ASSESSED_TYPES:
        name = f"Assessed{assessment.__name__}"
        namespace = {
            "__module__": __name__,
            "__qualname__": name,
            "__doc__": Assessed.__doc__,
            "__annotations__": {"assessments": list[assessment]},  # type: ignore[valid-type]
            "assessments": Field(min_length=1, description="One or more cited readings."),
        }
        _ASSESSED_TYPES[assessment] = type(name, (Assessed,), namespace)
    return _ASSESSED_TYPES[assessment]


def dimension(assessment: type[Assessment]) -> Any:
    """The type of one dimension: `assessments: [...]` or `unspecified: <what is open>`."""
    return Annotated[
        Annotated[assessed_type(assessment), Tag(ASSESSED_TAG)] | Annotated[Unspecified, Tag(UNSPECIFIED_TAG)],
        Discriminator(
            _dimension_tag,
            custom_error_type="dimension-shape",
            custom_error_message="expected a mapping with `assessments` (a list) or `unspecified` (a note)",
        ),
    ]


class _DimensionOf:
    """`Dimension[Troops]` in an annotation: the tagged union `dimension(Troops)` builds."""

    def __getitem__(self, assessment: type[Assessment]) -> Any:
        return dimension(assessment)


if TYPE_CHECKING:
    Dimension = Union[Assessed[V], "Unspecified"]
else:
    Dimension = _DimensionOf()


class Dimensions(Strict_):
    """Every typed dimension; each is assessed or explicitly unspecified."""

    binding_force: Dimension[BindingForce] = Field(description="How binding the commitment is, in law.")
    trigger: Dimension[Trigger] = Field(description="The event that activates it, and who decides it happened.")
    automaticity: Dimension[Automaticity] = Field(description="Whether the response follows without a new decision.")
    response: Dimension[Response] = Field(description="How strong the duty to act is, and the means promised.")
    escape_clauses: Dimension[EscapeClause] = Field(
        description="Conditions that void, suspend or reduce it; one per assessment."
    )
    troops: Dimension[Troops] = Field(description="Presence, size, role and lead nations of any force.")
    institution: Dimension[Institution] = Field(description="The organisation that stands behind it.")
    monitoring: Dimension[Monitoring] = Field(
        description="Whether a monitoring and verification mechanism exists, and who leads it."
    )
    track_record: Dimension[RecordEntry] = Field(
        description="Invocations, violations and failures the sources report; one per assessment."
    )
    specificity: Dimension[Specificity] = Field(description="How concretely the sources define the arrangement.")


# Dimensions whose assessments add up (several clauses, several events) instead of disagreeing.
CUMULATIVE_DIMENSIONS = frozenset({"escape_clauses", "track_record"})


class Party(Strict_):
    code: PartyCode = Field(description="ISO 3166-1 alpha-2 code or organisation code.")
    role: Vocabulary[PartyRole] = Field(description="The party's role in the arrangement.")
    cite: Citations
    note: Text | None = Field(None, description="Editor's note; uncited.")


class Arrangement(Strict_):
    """One security arrangement, as the sources describe it."""

    id: Slug = Field(description="Stable id; equal to the file name without `.yaml`.")
    name: Text = Field(description="The arrangement's name, as a reader knows it.")
    aliases: list[Slug] = Field(min_length=1, description="Short names for the command line, e.g. `art5`.")
    kind: Vocabulary[Kind] = Field(description="What sort of arrangement it is.")
    summary: Text = Field(description="One line for catalogues; editor's text, uncited.")
    status: Dimension[Status] = Field(description="Where it stands (proposed ... in force ... violated), with dates.")
    parties: list[Party] = Field(min_length=1, description="Guarantors, beneficiaries, adversaries, each cited.")
    dimensions: Dimensions = Field(description="The typed dimensions compared across arrangements.")
    notes: Text | None = Field(None, description="Editor's notes, uncited: what the sources lack or get wrong.")


class Source(Strict_):
    """One article of the evidence base."""

    id: Slug
    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$", max_length=200)]
    collected_as: Text | None = None
    title: Text
    publisher: Text | None = None
    author: Text | None = None
    date: PartialDate | None = None
    url: Annotated[str, StringConstraints(pattern=URL, max_length=500)] | None = None
    kind: Text | None = None
    note: Text | None = None
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class SourceManifest(Strict_):
    sources: list[Source] = Field(min_length=1)
