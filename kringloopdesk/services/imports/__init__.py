"""Import of workers, placements, hours and goods flows from CSV or XLSX (domain.md, "File
formats"; the user's guide is docs/import.md).

All or nothing: a file is read and checked completely first, and every problem is collected as
a :class:`RowError` (row number, column, reason). One problem means nothing is written and
:class:`ImportFileError` carries them all. A good file is written with bulk executemany
inserts in the caller's transaction, with one audit entry that names the columns and the
number of rows, never a value.

Who may import: workers and placements need ``Permission.IMPORT_PEOPLE`` (beheerder,
begeleider), hours ``REGISTER_HOURS`` and flows ``REGISTER_GOODS`` (every role). Support needs
and work adjustments are encrypted with the shop's data key, so a workers file with those
columns filled needs a login that holds the key.

The choices the contract leaves open (docs/import.md explains them to the user):

- hours: every row becomes an hour entry, so rows of one worker and day add up, and so do
  rows for a day that already has hours (services/hours shows a day as the sum of its
  entries); more than 24 hours on one day in total, or a day in the future, is an error;
- workers: status ``uitgestroomd`` when the end date has passed, ``aangemeld`` when the start
  date is still to come, else ``actief``; placements: ``afgerond``/``gestopt`` by uitstroom
  when ended, ``gepland`` when starting after today, else ``actief``;
- an XLSX file is read from its first worksheet, with the values Excel last calculated for
  formula cells (KringloopDesk never evaluates a formula; text that starts with = + - @ is
  stored as text).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kringloopdesk.errors import UserError
from kringloopdesk.i18n import _
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.imports import goods, people
from kringloopdesk.services.imports.columns import (
    ENTITIES,
    KINDS,
    SPECS,
    ColumnSpec,
    ImportTemplate,
    TemplateColumn,
    kind_label,
    template,
)
from kringloopdesk.services.imports.errors import ImportFileError, RowError
from kringloopdesk.services.imports.reading import MAX_BYTES, MAX_ROWS, ImportFile, read_file
from kringloopdesk.services.imports.values import dutch_number
from kringloopdesk.services.permissions import Permission, allowed, requires
from kringloopdesk.services.progress import Progress

log = logging.getLogger(__name__)

ImportSource = ImportFile | bytes | str | os.PathLike[str]

__all__ = [
    "IMPORTERS",
    "KINDS",
    "MAX_BYTES",
    "MAX_ROWS",
    "SPECS",
    "ColumnSpec",
    "ImportFile",
    "ImportFileError",
    "ImportSource",
    "ImportSummary",
    "ImportTemplate",
    "RowError",
    "TemplateColumn",
    "import_flows",
    "import_hours",
    "import_placements",
    "import_workers",
    "load_file",
    "template",
]


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote.

    ``counts``: workers per doelgroep code, placements per afdeling code, hour entries
    ``nieuw`` (new days) and ``aangevuld`` (existing days added to), flows per richting.
    ``totals``: ``uren`` for hours, kg ``in`` and ``uit`` for flows.
    """

    kind: str
    rows: int
    counts: dict[str, int] = field(default_factory=dict)
    totals: dict[str, Decimal] = field(default_factory=dict)
    partners_created: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if self.rows == 1:
            return _("1 regel geïmporteerd ({what}).", what=kind_label(self.kind))
        return _("{rows} regels geïmporteerd ({what}).", rows=_count(self.rows),
                 what=kind_label(self.kind))

    def lines(self) -> list[str]:
        """The summary for the user: the message, the breakdown, new partners."""
        lines = [self.message]
        if self.kind == "hours":
            lines.append(_("{hours} uur in totaal.",
                           hours=dutch_number(self.totals.get("uren", Decimal(0)))))
            if self.counts.get("aangevuld"):
                lines.append(_("Op {days} dagen stonden al uren; de uren uit het bestand zijn "
                               "daarbij opgeteld.", days=_count(self.counts["aangevuld"])))
        elif self.kind == "flows":
            for direction, label in (("in", _("inbreng")), ("uit", _("afvoer"))):
                lines.append(_("{label}: {kg} kg in {rows}", label=label,
                               kg=dutch_number(self.totals.get(direction, Decimal(0))),
                               rows=_rows(self.counts.get(direction, 0))))
        elif self.counts:
            per = ", ".join(f"{code} {_count(n)}" for code, n in sorted(self.counts.items()))
            lines.append((_("Per doelgroep: {counts}") if self.kind == "workers"
                          else _("Per afdeling: {counts}")).format(counts=per))
        if self.partners_created:
            lines.append(_("Nieuwe partnerorganisaties (soort 'overig'): {names}",
                           names=", ".join(self.partners_created)))
        return lines


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _rows(n: int) -> str:
    return _("1 regel") if n == 1 else _("{n} regels", n=_count(n))


# ---------------------------------------------------------------------------------------------
# Reading


def load_file(kind: str, source: ImportSource, *,
              progress: Progress | None = None) -> ImportFile:
    """Read and check the header of an import file (a path, or its bytes); no database.

    Raises ImportFileError for an unreadable file or a wrong header (row 1) and UserError when
    the file cannot be opened at all; ``progress`` follows the rows read.
    """
    if kind not in SPECS:
        raise ValueError(f"unknown import kind {kind!r}")
    if isinstance(source, ImportFile):
        if source.kind != kind:
            raise ValueError(f"a {source.kind} file is not a {kind} file")
        return source
    if isinstance(source, bytes):
        return read_file(source, kind, progress=progress)
    path = Path(source)
    try:
        if path.is_dir():
            raise UserError(_("'{path}' is een map, geen bestand.", path=path))
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError([RowError(1, None, _(
                "Het bestand is groter dan {mb} MB. Splits het in kleinere bestanden.",
                mb=MAX_BYTES // (1024 * 1024)))])
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(_("Het bestand '{path}' bestaat niet.", path=path)) from exc
    except PermissionError as exc:
        raise UserError(_("Het bestand '{path}' mag niet gelezen worden.", path=path)) from exc
    except OSError as exc:
        raise UserError(_("Het bestand '{path}' kan niet gelezen worden: {problem}", path=path,
                          problem=exc.strerror or exc)) from exc
    return read_file(data, kind, path.name, progress=progress)


def _write(session: Session, actor: Actor, table: ImportFile, rows: int,
           write: Callable[[], None], extra: str = "",
           progress: Progress | None = None) -> None:
    """Run the bulk writes and the audit entry; a constraint that fails because the database
    changed while the file was checked becomes a UserError (the transaction is lost)."""
    progress = Progress.ensure(progress)
    try:
        write()
        progress.check()  # the last moment to stop: after this the caller commits
        summary = f"import: {rows} regels{extra}"
        audit.record(session, actor, "create", ENTITIES[table.kind], None, table.columns,
                     summary=summary)
        session.flush()
    except IntegrityError as exc:
        # Not the driver's message: it can quote a value (a worker number).
        log.warning("Import of %s failed on a constraint (%s)", table.kind,
                    type(exc.orig).__name__)
        raise UserError(_("Terwijl het bestand werd ingelezen is er in het programma iets "
                          "veranderd (bijvoorbeeld een nummer dat nu al bestaat). Er is niets "
                          "geïmporteerd; probeer het opnieuw.")) from exc
    progress.finish(_("Klaar"))
    log.info("Imported %s rows of %s", rows, table.kind)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _phases(progress: Progress | None) -> tuple[Progress, Progress, Progress, Progress]:
    """The parts of one import on the bar: reading the file, checking the rows, writing
    them, and what the database needs in between (looking up numbers, overlaps)."""
    whole = Progress.ensure(progress)
    return whole.part(0.0, 0.2), whole.part(0.2, 0.5), whole.part(0.5, 0.55), \
        whole.part(0.55, 1.0)


# ---------------------------------------------------------------------------------------------
# The four imports


@requires(Permission.IMPORT_PEOPLE)
def import_workers(session: Session, actor: Actor, source: ImportSource, *,
                   today: dt.date | None = None,
                   progress: Progress | None = None) -> ImportSummary:
    """Import new workers. A number that exists already (or twice in the file) is an error.

    Support needs and work adjustments are stored encrypted; a file that holds any needs
    ``Permission.SENSITIVE`` and a login with the shop's data key. ``progress`` (every import
    takes one) follows reading, checking and writing, and may cancel: nothing is written.
    """
    reading, checking, between, writing = _phases(progress)
    table = load_file("workers", source, progress=reading)
    if not allowed(actor.role, Permission.SENSITIVE):
        refusal: str | None = _("uw rol mag geen gevoelige gegevens vastleggen; laat deze kolom "
                                "leeg of laat een begeleider importeren")
    elif actor.data_key is None:
        refusal = _("u hebt geen toegang tot de gevoelige gegevens (een beheerder kan die "
                    "geven door uw wachtwoord opnieuw in te stellen); laat deze kolom leeg")
    else:
        refusal = None
    plan = people.check_workers(session, table, _today(today), refusal, checking)
    between.step(1, 1)
    _write(session, actor, table, len(plan.rows),
           lambda: people.write_workers(session, plan, actor.user_id, actor.data_key,
                                        progress=writing),
           progress=writing)
    return ImportSummary("workers", len(plan.rows), dict(plan.counts))


@requires(Permission.IMPORT_PEOPLE)
def import_placements(session: Session, actor: Actor, source: ImportSource, *,
                      today: dt.date | None = None,
                      progress: Progress | None = None) -> ImportSummary:
    """Import placements of existing workers; partner names that do not exist yet are
    created (kind ``overig``) and listed in the summary."""
    reading, checking, between, writing = _phases(progress)
    table = load_file("placements", source, progress=reading)
    plan = people.check_placements(session, table, _today(today), checking)
    between.step(1, 1)
    extra = f"; {len(plan.new_partners)} nieuwe partners" if plan.new_partners else ""
    _write(session, actor, table, len(plan.rows),
           lambda: people.write_placements(session, plan, actor.user_id, progress=writing), extra,
           progress=writing)
    return ImportSummary("placements", len(plan.rows), dict(plan.counts),
                         partners_created=tuple(plan.new_partners))


@requires(Permission.REGISTER_HOURS)
def import_hours(session: Session, actor: Actor, source: ImportSource, *,
                 today: dt.date | None = None,
                 progress: Progress | None = None) -> ImportSummary:
    """Import hours worked; each row goes to the worker's placement of that day."""
    reading, checking, between, writing = _phases(progress)
    table = load_file("hours", source, progress=reading)
    plan = people.check_hours(session, table, _today(today), checking)
    between.step(1, 1)
    rows = len(plan.rows)
    extra = f"; {len(plan.added_days)} dagen hadden al uren" if plan.added_days else ""
    _write(session, actor, table, rows,
           lambda: people.write_hours(session, plan, actor.user_id, progress=writing), extra,
           progress=writing)
    return ImportSummary("hours", rows,
                         {"nieuw": len(plan.new_days), "aangevuld": len(plan.added_days)},
                         {"uren": plan.total})


@requires(Permission.REGISTER_GOODS)
def import_flows(session: Session, actor: Actor, source: ImportSource, *,
                 progress: Progress | None = None) -> ImportSummary:
    """Import weighed intake and outflow."""
    reading, checking, between, writing = _phases(progress)
    table = load_file("flows", source, progress=reading)
    plan = goods.check_flows(session, table, checking)
    between.step(1, 1)
    _write(session, actor, table, len(plan.rows),
           lambda: goods.write_flows(session, plan, actor.user_id, progress=writing),
           progress=writing)
    return ImportSummary("flows", len(plan.rows), dict(plan.counts), dict(plan.kg))


IMPORTERS: dict[str, Callable[..., ImportSummary]] = {
    "workers": import_workers,
    "placements": import_placements,
    "hours": import_hours,
    "flows": import_flows,
}
