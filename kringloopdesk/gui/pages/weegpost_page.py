"""Weegpost: a volunteer weighs goods all day, with the keyboard, a touch screen or a USB scale.

The rhythm is: a product group (keys 1–0, or tap one of the ten big buttons), the weight in
the big kg field that then has the focus (typed with a decimal comma, or "typed" by a USB
scale: digits and Enter), Enter books it and the focus goes back to the group choice.

- F2 / F3: Inbreng (intake) or Afvoer (outflow);
- F6–F10: the herkomst (intake) or bestemming (outflow), remembered between weighings and
  per direction;
- Esc in the kg field: back to the group choice without booking;
- Ctrl+Z: undo your own last weighing of today (the status bar says what was undone);
- F11: full screen and back.

Beside it: today's weighings of the direction (by everyone at this shop) and the day's totals
per product group.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, GOODS, AppContext
from kringloopdesk.gui.formatting import format_long_date
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.models.flows_model import format_flow_kg
from kringloopdesk.gui.models.row_model import ROOT, Index, RowTableModel
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors, mix
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.i18n import current_language
from kringloopdesk.services.flows import (
    DayFlows,
    FlowInput,
    FlowRow,
    GroupTotal,
    channel_codes,
    channel_label,
    day_flows,
    kg_problem,
    parse_kg,
    record_flow,
    undo_last_flow,
)
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.reference import ProductGroupItem, product_groups

GROUP_KEYS = "1234567890"
CHANNEL_KEYS = (Qt.Key.Key_F6, Qt.Key.Key_F7, Qt.Key.Key_F8, Qt.Key.Key_F9, Qt.Key.Key_F10)
DEFAULT_CHANNEL = {"in": "brengen", "uit": "hergebruik"}
GROUP_BUTTON_HEIGHT = 88
GROUP_FONT_PX = 15
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# ---------------------------------------------------------------------------------------------
# Models of the day


class DayEntriesModel(RowTableModel[FlowRow]):
    """Today's weighings of one direction, newest first."""

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Tijd"), self.tr("Groep"), self.tr("Herkomst"), self.tr("kg"))

    def set_direction(self, direction: str) -> None:
        self.direction = direction
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 2, 2)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and section == 2 \
                and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Bestemming") if getattr(self, "direction", "in") == "uit" \
                else self.tr("Herkomst")
        if orientation == Qt.Orientation.Horizontal and section == 3 \
                and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        flow = self.row_for(index)
        if flow is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return flow.created_at.astimezone().strftime("%H:%M")
            if column == 1:
                return flow.product_group
            if column == 2:
                return flow.channel_label
            if column == 3:
                return format_flow_kg(flow.kg)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Gewogen door {name}").format(name=flow.created_by or "—")
        return None


class DayTotalsModel(RowTableModel[GroupTotal]):
    """The day's totals per product group, and a last row with the day's total."""

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Productgroep"), self.tr("Aantal"), self.tr("kg"))

    def total_kg(self) -> Decimal:
        return sum((t.kg for t in self._rows), Decimal("0.000"))

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid():
            return 0
        return len(self._rows) + 1 if self._rows else 0

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and section > 0 \
                and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        is_total = index.row() == len(self._rows)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if is_total:
                return (self.tr("Totaal vandaag"),
                        str(sum(t.entries for t in self._rows)),
                        format_flow_kg(self.total_kg()))[column]
            line = self._rows[index.row()]
            return (line.product_group, str(line.entries), format_flow_kg(line.kg))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        return None


# ---------------------------------------------------------------------------------------------
# Widgets


def _stylesheet() -> str:
    c = current_colors()
    tint = mix(c.primary, c.card, 0.9)
    border = mix(c.primary_text, c.card, 0.82)
    return f"""
QFrame#WeighCard {{ background: {c.card}; border: 1px solid {border}; border-radius: 12px; }}
QLabel#StepTitle {{ font-size: 15px; font-weight: bold; color: {c.primary_text};
    background: transparent; }}
QLabel#StepHint {{ color: {c.muted_text}; background: transparent; }}
QPushButton#WeighGroup {{ background: {c.card}; border: 1px solid {border};
    border-radius: 10px; padding: 0; }}
QPushButton#WeighGroup:hover {{ border: 1px solid {c.primary}; }}
QPushButton#WeighGroup:checked {{ background: {tint}; border: 3px solid {c.primary}; }}
QLabel#GroupKey {{ font-size: 20px; font-weight: bold; color: {c.primary};
    background: {mix(c.primary, c.card, 0.85)}; border-radius: 6px; }}
QPushButton#WeighGroup:checked QLabel#GroupKey {{ background: {c.fill}; color: #ffffff; }}
QLabel#GroupLabel {{ color: {c.primary_text}; background: transparent; }}
QPushButton#WeighToggle {{ min-height: 56px; font-size: 14px; border-radius: 8px;
    border: 1px solid {border}; background: {c.card}; color: {c.primary_text};
    padding: 0 4px; }}
QPushButton#WeighToggle:checked {{ background: {c.fill}; color: #ffffff;
    border: 1px solid {c.fill}; font-weight: bold; }}
QPushButton#DirectionToggle {{ min-height: 52px; min-width: 170px; font-size: 17px;
    border-radius: 8px; border: 1px solid {border}; background: {c.card};
    color: {c.primary_text}; }}
QPushButton#DirectionToggle:checked {{ background: {c.fill}; color: #ffffff;
    border: 1px solid {c.fill}; font-weight: bold; }}
QLineEdit#KgEdit {{ font-size: 44px; min-height: 80px; padding: 0 16px;
    border: 2px solid {border}; border-radius: 10px; background: {c.card}; }}
QLineEdit#KgEdit:focus {{ border: 3px solid {c.primary}; }}
QLabel#KgUnit {{ font-size: 32px; color: {c.muted_text}; background: transparent; }}
QLabel#WeighError {{ color: {c.danger}; font-size: 15px; font-weight: bold;
    background: {mix(c.danger, c.card, 0.9)}; border-radius: 6px; padding: 8px 12px; }}
QLabel#WeighDone {{ color: {mix(c.primary, c.primary_text, 0.2)}; font-size: 15px;
    background: {tint}; border-radius: 6px; padding: 8px 12px; }}
QPushButton#BookButton {{ min-height: 80px; min-width: 150px; font-size: 20px;
    border-radius: 10px; }}
QTableView#DayTable QHeaderView::section {{ padding: 0 6px; }}
QTableView#DayTable::item {{ padding: 0 4px; }}
QLabel#DayTotal {{ font-size: 22px; color: {c.primary_text}; background: transparent; }}
"""


class GroupButton(QPushButton):
    """A large product-group button: its key (1–0) in a badge and its name."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WeighGroup")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(GROUP_BUTTON_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.key = key
        self.group: ProductGroupItem | None = None
        self.key_label = QLabel(key)
        self.key_label.setObjectName("GroupKey")
        self.key_label.setFixedSize(32, 32)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel()
        self.name_label.setObjectName("GroupLabel")
        self.name_label.setWordWrap(True)
        for label in (self.key_label, self.name_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.key_label, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.name_label, 1)

    def set_group(self, group: ProductGroupItem | None) -> None:
        self.group = group
        self.setVisible(group is not None)
        if group is not None:
            name = group.label(current_language())
            self.name_label.setText(name)
            self.setAccessibleName(f"{self.key} {name}")
            self.setToolTip(self.tr("{name} (toets {key})").format(name=name, key=self.key))
            self._fit_name()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_name()

    def _fit_name(self) -> None:
        """A smaller font (down to 11 px) when the longest word of the name would not fit: a
        word-wrapped label cannot break "huishoudelijke"."""
        words = self.name_label.text().split()
        if not words:
            return
        room = self.width() - 30  # margins and the checked border
        font = QFont(self.name_label.font())
        for size in range(GROUP_FONT_PX, 10, -1):
            font.setPixelSize(size)
            if max(QFontMetrics(font).horizontalAdvance(w) for w in words) <= room:
                break
        style = f"font-size: {font.pixelSize()}px;"  # the theme's stylesheet beats setFont
        if self.name_label.styleSheet() != style:
            self.name_label.setStyleSheet(style)


class GroupPad(QFrame):
    """The ten group buttons (5×2); while it has the focus, keys 1–0 choose a group."""

    key_chosen = Signal(int)  # index 0..9

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.buttons = [GroupButton(key) for key in GROUP_KEYS]
        self.button_group = QButtonGroup(self)
        self.button_group.setExclusive(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for n, button in enumerate(self.buttons):
            grid.addWidget(button, n // 5, n % 5)
            self.button_group.addButton(button, n)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text in GROUP_KEYS and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.key_chosen.emit(GROUP_KEYS.index(text))
            return
        super().keyPressEvent(event)


class KgEdit(QLineEdit):
    """The big kg field. Esc goes back to the group choice; Ctrl+Z on an empty field is the
    page's undo (with text in it, it undoes the typing)."""

    cancelled = Signal()

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Undo) and not self.text()):
            event.ignore()
            return True  # let the page's Ctrl+Z run
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


def _table(model: RowTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName("DayTable")
    view.setModel(model)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(32)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(76)  # "AANTAL" in the theme's capitals
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1 if model.columnCount() > 3 else 0,
                                QHeaderView.ResizeMode.Stretch)
    return view


# ---------------------------------------------------------------------------------------------
# The page


class WeegpostPage(Page):
    icon_name = "download"
    permission = Permission.REGISTER_GOODS
    rail_section = "goods"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.direction = "in"
        self.channels = dict(DEFAULT_CHANNEL)  # remembered per direction
        self.group: ProductGroupItem | None = None
        self.day: DayFlows | None = None
        self._stale = True
        self.setStyleSheet(_stylesheet())

        # -- header: direction and full screen --
        self.in_button = self._toggle(self.tr("Inbreng  (F2)"), "DirectionToggle")
        self.out_button = self._toggle(self.tr("Afvoer  (F3)"), "DirectionToggle")
        self.in_button.clicked.connect(lambda: self.set_direction("in"))
        self.out_button.clicked.connect(lambda: self.set_direction("uit"))
        self.full_screen_button = QPushButton(self.tr("Volledig scherm (F11)"))
        self.full_screen_button.setFlat(True)
        self.full_screen_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.full_screen_button.clicked.connect(self.toggle_full_screen)
        subtitle = QLabel(self.tr(
            "1–0: productgroep · gewicht · Enter: boeken · Ctrl+Z: ongedaan maken"))
        subtitle.setWordWrap(True)
        header = self.make_header(
            subtitle, [self.in_button, self.out_button, self.full_screen_button])

        # -- step 1: the group --
        self.pad = GroupPad()
        self.pad.key_chosen.connect(self._key_chosen)
        for button in self.pad.buttons:
            button.clicked.connect(lambda _checked=False, b=button: self.choose_group(b.group))
        self.group_hint = QLabel()
        self.group_hint.setObjectName("StepHint")

        # -- step 2: herkomst / bestemming --
        self.channel_title = QLabel()
        self.channel_title.setObjectName("StepTitle")
        self.channel_buttons = [self._toggle("", "WeighToggle") for _key in CHANNEL_KEYS]
        for n, button in enumerate(self.channel_buttons):
            button.clicked.connect(lambda _checked=False, i=n: self.choose_channel_at(i))
        channel_row = QHBoxLayout()
        channel_row.setSpacing(8)
        for button in self.channel_buttons:
            channel_row.addWidget(button, 1)

        # -- step 3: the weight --
        self.kg_edit = KgEdit()
        self.kg_edit.setObjectName("KgEdit")
        self.kg_edit.setPlaceholderText("0,0")
        self.kg_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.kg_edit.setAccessibleName(self.tr("Gewicht in kg"))
        self.kg_edit.setMaxLength(20)
        self.kg_edit.returnPressed.connect(self.book)
        self.kg_edit.cancelled.connect(self.back_to_groups)
        self.kg_edit.textEdited.connect(lambda _t: self.error_label.hide())
        kg_unit = QLabel(self.tr("kg"))
        kg_unit.setObjectName("KgUnit")
        self.book_button = QPushButton(self.tr("&Boeken (Enter)"))
        self.book_button.setObjectName("PrimaryButton")
        self.book_button.setProperty("class", "BookButton")
        self.book_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.book_button.setMinimumSize(170, 80)
        self.book_button.setIcon(icons.icon("save", "#ffffff"))
        self.book_button.clicked.connect(self.book)
        kg_row = QHBoxLayout()
        kg_row.setSpacing(12)
        kg_row.addWidget(self.kg_edit, 1)
        kg_row.addWidget(kg_unit)
        kg_row.addWidget(self.book_button)
        self.kg_title = QLabel()
        self.kg_title.setObjectName("StepTitle")
        self.error_label = QLabel()
        self.error_label.setObjectName("WeighError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.done_label = QLabel()
        self.done_label.setObjectName("WeighDone")
        self.done_label.setWordWrap(True)
        self.done_label.hide()

        entry = QFrame()
        entry.setObjectName("WeighCard")
        column = QVBoxLayout(entry)
        column.setContentsMargins(20, 16, 20, 20)
        column.setSpacing(10)
        group_title = QLabel(self.tr("1  Productgroep"))
        group_title.setObjectName("StepTitle")
        column.addWidget(group_title)
        column.addWidget(self.pad, 3)
        column.addWidget(self.group_hint)
        column.addSpacing(6)
        column.addWidget(self.channel_title)
        column.addLayout(channel_row)
        column.addSpacing(6)
        column.addWidget(self.kg_title)
        column.addLayout(kg_row)
        column.addWidget(self.error_label)
        column.addWidget(self.done_label)
        column.addStretch(1)

        # -- beside it: today --
        self.day_title = QLabel()
        self.day_title.setObjectName("StepTitle")
        self.day_total_label = QLabel()
        self.day_total_label.setObjectName("DayTotal")
        self.entries_model = DayEntriesModel(self)
        self.entries_view = _table(self.entries_model)
        self.entries_view.setAccessibleName(self.tr("Wegingen van vandaag"))
        self.totals_model = DayTotalsModel(self)
        self.totals_view = _table(self.totals_model)
        self.totals_view.setAccessibleName(self.tr("Totalen van vandaag per productgroep"))
        self.empty_label = QLabel(self.tr("Nog niets gewogen vandaag."))
        self.empty_label.setObjectName("StepHint")
        today = QFrame()
        today.setObjectName("WeighCard")
        today.setMinimumWidth(380)
        today.setMaximumWidth(500)
        side = QVBoxLayout(today)
        side.setContentsMargins(20, 16, 20, 20)
        side.setSpacing(8)
        side.addWidget(self.day_title)
        side.addWidget(self.day_total_label)
        side.addWidget(self.empty_label)
        side.addWidget(self.entries_view, 3)
        totals_title = QLabel(self.tr("Totaal per productgroep"))
        totals_title.setObjectName("StepTitle")
        side.addWidget(totals_title)
        side.addWidget(self.totals_view, 2)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        row.setSpacing(16)
        row.addWidget(entry, 1)
        row.addWidget(today)
        self.set_content(header, body, scroll=False)

        self.shortcuts: list[QShortcut] = []
        bindings = [
            (QKeySequence(Qt.Key.Key_F2), lambda: self.set_direction("in")),
            (QKeySequence(Qt.Key.Key_F3), lambda: self.set_direction("uit")),
            (QKeySequence(Qt.Key.Key_F11), self.toggle_full_screen),
            (QKeySequence.StandardKey.Undo, self.undo),
        ]
        bindings += [(QKeySequence(key), lambda i=n: self.choose_channel_at(i))
                     for n, key in enumerate(CHANNEL_KEYS)]
        for sequence, slot in bindings:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        ctx.hub.changed.connect(self._on_changed)
        self._show_direction()

    def title(self) -> str:
        return self.tr("Weegpost")

    def _toggle(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # -- data -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        if not self.kg_edit.hasFocus():
            self.pad.setFocus()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if GOODS in changes:
            self._stale = True
            if self.isVisible():
                self.refresh_day()

    def refresh(self) -> None:
        groups = query(self.ctx, self, lambda s: product_groups(s))
        if groups is not None:
            for button, group in zip(self.pad.buttons, [*groups[:10], *[None] * 10],
                                     strict=False):
                button.set_group(group)
            if self.group is not None and self.group.id not in {g.id for g in groups}:
                self.group = None
        self._stale = False
        self.refresh_day()
        self._show_group()

    def refresh_day(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        direction = self.direction
        day = query(self.ctx, self, lambda s: day_flows(s, actor, direction))
        if day is None:
            return
        self.day = day
        self.entries_model.replace_rows(day.entries)
        self.totals_model.replace_rows(day.totals)
        what = self.tr("Inbreng") if direction == "in" else self.tr("Afvoer")
        self.day_title.setText(self.tr("{what} vandaag · {date}").format(
            what=what, date=format_long_date(day.day)))
        self.day_total_label.setText(self.tr("{kg} kg in {n} wegingen").format(
            kg=format_flow_kg(day.kg), n=len(day.entries)) if day.entries else "")
        self.empty_label.setVisible(not day.entries)

    # -- direction and channel ---------------------------------------------------------------

    def set_direction(self, direction: str) -> None:
        if direction not in ("in", "uit"):
            return
        changed = direction != self.direction
        self.direction = direction
        self._show_direction()
        if changed:
            self.error_label.hide()
            self.refresh_day()

    def _show_direction(self) -> None:
        self.in_button.setChecked(self.direction == "in")
        self.out_button.setChecked(self.direction == "uit")
        self.entries_model.set_direction(self.direction)
        codes = channel_codes(self.direction)
        for n, button in enumerate(self.channel_buttons):
            code = codes[n] if n < len(codes) else None
            button.setVisible(code is not None)
            if code is not None:
                key = QKeySequence(CHANNEL_KEYS[n]).toString(
                    QKeySequence.SequenceFormat.NativeText)
                button.setText(f"{channel_label(self.direction, code)}\n{key}")
                button.setProperty("code", code)
        self.channel_title.setText(self.tr("2  Herkomst  (F6–F10, blijft staan)")
                                   if self.direction == "in"
                                   else self.tr("2  Bestemming  (F6–F10, blijft staan)"))
        self._show_channel()

    def choose_channel_at(self, index: int) -> None:
        codes = channel_codes(self.direction)
        if 0 <= index < len(codes):
            self.choose_channel(codes[index])

    def choose_channel(self, code: str) -> None:
        if code in channel_codes(self.direction):
            self.channels[self.direction] = code
        self._show_channel()

    @property
    def channel(self) -> str:
        return self.channels[self.direction]

    def _show_channel(self) -> None:
        for button in self.channel_buttons:
            button.setChecked(button.property("code") == self.channel)
        self._show_group()

    # -- group and weight -------------------------------------------------------------------

    def _key_chosen(self, index: int) -> None:
        button = self.pad.buttons[index]
        if button.group is None:
            self.show_error(self.tr("Onder toets {key} staat geen productgroep").format(
                key=button.key))
            return
        self.choose_group(button.group)

    def choose_group(self, group: ProductGroupItem | None) -> None:
        if group is None:
            return
        self.group = group
        self.error_label.hide()
        self._show_group()
        self.kg_edit.setFocus()
        self.kg_edit.selectAll()

    def back_to_groups(self) -> None:
        self.group = None
        self.kg_edit.clear()
        self.error_label.hide()
        self._show_group()
        self.pad.setFocus()

    def _show_group(self) -> None:
        for button in self.pad.buttons:
            button.setChecked(self.group is not None and button.group is not None
                              and button.group.id == self.group.id)
        if self.group is None:
            self.group_hint.setText(self.tr("Kies een productgroep: toets 1–0 of tik erop"))
            self.kg_title.setText(self.tr("3  Gewicht"))
        else:
            label = self.group.label(current_language())
            self.group_hint.setText(self.tr("Gekozen: {group} · Esc: andere groep").format(
                group=label))
            self.kg_title.setText(self.tr("3  Gewicht van {group} ({channel})").format(
                group=label, channel=channel_label(self.direction, self.channel).lower()))

    def show_error(self, text: str) -> None:
        self.done_label.hide()
        self.error_label.setText(text)
        self.error_label.show()

    def book(self) -> bool:
        """Book the weight in the kg field for the chosen group; True when it was saved."""
        actor = self.ctx.actor
        if actor is None:
            return False
        if self.group is None:
            self.show_error(self.tr("Kies eerst een productgroep (toets 1–0)"))
            self.pad.setFocus()
            return False
        try:
            kg = parse_kg(self.kg_edit.text())
            problem = kg_problem(kg)
        except ValidationError as error:
            problem = error.message
        if problem is not None:
            self.show_error(problem)
            self.kg_edit.setFocus()
            self.kg_edit.selectAll()
            return False
        data = FlowInput(dt.date.today(), self.direction, self.group.id, kg, self.channel)
        return DatabaseOp(self.ctx, self, lambda s: record_flow(s, actor, data),
                          changes={GOODS, AUDIT}).success(self._booked).failure(
            self._not_booked).run()

    def _booked(self, flow: FlowRow) -> None:
        text = self.tr("Geboekt: {kg} kg {group} ({channel})").format(
            kg=format_flow_kg(flow.kg), group=flow.product_group,
            channel=flow.channel_label.lower())
        show_status(self, text)
        self.error_label.hide()
        self.done_label.setText("✓ " + text)
        self.done_label.show()
        self.group = None
        self.kg_edit.clear()
        self._show_group()
        self.refresh_day()
        self.pad.setFocus()

    def _not_booked(self, error: UserError) -> None:
        if isinstance(error, ValidationError) and error.field_errors:
            self.show_error(next(iter(error.field_errors.values())))
        else:
            self.show_error(error.message)
        self.kg_edit.setFocus()

    def undo(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        DatabaseOp(self.ctx, self, lambda s: undo_last_flow(s, actor),
                   changes={GOODS, AUDIT}).success(self._undone).run()

    def _undone(self, flow: FlowRow | None) -> None:
        if flow is None:
            text = self.tr("Er is vandaag nog geen weging van u om ongedaan te maken")
        else:
            text = self.tr("Ongedaan gemaakt: {kg} kg {group} ({direction})").format(
                kg=format_flow_kg(flow.kg), group=flow.product_group,
                direction=flow.direction_label.lower())
        show_status(self, text)
        self.error_label.hide()
        self.done_label.setText(text)
        self.done_label.show()
        self.refresh_day()

    # -- full screen ------------------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        window = self.window()
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()
