"""The message each owner receives: plain text in their language, the workbook attached.

Plain text reads the same in any mail program and pasted into Teams: what is
asked, by when, and which measures are stale or past their planned end. A ``.eml``
file is written beside the workbook so the coordinator can read it first, or send
it by hand; ``round send`` sends exactly that file.
"""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from ictgov.model import Measure
from ictgov.round.owners import Owner
from ictgov.round.smtp import valid_address
from ictgov.round.words import Words
from ictgov.round.workbook import RoundInfo
from ictgov.safefs import read_regular
from ictgov.views.overview import measure_view
from ictgov.views.text import plain

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _listing(measures: list[Measure], words: Words, content_lang: str) -> list[str]:
    return [f"  - {m.code} {plain(m.title, words.lang, content_lang)}" for m in measures]


def body_text(owner: Owner, info: RoundInfo, words: Words, *, reminder: bool = False) -> str:
    """The text of the request (or the reminder) to *owner*."""
    views = [measure_view(m, info.today, info.stale_after_days) for m in owner.measures]
    stale = [v.measure for v in views if v.stale]
    overdue = [v.measure for v in views if v.overdue]
    lines = [words.gettext("Hello,"), ""]
    if reminder:
        lines.append(
            words.gettext("this is a reminder: we have not yet received your status update.")
        )
        lines.append("")
    lines += [
        words.gettext(
            "the steering group follows the ICT strategy twice a year. Please tell us how the "
            "measures of {owner} stand, by {due}.",
            owner=owner.name,
            due=words.date(info.due),
        ),
        "",
        words.gettext("Your measures ({count}):", count=len(owner.measures)),
        *_listing(owner.measures, words, info.content_lang),
    ]
    if stale:
        lines += ["", words.gettext("No update for over {days} days:", days=info.stale_after_days)]
        lines += _listing(stale, words, info.content_lang)
    if overdue:
        lines += ["", words.gettext("Past the planned end date:")]
        lines += _listing(overdue, words, info.content_lang)
    lines += [
        "",
        words.gettext(
            "Fill in the attached workbook ({file}) and send it back as a reply to this "
            "message. Its first sheet tells how.",
            file=workbook_name(info.round_id, owner.id),
        ),
        "",
        words.gettext("Thank you!"),
    ]
    return "\n".join(lines) + "\n"


def subject(owner: Owner, info: RoundInfo, words: Words, *, reminder: bool = False) -> str:
    """The subject line, with the due date."""
    if reminder:
        return words.gettext(
            "Reminder: ICT strategy status update by {due}", due=words.date(info.due)
        )
    return words.gettext("ICT strategy status update by {due}", due=words.date(info.due))


def workbook_name(round_id: str, owner_id: str) -> str:
    """File name of an owner's workbook (ids only: safe on every file system)."""
    return f"{round_id}-{owner_id}.xlsx"


def message_id(round_id: str, owner_id: str, kind: str, day: date) -> str:
    """A stable Message-ID, so a message re-sent after a crash is recognisably the same."""
    return f"<{kind}.{round_id}.{owner_id}.{day.isoformat()}@ictgov.invalid>"


def build(
    owner: Owner,
    info: RoundInfo,
    sender: str | None,
    workbook: Path | None,
    *,
    reminder: bool = False,
) -> EmailMessage:
    """The message to *owner*, the workbook attached when given."""
    words = Words(owner.language)
    message = EmailMessage()
    message["Subject"] = subject(owner, info, words, reminder=reminder)
    if sender:
        message["From"] = sender
    reachable = [a for a in owner.addresses if valid_address(a)]
    if reachable:  # a malformed address is left to 'send' to report, never put in a header
        message["To"] = ", ".join(reachable)
    message["Date"] = formatdate(localtime=False)
    kind = "reminder" if reminder else "request"
    message["Message-ID"] = message_id(info.round_id, owner.id, kind, info.today) or make_msgid()
    message["Content-Language"] = owner.language
    message["X-Ictgov-Round"] = f"{info.round_id} {owner.id}"
    message.set_content(body_text(owner, info, words, reminder=reminder))
    if workbook is not None:
        message.add_attachment(
            read_regular(workbook),
            maintype=XLSX_TYPE[0],
            subtype=XLSX_TYPE[1],
            filename=workbook.name,
        )
    return message
