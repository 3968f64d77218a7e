"""Batch: certificates of participation for every placement that ended in a period, as one PDF
or one file each.

The placements of the period are listed with a check box each; those without a (valid)
certificate are checked. The batch runs in a worker thread with its own unit of work
(``issue_batch`` renders and registers, then moves the files into place), so the window stays
responsive: a progress bar follows it and Annuleren stops it — the unit of work rolls back,
no serial is used and no file is left behind. At the end: what was issued, and "Map openen".
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from kringloopdesk.db.engine import explain_connect_error
from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, CERTIFICATES, AppContext
from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
from kringloopdesk.gui.dialogs.file_dialog import FileDialog, documents_folder
from kringloopdesk.gui.dialogs.modal import ModalDialog
from kringloopdesk.gui.formatting import format_date, format_number
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.models.placements_model import hours_text
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.services.certificates import (
    BatchCancelled,
    BatchResult,
    EndedPlacement,
    ended_placements,
    issue_batch,
)
from kringloopdesk.services.workers import Choice

log = logging.getLogger(__name__)

PLACEMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 6  # check + name, number, department, period, hours, certificate


def previous_quarter(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The quarter before the one ``today`` is in (the usual period of a batch)."""
    today = today or dt.date.today()
    first_this = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last = first_this - dt.timedelta(days=1)
    first = dt.date(last.year, 3 * ((last.month - 1) // 3) + 1, 1)
    return first, last


class BatchWorker(QObject):
    """Runs ``issue_batch`` in its own thread and unit of work; talks only through signals."""

    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # BatchResult
    failed = Signal(object)  # UserError (BatchCancelled when cancelled)
    crashed = Signal(str)  # a bug: the traceback

    def __init__(self, ctx: AppContext, placement_ids: list[int], language: str,
                 one_pdf: bool, target: Path) -> None:
        super().__init__()
        self.ctx = ctx
        self.placement_ids = placement_ids
        self.language = language
        self.one_pdf = one_pdf
        self.target = target
        self.cancel_requested = threading.Event()

    def run(self) -> None:
        actor = self.ctx.actor
        try:
            if actor is None:
                raise UserError(self.tr("U bent niet meer aangemeld."))
            try:
                with self.ctx.db.session() as session:
                    result = issue_batch(
                        session, actor, self.placement_ids, language=self.language,
                        one_pdf=self.one_pdf, target=self.target,
                        progress=lambda done, total: self.progressed.emit(done, total),
                        cancelled=self.cancel_requested.is_set,
                    )
            except OperationalError as exc:
                raise explain_connect_error(self.ctx.db.url, exc) from exc
        except UserError as error:
            log.info("Batch not done: %s", error.message)
            self.failed.emit(error)
        except Exception:
            log.exception("Certificate batch failed")
            self.crashed.emit(traceback.format_exc())
        else:
            self.succeeded.emit(result)


class CertificateBatchDialog(ModalDialog):
    finished_batch = Signal(str)  # "done", "cancelled" or "failed"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.placements: list[EndedPlacement] = []
        self.result_: BatchResult | None = None
        self.outcome: str | None = None
        self.target: Path | None = None
        self._thread: QThread | None = None
        self._worker: BatchWorker | None = None
        self.setWindowTitle(self.tr("Certificaten in één keer"))
        self.setWindowIcon(icons.app_icon())
        self.setMinimumSize(940, 640)

        heading = QLabel(self.tr("Certificaten van deelname in één keer"))
        heading.setObjectName("DialogTitle")
        intro = QLabel(self.tr(
            "Voor de plaatsingen die in de gekozen periode zijn geëindigd. Aangevinkt zijn de "
            "plaatsingen die nog geen geldig certificaat hebben."))
        intro.setObjectName("DialogSubtitle")
        intro.setWordWrap(True)

        first, last = previous_quarter(today)
        self.from_edit = DateEdit()
        self.from_edit.set_date(first)
        self.to_edit = DateEdit()
        self.to_edit.set_date(last)
        for edit in (self.from_edit, self.to_edit):
            edit.date_changed.connect(lambda _d: self.load_placements())
        period = QHBoxLayout()
        period.setSpacing(8)
        period.addWidget(QLabel(self.tr("Geëindigd van")))
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("tot en met")))
        period.addWidget(self.to_edit)
        period.addStretch(1)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Naam"), self.tr("Nummer"), self.tr("Afdeling"), self.tr("Periode"),
            self.tr("Uren"), self.tr("Certificaat")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 112), (2, 130), (3, 190), (4, 90), (5, 130)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(lambda _item: self._update_buttons())
        self.empty_label = QLabel()
        self.empty_label.setObjectName("FormNote")
        self.empty_label.setWordWrap(True)
        self.all_button = QPushButton(self.tr("&Alles aanvinken"))
        self.all_button.setFlat(True)
        self.all_button.clicked.connect(lambda: self.set_all_checked(True))
        self.none_button = QPushButton(self.tr("&Niets aanvinken"))
        self.none_button.setFlat(True)
        self.none_button.clicked.connect(lambda: self.set_all_checked(False))
        self.checked_label = QLabel()
        self.checked_label.setObjectName("ListCount")
        selection_row = QHBoxLayout()
        selection_row.addWidget(self.checked_label)
        selection_row.addStretch(1)
        selection_row.addWidget(self.all_button)
        selection_row.addWidget(self.none_button)

        self.language_combo = ChoiceCombo([Choice("nl", "Nederlands"), Choice("en", "English")])
        self.language_combo.setAccessibleName(self.tr("Taal"))
        self.one_pdf_radio = QRadioButton(self.tr("Eén PDF met alle certificaten"))
        self.separate_radio = QRadioButton(self.tr("Eén bestand per certificaat (in een map)"))
        self.separate_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.one_pdf_radio)
        self.mode_group.addButton(self.separate_radio)
        options = QHBoxLayout()
        options.setSpacing(12)
        options.addWidget(QLabel(self.tr("Taal")))
        options.addWidget(self.language_combo)
        options.addSpacing(16)
        options.addWidget(self.one_pdf_radio)
        options.addWidget(self.separate_radio)
        options.addStretch(1)

        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.setFlat(True)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.open_folder_button = QPushButton(self.tr("Map openen"))
        self.open_folder_button.setAutoDefault(False)
        self.open_folder_button.clicked.connect(self.open_target_folder)
        self.open_folder_button.hide()
        self.start_button = QPushButton(self.tr("&Uitgeven…"))
        self.start_button.setObjectName("PrimaryButton")
        self.start_button.clicked.connect(self.choose_target_and_start)
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("BlockedReason")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.blocked_label, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(selection_row)
        layout.addLayout(options)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self._inputs: tuple[QWidget, ...] = (
            self.from_edit, self.to_edit, self.table, self.all_button, self.none_button,
            self.language_combo, self.one_pdf_radio, self.separate_radio)

    @classmethod
    def open_for(cls, ctx: AppContext, parent: QWidget | None = None) -> CertificateBatchDialog:
        dialog = cls(ctx, parent)
        dialog.ask()
        dialog.deleteLater()
        return dialog

    def prepare(self) -> None:
        self.load_placements()

    # -- the placements ---------------------------------------------------------------------

    def load_placements(self) -> None:
        actor = self.ctx.actor
        first, last = self.from_edit.date(), self.to_edit.date()
        if actor is None or self.running:
            return
        if first is None or last is None or last < first:
            self.placements = []
            self._fill_table()
            self.empty_label.setText(self.tr("Kies een periode: twee datums, de eerste niet na "
                                             "de tweede."))
            self.empty_label.show()
            return
        found = query(self.ctx, self, lambda s: ended_placements(s, actor, first, last))
        self.placements = found or []
        self._fill_table()
        self.empty_label.setText(self.tr(
            "Geen plaatsingen geëindigd tussen {first} en {last} — kies een andere periode."
        ).format(first=format_date(first), last=format_date(last)))
        self.empty_label.setVisible(not self.placements)

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.placements))
        for row, placement in enumerate(self.placements):
            name = QTableWidgetItem(placement.worker_name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked if placement.has_certificate
                               else Qt.CheckState.Checked)
            name.setData(PLACEMENT_ID_ROLE, placement.placement_id)
            self.table.setItem(row, 0, name)
            texts = (
                placement.number,
                placement.department,
                f"{format_date(placement.start_date)} – {format_date(placement.end_date)}",
                hours_text(placement.hours),
                self.tr("al uitgegeven") if placement.has_certificate else self.tr("nog niet"),
            )
            for column, text in enumerate(texts, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._update_buttons()

    def set_all_checked(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setCheckState(state)
        self.table.blockSignals(False)
        self._update_buttons()

    def set_checked(self, placement_id: int, checked: bool) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item.data(PLACEMENT_ID_ROLE) == placement_id:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[int]:
        return [
            int(self.table.item(row, 0).data(PLACEMENT_ID_ROLE))
            for row in range(self.table.rowCount())
            if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def _update_buttons(self) -> None:
        count = len(self.checked_ids())
        self.checked_label.setText(
            self.tr("{n} van {total} aangevinkt").format(
                n=format_number(count), total=format_number(len(self.placements))))
        running = self.running
        self.start_button.setEnabled(count > 0 and not running)
        self.blocked_label.setText(
            "" if count or running or not self.placements
            else self.tr("Vink ten minste één plaatsing aan"))

    # -- running ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def one_pdf(self) -> bool:
        return self.one_pdf_radio.isChecked()

    @classmethod
    def choose_folder(cls, parent: QWidget | None, title: str) -> Path | None:
        """The folder to put one file per certificate in; None when cancelled. Tests
        replace this."""
        chosen = QFileDialog.getExistingDirectory(parent, title, str(documents_folder()))
        return Path(chosen) if chosen else None

    @classmethod
    def open_folder(cls, folder: Path) -> None:
        """Show the folder in the file manager. Tests replace this."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def choose_target_and_start(self) -> None:
        if self.running or not self.checked_ids():
            return
        if self.one_pdf:
            first, last = self.from_edit.date(), self.to_edit.date()
            name = (f"certificaten {first:%Y-%m-%d} tot {last:%Y-%m-%d}.pdf"
                    if first and last else "certificaten.pdf")
            target = FileDialog.save_file(self, self.tr("Certificaten opslaan"), name,
                                          self.tr("PDF-bestand (*.pdf)"))
            if target is not None and target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
        else:
            target = type(self).choose_folder(self, self.tr("Map voor de certificaten"))
        if target is not None:
            self.start(target)

    def start(self, target: Path) -> None:
        """Issue the checked placements' certificates to ``target`` (a PDF file, or a folder
        for one file each) in a worker thread."""
        ids = self.checked_ids()
        if self.running or not ids:
            return
        self.target = target
        self.result_ = None
        self.outcome = None
        worker = BatchWorker(self.ctx, ids, str(self.language_combo.currentData()),
                             self.one_pdf, target)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._progressed)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.crashed.connect(self._crashed)
        # Direct: the thread's loop ends from the worker itself, also while the window waits
        # for it (``wait_for_batch``), when a queued quit would never be delivered.
        for signal in (worker.succeeded, worker.failed, worker.crashed):
            signal.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._thread_finished)
        self._worker, self._thread = worker, thread
        self.progress_bar.setRange(0, len(ids))
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("%v van %m certificaten"))
        self.progress_bar.show()
        self.message_label.setText(self.tr("Bezig met uitgeven…"))
        self.message_label.setStyleSheet("")
        self.message_label.show()
        self.open_folder_button.hide()
        self._set_running(True)
        thread.start()

    def _set_running(self, running: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setText(self.tr("Annuleren"))
        self.close_button.setVisible(not running)
        self.start_button.setVisible(not running)
        self._update_buttons()

    def request_cancel(self) -> None:
        """Ask the running batch to stop (thread-safe: only sets the flag)."""
        if self._worker is not None:
            self._worker.cancel_requested.set()

    def cancel(self) -> None:
        if not self.running:
            return
        self.request_cancel()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Wordt geannuleerd…"))
        self.message_label.setText(self.tr("Annuleren… de certificaten worden teruggedraaid."))

    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(total)
        self.progress_bar.setValue(done)

    def _succeeded(self, result: BatchResult) -> None:
        self.result_ = result
        self.outcome = "done"
        count = len(result.issued)
        serials = [issued.serial for issued in result.issued]
        span = f"{serials[0]} … {serials[-1]}" if count > 1 else (serials[0] if serials else "")
        if self.one_pdf:
            text = self.tr("{n} certificaten uitgegeven ({span}), samen in {path}.")
        else:
            text = self.tr("{n} certificaten uitgegeven ({span}), elk als eigen bestand in "
                           "{path}.")
        if count == 1:
            text = self.tr("1 certificaat uitgegeven ({span}), opgeslagen in {path}.")
        self.message_label.setText(text.format(n=format_number(count), span=span,
                                               path=self.target))
        self.message_label.setStyleSheet("font-weight: 600;")
        self.progress_bar.setValue(self.progress_bar.maximum())
        self.open_folder_button.show()
        self.ctx.hub.changed.emit(frozenset({CERTIFICATES, AUDIT}))
        show_status(self.parentWidget(), self.tr("{n} certificaten uitgegeven").format(
            n=format_number(count)))

    def _failed(self, error: UserError) -> None:
        if isinstance(error, BatchCancelled):
            self.outcome = "cancelled"
            self.message_label.setText(self.tr(
                "Geannuleerd: er is niets uitgegeven en er is geen bestand achtergelaten."))
        else:
            self.outcome = "failed"
            self.message_label.setText(self.tr("Niet gelukt: {message} Er is niets uitgegeven "
                                               "en er is geen bestand achtergelaten.").format(
                message=error.message))
        self.message_label.setStyleSheet("")
        self.progress_bar.hide()

    def _crashed(self, details: str) -> None:
        self.outcome = "failed"
        self.message_label.setText(self.tr("Er ging iets mis; er is niets uitgegeven."))
        self.progress_bar.hide()
        ErrorDialog.show_error(self, details)

    def _thread_finished(self) -> None:
        thread, self._thread = self._thread, None
        self._worker = None
        if thread is not None:
            thread.deleteLater()
        self._set_running(False)
        if self.outcome == "done":
            self.load_placements()  # they now have their certificates
        self.finished_batch.emit(self.outcome or "failed")

    def open_target_folder(self) -> None:
        if self.target is None:
            return
        folder = self.target.parent if self.one_pdf else self.target
        type(self).open_folder(folder)

    # -- closing ----------------------------------------------------------------------------

    def wait_for_batch(self) -> None:
        """Cancel a running batch and wait until it has rolled back."""
        thread = self._thread
        if thread is None:
            return
        self.request_cancel()
        thread.wait()
        # Take in what the worker said (cancelled, finished) before going on.
        QCoreApplication.sendPostedEvents(self)

    def reject(self) -> None:
        """Esc, Sluiten, or the window closing (logging out, locking out): a running batch is
        cancelled and rolled back first — nothing half-issued stays behind."""
        if self.running:
            self.cancel()
            self.wait_for_batch()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            self.wait_for_batch()
        super().closeEvent(event)
