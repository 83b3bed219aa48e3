"""The rules, one module per family. ``RULE_MODULES`` is the registry's list."""

RULE_MODULES: tuple[str, ...] = (
    "ids",
    "references",
    "dates",
    "status",
    "completeness",
    "followup",
    "cadence",
    "meetings",
    "organisations",
    "cycles",
    "text",
    "budget",
)
