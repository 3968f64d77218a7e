"""The record of one deelnemer, shown in the Deelnemers page instead of the list: every field
of domain.md, the placements as a time line, and per placement its goals, werkprocessen and
progress notes.

What is built depends on the role — not hidden, absent:

- an **invoer** gets number and name, read-only, and nothing else (no contact details, no
  placements, no sensitive section);
- a **begeleider** or **beheerder** gets every field and the placements; the **sensitive
  section** (ondersteuningsvraag, werkaanpassingen; the progress notes in the placement
  panel) only when the login holds the shop's data key. Without it a note says why.

The services refuse the same things, whatever a form would send.

Forms: required fields marked, the tab order is the reading order (left column, then right),
each field says what is wrong when the user leaves it, Save says why it cannot save yet,
Ctrl+S saves, Esc goes back (asking first when something changed), and a failed save keeps
everything that was typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.db.codes import WORKER_STATUSES
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.dialogs.conflict_dialog import ConflictChoice, ConflictDialog
from kringloopdesk.gui.dialogs.goal_dialog import text_edit
from kringloopdesk.gui.dialogs.placement_dialog import PlacementDialog, period_text
from kringloopdesk.gui.messages import MessageBox, UnsavedChoice, sensitive_data_closed_text
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.gui.widgets.form import ValidatedForm
from kringloopdesk.gui.widgets.page import PAGE_MARGIN
from kringloopdesk.gui.widgets.placement_panel import PlacementPanel, card
from kringloopdesk.gui.widgets.placement_timeline import PlacementTimeline
from kringloopdesk.gui.widgets.worker_hours_view import WorkerHoursView
from kringloopdesk.i18n import current_language
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.placements import PlacementInfo, list_placements
from kringloopdesk.services.workers import (
    Choice,
    WorkerDetail,
    WorkerInput,
    check_worker_input,
    create_worker,
    doelgroep_choices,
    get_worker,
    next_worker_number,
    number_in_use,
    update_worker,
    worker_list_options,
)

LABEL_WIDTH = 150
COLUMN_MAX_WIDTH = 560
DATE_FIELDS = ("birth_date", "start_date", "end_date")


class WorkerForm(QWidget):
    closed = Signal()  # back to the list
    saved = Signal(object)  # WorkerDetail

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.personal = ctx.may(Permission.VIEW_PERSONAL)
        self.editable = ctx.may(Permission.MANAGE_WORKERS)
        self.sensitive = ctx.may(Permission.SENSITIVE) and not ctx.sensitive_data_closed
        self.detail: WorkerDetail | None = None
        self.placements: list[PlacementInfo] = []
        self._baseline: tuple[WorkerInput, tuple[str, ...]] | None = None
        self._number_checked = ""
        colors = current_colors()

        # -- the header: back, name, save --
        self.back_button = QPushButton(self.tr("Deelnemers"))
        self.back_button.setObjectName("LinkButton")
        self.back_button.setIcon(icons.icon("chevron-left", colors.primary))
        self.back_button.setToolTip(self.tr("Terug naar de lijst (Esc)"))
        self.back_button.clicked.connect(self.close_form)
        self.title_label = QLabel()
        self.title_label.setObjectName("PageTitle")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("PageSubtitle")
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("BlockedReason")
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.blocked_label.setMinimumWidth(200)
        self.blocked_label.setMaximumWidth(360)
        self.save_button = QPushButton(self.tr("Opslaan"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.setIcon(icons.icon("save", "#ffffff"))
        self.save_button.setToolTip(self.tr("Opslaan (Ctrl+S)"))
        self.save_button.clicked.connect(self._save_requested)
        # Hide only: shown without a parent yet, it would flash as a window.
        if not self.editable:
            self.blocked_label.hide()
            self.save_button.hide()
        header = QFrame()
        header.setObjectName("PageHeader")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        texts.addWidget(self.title_label)
        texts.addWidget(self.subtitle_label)
        row = QHBoxLayout(header)
        row.setContentsMargins(PAGE_MARGIN, 10, PAGE_MARGIN, 10)
        row.setSpacing(12)
        row.addLayout(texts, 1)
        row.addWidget(self.blocked_label)
        row.addWidget(self.save_button)
        self.error_label = QLabel()
        self.error_label.setObjectName("DialogError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        # -- the fields --
        self.number_edit = QLineEdit()
        self.number_edit.setMaximumWidth(160)
        self.number_edit.setPlaceholderText(self.tr("bijv. D-0042"))
        self.first_name_edit = QLineEdit()
        self.last_name_edit = QLineEdit()
        self.last_name_edit.setPlaceholderText(self.tr("met tussenvoegsel, bijv. de Vries"))
        self.forms: list[ValidatedForm] = []
        self._field_form: dict[str, ValidatedForm] = {}
        self.person_form = self._form()
        add = self._add_field
        person = self.person_form
        add(person, "number", self.tr("Deelnemernummer"), self.number_edit, required=True)
        add(person, "first_name", self.tr("Voornaam"), self.first_name_edit, required=True)
        add(person, "last_name", self.tr("Achternaam"), self.last_name_edit, required=True)
        self.number_edit.editingFinished.connect(self._check_number)
        self.tab_chain: list[QWidget] = [self.number_edit, self.first_name_edit,
                                         self.last_name_edit]

        self.birth_edit: DateEdit | None = None
        self.support_edit: QPlainTextEdit | None = None
        self.adjustments_edit: QPlainTextEdit | None = None
        self.timeline: PlacementTimeline | None = None
        self.panel: PlacementPanel | None = None
        self.tabs: QTabWidget | None = None
        self.hours_view: WorkerHoursView | None = None
        self.new_placement_button: QPushButton | None = None
        if self.personal:
            self._make_personal_fields()
            body = self._personal_layout(header)
        else:
            body = self._names_only_layout(header)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(body)

        for previous, following in zip(self.tab_chain, self.tab_chain[1:], strict=False):
            QWidget.setTabOrder(previous, following)
        for form in self.forms:
            form.changed.connect(self._update_buttons)
            form.set_read_only(not self.editable)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self._save_requested)
        self.save_shortcut.setEnabled(self.editable)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close_form)

    # -- building ---------------------------------------------------------------------------

    def _form(self) -> ValidatedForm:
        holder: list[ValidatedForm] = []
        form = ValidatedForm(lambda: self._errors_of(holder[0]), label_width=LABEL_WIDTH)
        holder.append(form)
        self.forms.append(form)
        return form

    def _add_field(self, form: ValidatedForm, name: str, label: str, widget: QWidget,
                   **kwargs) -> None:
        self._field_form[name] = form
        form.add_field(name, label, widget, **kwargs)

    def _errors_of(self, form: ValidatedForm) -> dict[str, str]:
        """The errors of ``form``'s own fields (the cards share one set of rules)."""
        return {name: message for name, message in self._validate().items()
                if self._field_form.get(name) is form}

    def _make_personal_fields(self) -> None:
        self.birth_edit = DateEdit()
        add = self._add_field
        add(self.person_form, "birth_date", self.tr("Geboortedatum"), self.birth_edit)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("naam@voorbeeld.nl"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("bijv. 06-12345678"))
        self.street_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaximumWidth(120)
        self.postcode_edit.setPlaceholderText(self.tr("1234 AB"))
        self.city_edit = QLineEdit()
        self.contact_form = self._form()
        contact = self.contact_form
        add(contact, "email", self.tr("E-mail"), self.email_edit)
        add(contact, "phone", self.tr("Telefoon"), self.phone_edit)
        add(contact, "street", self.tr("Straat en huisnummer"), self.street_edit)
        add(contact, "postcode", self.tr("Postcode"), self.postcode_edit)
        add(contact, "city", self.tr("Plaats"), self.city_edit)

        self.doelgroep_combo = ChoiceCombo((), self.tr("Kies een doelgroep…"))
        language = current_language()
        self.status_combo = ChoiceCombo(
            [Choice(code, WORKER_STATUSES.label(code, language)) for code in WORKER_STATUSES]
        )
        self.start_edit = DateEdit()
        self.end_edit = DateEdit()
        self.referrer_edit = QLineEdit()
        self.referrer_edit.setPlaceholderText(self.tr("bijv. Gemeente Amersfoort, UWV, Amfors"))
        self.referrer_contact_edit = QLineEdit()
        self.participation_form = self._form()
        form = self.participation_form
        add(form, "doelgroep", self.tr("Doelgroep"), self.doelgroep_combo, required=True)
        add(form, "status", self.tr("Status"), self.status_combo, required=True)
        add(form, "start_date", self.tr("Startdatum"), self.start_edit, required=True)
        add(form, "end_date", self.tr("Einddatum"), self.end_edit)
        add(form, "referrer", self.tr("Verwijzer"), self.referrer_edit,
            hint=self.tr("De organisatie die de deelnemer heeft aangemeld"))
        add(form, "referrer_contact", self.tr("Contactpersoon verwijzer"),
            self.referrer_contact_edit)
        self.tab_chain += [self.birth_edit, self.email_edit, self.phone_edit, self.street_edit,
                           self.postcode_edit, self.city_edit, self.doelgroep_combo,
                           self.status_combo, self.start_edit, self.end_edit,
                           self.referrer_edit, self.referrer_contact_edit]
        if self.sensitive:
            self.support_edit = text_edit(3)
            self.support_edit.setPlaceholderText(
                self.tr("Wat kan de deelnemer wel en niet in het werk? Geen diagnoses.")
            )
            self.adjustments_edit = text_edit(2)
            self.adjustments_edit.setPlaceholderText(
                self.tr("Bijvoorbeeld: vaste werkplek, korte instructies, geen kassadiensten")
            )
            self.sensitive_form = self._form()
            add(self.sensitive_form, "support_need", self.tr("Ondersteuningsvraag"),
                self.support_edit)
            add(self.sensitive_form, "work_adjustments", self.tr("Werkaanpassingen"),
                self.adjustments_edit)
            self.tab_chain += [self.support_edit, self.adjustments_edit]

    def _personal_layout(self, header: QFrame) -> QWidget:
        required_note = QLabel(self.tr("* verplicht"))
        required_note.setObjectName("FormNote")
        left = QVBoxLayout()
        left.setSpacing(16)
        for title, form in ((self.tr("Persoon"), self.person_form),
                            (self.tr("Contact"), self.contact_form)):
            frame, inner = card(title)
            inner.addWidget(form)
            left.addWidget(frame)
        left.addWidget(required_note)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(16)
        frame, inner = card(self.tr("Deelname"))
        inner.addWidget(self.participation_form)
        right.addWidget(frame)
        right.addWidget(self._sensitive_card())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 24)
        details_layout.addLayout(columns)
        details_layout.addStretch(1)

        # The placements: the time line over both tabs, the chosen one in the second tab.
        self.timeline = PlacementTimeline()
        self.timeline.placement_selected.connect(self._placement_chosen)
        self.new_placement_button = QPushButton(self.tr("&Nieuwe plaatsing…"))
        self.new_placement_button.setIcon(icons.icon("plus", current_colors().primary))
        self.new_placement_button.setFlat(True)
        self.new_placement_button.clicked.connect(self.new_placement)
        # Hide only: shown without a parent yet, it would flash as a window.
        if not self.editable:
            self.new_placement_button.hide()
        timeline_card, timeline_layout = card(self.tr("Plaatsingen"),
                                              self.new_placement_button)
        timeline_layout.setContentsMargins(18, 8, 18, 4)
        timeline_layout.setSpacing(2)
        timeline_layout.addWidget(self.timeline)
        self.panel = PlacementPanel(self.ctx)
        self.panel.changed.connect(self._placement_changed)
        placement_body = QWidget()
        placement_layout = QVBoxLayout(placement_body)
        placement_layout.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 24)
        placement_layout.addWidget(self.panel)
        self.no_placement_label = QLabel()
        self.no_placement_label.setObjectName("FormNote")
        self.no_placement_label.setWordWrap(True)
        placement_layout.insertWidget(0, self.no_placement_label)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("PageTabs")
        self.tabs.setDocumentMode(True)
        muted = current_colors().muted_text
        self.tabs.addTab(_scrolling(details), icons.icon("id-card", muted), self.tr("Gegevens"))
        self.tabs.addTab(_scrolling(placement_body), icons.icon("briefcase", muted),
                         self.tr("Plaatsing en voortgang"))
        # The hours per day, week or month (the Uren page's view), read when first shown.
        self.hours_view = WorkerHoursView(self.ctx)
        hours_body = QWidget()
        hours_layout = QVBoxLayout(hours_body)
        hours_layout.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        hours_layout.addWidget(self.hours_view)
        self.hours_tab = self.tabs.addTab(hours_body, icons.icon("clock", muted),
                                          self.tr("Uren"))
        self.tabs.currentChanged.connect(self._tab_changed)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        top = QVBoxLayout()
        top.setContentsMargins(PAGE_MARGIN, 10, PAGE_MARGIN, 2)
        top.setSpacing(8)
        top.addWidget(self.error_label)
        top.addWidget(timeline_card)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        return body

    def _sensitive_card(self) -> QFrame:
        frame, inner = card(self.tr("Ondersteuning (vertrouwelijk)"))
        if self.sensitive:
            note = QLabel(self.tr(
                "Alleen begeleiders en beheerders zien dit; het wordt versleuteld bewaard. "
                "Beschrijf het werk, nooit een diagnose."))
            note.setObjectName("FormNote")
            note.setWordWrap(True)
            inner.addWidget(note)
            inner.addWidget(self.sensitive_form)
        else:
            self.closed_label = QLabel()
            self.closed_label.setObjectName("FormNote")
            self.closed_label.setWordWrap(True)
            inner.addWidget(self.closed_label)
        return frame

    def _names_only_layout(self, header: QFrame) -> QWidget:
        note = QLabel(self.tr("U ziet van deelnemers alleen het nummer en de naam."))
        note.setObjectName("FormNote")
        note.setWordWrap(True)
        frame, inner = card(self.tr("Persoon"))
        inner.addWidget(self.person_form)
        content = QWidget()
        content.setMaximumWidth(COLUMN_MAX_WIDTH + 2 * PAGE_MARGIN)
        column = QVBoxLayout(content)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 24)
        column.setSpacing(12)
        column.addWidget(note)
        column.addWidget(frame)
        column.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(content, 1)
        return body

    # -- loading ----------------------------------------------------------------------------

    def new_worker(self) -> None:
        """An empty form for a new deelnemer (with a suggested number)."""
        if not self.editable:
            return
        actor = self.ctx.actor
        suggestion = query(self.ctx, self, lambda s: next_worker_number(s, actor)) or ""
        self.detail = None
        self.placements = []
        self._load_choices(None)
        self._fill(WorkerInput(number=suggestion, first_name="", last_name="", doelgroep="",
                               start_date=dt.date.today()))
        self._show_placements(None)
        self.first_name_edit.setFocus()

    def open_worker(self, worker_id: int, placement_id: int | None = None) -> bool:
        """Show the record of ``worker_id`` (and ``placement_id`` in the second tab)."""
        actor = self.ctx.actor
        personal = self.personal

        def read(session):
            detail = get_worker(session, actor, worker_id)
            placements = list_placements(session, actor, worker_id) if personal else []
            return detail, placements

        loaded = query(self.ctx, self, read)
        if loaded is None:
            return False
        detail, placements = loaded
        self.detail = detail
        self.placements = placements
        if detail.personal is not None:
            self._load_choices(detail.personal.doelgroep)
            self._fill(detail.as_input())
        else:
            self._fill(WorkerInput(number=detail.number, first_name=detail.first_name,
                                   last_name=detail.last_name, doelgroep="", start_date=None))
        self._show_placements(placement_id)
        if placement_id is not None and self.tabs is not None:
            self.tabs.setCurrentIndex(1)
        elif self.tabs is not None:
            self.tabs.setCurrentIndex(0)
        return True

    def reload(self) -> None:
        """Read the shown worker again (after a change elsewhere), on the same tab and
        placement; nothing happens while it has unsaved changes."""
        if self.detail is None or self.is_dirty():
            return
        self._reopen()

    def _reopen(self) -> None:
        """Read the shown worker again, on the same tab and placement; drops unsaved input."""
        assert self.detail is not None
        tab = self.tabs.currentIndex() if self.tabs is not None else 0
        placement = self.timeline.selected_id if self.timeline is not None else None
        if self.open_worker(self.detail.id, placement) and self.tabs is not None:
            self.tabs.setCurrentIndex(tab)

    def _load_choices(self, doelgroep: str | None) -> None:
        if not self.personal:
            return
        actor = self.ctx.actor

        def read(session):
            return (doelgroep_choices(session, keep_code=doelgroep),
                    worker_list_options(session, actor).referrers)

        loaded = query(self.ctx, self, read)
        if loaded is None:
            return
        choices, referrers = loaded
        self.doelgroep_combo.set_choices(choices, keep=False)
        completer = QCompleter(list(referrers), self.referrer_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.referrer_edit.setCompleter(completer)

    def _fill(self, data: WorkerInput) -> None:
        for form in self.forms:
            form.blockSignals(True)
        self.number_edit.setText(data.number)
        self.first_name_edit.setText(data.first_name)
        self.last_name_edit.setText(data.last_name)
        if self.personal:
            assert self.birth_edit is not None
            self.birth_edit.set_date(data.birth_date)
            self.email_edit.setText(data.email or "")
            self.phone_edit.setText(data.phone or "")
            self.street_edit.setText(data.street or "")
            self.postcode_edit.setText(data.postcode or "")
            self.city_edit.setText(data.city or "")
            self.doelgroep_combo.set_value(data.doelgroep or None)
            self.status_combo.set_value(data.status)
            self.start_edit.set_date(data.start_date)
            self.end_edit.set_date(data.end_date)
            self.referrer_edit.setText(data.referrer or "")
            self.referrer_contact_edit.setText(data.referrer_contact or "")
        if self.support_edit is not None and self.adjustments_edit is not None:
            self.support_edit.setPlainText(data.support_need or "")
            self.adjustments_edit.setPlainText(data.work_adjustments or "")
        if not self.sensitive and self.personal:
            self.closed_label.setText(self._closed_text())
        for form in self.forms:
            form.blockSignals(False)
            form.reset()
        self._number_checked = data.number
        self._baseline = (self.current_input(), self._date_texts())
        self.error_label.hide()
        self._show_title()
        self._update_buttons()

    def _closed_text(self) -> str:
        role = self.ctx.actor.role if self.ctx.actor else ""
        text = sensitive_data_closed_text(role)
        personal = self.detail.personal if self.detail else None
        if personal is not None and (personal.has_support_need or personal.has_work_adjustments):
            text = self.tr("Er is een ondersteuningsvraag of werkaanpassing vastgelegd. ") + text
        return text

    def _show_title(self) -> None:
        detail = self.detail
        if detail is None:
            self.title_label.setText(self.tr("Nieuwe deelnemer"))
            self.subtitle_label.setText(
                self.tr("Vul de gegevens in en sla op; daarna kunt u plaatsingen toevoegen."))
            return
        self.title_label.setText(detail.full_name)
        parts = [detail.number]
        if detail.personal is not None:
            parts.append(WORKER_STATUSES.label(detail.personal.status, current_language()))
        current = self.current_placement()
        if current is not None:
            parts.append(f"{current.department_label} {period_text(current)}")
        self.subtitle_label.setText(" · ".join(parts))

    def current_placement(self) -> PlacementInfo | None:
        """The running placement, or the next planned one."""
        today = dt.date.today()
        open_ones = [p for p in self.placements if p.end_date is None or p.end_date >= today]
        return min(open_ones, key=lambda p: p.start_date) if open_ones else None

    # -- placements -------------------------------------------------------------------------

    def _show_placements(self, placement_id: int | None) -> None:
        if self.timeline is None or self.panel is None or self.tabs is None:
            return
        saved = self.detail is not None
        self.timeline.set_placements(self.placements)
        if self.new_placement_button is not None:
            self.new_placement_button.setEnabled(saved)
            self.new_placement_button.setToolTip(
                "" if saved else self.tr("Sla de deelnemer eerst op"))
        self.tabs.setTabEnabled(1, saved)
        self.tabs.setTabEnabled(self.hours_tab, saved)
        self._tab_changed(self.tabs.currentIndex())
        chosen = next((p for p in self.placements if p.id == placement_id), None)
        chosen = chosen or self.current_placement() or (
            self.placements[-1] if self.placements else None)
        self.timeline.selected_id = chosen.id if chosen else None
        self.timeline.update()
        self.panel.setVisible(chosen is not None)
        self.panel.show_placement(chosen)
        if chosen is None:
            self.no_placement_label.setText(
                self.tr("Nog geen plaatsingen — klik op Nieuwe plaatsing.") if self.editable
                else self.tr("Nog geen plaatsingen."))
        self.no_placement_label.setVisible(chosen is None)
        self._show_title()

    def _tab_changed(self, index: int) -> None:
        """The hours are read when their tab shows (and again for another worker)."""
        if self.hours_view is None or index != self.hours_tab:
            return
        worker_id = self.detail.id if self.detail is not None else None
        self.hours_view.set_worker(worker_id)

    def _placement_chosen(self, placement_id: int) -> None:
        placement = next((p for p in self.placements if p.id == placement_id), None)
        if self.panel is not None and placement is not None:
            self.panel.setVisible(True)
            self.no_placement_label.hide()
            self.panel.show_placement(placement)
            if self.tabs is not None:
                self.tabs.setCurrentIndex(1)

    def reload_placements(self, placement_id: int | None = None) -> None:
        detail = self.detail
        actor = self.ctx.actor
        if detail is None or not self.personal:
            return
        placements = query(self.ctx, self, lambda s: list_placements(s, actor, detail.id))
        if placements is not None:
            self.placements = placements
            self._show_placements(placement_id)

    def _placement_changed(self, placement_id: int) -> None:
        self.reload_placements(placement_id)

    def new_placement(self) -> None:
        if self.detail is None or not self.editable:
            return
        dialog = PlacementDialog(self.ctx, self, worker=self.detail.name)
        if dialog.ask() and dialog.saved is not None:
            self.reload_placements(dialog.saved.id)
            if self.tabs is not None:
                self.tabs.setCurrentIndex(1)
        dialog.deleteLater()

    # -- editing ----------------------------------------------------------------------------

    def _date_texts(self) -> tuple[str, ...]:
        edits = (self.birth_edit, getattr(self, "start_edit", None),
                 getattr(self, "end_edit", None))
        return tuple(edit.text() for edit in edits if edit is not None)

    def current_input(self) -> WorkerInput:
        if not self.personal:
            base = self.detail
            return WorkerInput(number=self.number_edit.text(),
                               first_name=self.first_name_edit.text(),
                               last_name=self.last_name_edit.text(), doelgroep="",
                               start_date=None) if base is None else WorkerInput(
                number=base.number, first_name=base.first_name, last_name=base.last_name,
                doelgroep="", start_date=None)
        assert self.birth_edit is not None
        return WorkerInput(
            number=self.number_edit.text(),
            first_name=self.first_name_edit.text(),
            last_name=self.last_name_edit.text(),
            doelgroep=str(self.doelgroep_combo.value or ""),
            start_date=self.start_edit.date(),
            birth_date=self.birth_edit.date(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            street=self.street_edit.text(),
            postcode=self.postcode_edit.text(),
            city=self.city_edit.text(),
            referrer=self.referrer_edit.text(),
            referrer_contact=self.referrer_contact_edit.text(),
            end_date=self.end_edit.date(),
            status=str(self.status_combo.value or ""),
            support_need=self.support_edit.toPlainText() if self.support_edit else None,
            work_adjustments=(self.adjustments_edit.toPlainText()
                              if self.adjustments_edit else None),
        )

    def _validate(self) -> dict[str, str]:
        if not self.personal:
            return {}
        _cleaned, errors = check_worker_input(self.current_input())
        for name, edit in (("birth_date", self.birth_edit), ("start_date", self.start_edit),
                           ("end_date", self.end_edit)):
            if edit is not None and edit.error():
                errors[name] = edit.error() or ""
        return errors

    def _check_number(self) -> None:
        """Say at once, not only on saving, that the number is taken."""
        number = self.number_edit.text().strip()
        actor = self.ctx.actor
        if not self.editable or not number or number == self._number_checked:
            return
        self._number_checked = number
        worker_id = self.detail.id if self.detail else None
        message = query(self.ctx, self, lambda s: number_in_use(s, actor, number, worker_id))
        if message:
            self.person_form.show_validation_error(ValidationError(message,
                                                                   {"number": message}))

    def is_dirty(self) -> bool:
        if not self.editable or self._baseline is None:
            return False
        data, texts = self._baseline
        return self.current_input() != data or self._date_texts() != texts

    def first_problem(self) -> str | None:
        for form in self.forms:
            problem = form.first_problem()
            if problem:
                return problem
        return None

    def _update_buttons(self) -> None:
        if not self.editable:
            return
        dirty = self.is_dirty() or self.detail is None
        problem = self.first_problem()
        self.save_button.setEnabled(dirty and problem is None)
        if problem:
            reason = self.tr("Opslaan kan nog niet — {problem}").format(problem=problem)
        elif not dirty:
            reason = self.tr("Alles is opgeslagen")
        else:
            reason = self.tr("Niet opgeslagen wijzigingen")
        self.blocked_label.setText(reason)
        self.save_button.setToolTip(
            problem or self.tr("Opslaan (Ctrl+S)"))

    def _save_requested(self) -> None:
        # A slot must not return a bool (see settings_page).
        self.save()

    def save(self) -> bool:
        if not self.editable or self._baseline is None:
            return False
        if self.detail is not None and not self.is_dirty():
            return True
        for form in self.forms:
            form.touch_all()
        problem = self.first_problem()
        if problem:
            self._update_buttons()
            self._show_error(self.tr("Opslaan kan nog niet — {problem}").format(problem=problem))
            return False
        actor = self.ctx.actor
        assert actor is not None
        data = self.current_input()
        detail = self.detail
        if detail is None:
            def save(session):
                return create_worker(session, actor, data)
        else:
            def save(session):
                return update_worker(session, actor, detail.id, data, detail.version)
        conflicts: list[RecordChangedError] = []

        def failed(error: UserError) -> None:
            if isinstance(error, RecordChangedError) and detail is not None:
                conflicts.append(error)
            else:
                self._save_failed(error)

        saved = (
            DatabaseOp(self.ctx, self, save, changes={WORKERS, PLACEMENTS, AUDIT})
            .success(self._saved)
            .failure(failed)
            .message(self.tr("Deelnemer {name} opgeslagen").format(
                name=f"{data.first_name.strip()} {data.last_name.strip()}".strip()))
            .run()
        )
        return self._resolve_conflict(conflicts[0]) if conflicts else saved

    def _resolve_conflict(self, error: RecordChangedError) -> bool:
        """Someone else saved this worker meanwhile: reload, overwrite knowingly, or keep the
        input and do nothing (see ConflictDialog). True when the input got saved after all."""
        self._update_buttons()
        self._show_error(error.message)
        choice = ConflictDialog.ask_choice(self, error)
        if choice is ConflictChoice.CANCEL or self.detail is None:
            return False
        if choice is ConflictChoice.RELOAD:
            self._reopen()
            return False
        actor, worker_id = self.ctx.actor, self.detail.id
        current = query(self.ctx, self, lambda s: get_worker(s, actor, worker_id))
        if current is None:
            return False
        # The input stays as typed; only the version it is saved over moves on.
        self.detail = current
        self._show_error("")
        return self.save()

    def _saved(self, detail: WorkerDetail) -> None:
        selected = self.timeline.selected_id if self.timeline is not None else None
        was_new = self.detail is None
        self.detail = detail
        if detail.personal is not None:
            self._fill(detail.as_input())
        self.reload_placements(selected)
        if was_new:
            self._show_placements(None)
        self.saved.emit(detail)

    def _save_failed(self, error: UserError) -> None:
        # Everything typed stays; the reasons go next to the fields where they belong.
        if isinstance(error, ValidationError):
            for form in self.forms:
                form.show_validation_error(error)
        self._update_buttons()
        self._show_error(error.message)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def revert(self) -> None:
        if self._baseline is not None:
            self._fill(self._baseline[0])

    def may_close(self) -> bool:
        """True when the form may go (nothing changed, saved, or thrown away on purpose)."""
        if not self.is_dirty():
            return True
        name = self.detail.full_name if self.detail else self.tr("de nieuwe deelnemer")
        choice = MessageBox.ask_unsaved_changes(
            self, self.tr("de gegevens van {name}").format(name=name))
        if choice is UnsavedChoice.SAVE:
            return self.save()
        if choice is UnsavedChoice.DISCARD:
            self.revert()
            return True
        return False

    def close_form(self) -> None:
        if self.may_close():
            self.closed.emit()


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area
