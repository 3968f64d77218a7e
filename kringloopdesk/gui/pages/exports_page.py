"""Exporteren: the figures for BKN (goods and people), for Cedris (people and uitstroom) and
the yearly impact report — choose the kind, the period and the format, see exactly the rows
that will be written, and save.

The preview is ``preview_rows`` of the same ``ExportData`` the file is written from: the
metadata rows first, then every figure, with the definition of its indicator as the tooltip
of the row. Every change of kind, period or format reads it again (through ``query``), so
what the table shows is what the file gets. The preview reads in a read session, so the log
entry ``build_export`` adds is never kept for merely looking. Saving builds the export once
more inside one unit of work and writes it there, in a worker thread with a progress dialog
(``LongTask``): the log entry is committed with the file, and a file that cannot be written
is said in Dutch and undoes it. Annuleren leaves no file (and no ``.part``) and no log entry.

Only totals leave the shop: no names, numbers or notes are on this page or in its files.
The folder of the last export is remembered on this PC (the local setting
``export_folder``) and suggested the next time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, USERS, AppContext
from kringloopdesk.gui.dialogs.file_dialog import FileDialog
from kringloopdesk.gui.dialogs.ords_export_dialog import default_year
from kringloopdesk.gui.formatting import format_date, format_number
from kringloopdesk.gui.long_task import LongTask
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.models.row_model import Index, RowTableModel
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.theme import current_colors, mix
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit, date_error_text
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.services.exports import (
    ExportData,
    PreviewRow,
    build_export,
    period_for,
    period_label,
    preview_rows,
    write_export,
)
from kringloopdesk.services.figures import TOTAL, Period
from kringloopdesk.services.flows import flow_years
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.workers import Choice
from kringloopdesk.settings import read_local, write_local

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
FOLDER_SETTING = "export_folder"
# Typing a date waits this long before the preview is read again (not at every key).
DATE_DELAY_MS = 400
WHOLE_YEAR = "jaar"
CUSTOM = "eigen"
QUARTERS = ("K1", "K2", "K3", "K4")
# The first word of a suggested file name, per kind.
FILE_STEMS = {"bkn": "bkn", "cedris": "cedris", "impact": "impactrapport"}
DEFAULT_FORMATS = {"bkn": "csv", "cedris": "csv", "impact": "pdf"}


def suggested_name(kind: str, fmt: str, period: Period) -> str:
    """``bkn-2026.csv``, ``cedris-2026-K1.xlsx``, ``impactrapport-2026.pdf``; a period of
    one's own: ``bkn-2026-03-01-2026-05-31.csv`` (the period as the CLI names it)."""
    return f"{FILE_STEMS[kind]}-{period_label(period)}.{fmt}"


def remembered_folder() -> Path | None:
    """The folder of the last export on this PC, when it is still there."""
    text = str(read_local(FOLDER_SETTING) or "")
    if not text:
        return None
    folder = Path(text)
    return folder if folder.is_dir() else None


class PreviewModel(RowTableModel[PreviewRow]):
    """The rows of the file: onderdeel, indicator, categorie, waarde, eenheid; the
    definition of the indicator as every cell's tooltip."""

    value_column = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Onderdeel"), self.tr("Indicator"), self.tr("Categorie"),
                self.tr("Waarde"), self.tr("Eenheid"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == \
                Qt.ItemDataRole.TextAlignmentRole and 0 <= section < len(self.column_titles()):
            return _RIGHT if section == self.value_column else _LEFT
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        column = index.column()
        if row is None or not 0 <= column < len(self.column_titles()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.section, row.indicator, row.categorie, row.waarde, row.eenheid)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.definition or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == self.value_column else _LEFT
        if role == Qt.ItemDataRole.FontRole and row.categorie == TOTAL:
            font = QFont()
            font.setBold(True)
            return font
        return None


class KindCard(QPushButton):
    """A large toggle for one kind of export: its name and one line of explanation."""

    def __init__(self, kind: str, title: str, text: str, icon_name: str, key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setShortcut(QKeySequence(key))
        self.setObjectName("ExportKind")
        self.setCheckable(True)
        self.setMinimumHeight(76)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.setToolTip(f"{text} ({key})")
        symbol = QLabel()
        symbol.setPixmap(icons.pixmap(icon_name, 26, current_colors().primary))
        symbol.setFixedWidth(34)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("ExportKindTitle")
        self.text_label = QLabel(text)
        self.text_label.setObjectName("ExportKindText")
        self.text_label.setWordWrap(True)
        for label in (symbol, self.title_label, self.text_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title_label)
        texts.addWidget(self.text_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(10)
        layout.addWidget(symbol, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)


def _stylesheet() -> str:
    c = current_colors()
    tint = mix(c.primary, c.card, 0.9)
    border = mix(c.primary_text, c.card, 0.82)
    return f"""
QPushButton#ExportKind {{ background: {c.card}; border: 1px solid {border};
    border-radius: 10px; padding: 0; text-align: left; }}
QPushButton#ExportKind:hover {{ border: 1px solid {c.primary}; }}
QPushButton#ExportKind:checked {{ background: {tint}; border: 3px solid {c.primary}; }}
QLabel#ExportKindTitle {{ font-size: 15px; font-weight: bold; color: {c.primary_text};
    background: transparent; }}
QLabel#ExportKindText {{ color: {c.muted_text}; background: transparent; }}
QLabel#ExportPrivacy {{ color: {c.muted_text}; background: transparent; }}
QLabel#PreviewTitle {{ font-size: 15px; font-weight: bold; color: {c.primary_text};
    background: transparent; }}
"""


class ExportsPage(Page):
    icon_name = "upload"
    permission = Permission.EXPORT_AGGREGATES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True
        self.data: ExportData | None = None
        self.period: Period | None = None
        self._formats = dict(DEFAULT_FORMATS)
        colors = current_colors()

        self.cards = [
            KindCard("bkn", self.tr("BKN Monitor"),
                     self.tr("Goederen en mensen, naar BKN"), "target", "Alt+1"),
            KindCard("cedris", self.tr("Cedris"),
                     self.tr("Mensen en uitstroom, naar Cedris"), "users", "Alt+2"),
            KindCard("impact", self.tr("Impactrapport"),
                     self.tr("Het jaarverhaal als PDF, met grafieken"), "badge", "Alt+3"),
        ]
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        for card in self.cards:
            self.kind_group.addButton(card)
        self.cards[0].setChecked(True)
        self.kind_group.buttonToggled.connect(self._kind_toggled)

        this_year = dt.date.today().year
        self.year_combo = ChoiceCombo([Choice(this_year, str(this_year))])
        self.year_combo.setAccessibleName(self.tr("Jaar"))
        self.period_combo = ChoiceCombo([
            Choice(WHOLE_YEAR, self.tr("Heel jaar")),
            *(Choice(q, self.tr("{quarter} ({months})").format(quarter=q, months=months))
              for q, months in zip(QUARTERS, (self.tr("jan–mrt"), self.tr("apr–jun"),
                                              self.tr("jul–sep"), self.tr("okt–dec")),
                                   strict=True)),
            Choice(CUSTOM, self.tr("Eigen periode")),
        ])
        self.period_combo.setAccessibleName(self.tr("Periode"))
        self.from_edit = DateEdit()
        self.from_edit.edit.setAccessibleName(self.tr("Van"))
        self.to_edit = DateEdit()
        self.to_edit.edit.setAccessibleName(self.tr("Tot en met"))
        self.date_timer = QTimer(self)
        self.date_timer.setSingleShot(True)
        self.date_timer.setInterval(DATE_DELAY_MS)
        self.date_timer.timeout.connect(self.load)
        for edit in (self.from_edit, self.to_edit):
            edit.textChanged.connect(lambda _t: self.date_timer.start())
            edit.editingFinished.connect(self._dates_finished)
        self.format_combo = ChoiceCombo([
            Choice("csv", self.tr("CSV")),
            Choice("xlsx", self.tr("Excel (XLSX)")),
            Choice("pdf", self.tr("PDF")),
        ])
        self.format_combo.setAccessibleName(self.tr("Formaat"))
        self.year_combo.value_changed.connect(lambda _v: self.load())
        self.period_combo.value_changed.connect(self._period_changed)
        self.format_combo.value_changed.connect(self._format_changed)

        self.save_button = QPushButton(self.tr("Opslaan…"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.setIcon(icons.icon("save", "#ffffff"))
        self.save_button.setToolTip(self.tr("Het bestand opslaan (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)

        self.period_error = QLabel()
        self.period_error.setObjectName("FieldError")
        self.period_error.setWordWrap(True)
        self.period_error.hide()
        privacy_icon = QLabel()
        privacy_icon.setPixmap(icons.pixmap("shield", 16, colors.muted_text))
        self.privacy_label = QLabel(self.tr(
            "Alleen totalen — geen namen, nummers of notities"))
        self.privacy_label.setObjectName("ExportPrivacy")
        self.preview_title = QLabel()
        self.preview_title.setObjectName("PreviewTitle")
        self.preview_note = QLabel()
        self.preview_note.setObjectName("FormNote")
        self.preview_note.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("ListCount")

        self.model = PreviewModel(self)
        self.view = ListView("exports")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Voorbeeld van het bestand"))
        self.view.set_column_widths([120, 200, 240, 230, 90])
        self.view.set_empty_text(self.tr(
            "Kies een soort export, een periode en een formaat: hier staat dan precies wat er "
            "in het bestand komt"))

        cards = QHBoxLayout()
        cards.setSpacing(12)
        for card in self.cards:
            cards.addWidget(card, 1)

        controls = QHBoxLayout()
        controls.setSpacing(8)

        def labelled(text: str, widget: QWidget) -> QLabel:
            label = QLabel(text)
            label.setObjectName("FilterLabel")
            label.setBuddy(widget.focusProxy() or widget)
            controls.addWidget(label)
            controls.addWidget(widget)
            return label

        labelled(self.tr("Periode"), self.period_combo)
        self.year_label = labelled(self.tr("Jaar"), self.year_combo)
        self.from_label = labelled(self.tr("Van"), self.from_edit)
        self.to_label = labelled(self.tr("t/m"), self.to_edit)
        controls.addSpacing(16)
        labelled(self.tr("Formaat"), self.format_combo)
        controls.addStretch(1)
        privacy = QHBoxLayout()
        privacy.setSpacing(6)
        privacy.addWidget(privacy_icon)
        privacy.addWidget(self.privacy_label)
        privacy.addStretch(1)
        preview_head = QHBoxLayout()
        preview_head.addWidget(self.preview_title)
        preview_head.addStretch(1)
        preview_head.addWidget(self.count_label)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        column.setSpacing(10)
        column.addLayout(cards)
        column.addLayout(controls)
        column.addWidget(self.period_error)
        column.addLayout(privacy)
        column.addSpacing(4)
        column.addLayout(preview_head)
        column.addWidget(self.preview_note)
        column.addWidget(self.view, 1)
        subtitle = QLabel(self.tr("Cijfers voor BKN en Cedris en het jaarverhaal van de "
                                  "winkel — kies, bekijk en sla op"))
        self.set_content(self.make_header(subtitle, [self.save_button]), body, scroll=False)
        self.setStyleSheet(_stylesheet())

        self.year_combo.set_value(default_year())
        self.format_combo.set_value(self._formats[self.kind])
        self._show_period_fields()
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        ctx.hub.changed.connect(self._on_changed)
        self._update_texts()

    def title(self) -> str:
        return self.tr("Exporteren")

    # -- the choice -------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        checked = self.kind_group.checkedButton()
        return checked.kind if isinstance(checked, KindCard) else "bkn"

    @property
    def fmt(self) -> str:
        return str(self.format_combo.value or self._formats[self.kind])

    def card(self, kind: str) -> KindCard:
        return next(card for card in self.cards if card.kind == kind)

    def choose(self, kind: str | None = None, *, year: int | None = None,
               period: str | None = None, fmt: str | None = None) -> None:
        """Make a choice as the user would (the preview follows); for tests and scripts."""
        if kind is not None:
            self.card(kind).setChecked(True)
        if year is not None:
            self.year_combo.set_value(year)
        if period is not None:
            self.period_combo.set_value(period)
        if fmt is not None:
            self.format_combo.set_value(fmt)

    def _kind_toggled(self, button: QPushButton, checked: bool) -> None:
        if not checked:
            return
        # Each kind keeps its own format: the impact report is a PDF unless chosen otherwise.
        self.format_combo.blockSignals(True)
        self.format_combo.set_value(self._formats[self.kind])
        self.format_combo.blockSignals(False)
        self.load()

    def _format_changed(self, value: object) -> None:
        if value is not None:
            self._formats[self.kind] = str(value)
        self.load()

    def _period_changed(self, value: object) -> None:
        if value == CUSTOM and self.period is not None \
                and not (self.from_edit.text() or self.to_edit.text()):
            # Start from what was chosen so far; the user adjusts the days.
            for edit, day in ((self.from_edit, self.period.start), (self.to_edit,
                                                                    self.period.end)):
                edit.blockSignals(True)
                edit.set_date(day)
                edit.blockSignals(False)
        self._show_period_fields()
        self.load()

    def _show_period_fields(self) -> None:
        custom = self.period_combo.value == CUSTOM
        for widget in (self.year_label, self.year_combo):
            widget.setVisible(not custom)
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(custom)

    def _dates_finished(self) -> None:
        if self.date_timer.isActive():
            self.date_timer.stop()
            self.load()

    def chosen_period(self) -> Period:
        """The period chosen; ``UserError`` (in Dutch) when the dates do not make one."""
        choice = self.period_combo.value
        if choice == CUSTOM:
            for edit in (self.from_edit, self.to_edit):
                if edit.error() is not None:
                    raise UserError(date_error_text())
            start, end = self.from_edit.date(), self.to_edit.date()
            if start is None or end is None:
                raise UserError(self.tr("Vul beide datums in: van en tot en met."))
            return period_for(start=start, end=end)
        year = int(self.year_combo.value or default_year())
        quarter = QUARTERS.index(str(choice)) + 1 if choice in QUARTERS else None
        return period_for(year, quarter)

    # -- reading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        # Almost any change can move a figure (goods, people, certificates, the shop's name);
        # the log and the user list cannot, and an export itself only writes to the log.
        if not changes - {AUDIT, USERS}:
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        years = query(self.ctx, self, lambda s: flow_years(s, actor))
        if years:
            self.year_combo.blockSignals(True)
            self.year_combo.set_choices([Choice(y, str(y)) for y in years])
            self.year_combo.blockSignals(False)
        self._stale = False
        self.load()

    def load(self) -> None:
        """Read the export of the current choice and show its rows."""
        self.date_timer.stop()
        actor = self.ctx.actor
        if actor is None:
            return
        kind = self.kind
        try:
            period = self.chosen_period()
        except UserError as error:
            self._show_problem(error.message)
            return
        self.period = period

        def read(session) -> ExportData | UserError:
            try:
                return build_export(session, actor, kind, period)
            except UserError as error:  # said on the page, not in a box at every choice
                return error

        found = query(self.ctx, self, read)
        if found is None:
            self._show_problem("")
            return
        if isinstance(found, UserError):
            self._show_problem(found.message)
            return
        self.period_error.hide()
        self.data = found
        self.model.replace_rows(preview_rows(found))
        self._update_texts()

    def _show_problem(self, text: str) -> None:
        self.data = None
        self.model.replace_rows([])
        self.period_error.setText(text)
        self.period_error.setVisible(bool(text))
        self._update_texts()

    def file_name(self) -> str | None:
        data = self.data
        if data is None:
            return None
        return suggested_name(data.kind, self.fmt, data.period)

    def _update_texts(self) -> None:
        data = self.data
        rows = self.model.rowCount()
        self.save_button.setEnabled(data is not None)
        if data is None:
            self.preview_title.setText(self.tr("Voorbeeld"))
            self.preview_note.hide()
            self.count_label.setText("")
            self.save_button.setToolTip(self.tr(
                "Kies eerst een geldige periode (Ctrl+S slaat op)"))
            return
        self.save_button.setToolTip(self.tr("{name} opslaan (Ctrl+S)").format(
            name=self.file_name()))
        self.preview_title.setText(self.tr("Voorbeeld van {name} — {start} t/m {end}").format(
            name=self.file_name(), start=format_date(data.period.start),
            end=format_date(data.period.end)))
        self.count_label.setText(self.tr("1 regel") if rows == 1 else self.tr(
            "{n} regels").format(n=format_number(rows)))
        notes = []
        if data.kind == "impact" and self.fmt in ("csv", "xlsx"):
            notes.append(self.tr("Het bestand bevat beide reeksen: eerst BKN Monitor, dan "
                                 "Cedris; de gegevens van de winkel één keer."))
        elif data.kind == "impact":
            notes.append(self.tr("Het rapport zet deze cijfers in grafieken, met de uitleg "
                                 "van elk cijfer en de gebruikte CO₂-factoren."))
        notes.append(self.tr("Wijs een regel aan voor de definitie van het cijfer."))
        self.preview_note.setText(" ".join(notes))
        self.preview_note.show()

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        """Ask the file (in the folder of the last export) and write the export there."""
        actor = self.ctx.actor
        if actor is None or not self.isVisible() or self.data is None or self.period is None:
            return
        kind, fmt, period = self.kind, self.fmt, self.period
        name = self.file_name() or f"{FILE_STEMS[kind]}.{fmt}"
        folder = remembered_folder()
        # An absolute suggestion opens the dialog in that folder.
        suggestion = str(folder / name) if folder is not None else name
        filters = {"csv": self.tr("CSV-bestand (*.csv)"),
                   "xlsx": self.tr("Excel-werkmap (*.xlsx)"),
                   "pdf": self.tr("PDF-bestand (*.pdf)")}
        path = FileDialog.save_file(self, self.tr("Export opslaan"), suggestion, filters[fmt])
        if path is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        what = {"bkn": self.tr("BKN-export"), "cedris": self.tr("Cedris-export"),
                "impact": self.tr("Impactrapport")}[kind]

        # Made here: the worker thread only fills it in.
        cannot_write = self.tr(
            "{what} kan niet worden opgeslagen in {path}: {problem}. Er is niets half "
            "geschreven; kies een andere map.")

        def export(session, progress) -> ExportData:
            data = build_export(session, actor, kind, period, progress=progress.part(0, 0.3))
            # Written inside the unit of work: a failed write undoes what the export recorded.
            try:
                write_export(data, fmt, path, progress=progress.part(0.3, 1.0))
            except OSError as error:
                raise UserError(cannot_write.format(
                    what=what, path=path, problem=error.strerror or error)) from error
            return data

        def done(data: ExportData) -> None:
            write_local(FOLDER_SETTING, str(path.parent))
            # The table shows what was written, also when a total changed since the preview.
            self.data = data
            self.model.replace_rows(preview_rows(data))
            self._update_texts()
            show_status(self, self.tr("{what} opgeslagen: {path}").format(what=what,
                                                                          path=path))

        LongTask(self.ctx, self, export, title=self.tr("Exporteren"),
                 label=self.tr("{what} wordt gemaakt.").format(what=what),
                 changes={AUDIT}).success(done).run()
