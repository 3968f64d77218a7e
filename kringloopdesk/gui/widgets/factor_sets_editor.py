"""Instellingen › CO₂-factoren: the shop's CO2 factor sets, version by version.

Choose a set and a version to see its factor per product group and where the numbers come
from. A beheerder makes a new version (the shown one is the starting point; the decimal comma
works, and a wrong factor is named in the row right away) and chooses which version is the
shop's default. An existing version is never changed, so a report keeps the numbers of the
version it names. Other roles see everything read-only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, GOODS, AppContext
from kringloopdesk.gui.formatting import format_moment
from kringloopdesk.gui.messages import MessageBox, UnsavedChoice
from kringloopdesk.gui.models.row_model import Index, RowTableModel
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.page import PAGE_MARGIN
from kringloopdesk.i18n import current_language
from kringloopdesk.services.co2 import (
    FactorRow,
    FactorSetDetail,
    FactorSetSummary,
    get_factor_set,
    list_factor_sets,
    new_version,
    parse_factor,
    set_default,
)
from kringloopdesk.services.permissions import Permission

GROUP, FACTOR, PROBLEM = range(3)
EDITOR_MAX_WIDTH = 860


def factor_text(value: Decimal | None) -> str:
    """A factor the Dutch way, without trailing zeros: 1,45 · 13,5 · 1 · 0."""
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


class FactorTableModel(RowTableModel[FactorRow]):
    """The factors of one version; in edit mode the factor column takes typed text, and a
    factor that cannot be saved is named in the third column."""

    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editing = False
        self.texts: dict[str, str] = {}
        self.errors: dict[str, str] = {}
        self.language = current_language()

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Productgroep"), self.tr("Factor (kg CO₂/kg)"), self.tr("Controle")
        )

    def show_rows(self, rows: tuple[FactorRow, ...]) -> None:
        self.beginResetModel()
        self._rows = [r for r in rows if r.active or r.factor is not None]
        self.editing = False
        self.texts = {}
        self.errors = {}
        self.endResetModel()

    def start_edit(self, rows: tuple[FactorRow, ...]) -> None:
        """Edit a copy of ``rows``: every active group, and an inactive one with a factor."""
        self.beginResetModel()
        self._rows = [r for r in rows if r.active or r.factor is not None]
        self.editing = True
        self.texts = {r.code: factor_text(r.factor) for r in self._rows}
        self.errors = {}
        for row in self._rows:
            self._check(row)
        self.endResetModel()

    def stop_edit(self) -> None:
        self.beginResetModel()
        self.editing = False
        self.texts = {}
        self.errors = {}
        self.endResetModel()

    def values(self) -> dict[str, str]:
        """What was typed, by product group code (an inactive group left empty is left out)."""
        return {
            r.code: self.texts.get(r.code, "")
            for r in self._rows
            if r.active or self.texts.get(r.code, "").strip()
        }

    def changed(self) -> bool:
        if not self.editing:
            return False
        for row in self._rows:
            try:
                typed = parse_factor(self.texts.get(row.code, ""))
            except ValueError:
                return True
            if typed != row.factor:
                return True
        return False

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Errors from the service by group code; True when any belonged to a row."""
        known = {r.code for r in self._rows}
        mine = {code: message for code, message in errors.items() if code in known}
        if mine:
            self.errors.update(mine)
            self._all_changed()
        return bool(mine)

    def _check(self, row: FactorRow) -> None:
        text = self.texts.get(row.code, "")
        if not row.active and not text.strip():
            self.errors.pop(row.code, None)
            return
        try:
            parse_factor(text)
        except ValueError as problem:
            self.errors[row.code] = str(problem)
        else:
            self.errors.pop(row.code, None)

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, PROBLEM)
            )

    # -- Qt ---------------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editing and index.column() == FACTOR:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        column = index.column()
        problem = self.errors.get(row.code)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == GROUP:
                label = row.label(self.language)
                return label if row.active else self.tr("{group} (niet meer in gebruik)").format(
                    group=label)
            if column == FACTOR:
                return self.texts.get(row.code, "") if self.editing else factor_text(row.factor)
            if column == PROBLEM:
                if problem:
                    return problem
                return "" if role == Qt.ItemDataRole.EditRole else self._check_text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == FACTOR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            colors = current_colors()
            if problem and column in (FACTOR, PROBLEM):
                return QColor(colors.danger)
            if column == PROBLEM or not row.active:
                return QColor(colors.muted_text)
        if role == Qt.ItemDataRole.ToolTipRole and column == FACTOR:
            return problem or self.tr("kg CO₂-eq vermeden per kg van {group} die hergebruikt "
                                      "wordt").format(group=row.label(self.language))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == FACTOR:
            return f"{row.label(self.language)}: {self.data(index)}"
        return None

    def _check_text(self, row: FactorRow) -> str:
        if not self.editing:
            return ""
        try:
            typed = parse_factor(self.texts.get(row.code, ""))
        except ValueError:
            return ""
        return self.tr("gewijzigd") if typed != row.factor else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_for(index)
        if row is None or not self.editing or index.column() != FACTOR or \
                role != Qt.ItemDataRole.EditRole:
            return False
        self.texts[row.code] = "" if value is None else str(value).strip()
        self._check(row)
        self.dataChanged.emit(self.index(index.row(), GROUP), self.index(index.row(), PROBLEM))
        self.edited.emit()
        return True


class FactorSetsEditor(QWidget):
    """The CO₂-factoren tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = ctx.may(Permission.MANAGE_SHOP)
        self.sets: list[FactorSetSummary] = []
        self.detail: FactorSetDetail | None = None
        self._loading = False

        self.set_combo = QComboBox()
        self.set_combo.setMinimumWidth(320)
        self.set_combo.setAccessibleName(self.tr("Factorset"))
        self.version_combo = QComboBox()
        self.version_combo.setMinimumWidth(260)
        self.version_combo.setAccessibleName(self.tr("Versie"))
        self.set_combo.currentIndexChanged.connect(self._set_chosen)
        self.version_combo.currentIndexChanged.connect(self._version_chosen)
        set_label = QLabel(self.tr("&Factorset"))
        set_label.setBuddy(self.set_combo)
        version_label = QLabel(self.tr("&Versie"))
        version_label.setBuddy(self.version_combo)
        choose = QHBoxLayout()
        choose.setSpacing(10)
        choose.addWidget(set_label)
        choose.addWidget(self.set_combo, 1)
        choose.addSpacing(12)
        choose.addWidget(version_label)
        choose.addWidget(self.version_combo, 1)

        self.status_label = QLabel()
        self.status_label.setObjectName("FormNote")
        self.status_label.setWordWrap(True)
        self.default_button = QPushButton(self.tr("Als &standaard gebruiken"))
        self.default_button.setToolTip(
            self.tr("Het dashboard en exports zonder gekozen set rekenen dan met deze versie")
        )
        self.default_button.clicked.connect(self.make_default)
        self.edit_button = QPushButton(self.tr("&Nieuwe versie maken"))
        self.edit_button.setIcon(icons.icon("pencil", current_colors().primary))
        self.edit_button.clicked.connect(self.start_edit)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.default_button)
        status_row.addWidget(self.edit_button)

        self.model = FactorTableModel(self)
        self.model.edited.connect(self._update_buttons)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ForegroundDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(GROUP, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FACTOR, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(FACTOR, 220)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.source_label = QLabel(self.tr("&Bron van de factoren"))
        self.source_edit = QPlainTextEdit()
        self.source_edit.setReadOnly(True)
        self.source_edit.setFixedHeight(84)
        self.source_label.setBuddy(self.source_edit)
        self.source_edit.textChanged.connect(self._update_buttons)
        self.source_error = QLabel()
        self.source_error.setObjectName("FieldError")
        self.source_error.hide()

        self.edit_note = QLabel()
        self.edit_note.setObjectName("FormNote")
        self.edit_note.setWordWrap(True)
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("BlockedReason")
        self.blocked_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.cancel_button.setFlat(True)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.save_button = QPushButton(self.tr("Opslaan als nieuwe versie"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.setIcon(icons.icon("save", "#ffffff"))
        self.save_button.clicked.connect(self._save_requested)
        save_row = QHBoxLayout()
        save_row.addWidget(self.blocked_label, 1)
        save_row.addWidget(self.cancel_button)
        save_row.addWidget(self.save_button)

        card = QFrame()
        card.setObjectName("FormCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(20, 18, 20, 18)
        inner.setSpacing(10)
        inner.addLayout(choose)
        inner.addLayout(status_row)
        inner.addWidget(self.edit_note)
        inner.addWidget(self.table)
        inner.addWidget(self.source_label)
        inner.addWidget(self.source_edit)
        inner.addWidget(self.source_error)
        inner.addLayout(save_row)

        intro = QLabel(
            self.tr(
                "Vermeden CO₂ = hergebruikte kg × de factor van de productgroep. Een versie "
                "verandert nooit meer: wie factoren aanpast, maakt een nieuwe versie, en een "
                "rapport houdt de cijfers van de versie die erop staat."
            )
        )
        intro.setObjectName("FormNote")
        intro.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(PAGE_MARGIN, 20, PAGE_MARGIN, 24)
        column.setSpacing(12)
        column.addWidget(intro)
        if not self.editable:
            note = QLabel(self.tr("Alleen een beheerder kan factoren wijzigen."))
            note.setObjectName("FormNote")
            column.addWidget(note)
        column.addWidget(card)
        column.addStretch(1)
        self.setMaximumWidth(EDITOR_MAX_WIDTH + 2 * PAGE_MARGIN)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self._save_requested)
        self.cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.cancel_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_shortcut.activated.connect(self.cancel_edit)
        self._set_editing(False)
        ctx.hub.changed.connect(self._on_changed)

    # -- reading ----------------------------------------------------------------------------

    @property
    def editing(self) -> bool:
        return self.model.editing

    def _on_changed(self, changes: frozenset[str]) -> None:
        if GOODS in changes and not self.editing and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the sets again, keeping the chosen set and version where they still exist."""
        if self.editing:
            return
        actor = self.ctx.actor
        found = query(self.ctx, self, lambda s: list_factor_sets(s, actor))
        if found is None:
            return
        current = self.detail.ref if self.detail is not None else None
        self.sets = found
        self._loading = True
        self.set_combo.clear()
        for summary in found:
            text = f"{summary.code} — {summary.name}"
            if summary.default_version is not None:
                text += self.tr(" (standaard)")
            self.set_combo.addItem(text, summary.code)
        self._loading = False
        code = current.code if current is not None else None
        index = self.set_combo.findData(code) if code else 0
        self.set_combo.setCurrentIndex(max(0, index))
        self._fill_versions(current.version if current is not None else None)

    def _set_chosen(self, _index: int) -> None:
        if not self._loading:
            self._fill_versions(None)

    def _fill_versions(self, version: int | None) -> None:
        summary = self._summary()
        if summary is None:
            return
        self._loading = True
        self.version_combo.clear()
        for item in reversed(summary.versions):  # newest first
            when = format_moment(item.created_at)[:10]
            who = item.created_by or self.tr("meegeleverd")
            text = self.tr("versie {n} · {when} · {who}").format(n=item.version, when=when,
                                                                  who=who)
            if item.is_default:
                text += self.tr(" (standaard)")
            self.version_combo.addItem(text, item.version)
        self._loading = False
        if version is None:
            # The default version of this set, else its newest.
            version = summary.default_version or summary.newest.version
        index = self.version_combo.findData(version)
        self.version_combo.setCurrentIndex(max(0, index))
        self._load_version()

    def _version_chosen(self, _index: int) -> None:
        if not self._loading:
            self._load_version()

    def _summary(self) -> FactorSetSummary | None:
        code = self.set_combo.currentData()
        return next((s for s in self.sets if s.code == code), None)

    def _load_version(self) -> None:
        code, version = self.set_combo.currentData(), self.version_combo.currentData()
        if code is None or version is None:
            return
        actor = self.ctx.actor
        detail = query(self.ctx, self, lambda s: get_factor_set(s, actor, f"{code}@{version}"))
        if detail is not None:
            self.show_detail(detail)

    def _fit_table(self) -> None:
        """As tall as its rows: the page scrolls, the table does not."""
        rows = self.model.rowCount()
        height = self.table.horizontalHeader().sizeHint().height()
        height += sum(self.table.rowHeight(r) for r in range(rows)) if rows else 0
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    def show_detail(self, detail: FactorSetDetail) -> None:
        self.detail = detail
        self.model.show_rows(detail.rows)
        self._fit_table()
        self.source_edit.blockSignals(True)
        self.source_edit.setPlainText(detail.source or "")
        self.source_edit.blockSignals(False)
        made = (
            self.tr("Meegeleverd met KringloopDesk")
            if detail.created_by is None
            else self.tr("Gemaakt op {when} door {who}").format(
                when=format_moment(detail.created_at), who=detail.created_by)
        )
        if detail.is_default:
            state = self.tr("Standaard: het dashboard en de exports rekenen met {label}.").format(
                label=detail.label)
        else:
            state = self.tr("Niet de standaard; een export kan {label} wel kiezen.").format(
                label=detail.label)
        self.status_label.setText(f"{detail.label} · {made}. {state}")
        self._set_editing(False)

    # -- editing ----------------------------------------------------------------------------

    def _set_editing(self, editing: bool) -> None:
        detail = self.detail
        self.set_combo.setEnabled(not editing)
        self.version_combo.setEnabled(not editing)
        self.source_edit.setReadOnly(not editing)
        self.edit_button.setVisible(self.editable and not editing and detail is not None)
        self.default_button.setVisible(
            self.editable and not editing and detail is not None and not detail.is_default
        )
        for widget in (self.save_button, self.cancel_button, self.blocked_label, self.edit_note):
            widget.setVisible(self.editable and editing)
        self.source_error.hide()
        if editing and detail is not None:
            self.edit_note.setText(
                self.tr(
                    "U maakt versie {next} van {code}, met versie {version} als begin. Versie "
                    "{version} blijft zoals hij is. Dubbelklik op een factor of typ er een; "
                    "een komma mag."
                ).format(next=detail.newest_version + 1, code=detail.code,
                         version=detail.version)
            )
            self.save_button.setText(
                self.tr("Opslaan als {code}@{next}").format(
                    code=detail.code, next=detail.newest_version + 1)
            )
        self._update_buttons()

    def start_edit(self) -> None:
        if not self.editable or self.detail is None:
            return
        self.model.start_edit(self.detail.rows)
        self._set_editing(True)
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(0, FACTOR))

    def cancel_edit(self) -> None:
        if self.detail is not None:
            self.show_detail(self.detail)

    def is_dirty(self) -> bool:
        if not self.editing or self.detail is None:
            return False
        return self.model.changed() or self._source() != (self.detail.source or "")

    def _source(self) -> str:
        return self.source_edit.toPlainText().strip()

    def first_problem(self) -> str | None:
        for row in self.model._rows:
            problem = self.model.errors.get(row.code)
            if problem:
                return f"{row.label(self.model.language)}: {problem}"
        if self.editing and not self._source():
            return self.tr("vermeld de bron van de factoren")
        return None

    def _update_buttons(self) -> None:
        if not self.editing:
            return
        dirty = self.is_dirty()
        problem = self.first_problem()
        self.save_button.setEnabled(dirty and problem is None)
        if problem:
            reason = self.tr("Opslaan kan nog niet — {problem}").format(problem=problem)
        elif not dirty:
            reason = self.tr("Nog niets veranderd")
        else:
            reason = self.tr("Niet opgeslagen wijzigingen")
        self.blocked_label.setText(reason)

    def _save_requested(self) -> None:
        self.save()

    def save(self) -> bool:
        detail = self.detail
        if detail is None or not self.editing or not self.editable:
            return False
        if self.first_problem() or not self.is_dirty():
            self._update_buttons()
            return False
        actor = self.ctx.actor
        values = self.model.values()
        source = self._source()
        code, based_on = detail.code, detail.newest_version

        def save(session) -> FactorSetDetail:
            return new_version(session, actor, code, values, source=source, based_on=based_on)

        return (
            DatabaseOp(self.ctx, self, save, changes={GOODS, AUDIT})
            .success(self._saved)
            .failure(self._save_failed)
            .message(self.tr("Nieuwe versie van {code} opgeslagen").format(code=code))
            .run()
        )

    def _saved(self, created: FactorSetDetail) -> None:
        self.detail = created
        self.model.stop_edit()
        self._set_editing(False)
        self.refresh()

    def _save_failed(self, error: UserError) -> None:
        # What was typed stays; the reasons go into the rows where we can.
        if isinstance(error, ValidationError):
            shown = self.model.show_errors(error.field_errors)
            if "source" in error.field_errors:
                self.source_error.setText(error.field_errors["source"])
                self.source_error.show()
                shown = True
            if shown:
                self._update_buttons()
                return
        MessageBox.show_user_error(self, error)

    def make_default(self) -> None:
        detail = self.detail
        if detail is None or not self.editable:
            return
        actor = self.ctx.actor
        ref = detail.ref
        (
            DatabaseOp(self.ctx, self, lambda s: set_default(s, actor, ref),
                       changes={GOODS, AUDIT})
            .success(lambda _ref: self.refresh())
            .message(self.tr("{label} is nu de standaard CO₂-factorset").format(label=ref.label))
            .run()
        )

    def may_leave(self) -> bool:
        """Ask before throwing away a new version that was not saved."""
        if not self.is_dirty():
            if self.editing:
                self.cancel_edit()
            return True
        choice = MessageBox.ask_unsaved_changes(self, self.tr("de nieuwe CO₂-factoren"))
        if choice is UnsavedChoice.SAVE:
            return self.save()
        if choice is UnsavedChoice.DISCARD:
            self.cancel_edit()
            return True
        return False



