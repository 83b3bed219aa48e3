"""Words for the data's fixed values (statuses, levels, resolutions ...) in every language.

Reports tell status in words (and an icon), never by colour alone; these are the
words. Keys are the enum values as written in the YAML files.
"""

from __future__ import annotations

from ictgov.i18n import N_

LABELS: dict[str, dict[str, str]] = {
    "status": {
        "planned": N_("planned"),
        "in_progress": N_("in progress"),
        "completed": N_("completed"),
        "on_hold": N_("on hold"),
        "discontinued": N_("discontinued"),
    },
    "health": {
        "on_track": N_("on track"),
        "at_risk": N_("at risk"),
        "off_track": N_("off track"),
    },
    "reason": {
        "off_track": N_("off track"),
        "overdue": N_("overdue"),
        "on_track_but_late": N_("on track long past its end"),
        "at_risk": N_("at risk"),
        "stale": N_("no recent update"),
    },
    #: Where the year-end state of a measure in the annual report was read from.
    "state_source": {
        "log": N_("update log"),
        "history": N_("repository history"),
        "dates": N_("dates only"),
    },
    "level": {
        "strategic": N_("strategic"),
        "tactical": N_("tactical"),
        "operational": N_("operational"),
    },
    "member_role": {
        "chair": N_("chair"),
        "vice_chair": N_("vice chair"),
        "secretary": N_("secretary"),
        "member": N_("member"),
        "expert": N_("expert"),
    },
    "attendee_role": {
        "chair": N_("chair"),
        "vice_chair": N_("vice chair"),
        "member": N_("member"),
        "deputy": N_("deputy"),
        "secretary": N_("secretary"),
        "presenter": N_("presenter"),
        "preparer": N_("preparer"),
        "expert": N_("expert"),
        "other": N_("other"),
    },
    "resolution": {
        "passed": N_("passed"),
        "passed_modified": N_("passed as amended"),
        "passed_voted": N_("passed after a vote"),
        "rejected": N_("rejected"),
        "noted": N_("noted"),
        "returned": N_("returned for preparation"),
        "tabled": N_("tabled"),
        "removed": N_("removed from the agenda"),
    },
    "org_role": {
        "lead": N_("lead organisation"),
        "member": N_("member"),
        "partner": N_("partner"),
    },
    "org_type": {
        "municipality": N_("municipality"),
        "region": N_("region"),
        "wellbeing_services_county": N_("wellbeing services county"),
        "company": N_("company"),
        "unit": N_("organisational unit"),
        "other": N_("other organisation"),
    },
    "term": {
        "short": N_("short-term goal"),
        "long": N_("long-term goal"),
    },
    "influence": {
        "high": N_("high"),
        "medium": N_("medium"),
        "low": N_("low"),
    },
    "cadence": {
        "met": N_("met"),
        "missed": N_("not met"),
        "behind": N_("behind pace"),
        "pending": N_("year in progress"),
    },
    "schedule": {
        "unscheduled": N_("no schedule"),
        "not_started": N_("not started yet"),
        "late_start": N_("start delayed"),
        "on_schedule": N_("within schedule"),
        "overdue": N_("past planned end"),
        "finished_on_time": N_("finished on time"),
        "finished_late": N_("finished late"),
        "on_hold": N_("on hold"),
        "closed": N_("closed"),
    },
    "direction": {
        "higher": N_("higher is better"),
        "lower": N_("lower is better"),
    },
    #: Kinds of item, as ``ictgov.views.detail.KIND_NAMES`` names them.
    "kind": {
        "strategy": N_("strategy"),
        "value promise": N_("value promise"),
        "goal": N_("goal"),
        "organisation": N_("organisation"),
        "body": N_("body"),
        "role": N_("role"),
        "project": N_("project"),
        "stakeholder group": N_("stakeholder group"),
        "measure": N_("measure"),
        "meeting": N_("meeting"),
        "category": N_("category"),
    },
}

#: The language's own name, and "in <language>" for marking text in a fallback language.
LANGUAGE_NAMES: dict[str, str] = {"fi": "suomi", "sv": "svenska", "en": "English"}
IN_LANGUAGE: dict[str, str] = {
    "fi": N_("in Finnish"),
    "sv": N_("in Swedish"),
    "en": N_("in English"),
}


def label_id(group: str, value: object) -> str:
    """The message id for *value* of *group*; the raw value when it has none."""
    raw = str(getattr(value, "value", value))
    return LABELS.get(group, {}).get(raw, raw)
