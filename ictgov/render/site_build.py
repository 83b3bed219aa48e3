"""What a report site holds: the views every page shares, and the list of its pages.

Computed once per run (``build_site``) and shared by every language and format;
``ictgov.render.site`` turns it into files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ictgov.i18n import LANGUAGES
from ictgov.load import Tree
from ictgov.model import MajorProject, Strategy
from ictgov.render.charts import Gantt, LineChart, gantt, line_chart
from ictgov.render.pages import page_stem
from ictgov.views.annual import AnnualReport, annual_for
from ictgov.views.categories import CategoryView, TagView, category_views, tag_views
from ictgov.views.cooperation import Cooperation, build_cooperation
from ictgov.views.governance import Governance, build_governance
from ictgov.views.money import Money, build_money
from ictgov.views.overview import Overview, build_overview
from ictgov.views.public import redact
from ictgov.views.report import (
    BodyRegister,
    GoalDetail,
    MeasureDetail,
    OrganisationPage,
    Responsibility,
    goal_details,
    measure_details,
    meeting_register,
    organisation_pages,
    responsibilities,
)
from ictgov.views.timeline import Timeline, build_timeline

FORMATS: tuple[str, ...] = ("html", "md")


@dataclass(frozen=True)
class RenderOptions:
    """What to render: formats, languages, and the switches of ``ictgov render``."""

    formats: tuple[str, ...] = FORMATS
    languages: tuple[str, ...] = LANGUAGES
    public: bool = False
    single_file: bool = False
    year: int | None = None
    #: A note such as "generated 2024-11-01 12:00 UTC" for the footer; None keeps output
    #: byte-identical between runs.
    stamp: str | None = None
    #: ``on_track_late_after_days`` of the configuration: when "on track" stops being believed.
    on_track_late_after_days: int = 90


@dataclass(frozen=True)
class Site:
    """Everything the templates can show, computed once (the ``site`` variable)."""

    tree: Tree
    strategy: Strategy | None
    today: date
    content_lang: str
    overview: Overview
    goals: dict[str, GoalDetail]
    measures: dict[str, MeasureDetail]
    charts: dict[str, LineChart]
    timeline: Timeline
    gantt: Gantt
    governance: Governance
    responsibilities: tuple[Responsibility, ...]
    organisations: tuple[OrganisationPage, ...]
    register: tuple[BodyRegister, ...]
    #: None when no year can be reported yet (no full year with data) and none was asked.
    annual: AnnualReport | None
    categories: tuple[CategoryView, ...]
    tags: tuple[TagView, ...]
    projects: tuple[MajorProject, ...]
    #: Budget sums per measure, goal and strategy (``ictgov.views.money``).
    money: Money
    #: Roles, units and service agreements (``ictgov.views.cooperation``).
    cooperation: Cooperation
    meeting_count: int
    public: bool
    stamp: str | None
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """One page to render: its kind, id, path stem and the variables it adds."""

    kind: str
    id: str | None
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        """Path under the language folder, without extension."""
        return page_stem(self.kind, self.id)


def build_site(
    tree: Tree,
    today: date,
    stale_after_days: int,
    options: RenderOptions,
    content_lang: str,
    history: Callable[[date], Tree | None] | None = None,
) -> Site:
    """Compute every view the pages need (redacted first with ``public``)."""
    if options.public:
        tree = redact(tree)
        if history is not None:
            unredacted = history

            def history(day: date) -> Tree | None:
                past = unredacted(day)
                return redact(past) if past is not None else None

    overview = build_overview(tree, today, stale_after_days, options.on_track_late_after_days)
    goals = goal_details(tree, overview)
    measures = measure_details(tree, overview)
    charts: dict[str, LineChart] = {}
    for key, series in [
        *((f"goal-{k}", g.series) for k, g in goals.items()),
        *((f"measure-{k}", m.series) for k, m in measures.items()),
    ]:
        chart = line_chart(series) if series is not None and series.quantitative else None
        if chart is not None:
            charts[key] = chart
    timeline = build_timeline(tree, overview)
    return Site(
        tree=tree,
        strategy=tree.strategy,
        today=today,
        content_lang=tree.strategy.language if tree.strategy else content_lang,
        overview=overview,
        goals=goals,
        measures=measures,
        charts=charts,
        timeline=timeline,
        gantt=gantt(timeline),
        governance=build_governance(tree, today),
        responsibilities=responsibilities(tree, overview),
        organisations=organisation_pages(tree, overview),
        register=meeting_register(tree, today),
        annual=annual_for(tree, overview, options.year, history),
        categories=category_views(tree.categories, overview.measures),
        tags=tag_views(overview.measures),
        projects=tuple(tree.projects),
        money=build_money(tree, overview.goals, overview.measures),
        cooperation=build_cooperation(tree),
        meeting_count=len(tree.meetings),
        public=options.public,
        stamp=options.stamp,
        languages=options.languages,
    )


def entity_index(tree: Tree) -> dict[str, dict[str, Any]]:
    """What templates may look up by kind and id (the ``find`` helper)."""
    return {
        "body": dict(tree.body_by_id),
        "organisation": dict(tree.organisation_by_id),
        "role": {r.id: r for r in tree.roles},
        "meeting": {m.id: m for m in tree.meetings},
        "category": dict(tree.category_by_id),
    }


def plan_pages(site: Site) -> list[Page]:
    """Every page of the site in a stable order (overview first)."""
    pages = [Page("overview", None)]
    pages += [Page("goal", k, {"detail": g}) for k, g in site.goals.items()]
    pages += [Page("measure", k, {"detail": m}) for k, m in site.measures.items()]
    pages += [
        Page("timeline", None),
        Page("responsibilities", None),
        Page("organisations", None),
    ]
    pages += [Page("organisation", o.organisation.id, {"detail": o}) for o in site.organisations]
    pages += [
        Page("governance", None),
        Page("meetings", None),
        *([Page("annual", str(site.annual.year))] if site.annual is not None else []),
    ]
    if site.categories:
        pages.append(Page("categories", None))
        pages += [Page("category", c.id, {"detail": c}) for c in site.categories]
    return pages + ([Page("tags", None)] if site.tags else [])
