"""``ictgov new``: a measure, meeting or goal, numbered and placed where it belongs.

A new measure gets the next free code under its goal (1.12 after 1.11) and an id
from its title; a new meeting continues the section numbering (§) of its body's
year; a new goal is appended to ``goals.yaml`` through the same exact editor as
``ictgov update``. What only a person can fill in (who is responsible, how it is
followed) is left as a comment that lint keeps reporting until it is filled.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from ictgov.config import Config
from ictgov.edit.atomic import atomic_create
from ictgov.edit.checks import errors_of, format_diagnostic
from ictgov.edit.measure import Plan
from ictgov.edit.ops import InsertItem, SetValue
from ictgov.edit.transaction import FileEdit, check_lint, commit, prepare
from ictgov.errors import IctgovError
from ictgov.i18n.speak import _
from ictgov.load import Document, Tree, load_document
from ictgov.load.cache import load_working_tree
from ictgov.load.source import DATA_DIR
from ictgov.model import Goal, is_valid_id
from ictgov.model.files import GOALS, MEASURE, MEETING
from ictgov.safefs import FolderWriter
from ictgov.scaffold.slug import slugify, unique
from ictgov.scaffold.templating import render


@dataclass
class Created:
    """A new item: its id, the file written and what is left to fill in."""

    id: str
    relpath: str
    code: str | None = None
    todo: list[str] = field(default_factory=list)


def _suggestion(value: str, known: Iterable[str]) -> str:
    """``; did you mean 'g1'?`` for a close id, else the ids there are (when few)."""
    ids = sorted(known)
    close = difflib.get_close_matches(value, ids, n=1, cutoff=0.6)
    if close:
        return _("; did you mean {id!r}?").format(id=close[0])
    if 0 < len(ids) <= 12:
        return _("; the ids are: {ids}").format(ids=", ".join(ids))
    return ""


def _check_id(value: str, what: str) -> None:
    if not is_valid_id(value):
        raise IctgovError(
            _(
                "{value!r} is not a valid id: use lowercase letters a-z, digits and '-', "
                "'_' or '.', e.g. 'shared-data-platform'"
            ).format(value=value)
        )


def _taken_ids(tree: Tree, root: Path) -> set[str]:
    taken = set(tree.by_id) | tree.unvalidated_ids
    # File names the loader found, valid or not (it walked data/ safely already).
    for folder in (MEASURE.location, MEETING.location):
        prefix = f"{DATA_DIR}/{folder}/"
        taken |= {PurePosixPath(p).stem for p in tree.documents if p.startswith(prefix)}
    return taken


def _create(root: Path, relpath: str, text: str, config: Config) -> None:
    """Validate the new file with the model, then create it (never overwriting)."""
    raw = text.encode("utf-8")
    doc = load_document(relpath, raw, max_bytes=config.max_file_bytes)
    errors = errors_of(doc.diagnostics)
    if errors:  # a template bug or a bad option value: say which
        listing = "\n".join("  " + format_diagnostic(d) for d in errors)
        raise IctgovError(_("the new file would not be valid:") + f"\n{listing}")
    # Folders are checked one by one: a symlinked data/measures must not lead the
    # new file out of the repository.
    atomic_create(FolderWriter(root).path(relpath), raw)


def next_measure_code(tree: Tree, goal: Goal) -> str:
    """The code after the highest ``<goal code>.<n>`` among the goal's measures."""
    prefix = f"{goal.code}."
    highest = 0
    for m in tree.measures:
        if m.code.startswith(prefix):
            match = re.match(r"(\d+)", m.code[len(prefix) :])
            if match:
                highest = max(highest, int(match.group(1)))
    return f"{prefix}{highest + 1}"


def new_measure(
    root: Path,
    config: Config,
    goal_id: str,
    title: str,
    today: date,
    *,
    measure_id: str | None = None,
    code: str | None = None,
    responsible: str | None = None,
    followed_by: str | None = None,
    indicator: str | None = None,
) -> Created:
    """Create ``data/measures/<id>.yaml`` for a new measure under goal *goal_id*."""
    if not title.strip():
        raise IctgovError(
            _("--title is empty; give the measure a title, e.g. --title 'Shared data platform'")
        )
    tree = load_working_tree(root, max_bytes=config.max_file_bytes)
    goal = tree.goal_by_id.get(goal_id)
    if goal is None:
        raise IctgovError(
            _("no goal {id!r}{hint}").format(id=goal_id, hint=_suggestion(goal_id, tree.goal_by_id))
        )
    parties = set(tree.body_by_id) | set(tree.organisation_by_id)
    for option, value in (("--responsible", responsible), ("--followed-by", followed_by)):
        if value is not None and value not in parties:
            raise IctgovError(
                _("{option} {value!r} is not a body or organisation{hint}").format(
                    option=option, value=value, hint=_suggestion(value, parties)
                )
            )
    taken = _taken_ids(tree, root)
    if measure_id is not None:
        _check_id(measure_id, "measure")
        if measure_id in taken:
            raise IctgovError(
                _("the id {id!r} is already used; choose another --id").format(id=measure_id)
            )
    else:
        measure_id = unique(slugify(title, "measure"), taken)
    if code is None:
        code = next_measure_code(tree, goal)
    elif any(m.code == code for m in tree.measures):
        raise IctgovError(
            _("code {code!r} is already used by another measure; choose another --code").format(
                code=code
            )
        )
    relpath = f"{DATA_DIR}/{MEASURE.location}/{measure_id}.yaml"
    text = render(
        "measure.yaml.j2",
        id=measure_id,
        code=code,
        title=title.strip(),
        goals=[goal.id],
        responsible=responsible,
        followed_by=followed_by,
        indicator=indicator,
        today=today.isoformat(),
    )
    _create(root, relpath, text, config)
    todo = [
        what
        for what, value in (("responsible", responsible), ("indicator", indicator))
        if value is None
    ]
    return Created(measure_id, relpath, code, todo)


def next_section(tree: Tree, body: str, year: int) -> tuple[int, int | None]:
    """The next section number of *body* in *year*, and the last one used (if any)."""
    sections = [
        item.section
        for meeting in tree.meetings
        if meeting.body == body and meeting.date.year == year
        for item in meeting.items
    ]
    last = max(sections) if sections else None
    return (last or 0) + 1, last


def _section_note(body: str, year: int, last: int | None, first: int, written: int) -> str:
    """Where the numbering stands, after the items this file already has (comment text)."""
    here = f"§ {first}" if written == 1 else f"§ {first}-{first + written - 1}"
    if written and last is not None:
        return f"The last earlier section of {body} in {year} was § {last}; {here} are above."
    if written:
        return f"{here} are the first sections of {body} in {year}."
    if last is not None:
        return f"The last section of {body} in {year} was § {last}."
    return f"{body} has no sections in {year} yet."


def new_meeting(
    root: Path,
    config: Config,
    body: str,
    when: date,
    *,
    meeting_id: str | None = None,
    items: list[str] | None = None,
) -> Created:
    """Create ``data/meetings/<body>-<date>.yaml`` with the next section numbers."""
    tree = load_working_tree(root, max_bytes=config.max_file_bytes)
    if body not in tree.body_by_id:
        raise IctgovError(
            _("no body {id!r}{hint}").format(id=body, hint=_suggestion(body, tree.body_by_id))
        )
    meeting_id = meeting_id or f"{body}-{when.isoformat()}"
    _check_id(meeting_id, "meeting")
    if meeting_id in _taken_ids(tree, root):
        raise IctgovError(
            _("meeting {id!r} already exists; for a second meeting that day give --id").format(
                id=meeting_id
            )
        )
    first, last = next_section(tree, body, when.year)
    numbered = [{"section": first + i, "title": t} for i, t in enumerate(items or [])]
    last_note = _section_note(body, when.year, last, first, len(numbered))
    relpath = f"{DATA_DIR}/{MEETING.location}/{meeting_id}.yaml"
    text = render(
        "meeting.yaml.j2",
        id=meeting_id,
        body=body,
        date=when.isoformat(),
        items=numbered,
        next_section=first + len(numbered),
        last_note=last_note,
        year=when.year,
    )
    _create(root, relpath, text, config)
    return Created(meeting_id, relpath, str(first))


def next_goal_code(tree: Tree) -> str:
    """One more than the highest whole-number goal code."""
    numbers = [int(g.code) for g in tree.goals if g.code.isdigit()]
    return str(max(numbers, default=0) + 1)


def _goal_planner(goal: dict[str, Any]) -> Any:
    def plan(doc: Document) -> Plan:
        data = doc.data if isinstance(doc.data, dict) else {}
        goals = data.get("goals")
        if goals:
            op: InsertItem | SetValue = InsertItem(("goals",), len(goals), goal)
        else:
            op = SetValue(("goals",), [goal], ("goals",))
        return Plan([op], [f"goal {goal['id']}: added"])

    return plan


def new_goal(
    root: Path,
    config: Config,
    title: str,
    today: date,
    *,
    goal_id: str | None = None,
    code: str | None = None,
    dry_run: bool = False,
) -> tuple[Created, FileEdit | None]:
    """Append a goal to ``data/strategy/goals.yaml`` (created if missing)."""
    if not title.strip():
        raise IctgovError(
            _("--title is empty; give the goal a title, e.g. --title 'Digital services'")
        )
    tree = load_working_tree(root, max_bytes=config.max_file_bytes)
    code = code or next_goal_code(tree)
    if any(g.code == code for g in tree.goals):
        raise IctgovError(
            _("goal code {code!r} is already used; choose another --code").format(code=code)
        )
    taken = _taken_ids(tree, root)
    if goal_id is None:
        numbered = tree.goals and all(re.fullmatch(r"g\d+", g.id) for g in tree.goals)
        goal_id = unique(
            f"g{code}" if numbered or not tree.goals else slugify(title, "goal"), taken
        )
    _check_id(goal_id, "goal")
    if goal_id in taken:
        raise IctgovError(
            _("the id {id!r} is already used; choose another --id").format(id=goal_id)
        )
    relpath = f"{DATA_DIR}/{GOALS.location}"
    path = root / relpath
    goal = {"id": goal_id, "code": code, "title": title.strip()}
    if not path.exists():
        text = "# yaml-language-server: $schema=../../schemas/goals.schema.json\ngoals:\n"
        text += f"  - id: {goal_id}\n    code: {render_scalar(code)}\n"
        text += f"    title: {render_scalar(title.strip())}\n"
        if not dry_run:
            _create(root, relpath, text, config)
        return Created(goal_id, relpath, code), None
    edit = prepare(root, path, _goal_planner(goal), max_bytes=config.max_file_bytes)
    check_lint(root, config, today, [edit])
    if not dry_run:
        commit([edit])
    return Created(goal_id, relpath, code), edit


def render_scalar(value: str) -> str:
    """A string as a YAML scalar (quoted when it would read back as something else)."""
    from ictgov.edit.render import scalar

    return scalar(value)
