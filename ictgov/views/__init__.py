"""What reports show, computed once from a tree: roll-ups, attention, timelines."""

from ictgov.views.decisions import DecisionRef, OpenAction, decisions_by_concern, open_actions
from ictgov.views.overview import (
    CLOSED,
    GoalView,
    MeasureView,
    Overview,
    Reason,
    build_overview,
    code_key,
    filter_measures,
    measure_view,
    rollup,
)
from ictgov.views.text import Localized, localize, plain

__all__ = [
    "CLOSED",
    "DecisionRef",
    "GoalView",
    "Localized",
    "MeasureView",
    "OpenAction",
    "Overview",
    "Reason",
    "build_overview",
    "code_key",
    "decisions_by_concern",
    "filter_measures",
    "localize",
    "measure_view",
    "open_actions",
    "plain",
    "rollup",
]
