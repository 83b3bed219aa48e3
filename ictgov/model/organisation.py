"""Member organisations (municipalities) and other parties of the strategy."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ictgov.model.base import DescribedEnum, Entity, Id, IsoDate, Link, StrictModel, Text


class OrgRole(DescribedEnum):
    """The organisation's role in the cooperation."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "lead": "Lead municipality (vastuukunta): coordinates the cooperation.",
        "member": "Member of the cooperation.",
        "partner": "Partner that takes part without being a member.",
    }

    LEAD = "lead"  # vastuukunta
    MEMBER = "member"
    PARTNER = "partner"


class OrgType(DescribedEnum):
    """What kind of organisation it is."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "municipality": "A municipality or city (kunta, kaupunki).",
        "region": "A region or a regional council (maakunta, maakunnan liitto).",
        "wellbeing_services_county": "A wellbeing services county (hyvinvointialue).",
        "company": "A company, e.g. an in-house ICT company.",
        "unit": "An organisational unit of a member, e.g. the ICT unit of a city; set parent.",
        "other": "Any other kind of organisation.",
    }

    MUNICIPALITY = "municipality"
    REGION = "region"
    WELLBEING_COUNTY = "wellbeing_services_county"
    COMPANY = "company"
    UNIT = "unit"
    OTHER = "other"


def business_id_check_digit(first7: str) -> int | None:
    """Check digit of a Finnish business ID (Y-tunnus); None when no valid digit exists."""
    weights = (7, 9, 10, 5, 8, 4, 2)
    remainder = sum(int(d) * w for d, w in zip(first7, weights, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def business_id_is_valid(value: str) -> bool:
    """Whether *value* (``NNNNNNN-C``) has the right check digit."""
    if len(value) != 9 or value[7] != "-" or not (value[:7] + value[8]).isdigit():
        return False
    return business_id_check_digit(value[:7]) == int(value[8])


class ServiceAgreement(StrictModel):
    """One organisation provides services to another under an agreement."""

    customer: Id = Field(description="Id of the organisation served, e.g. 'orivesi'.")
    name: Text | None = Field(
        default=None, description="Name of the agreement, e.g. 'ICT-palvelusopimus 2024'."
    )
    link: Link | None = Field(default=None, description="Where the agreement can be read.")
    date: IsoDate | None = Field(
        default=None, description="Date the agreement was signed or took effect, e.g. 2024-01-01."
    )
    services: list[Text] = Field(
        default_factory=list, description="Services provided, e.g. 'Työasemapalvelut'."
    )


class Organisation(Entity):
    """A member municipality or another party."""

    id: Id = Field(description="Id of the organisation, e.g. tampere; other files refer to it.")
    name: Text = Field(description="Name of the organisation, e.g. 'Tampereen kaupunki'.")
    type: OrgType = Field(
        default=OrgType.MUNICIPALITY,
        description="What it is: municipality, region, wellbeing_services_county, company or "
        "other.",
    )
    role: OrgRole = Field(
        default=OrgRole.MEMBER, description="Its part in the cooperation: lead, member or partner."
    )
    municipality_code: str | None = Field(
        default=None,
        pattern=r"^\d{3}$",
        description='Statistics Finland code, three digits with leading zeros, quoted: "020".',
    )
    business_id: str | None = Field(
        default=None,
        pattern=r"^\d{7}-\d$",
        description="Finnish business ID (Y-tunnus), e.g. 0211675-2; the check digit is verified.",
    )
    website: Link | None = Field(default=None, description="The organisation's web site.")
    parent: Id | None = Field(
        default=None,
        description="For a unit (type: unit): id of the organisation it belongs to, e.g. "
        "'tampere' for the ICT unit of Tampere.",
    )
    provides_to: list[ServiceAgreement] = Field(
        default_factory=list,
        description="Organisations this one provides services to, each with its agreement.",
    )
