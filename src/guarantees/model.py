"""Pydantic types of an arrangement file and of the source manifest; no I/O.

The building blocks are in `fields`, the assessment of each dimension in `assessments`, the
vocabularies in `scale` (ordered) and `vocabulary` (categorical).
"""

from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar, Union

from pydantic import Discriminator, Field, StringConstraints, Tag

from guarantees.assessments import (
    Automaticity,
    BindingForce,
    Consideration,
    DomesticApproval,
    Duration,
    EscapeClause,
    GeographicScope,
    Institution,
    Instrument,
    Monitoring,
    Position,
    Precondition,
    ReciprocityReading,
    RecordEntry,
    Response,
    Specificity,
    Status,
    Trigger,
    Troops,
)
from guarantees.fields import (
    Assessment,
    Citation,
    Citations,
    PartialDate,
    PartyCode,
    Slug,
    Strict_,
    Text,
    Vocabulary,
)
from guarantees.text import URL
from guarantees.vocabulary import Kind, LinkKind, PartyRole, Provenance

# Re-exported: most readers of a model need these with the model types themselves.
__all__ = [
    "Arrangement", "Assessed", "Assessment", "Citation", "CUMULATIVE_DIMENSIONS", "Dimensions", "Link", "Party",
    "Source", "SourceManifest", "Status", "Unspecified", "dimension",
]  # fmt: skip


V = TypeVar("V", bound=Assessment)


class Assessed(Strict_, Generic[V]):
    """A dimension the sources speak to: one assessment, or several that disagree or add up."""

    assessments: list[V] = Field(min_length=1, description="One or more cited readings.")
    note: Text | None = Field(None, description="Editor's note on the dimension; uncited.")


class Unspecified(Strict_):
    """A dimension the sources leave open; `cite` may show where they say so."""

    unspecified: Text = Field(description="What the sources leave open.")
    cite: list[Citation] = Field([], description="Where a source says the point is open.")
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


_ASSESSED_TYPES: "dict[type[Assessment], type[Assessed[Any]]]" = {}


def assessed_type(assessment: type[Assessment]) -> "type[Assessed[Any]]":
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
    """Every typed dimension, in the order a comparison shows them; each is assessed or explicitly unspecified."""

    instrument: Dimension[Instrument] = Field(description="The kind of instrument the commitment is made in.")
    binding_force: Dimension[BindingForce] = Field(description="The legal character a source asserts.")
    domestic_approval: Dimension[DomesticApproval] = Field(
        description="Ratification, congressional approval or a parliamentary vote, promised, required or obtained."
    )
    reciprocity: Dimension[ReciprocityReading] = Field(description="Mutual obligations, or one-way.")
    trigger: Dimension[Trigger] = Field(description="The event that activates it, and who decides it happened.")
    automaticity: Dimension[Automaticity] = Field(description="Whether the response follows without a new decision.")
    response: Dimension[Response] = Field(description="How strong the duty to act is, and the means promised.")
    escape_clauses: Dimension[EscapeClause] = Field(
        description="Conditions that void, suspend or reduce it, and who judges them; one per assessment."
    )
    troops: Dimension[Troops] = Field(description="Presence, size, role and leaders of any force.")
    geographic_scope: Dimension[GeographicScope] = Field(description="Where the obligations or forces apply.")
    institution: Dimension[Institution] = Field(description="The organisation that stands behind it.")
    monitoring: Dimension[Monitoring] = Field(
        description="Whether a monitoring and verification mechanism exists, and who leads it."
    )
    preconditions: Dimension[Precondition] = Field(
        description="What must hold before it takes effect (a peace agreement, a ceasefire ...); one per assessment."
    )
    duration: Dimension[Duration] = Field(description="How long it is to last.")
    consideration: Dimension[Consideration] = Field(
        description="What the protected party gives or concedes in return; one per assessment."
    )
    positions: Dimension[Position] = Field(
        description="Stated positions and conditions of the parties (the adversary's included); one per assessment."
    )
    track_record: Dimension[RecordEntry] = Field(
        description="Invocations, violations and failures the sources report; one per assessment."
    )
    specificity: Dimension[Specificity] = Field(description="How concretely the sources define the arrangement.")


# Dimensions whose assessments add up (several clauses, several events) instead of disagreeing.
CUMULATIVE_DIMENSIONS = frozenset({"escape_clauses", "preconditions", "consideration", "positions", "track_record"})


class Party(Strict_):
    code: PartyCode = Field(description="ISO 3166-1 alpha-2 code, organisation or group code.")
    role: Vocabulary[PartyRole] = Field(description="The party's role in the arrangement.")
    cite: Citations
    note: Text | None = Field(None, description="Editor's note; uncited.")


class Link(Strict_):
    """A cited relation to another arrangement: a part of it, a later version of it, modelled on it, in place of it."""

    relation: Vocabulary[LinkKind] = Field(description="How this arrangement relates to the target.")
    target: Slug = Field(description="The id of the other arrangement.")
    provenance: Vocabulary[Provenance] = Field(description="Whose words the link rests on.")
    by: Text | None = Field(None, description="Who makes the link, when the source attributes it.")
    cite: Citations
    note: Text | None = Field(None, description="Editor's note; uncited.")


class Arrangement(Strict_):
    """One security arrangement, as the sources describe it."""

    id: Slug = Field(description="Stable id; equal to the file name without `.yaml`.")
    name: Text = Field(description="The arrangement's name, as a reader knows it.")
    aliases: list[Slug] = Field(min_length=1, description="Short names for the command line, e.g. `art5`.")
    kind: Vocabulary[Kind] = Field(description="What sort of arrangement it is.")
    summary: Text = Field(description="One line for catalogues; editor's text, uncited.")
    status: Dimension[Status] = Field(description="Where it stands (draft ... in force ... superseded), with dates.")
    parties: list[Party] = Field(min_length=1, description="Guarantors, beneficiaries, adversaries, each cited.")
    links: list[Link] = Field([], description="Cited relations to other arrangements.")
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
    # May be empty: a new project (`guarantees init`) starts with `sources: []` and adds to it.
    sources: list[Source] = Field(description="The source texts of seeds/, each with its SHA-256.")
