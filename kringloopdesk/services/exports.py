"""The association exports (BKN Monitor, Cedris, the yearly impact report) as plain data.

:func:`build_export` reads the figures of :mod:`kringloopdesk.services.figures` for one period
(the user must hold ``Permission.EXPORT_AGGREGATES``: beheerder or begeleider) and returns an
:class:`ExportData`; :func:`preview_rows` gives exactly the rows a file will hold (the
Exporteren page shows them); :func:`write_export` writes the CSV, XLSX or PDF atomically
(reports/exports.py does the layout). No personal data ever enters an ``ExportData``: only
aggregated figures, the shop's name and logo, the period, the factor set and the version.
docs/exports.md describes the files for shop managers.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

import kringloopdesk
from kringloopdesk.errors import ValidationError
from kringloopdesk.i18n import _
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.figures import (
    DEFINITIONS,
    METADATA,
    FactorSetRef,
    Figure,
    Period,
    bkn_figures,
    cedris_figures,
    format_value,
)
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.progress import Progress
from kringloopdesk.services.setup import get_shop

KINDS = ("bkn", "cedris", "impact")
FORMATS = ("csv", "xlsx", "pdf")
FIRST_YEAR, LAST_YEAR = 2000, 2100

SECTION_METADATA = "Metadata"
SECTION_BKN = "BKN Monitor"
SECTION_CEDRIS = "Cedris"


@dataclass(frozen=True)
class ExportData:
    """Everything an export file holds, as plain data (no Session needed to write it)."""

    kind: str  # "bkn" | "cedris" | "impact"
    period: Period
    shop_name: str
    factor_set: str  # "bkn_tno@1"; empty for a Cedris export of a shop without default set
    app_version: str
    bkn: tuple[Figure, ...]  # empty for cedris; metadata rows first
    cedris: tuple[Figure, ...]  # empty for bkn; metadata rows first
    shop_logo: bytes | None  # for the impact PDF
    created_at: dt.datetime

    @property
    def metadata(self) -> tuple[Figure, ...]:
        """The five metadata rows (winkel … app_versie), once."""
        figures = self.bkn or self.cedris
        return tuple(f for f in figures if f.indicator in METADATA and not f.eenheid)

    def sections(self) -> list[tuple[str, tuple[Figure, ...]]]:
        """(section name, figures without metadata) in file order: BKN Monitor, then Cedris."""
        result = []
        for name, figures in ((SECTION_BKN, self.bkn), (SECTION_CEDRIS, self.cedris)):
            if figures:
                result.append((name, tuple(f for f in figures if not _is_metadata(f))))
        return result

    @property
    def suggested_name(self) -> str:
        """e.g. ``bkn-2025`` or ``cedris-2025-07-01-2026-06-30`` (without extension)."""
        return f"{self.kind}-{period_label(self.period)}"


@dataclass(frozen=True)
class PreviewRow:
    """One row of the preview: exactly a row of the file, with its definition."""

    section: str  # "BKN Monitor" | "Cedris" | "Metadata"
    indicator: str
    categorie: str
    waarde: str
    eenheid: str
    definition: str  # the tooltip text


def _is_metadata(figure: Figure) -> bool:
    return figure.indicator in METADATA and figure.eenheid == "" and figure.categorie == ""


def period_label(period: Period) -> str:
    """``2025`` for a calendar year, ``2025-K3`` for a quarter, else ``from-to``."""
    start, end = period.start, period.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    for quarter in range(1, 5):
        if start.year == end.year and Period(*_quarter_days(start.year, quarter)) == period:
            return f"{start.year}-K{quarter}"
    return f"{start.isoformat()}-{end.isoformat()}"


def _quarter_days(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 3 * quarter - 2, 1)
    after = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, after - dt.timedelta(days=1)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            _("Kies een jaar van {first} tot en met {last}.", first=FIRST_YEAR, last=LAST_YEAR),
            {"year": _("Ongeldig jaar")},
        )


def period_for(
    year: int | None = None,
    quarter: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Period:
    """The period of an export: a calendar year, a quarter of a year, or from–to (both days
    inclusive). Raises ``ValidationError`` with a Dutch message for anything else."""
    if year is not None and (start is not None or end is not None):
        raise ValidationError(
            _("Kies een jaar of een periode van–tot, niet allebei."),
            {"period": _("Jaar of van–tot")},
        )
    if year is not None:
        _check_year(year)
        if quarter is None:
            return Period.year(year)
        if quarter not in (1, 2, 3, 4):
            raise ValidationError(
                _("Een kwartaal is 1, 2, 3 of 4, niet {quarter}.", quarter=quarter),
                {"quarter": _("1 tot en met 4")},
            )
        return Period(*_quarter_days(year, quarter))
    if quarter is not None:
        raise ValidationError(
            _("Een kwartaal hoort bij een jaar; kies ook het jaar."),
            {"year": _("Kies een jaar")},
        )
    if start is None and end is None:
        raise ValidationError(
            _("Kies een jaar, een kwartaal of een periode van–tot."),
            {"period": _("Kies een periode")},
        )
    if start is None or end is None:
        raise ValidationError(
            _("Geef zowel de begindatum als de einddatum van de periode."),
            {"start" if start is None else "end": _("Vul een datum in")},
        )
    for day in (start, end):
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise TypeError(f"a period runs between dates, not {day!r}")
        _check_year(day.year)
    return Period(start, end)


@requires(Permission.EXPORT_AGGREGATES)
def build_export(
    session: Session,
    actor: Actor,
    kind: str,
    period: Period,
    *,
    factor_set: str | None = None,
    progress: Progress | None = None,
) -> ExportData:
    """The figures of one export for ``period``: ``bkn``, ``cedris`` or ``impact`` (both).

    ``factor_set`` is ``code@version``; without it the shop's default CO2 factor set is used.
    An unknown set raises ``ValidationError``. The export is written to the audit log (who
    exported what, never the figures). ``progress`` hears after each set of figures and may
    cancel between them."""
    if kind not in KINDS:
        raise ValidationError(
            _("Onbekende export '{kind}'; kies bkn, cedris of impact.", kind=kind),
            {"kind": _("bkn, cedris of impact")},
        )
    for day in (period.start, period.end):
        _check_year(day.year)
    ref = FactorSetRef.parse(factor_set) if factor_set else None
    shop = get_shop(session)
    version = kringloopdesk.__version__
    options = {"factor_set": ref, "shop_name": shop.name, "app_version": version}
    progress = Progress.ensure(progress)
    progress.step(0, 2, _("Cijfers berekenen…"))
    bkn = tuple(bkn_figures(session, period, **options)) if kind in ("bkn", "impact") else ()
    progress.step(1, 2)
    cedris = (
        tuple(cedris_figures(session, period, **options)) if kind in ("cedris", "impact") else ()
    )
    progress.step(2, 2)
    first = bkn or cedris
    label = next((str(f.waarde) for f in first if f.indicator == "co2_factorset"), "")
    audit.record(
        session, actor, "export", "figures", None,
        summary=f"{kind} {period.start.isoformat()}..{period.end.isoformat()}",
    )
    return ExportData(
        kind=kind,
        period=period,
        shop_name=shop.name,
        factor_set=label,
        app_version=version,
        bkn=bkn,
        cedris=cedris,
        shop_logo=shop.logo,
        created_at=dt.datetime.now().astimezone(),
    )


def preview_rows(data: ExportData) -> list[PreviewRow]:
    """Exactly the rows of the file, in its order: the metadata once, then the BKN Monitor
    figures, then the Cedris figures (an impact export holds both)."""
    rows = [_preview(SECTION_METADATA, f) for f in data.metadata]
    for section, figures in data.sections():
        rows += [_preview(section, f) for f in figures]
    return rows


def _preview(section: str, figure: Figure) -> PreviewRow:
    return PreviewRow(
        section=section,
        indicator=figure.indicator,
        categorie=figure.categorie,
        waarde=format_value(figure),
        eenheid=figure.eenheid,
        definition=DEFINITIONS.get(figure.indicator, ""),
    )


def write_export(data: ExportData, fmt: str, path: Path, *,
                 progress: Progress | None = None) -> Path:
    """Write ``data`` as ``csv``, ``xlsx`` or ``pdf`` to ``path``: into a temporary file in
    the target folder, moved into place only when complete (a failure leaves the old file or
    nothing, never half a file). Raises ``ValidationError`` for an unknown format and
    ``OSError`` when the folder cannot be written. ``progress`` follows the writing (a PDF
    page by page); a cancel before the file is moved into place leaves no file and no
    ``.part``."""
    from kringloopdesk.reports import exports as writers

    if fmt not in FORMATS:
        raise ValidationError(
            _("Onbekend bestandsformaat '{fmt}'; kies csv, xlsx of pdf.", fmt=fmt),
            {"format": _("csv, xlsx of pdf")},
        )
    writer = {"csv": writers.write_csv, "xlsx": writers.write_xlsx,
              "pdf": writers.write_pdf}[fmt]
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".{fmt}.part",
                                         dir=path.parent)
    os.close(handle)
    progress = Progress.ensure(progress)
    try:
        writer(data, Path(temporary), progress=progress.part(0.0, 0.95))
        progress.check()  # the last moment to stop: the file is complete
        os.replace(temporary, path)
        progress.finish()
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
