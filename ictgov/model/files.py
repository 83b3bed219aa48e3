"""The kinds of file in a strategy tree and the root model of each.

A file's kind follows from its place under ``data/``, so a pull request that
updates one measure touches one file and the loader never has to guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import Field

from ictgov.model.base import StrictModel
from ictgov.model.body import Body
from ictgov.model.category import CategoriesFile
from ictgov.model.measure import Measure
from ictgov.model.meeting import Meeting
from ictgov.model.organisation import Organisation
from ictgov.model.project import MajorProject, StakeholderGroup
from ictgov.model.role import Role
from ictgov.model.round import Round
from ictgov.model.strategy import Goal, Strategy


class GoalsFile(StrictModel):
    """``data/strategy/goals.yaml``."""

    goals: list[Goal] = Field(default_factory=list, description="The strategic goals.")


class OrganisationsFile(StrictModel):
    """``data/strategy/organisations.yaml``."""

    organisations: list[Organisation] = Field(
        default_factory=list, description="Member municipalities and other parties."
    )


class BodiesFile(StrictModel):
    """``data/strategy/bodies.yaml``."""

    bodies: list[Body] = Field(
        default_factory=list, description="Governance bodies (toimielimet) and groups."
    )


class RolesFile(StrictModel):
    """``data/strategy/roles.yaml``: posts with duties that are not bodies."""

    roles: list[Role] = Field(
        default_factory=list,
        description="Posts with duties that are not bodies, e.g. the ICT account manager of a "
        "customer town.",
    )


class ProjectsFile(StrictModel):
    """``data/strategy/projects.yaml``."""

    projects: list[MajorProject] = Field(
        default_factory=list, description="Major projects the schedule depends on."
    )


class StakeholdersFile(StrictModel):
    """``data/strategy/stakeholders.yaml``."""

    stakeholder_groups: list[StakeholderGroup] = Field(
        default_factory=list, description="Stakeholder groups and how to reach them."
    )


@dataclass(frozen=True)
class FileKind:
    """One kind of file: its name, root model and where it lives."""

    name: str
    model: type[StrictModel]
    #: Fixed path under ``data/`` for singleton files, or a folder for one-per-item files.
    location: str
    one_per_item: bool = False
    #: Key of the list of entities inside a singleton file, if any.
    list_key: str | None = None


STRATEGY = FileKind("strategy", Strategy, "strategy/strategy.yaml")
GOALS = FileKind("goals", GoalsFile, "strategy/goals.yaml", list_key="goals")
ORGANISATIONS = FileKind(
    "organisations", OrganisationsFile, "strategy/organisations.yaml", list_key="organisations"
)
BODIES = FileKind("bodies", BodiesFile, "strategy/bodies.yaml", list_key="bodies")
ROLES = FileKind("roles", RolesFile, "strategy/roles.yaml", list_key="roles")
PROJECTS = FileKind("projects", ProjectsFile, "strategy/projects.yaml", list_key="projects")
STAKEHOLDERS = FileKind(
    "stakeholders", StakeholdersFile, "strategy/stakeholders.yaml", list_key="stakeholder_groups"
)
CATEGORIES = FileKind(
    "categories", CategoriesFile, "strategy/categories.yaml", list_key="categories"
)
MEASURE = FileKind("measure", Measure, "measures", one_per_item=True)
MEETING = FileKind("meeting", Meeting, "meetings", one_per_item=True)
ROUND = FileKind("round", Round, "rounds", one_per_item=True)

KINDS: tuple[FileKind, ...] = (
    STRATEGY,
    GOALS,
    ORGANISATIONS,
    BODIES,
    ROLES,
    PROJECTS,
    STAKEHOLDERS,
    CATEGORIES,
    MEASURE,
    MEETING,
    ROUND,
)

YAML_SUFFIXES = (".yaml", ".yml")


def kind_for(relpath: str) -> FileKind | None:
    """The kind of a file from its path relative to ``data/`` (posix), or None if unknown."""
    path = PurePosixPath(relpath)
    if path.suffix not in YAML_SUFFIXES:
        return None
    stem_path = str(path.with_suffix(".yaml"))
    for kind in KINDS:
        if kind.one_per_item:
            if path.parts[0] == kind.location and len(path.parts) >= 2:
                return kind
        elif stem_path == kind.location:
            return kind
    return None


def expected_locations() -> str:
    """Human list of where files may live, for the 'unknown file' diagnostic."""
    fixed = [k.location for k in KINDS if not k.one_per_item]
    folders = [f"{k.location}/<id>.yaml" for k in KINDS if k.one_per_item]
    return ", ".join(fixed + folders)
