"""Privacy (AVG), for the beheerder: the retention list with anonymisation, the inzage export
of everything stored about one person (PDF and/or JSON), and deleting a person on request.

Each action runs through ``DatabaseOp`` (and is written to the audit log by the service) and
ends with a note in the status bar.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, PLACEMENTS, SHOP_SETTINGS, WORKERS, AppContext
from kringloopdesk.gui.dialogs.delete_person_dialog import DeletePersonDialog
from kringloopdesk.gui.dialogs.file_dialog import FileDialog, safe_file_name
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.messages import MessageBox, show_status
from kringloopdesk.gui.models.retention_model import (
    COLUMN_WIDTHS,
    RetentionModel,
    RetentionProxy,
    RetentionView,
)
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.gui.widgets.worker_picker import WorkerPicker
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.privacy import (
    RetentionCandidate,
    anonymise_worker,
    inzage_export,
    retention_candidates,
    retention_years,
    write_inzage_json,
)
from kringloopdesk.services.workers import WorkerName, worker_names


class PrivacyPage(Page):
    icon_name = "shield"
    permission = Permission.PRIVACY_TOOLS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: dt.date | None = None  # tests pin "today"
        colors = current_colors()

        # -- the retention list --
        self.model = RetentionModel(self)
        self.proxy = RetentionProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = RetentionView()
        self.view.setModel(self.proxy)
        self.view.set_column_widths(COLUMN_WIDTHS)
        self.view.set_empty_text(
            self.tr("Niemand is over de bewaartermijn — er hoeft nu niets te worden "
                    "geanonimiseerd")
        )
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.open_requested.connect(lambda _index: self.anonymise_selected())
        self.retention_title = QLabel(self.tr("Bewaartermijn verstreken"))
        self.retention_title.setObjectName("SectionTitle")
        self.retention_note = QLabel()
        self.retention_note.setObjectName("FormNote")
        self.retention_note.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("ListCount")
        self.anonymise_button = QPushButton(self.tr("&Anonimiseren…"))
        self.anonymise_button.setIcon(icons.icon("eraser", colors.secondary_text))
        self.anonymise_button.setToolTip(
            self.tr("Naam, contactgegevens en gevoelige gegevens verwijderen; de cijfers blijven")
        )
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        list_actions = QHBoxLayout()
        list_actions.addWidget(self.count_label)
        list_actions.addStretch(1)
        list_actions.addWidget(self.anonymise_button)

        # -- one person: inzage and deletion --
        self.picker = WorkerPicker(self._search_workers)
        self.picker.worker_changed.connect(self._worker_changed)
        self.pdf_button = QPushButton(self.tr("Inzage als &PDF…"))
        self.pdf_button.setIcon(icons.icon("download", colors.secondary_text))
        self.pdf_button.clicked.connect(lambda: self.export_inzage("pdf"))
        self.json_button = QPushButton(self.tr("Inzage als &JSON…"))
        self.json_button.setIcon(icons.icon("download", colors.secondary_text))
        self.json_button.clicked.connect(lambda: self.export_inzage("json"))
        self.delete_button = QPushButton(self.tr("Persoon &verwijderen…"))
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.setIcon(icons.icon("trash", colors.danger))
        self.delete_button.clicked.connect(self.delete_person)
        person_title = QLabel(self.tr("Inzageverzoek of verwijderen op verzoek"))
        person_title.setObjectName("SectionTitle")
        person_note = QLabel(
            self.tr(
                "Kies de persoon. De inzage bevat alles wat over hem of haar is vastgelegd, "
                "ook de gevoelige gegevens en het logboek; geef het bestand alleen aan de "
                "persoon zelf."
            )
        )
        person_note.setObjectName("FormNote")
        person_note.setWordWrap(True)
        self.key_note = QLabel(
            self.tr(
                "U hebt nu geen toegang tot de gevoelige gegevens, dus een inzage kan niet. "
                "Een andere beheerder kan die toegang herstellen door uw wachtwoord opnieuw in "
                "te stellen."
            )
        )
        self.key_note.setObjectName("FieldError")
        self.key_note.setWordWrap(True)
        # Hide only: shown without a parent yet, it would flash as a window.
        if not ctx.sensitive_data_closed:
            self.key_note.hide()
        picker_row = QHBoxLayout()
        picker_row.setSpacing(8)
        picker_row.addWidget(self.picker, 1)
        picker_row.addWidget(self.pdf_button)
        picker_row.addWidget(self.json_button)
        picker_row.addSpacing(16)
        picker_row.addWidget(self.delete_button)
        person_card = QFrame()
        person_card.setObjectName("FormCard")
        card_layout = QVBoxLayout(person_card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        card_layout.setSpacing(8)
        card_layout.addWidget(person_note)
        card_layout.addLayout(picker_row)
        card_layout.addWidget(self.key_note)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        layout.setSpacing(8)
        layout.addWidget(self.retention_title)
        layout.addWidget(self.retention_note)
        layout.addWidget(self.view, 1)
        layout.addLayout(list_actions)
        layout.addSpacing(12)
        layout.addWidget(person_title)
        layout.addWidget(person_card)
        subtitle = QLabel(
            self.tr("Bewaartermijn, inzageverzoeken en verwijderen op verzoek (AVG)")
        )
        self.set_content(self.make_header(subtitle), body, scroll=False)
        self._selection_changed()
        self._worker_changed(None)
        ctx.hub.changed.connect(self._on_changed)

    def title(self) -> str:
        return self.tr("Privacy (AVG)")

    # -- the retention list -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & {WORKERS, PLACEMENTS, SHOP_SETTINGS} and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        today = self.today
        loaded = query(
            self.ctx,
            self,
            lambda s: (retention_candidates(s, actor, today=today), retention_years(s)),
        )
        if loaded is None:
            return
        candidates, years = loaded
        self.model.set_candidates(candidates, years)
        self.retention_note.setText(
            self.tr(
                "Deelnemers van wie de laatste plaatsing meer dan {n} jaar geleden eindigde "
                "(in te stellen bij Instellingen). Anonimiseren verwijdert naam, "
                "contactgegevens en gevoelige gegevens; doelgroep, data, uren en uitstroom "
                "blijven, zodat de cijfers voor BKN en Cedris gelijk blijven."
            ).format(n=years)
        )
        count = len(candidates)
        self.count_label.setText(
            self.tr("1 deelnemer") if count == 1 else self.tr("{n} deelnemers").format(
                n=format_number(count)
            )
        )
        self._selection_changed()

    def selected_candidate(self) -> RetentionCandidate | None:
        index = self.view.selected_index()
        if index is None:
            return None
        return self.model.candidate_at(self.proxy.mapToSource(index).row())

    def select_worker(self, worker_id: int) -> None:
        row = self.model.row_of(worker_id)
        if row is not None:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        self.anonymise_button.setEnabled(self.selected_candidate() is not None)

    def anonymise_selected(self) -> None:
        candidate = self.selected_candidate()
        actor = self.ctx.actor
        if candidate is None or actor is None:
            return
        who = f"{candidate.number} {candidate.full_name}"
        if not MessageBox.confirm(
            self,
            self.tr("{who} anonimiseren?").format(who=who),
            self.tr(
                "Verwijderd worden: naam, nummer, geboortedatum, contactgegevens, adres, de "
                "contactpersoon bij de verwijzer, ondersteuningsvraag, werkaanpassingen, "
                "voortgangsnotities en de tekst van ontwikkeldoelen.\n\n"
                "Blijven bewaard: doelgroep, data, plaatsingen, uren, werkprocessen, "
                "certificaten en uitstroom — de cijfers voor BKN en Cedris blijven gelijk.\n\n"
                "Dit kan niet ongedaan worden gemaakt."
            ),
            self.tr("Anonimiseren"),
            destructive=True,
        ):
            return
        worker_id = candidate.worker_id
        DatabaseOp(
            self.ctx,
            self,
            lambda s: anonymise_worker(s, actor, worker_id),
            changes={WORKERS, PLACEMENTS, AUDIT},
        ).message(self.tr("{who} is geanonimiseerd").format(who=who)).run()

    # -- one person -------------------------------------------------------------------------

    def _search_workers(self, text: str) -> list[WorkerName] | None:
        actor = self.ctx.actor
        if actor is None:
            return None
        return query(self.ctx, self, lambda s: worker_names(s, actor, text))

    def _worker_changed(self, worker: WorkerName | None) -> None:
        chosen = worker is not None
        may_export = chosen and not self.ctx.sensitive_data_closed
        for button in (self.pdf_button, self.json_button):
            button.setEnabled(may_export)
        self.delete_button.setEnabled(chosen)
        if not chosen:
            reason = self.tr("Kies eerst een persoon")
            for button in (self.pdf_button, self.json_button, self.delete_button):
                button.setToolTip(reason)
        else:
            for button in (self.pdf_button, self.json_button, self.delete_button):
                button.setToolTip("")

    def export_inzage(self, kind: str) -> None:
        worker = self.picker.worker
        actor = self.ctx.actor
        if worker is None or actor is None:
            return
        if kind == "pdf":
            path = FileDialog.save_file(
                self,
                self.tr("Inzage opslaan als PDF"),
                self.tr("Inzage {worker}.pdf").format(worker=safe_file_name(worker.display)),
                self.tr("PDF-bestanden (*.pdf)"),
            )
        else:
            path = FileDialog.save_file(
                self,
                self.tr("Inzage opslaan als JSON"),
                self.tr("Inzage {worker}.json").format(worker=safe_file_name(worker.display)),
                self.tr("JSON-bestanden (*.json)"),
            )
        if path is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        worker_id = worker.id

        def export(session) -> Path:
            data = inzage_export(session, actor, worker_id)
            # Written inside the unit of work: a file that cannot be written leaves no
            # "exported" entry in the audit log.
            return self._write(data, path, kind)

        DatabaseOp(self.ctx, self, export, changes={AUDIT}).message(
            self.tr("Inzage van {worker} opgeslagen als {name}").format(
                worker=worker.number, name=path.name
            )
        ).run()

    def _write(self, data: dict[str, Any], path: Path, kind: str) -> Path:
        from kringloopdesk.reports.inzage import write_inzage_pdf  # ReportLab: only when used

        try:
            if kind == "pdf":
                return write_inzage_pdf(data, path, data.get("shop") or "KringloopDesk")
            return write_inzage_json(data, path)
        except OSError as exc:
            raise UserError(
                self.tr(
                    "Het bestand kan niet worden opgeslagen in '{folder}'. Kies een andere map, "
                    "bijvoorbeeld Documenten."
                ).format(folder=path.parent),
                details=str(exc),
            ) from exc

    def delete_person(self) -> None:
        worker = self.picker.worker
        if worker is None:
            return
        dialog = DeletePersonDialog(self.ctx, worker, self)
        if dialog.ask() and dialog.deleted:
            self.picker.set_worker(None)
            show_status(self, self.tr("{worker} is verwijderd").format(worker=worker.display))
        dialog.deleteLater()
