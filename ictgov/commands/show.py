"""``ictgov show ID`` as a library call: options in, the item's detail out.

The command parses its options into ``ShowOptions``, calls ``run_show`` and prints;
which item an id names, in which language, and the refusal of an id that names
nothing (with the closest ids) are decided here.

As ``status``, an unchanged tree is answered from the remembered answer
(``ictgov.answers``): ``remembered`` asks before anything is loaded, so the loader,
the model and the views are imported only inside ``run_show``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ictgov import answers
from ictgov.errors import IctgovError
from ictgov.i18n.speak import _

if TYPE_CHECKING:
    from ictgov.views.detail import Detail


@dataclass(frozen=True)
class ShowOptions:
    """What ``ictgov show`` was asked: the id (or a measure's code), where and when."""

    item_id: str
    root: Path | None = None
    today: str | None = None
    at: str | None = None
    lang: str | None = None

    def question(self, output: str, width: int) -> answers.Question | None:
        """What a remembered answer printed as *output* must match; None with ``--at``."""
        if self.at is not None:
            return None
        words = (f"id={self.item_id}", f"format={output}", f"width={width}", f"lang={self.lang}")
        return answers.Question("show", self.root, self.today, words)


def remembered(options: ShowOptions, output: str, width: int) -> str | None:
    """The text a run with these options printed, if the tree and all else are unchanged."""
    question = options.question(output, width)
    return None if question is None else answers.recall_text(question)


@dataclass(frozen=True)
class ShowOutcome:
    """The detail to print, and a load warning if some files did not load."""

    detail: Detail
    warning: str | None
    #: What the detail rests on, for ``remember``.
    basis: answers.Basis | None = field(default=None, repr=False)

    def remember(self, options: ShowOptions, output: str, width: int, text: str) -> None:
        """Keep *text*, printed for *options*, for ``remembered`` (only a clean run's)."""
        question = options.question(output, width)
        if question is not None and self.basis is not None and not self.warning:
            answers.remember(question, self.basis, text)


def check_id(item_id: str) -> None:
    """Refuse what can be neither an id nor a code before opening anything."""
    from ictgov.model import is_valid_id
    from ictgov.model.base import CODE_PATTERN

    if not is_valid_id(item_id) and not re.match(CODE_PATTERN, item_id):
        raise IctgovError(
            _(
                "{id!r} is neither an id nor a code: ids are lowercase letters, digits, "
                "'-', '_' and '.', codes are like 1.10 or L1.2 ('ictgov status' lists the codes)"
            ).format(id=item_id)
        )


def run_show(options: ShowOptions) -> ShowOutcome:
    """Open the project and find the item; IctgovError with the closest ids if none."""
    from ictgov.commands.language import reader_language
    from ictgov.project import open_tree
    from ictgov.views.detail import item_detail, suggest, with_code

    check_id(options.item_id)
    opened = open_tree(options.root, options.at, options.today)
    tree, config = opened.tree, opened.project.config
    language = reader_language(options.lang, config.language_set, tree.strategy)
    detail = item_detail(
        tree, options.item_id, opened.today, stale_after_days=config.stale_after_days, lang=language
    )
    if detail is None:
        coded = with_code(tree, options.item_id)
        if len(coded) > 1:
            ids = ", ".join(item.id for item in coded)
            raise IctgovError(
                _(
                    "code {code!r} is ambiguous: {ids} all have it; show one by its id "
                    "(and see 'ictgov lint', which reports the duplicate as ID04)"
                ).format(code=options.item_id, ids=ids)
            )
        close = suggest(tree, options.item_id)
        hint = (
            _("; did you mean {ids}?").format(ids=_(" or ").join(repr(c) for c in close))
            if close
            else ""
        )
        raise IctgovError(
            _(
                "no item has the id or code {id!r}{hint} ('ictgov status' lists the codes of "
                "measures; 'ictgov export --format json' lists every id)"
            ).format(id=options.item_id, hint=hint)
        )
    return ShowOutcome(detail, opened.warning, opened.basis)
