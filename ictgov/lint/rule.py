"""What a lint rule is: a code, a dotted name, a default severity and a ``check``.

Like yamllint and sqlfluff: the docstring of a rule class *is* its user
documentation (``docs/rules.md`` is generated from it), and configuration can
name a rule by its code (``RF01``), its name (``references.dangling``) or its
group (``references``).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from ictgov.config import Config
from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.load import Tree
from ictgov.model.base import Text
from ictgov.verdicts.references import kind_of


@dataclass(frozen=True)
class LintContext:
    """What a rule may know besides the tree: the date taken as today and the settings."""

    today: date
    config: Config = field(default_factory=Config)

    @property
    def stale_after_days(self) -> int:
        """Days without an update after which a measure in progress is stale."""
        return self.config.stale_after_days


class Rule:
    """Base of every rule. Subclasses set the class attributes and implement ``check``.

    A rule reads the whole loaded tree and yields findings; it knows nothing of
    caches or processes.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]

    @classmethod
    def group(cls) -> str:
        """The first part of the dotted name, e.g. ``references``."""
        return cls.name.split(".", 1)[0]

    @classmethod
    def doc(cls) -> str:
        """The user documentation: the class docstring, dedented."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first line of the documentation."""
        return cls.doc().split("\n", 1)[0]

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Yield the findings of this rule on *tree*."""
        raise NotImplementedError

    def at(
        self,
        tree: Tree,
        entity: Any,
        path: tuple[str | int, ...],
        msgid: str,
        *,
        key: bool = False,
        **args: Any,
    ) -> Diagnostic:
        """A finding at ``entity.<path>`` (its value, or its key with ``key=True``).

        *msgid* is an English template marked with ``N_``; *args* fill it when shown.
        """
        loc = tree.locate(entity, *path, key=key)
        if loc is None:  # an entity built in code, not read from a file
            return Diagnostic(self.code, self.name, self.severity, msgid, "data", args=args)
        return Diagnostic(
            self.code,
            self.name,
            self.severity,
            msgid,
            loc.file,
            loc.line,
            loc.column,
            loc.path,
            args=args,
        )


#: How messages name an item of each kind, by its id.
_LABELS: dict[str, str] = {
    "strategy": N_("strategy '{id}'"),
    "value_promise": N_("value promise '{id}'"),
    "goal": N_("goal '{id}'"),
    "organisation": N_("organisation '{id}'"),
    "body": N_("body '{id}'"),
    "project": N_("project '{id}'"),
    "stakeholder_group": N_("stakeholder group '{id}'"),
    "measure": N_("measure '{id}'"),
    "meeting": N_("meeting '{id}'"),
    "round": N_("reporting round '{id}'"),
}


def entity_label(entity: Any) -> dict[str, Any]:
    """``measure 'm-alpha'``: how messages name the item a finding is about (a message)."""
    kind = kind_of(entity)
    name = kind.value if kind is not None else type(entity).__name__.lower()
    ident = str(getattr(entity, "id", "?"))
    return msg(_LABELS.get(name, N_("item '{id}'")), id=ident)


def text_is_empty(value: Text | None) -> bool:
    """Whether a text (plain or by language) says nothing."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return not any(v.strip() for v in value.values())
