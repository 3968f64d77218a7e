"""Uren: a department's week as a grid that a volunteer fills with the keyboard alone.

Rows are the workers with a placement in the department on at least one day of the week,
columns the days, with the week total at the right and the day totals beneath. The keys work
as in a spreadsheet:

- the arrow keys move; typing a number starts editing (the decimal comma is fine: 7,5);
- Enter saves the cell and goes down to the next worker's same day, Tab (Shift+Tab) to the
  next (previous) day that can be filled, wrapping to the next row; F2 edits what is there;
- Delete or Backspace clears a cell; Esc while editing puts back what was there;
- Ctrl+S saves every change of the week at once; Alt+← and Alt+→ go a week back and on,
  Alt+Home to this week.

Days outside the worker's placement, in the future, or of an anonymised worker are greyed and
cannot be edited. Typed cells are marked until they are saved; leaving the page, the week or
the department with unsaved changes asks first. A second tab shows one worker's hours over a
period (``WorkerHoursView``, reusable in the worker form).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygon,
    QRegularExpressionValidator,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.formatting import DUTCH
from kringloopdesk.gui.messages import MessageBox, UnsavedChoice, show_status
from kringloopdesk.gui.models.hours_week_model import (
    FIRST_DAY_COLUMN,
    NAME_COLUMN,
    NUMBER_COLUMN,
    PENDING_ROLE,
    PROBLEM_ROLE,
    TODAY_ROLE,
    TOTAL_COLUMN,
    HoursWeekModel,
)
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors, mix
from kringloopdesk.gui.widgets.list_view import view_settings
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.gui.widgets.worker_hours_view import WorkerHoursView
from kringloopdesk.gui.widgets.worker_picker import WorkerPicker
from kringloopdesk.services.hours import (
    DAYS_PER_WEEK,
    HoursChangedError,
    WeekGrid,
    WeekSaved,
    save_week,
    week_grid,
    week_start,
)
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.reference import CodeItem, departments
from kringloopdesk.services.workers import WorkerName, worker_names

ROW_HEIGHT = 40
HEADER_HEIGHT = 44
CELL_PADDING = 10
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
DAY_WIDTH = 86
NUMBER_WIDTH = 84
TOTAL_WIDTH = 84
DEPARTMENT_SETTING = "hours/department"
# What may start editing a cell: a digit or the decimal separator.
HOURS_KEYS = frozenset("0123456789,.")
HOURS_PATTERN = r"^\d{0,2}([.,]\d{0,2})?$"

# Where a move goes (from the editor or the keyboard).
DOWN, UP, NEXT, PREVIOUS = "down", "up", "next", "previous"


class HoursDelegate(QStyledItemDelegate):
    """A line edit that takes 0–99 with up to two decimals, and moves on like a spreadsheet:
    Enter and the up/down arrows commit and move, Tab and Shift+Tab commit and go on."""

    move_requested = Signal(str)  # DOWN, UP, NEXT or PREVIOUS, after the cell is committed

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("HoursEditor")
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(HOURS_PATTERN), editor))
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            assert isinstance(event, QKeyEvent)
            move = {
                Qt.Key.Key_Return: DOWN,
                Qt.Key.Key_Enter: DOWN,
                Qt.Key.Key_Down: DOWN,
                Qt.Key.Key_Up: UP,
                Qt.Key.Key_Tab: NEXT,
                Qt.Key.Key_Backtab: PREVIOUS,
            }.get(Qt.Key(event.key()))
            if move is not None:
                if move == NEXT and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    move = PREVIOUS
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                self.move_requested.emit(move)
                return True
        return super().eventFilter(editor, event)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        editor.setGeometry(option.rect)  # the whole cell, as in a spreadsheet

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """The cell as the model describes it (the theme's item rules would hide the
        background and text colours): background, text, the current cell's frame, and a
        corner flag on a typed cell (ochre: not saved; red: cannot be saved)."""
        colors = current_colors()
        rect = option.rect
        painter.save()
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        painter.fillRect(rect, background if isinstance(background, QBrush)
                         else QColor(colors.card))
        font = index.data(Qt.ItemDataRole.FontRole)
        painter.setFont(font if isinstance(font, QFont) else option.font)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground.color() if isinstance(foreground, QBrush)
                       else QColor(colors.primary_text))
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole) or _LEFT
        text_rect = rect.adjusted(CELL_PADDING, 0, -CELL_PADDING, 0)
        text = painter.fontMetrics().elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(text_rect, int(alignment), text)
        problem = index.data(PROBLEM_ROLE)
        if problem or index.data(PENDING_ROLE):
            size = 9
            right, top = rect.right(), rect.top()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors.danger if problem else colors.ochre))
            painter.drawPolygon(
                QPolygon([QPoint(right - size, top), QPoint(right + 1, top),
                          QPoint(right + 1, top + size + 1)])
            )
        if option.state & (QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected):
            # The current cell: a frame in the accent colour (lighter when the grid has no
            # focus), as in a spreadsheet.
            focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(QColor(colors.primary if focused else colors.primary_light), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()


class HoursHeader(QHeaderView):
    """Column titles drawn by hand, so that today's day stands out: bold, in the accent
    colour, on a tinted background with an accent bar beneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setHighlightSections(False)
        self.setSectionsClickable(False)
        self.setMinimumHeight(HEADER_HEIGHT)
        self.setFixedHeight(HEADER_HEIGHT)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        model = self.model()
        if model is None:
            return
        colors = current_colors()
        today = bool(model.headerData(section, Qt.Orientation.Horizontal, TODAY_ROLE))
        painter.save()
        painter.fillRect(rect, QColor(mix(colors.primary, colors.card, 0.86) if today
                                      else colors.card))
        painter.setPen(QColor(colors.secondary_light))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if today:
            painter.fillRect(rect.left(), rect.bottom() - 2, rect.width(), 3,
                             QColor(colors.primary))
        font = QFont(self.font())
        font.setPixelSize(13)
        font.setBold(today or section == TOTAL_COLUMN)
        painter.setFont(font)
        painter.setPen(QColor(colors.primary if today else colors.secondary_text))
        alignment = model.headerData(section, Qt.Orientation.Horizontal,
                                     Qt.ItemDataRole.TextAlignmentRole) or _LEFT
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        painter.drawText(rect.adjusted(CELL_PADDING, 0, -CELL_PADDING, 0), int(alignment), text)
        painter.restore()


class HoursGridView(QTableView):
    """The week's table, with the spreadsheet keys of the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HoursGrid")
        self.empty_text = ""
        self.delegate = HoursDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.move_requested.connect(self._move_requested)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalHeader(HoursHeader(self))
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumSectionSize(60)
        colors = current_colors()
        grid_line = mix(colors.secondary_light, colors.card, 0.3)
        self.setStyleSheet(
            f"""
            QTableView#HoursGrid {{ background-color: {colors.card};
                border: 1px solid {colors.secondary_light}; border-radius: 8px;
                gridline-color: {grid_line}; font-size: 15px; }}
            QTableView#HoursGrid QHeaderView {{ background-color: {colors.card}; border: none;
                border-top-left-radius: 8px; border-top-right-radius: 8px; }}
            QLineEdit#HoursEditor {{ background-color: {colors.card}; font-size: 15px;
                border: 2px solid {colors.primary}; border-radius: 0; padding: 0;
                color: {colors.primary_text}; }}
            """
        )

    @property
    def hours_model(self) -> HoursWeekModel:
        model = self.model()
        assert isinstance(model, HoursWeekModel)
        return model

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.viewport().update()

    def layout_columns(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(NUMBER_COLUMN, NUMBER_WIDTH)
        for day in range(DAYS_PER_WEEK):
            self.setColumnWidth(FIRST_DAY_COLUMN + day, DAY_WIDTH)
        self.setColumnWidth(TOTAL_COLUMN, TOTAL_WIDTH)

    # -- moving ---------------------------------------------------------------------------

    def editable_cells(self) -> list[QModelIndex]:
        model = self.hours_model
        return [
            model.index(row, column)
            for row in range(model.worker_count)
            for column in range(FIRST_DAY_COLUMN, FIRST_DAY_COLUMN + DAYS_PER_WEEK)
            if model.is_editable(model.index(row, column))
        ]

    def first_editable(self) -> QModelIndex | None:
        """Today's cell of the first worker who can have hours today, else the first cell
        that can be filled."""
        model = self.hours_model
        if model.grid is None:
            return None
        cells = self.editable_cells()
        if model.grid.today in model.grid.days:
            column = FIRST_DAY_COLUMN + model.grid.days.index(model.grid.today)
            today = [c for c in cells if c.column() == column]
            if today:
                return today[0]
        return cells[0] if cells else None

    def commit_open_editor(self) -> None:
        """Take over what is being typed in a cell (before saving)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def _move_requested(self, where: str) -> None:
        self.go(where)  # a slot returns nothing (PySide6 6.12.0, see settings_page)

    def go(self, where: str) -> bool:
        """Go to the next cell in that direction; False when there is none."""
        current = self.currentIndex()
        model = self.hours_model
        target: QModelIndex | None = None
        if where in (DOWN, UP):
            step = 1 if where == DOWN else -1
            row = current.row() + step
            while 0 <= row < model.worker_count:
                candidate = model.index(row, current.column())
                if model.is_editable(candidate) or where == UP:
                    target = candidate
                    break
                row += step
        else:
            cells = self.editable_cells()
            position = (current.row(), current.column())
            if where == NEXT:
                target = next((c for c in cells if (c.row(), c.column()) > position), None)
            else:
                target = next(
                    (c for c in reversed(cells) if (c.row(), c.column()) < position), None
                )
        if target is None or not target.isValid():
            return False
        self.setCurrentIndex(target)
        self.scrollTo(target)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        current = self.currentIndex()
        model = self.hours_model
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not modifiers & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
            if not self.go(NEXT if forward else PREVIOUS):
                # At the last (first) cell: on to the next widget, as everywhere else.
                QWidget.focusNextPrevChild(self, forward)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers:
            self.go(DOWN)
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not modifiers:
            if current.isValid() and model.is_editable(current):
                model.clear_cell(current)
            event.accept()
            return
        text = event.text()
        if text and not modifiers & ~Qt.KeyboardModifier.ShiftModifier and text.isprintable():
            if text in HOURS_KEYS and current.isValid() and model.is_editable(current):
                super().keyPressEvent(event)  # AnyKeyPressed: the editor opens with this key
            else:
                event.accept()  # a letter does nothing here (no search by typing)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(current_colors().muted_text))
            rect = self.viewport().rect().adjusted(32, 24, -32, -24)
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.empty_text,
            )
            painter.end()


class HoursPage(Page):
    icon_name = "clock"
    permission = Permission.REGISTER_HOURS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.monday = week_start(dt.date.today())
        self.department: str | None = None
        self._departments: list[CodeItem] = []
        colors = current_colors()

        # -- the header: save and undo --
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("BlockedReason")
        self.blocked_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setMinimumWidth(220)
        self.blocked_label.setMaximumWidth(380)
        self.revert_button = QPushButton(self.tr("Ongedaan maken"))
        self.revert_button.setFlat(True)
        self.revert_button.setToolTip(self.tr("Alle niet opgeslagen uren van deze week weghalen"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Opslaan"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.setIcon(icons.icon("save", "#ffffff"))
        self.save_button.setToolTip(self.tr("Alle wijzigingen van deze week opslaan (Ctrl+S)"))
        self.save_button.clicked.connect(self._save_requested)
        self.subtitle = QLabel(
            self.tr("Typ de uren per dag · Tab of Enter: volgend vak · Ctrl+S: week opslaan")
        )
        header = self.make_header(
            self.subtitle, [self.blocked_label, self.revert_button, self.save_button]
        )

        # -- the week tab --
        self.department_combo = QComboBox()
        self.department_combo.setMinimumWidth(200)
        self.department_combo.setToolTip(self.tr("De afdeling waarvan u de uren invult"))
        self.department_combo.activated.connect(self._department_chosen)
        department_label = QLabel(self.tr("&Afdeling"))
        department_label.setBuddy(self.department_combo)
        department_label.setObjectName("FilterLabel")
        # The keys as the system names them ("Alt+Left"; "Alt+Links" with Qt's Dutch texts).
        self.previous_button = _nav_button("chevron-left", self.tr("Vorige week ({key})").format(
            key=_key_text("Alt+Left")))
        self.previous_button.clicked.connect(self.previous_week)
        self.next_button = _nav_button("chevron-right", self.tr("Volgende week ({key})").format(
            key=_key_text("Alt+Right")))
        self.next_button.clicked.connect(self.next_week)
        self.week_label = QLabel()
        self.week_label.setObjectName("WeekLabel")
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.week_label.setStyleSheet(
            f"#WeekLabel {{ font-size: 16px; color: {colors.primary_text}; }}"
        )
        self.this_week_button = QPushButton(self.tr("Deze week"))
        self.this_week_button.setToolTip(self.tr("Naar de week van vandaag (Alt+Home)"))
        self.this_week_button.clicked.connect(self.this_week)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setLocale(DUTCH)
        self.date_edit.calendarWidget().setLocale(DUTCH)
        self.date_edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.date_edit.setToolTip(self.tr("Ga naar de week van een datum"))
        self.date_edit.setMaximumDate(QDate.currentDate().addYears(1))
        self.date_edit.dateChanged.connect(self._date_chosen)
        toolbar = QHBoxLayout()
        toolbar.setSpacing(8)
        toolbar.addWidget(department_label)
        toolbar.addWidget(self.department_combo)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.previous_button)
        toolbar.addWidget(self.week_label)
        toolbar.addWidget(self.next_button)
        toolbar.addWidget(self.this_week_button)
        toolbar.addWidget(self.date_edit)
        toolbar.addStretch(1)

        self.model = HoursWeekModel(self)
        self.model.pending_changed.connect(self._update_state)
        self.view = HoursGridView()
        self.view.setModel(self.model)
        self.view.layout_columns()
        self.view.setAccessibleName(self.tr("Uren per deelnemer en per dag"))
        self.problem_label = QLabel()
        self.problem_label.setObjectName("FieldError")
        self.problem_label.setWordWrap(True)
        self.legend = QLabel(self._legend_html())
        self.legend.setObjectName("FormNote")
        self.count_label = QLabel()
        self.count_label.setObjectName("ListCount")
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.legend)

        week_tab = QWidget()
        week_layout = QVBoxLayout(week_tab)
        week_layout.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        week_layout.setSpacing(10)
        week_layout.addLayout(toolbar)
        week_layout.addWidget(self.view, 1)
        week_layout.addWidget(self.problem_label)
        week_layout.addLayout(footer)

        # -- the per-worker tab --
        self.worker_picker = WorkerPicker(self._search_workers)
        self.worker_picker.worker_changed.connect(self._worker_chosen)
        self.worker_hours = WorkerHoursView(ctx)
        worker_tab = QWidget()
        worker_layout = QVBoxLayout(worker_tab)
        worker_layout.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        worker_layout.setSpacing(10)
        worker_layout.addWidget(self.worker_picker)
        worker_layout.addWidget(self.worker_hours, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("PageTabs")
        self.tabs.setDocumentMode(True)
        muted = colors.muted_text
        self.tabs.addTab(week_tab, icons.icon("calendar", muted), self.tr("Week"))
        self.tabs.addTab(worker_tab, icons.icon("user", muted), self.tr("Per deelnemer"))
        self.tabs.currentChanged.connect(lambda _index: self._update_state())
        self.set_content(header, self.tabs, scroll=False)

        shortcuts = (
            (QKeySequence.StandardKey.Save, self._save_requested),
            (QKeySequence("Alt+Left"), self.previous_week),
            (QKeySequence("Alt+Right"), self.next_week),
            (QKeySequence("Alt+Home"), self.this_week),
        )
        self.shortcuts = []
        for sequence, slot in shortcuts:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self._loaded = False
        self._update_state()
        ctx.hub.changed.connect(self._on_changed)

    def title(self) -> str:
        return self.tr("Uren")

    # -- loading --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & {PLACEMENTS, WORKERS} and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the departments and the week again; what was typed stays (F5)."""
        if not self._departments:
            self._load_departments()
        if self.department is not None:
            self.load_week(keep_typed=True)
        if self.worker_picker.worker is not None:
            self.worker_hours.refresh()

    def _load_departments(self) -> None:
        found = query(self.ctx, self, departments)
        if not found:
            return
        self._departments = found
        self.department_combo.clear()
        language = self.ctx.language
        for item in found:
            self.department_combo.addItem(item.label(language), item.code)
        remembered = view_settings().value(DEPARTMENT_SETTING)
        codes = [item.code for item in found]
        self.department = remembered if remembered in codes else codes[0]
        self.department_combo.setCurrentIndex(codes.index(self.department))

    def load_week(self, *, keep_typed: bool = False) -> bool:
        actor = self.ctx.actor
        department = self.department
        if actor is None or department is None:
            return False
        monday = self.monday
        grid = query(self.ctx, self, lambda s: week_grid(s, actor, department, monday))
        if grid is None:
            return False
        self.show_grid(grid, keep_typed=keep_typed)
        return True

    def show_grid(self, grid: WeekGrid, *, keep_typed: bool = False) -> None:
        current = self.view.currentIndex()
        place = (current.row(), current.column()) if current.isValid() else None
        same_week = self.model.grid is not None and (
            self.model.grid.monday, self.model.grid.department) == (grid.monday, grid.department)
        if keep_typed and same_week:
            self.model.rebase(grid)
        else:
            self.model.set_grid(grid)
        self.monday = grid.monday
        self._show_week_title(grid)
        self.view.set_empty_text(
            self.tr("Niemand heeft in deze week een plaatsing bij {department}. Kies een andere "
                    "afdeling of week.").format(department=grid.department_label)
        )
        count = len(grid.rows)
        self.count_label.setText(
            self.tr("1 deelnemer") if count == 1
            else self.tr("{n} deelnemers").format(n=count)
        )
        if same_week and place is not None and place[0] < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(*place))
        else:
            start = self.view.first_editable()
            if start is not None:
                self.view.setCurrentIndex(start)
        self._loaded = True
        self._update_state()

    def _show_week_title(self, grid: WeekGrid) -> None:
        first, last = grid.days[0], grid.days[-1]
        if first.year != last.year:
            span = f"{_long(first, True)} – {_long(last, True)}"
        elif first.month != last.month:
            span = f"{_long(first, False)} – {_long(last, True)}"
        else:
            span = f"{first.day} – {_long(last, True)}"
        self.week_label.setText(
            self.tr("Week {n} · {span}").format(n=grid.week_number, span=span)
        )
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(first.year, first.month, first.day))
        self.date_edit.blockSignals(False)

    # -- choosing the week and the department ---------------------------------------------

    # Slots return nothing (PySide6 6.12.0, see settings_page).
    def previous_week(self) -> None:
        self.go_to_week(self.monday, -7)

    def next_week(self) -> None:
        self.go_to_week(self.monday, 7)

    def this_week(self) -> None:
        self.go_to_week(dt.date.today())

    def go_to_week(self, day: dt.date, offset_days: int = 0) -> bool:
        monday = week_start(day + dt.timedelta(days=offset_days))
        if monday == self.monday and self._loaded:
            return True
        if not self._may_drop_typed():
            return False
        previous = self.monday
        self.monday = monday
        if not self.load_week():
            self.monday = previous
            return False
        return True

    def _date_chosen(self, date: QDate) -> None:
        if not self.go_to_week(dt.date(date.year(), date.month(), date.day())):
            self._show_week_title_again()

    def _show_week_title_again(self) -> None:
        if self.model.grid is not None:
            self._show_week_title(self.model.grid)

    def choose_department(self, code: str) -> bool:
        codes = [item.code for item in self._departments]
        if code not in codes:
            return False
        if code == self.department:
            return True
        if not self._may_drop_typed():
            self.department_combo.setCurrentIndex(codes.index(self.department or code))
            return False
        self.department = code
        self.department_combo.setCurrentIndex(codes.index(code))
        view_settings().setValue(DEPARTMENT_SETTING, code)
        self.load_week()
        return True

    def _department_chosen(self, index: int) -> None:
        code = self.department_combo.itemData(index)
        if isinstance(code, str):
            self.choose_department(code)

    # -- saving ---------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self.model.has_pending

    def may_leave(self) -> bool:
        return self._may_drop_typed()

    def _may_drop_typed(self) -> bool:
        if not self.is_dirty():
            return True
        grid = self.model.grid
        assert grid is not None
        what = self.tr("de uren van week {n} ({department})").format(
            n=grid.week_number, department=grid.department_label
        )
        choice = MessageBox.ask_unsaved_changes(self, what)
        if choice is UnsavedChoice.SAVE:
            return self.save()
        if choice is UnsavedChoice.DISCARD:
            self.model.set_grid(grid)
            return True
        return False

    def revert(self) -> None:
        if self.model.grid is not None and self.is_dirty():
            self.model.set_grid(self.model.grid)

    def _save_requested(self) -> None:
        # A slot must not return a bool (PySide6 6.12.0, see settings_page).
        self.save()

    def save(self) -> bool:
        """Save every typed cell of the week at once; True when nothing is left unsaved."""
        grid = self.model.grid
        actor = self.ctx.actor
        self.view.commit_open_editor()
        if grid is None or actor is None or not self.is_dirty():
            return not self.is_dirty()
        problems = self.model.problems()
        if problems:
            self._go_to_problem()
            return False
        changes = self.model.pending_changes()
        expected = self.model.expected()
        department, monday = grid.department, grid.monday

        def save(session) -> WeekSaved:
            return save_week(session, actor, department, monday, changes, expected)

        return (
            DatabaseOp(self.ctx, self, save, changes={PLACEMENTS, AUDIT})
            .success(self._saved)
            .failure(self._save_failed)
            .run()
        )

    def _saved(self, result: WeekSaved) -> None:
        self.show_grid(result.grid, keep_typed=False)
        show_status(self, self._saved_text(result))

    def _saved_text(self, result: WeekSaved) -> str:
        booked, cleared = result.booked, result.cleared
        if booked == 1:
            text = self.tr("Uren van 1 dag opgeslagen")
        elif booked:
            text = self.tr("{n} uren opgeslagen").format(n=booked)
        else:
            text = ""
        if cleared:
            removed = (
                self.tr("1 dag gewist") if cleared == 1
                else self.tr("{n} dagen gewist").format(n=cleared)
            )
            text = f"{text} · {removed}" if text else removed
        return text or self.tr("Er was niets te bewaren")

    def _save_failed(self, error: UserError) -> None:
        # Everything typed stays; the reasons go on the cells.
        if isinstance(error, HoursChangedError):
            # The week as it is now, with what was typed on top: a second Ctrl+S saves it on
            # purpose (the tooltip of each typed cell says what was there).
            self.load_week(keep_typed=True)
        elif isinstance(error, ValidationError) and self.model.grid is not None:
            self.model.show_refusal(error)
            self._go_to_problem()
        MessageBox.show_user_error(self, error)

    def _go_to_problem(self) -> None:
        problems = self.model.problems()
        if problems:
            index = self.model.index_of(problems[0][0])
            if index.isValid():
                self.view.setCurrentIndex(index)
                self.view.setFocus()

    # -- state ----------------------------------------------------------------------------

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        problems = self.model.problems()
        on_week = self.tabs.currentIndex() == 0
        count = self.model.pending_count
        self.save_button.setEnabled(dirty and not problems)
        self.save_button.setVisible(on_week)
        self.revert_button.setVisible(dirty and on_week)
        if not dirty:
            reason = self.tr("Alles is opgeslagen") if self._loaded else ""
        elif problems:
            reason = self.tr("Opslaan kan nog niet — {problem}").format(problem=problems[0][1])
        elif count == 1:
            reason = self.tr("1 vak niet opgeslagen")
        else:
            reason = self.tr("{n} vakken niet opgeslagen").format(n=count)
        self.blocked_label.setText(reason)
        self.blocked_label.setVisible(on_week)
        # Ochre while something is typed but not saved, as the flags on the cells.
        colors = current_colors()
        color = mix(colors.ochre, colors.primary_text, 0.3) if dirty and not problems else ""
        self.blocked_label.setStyleSheet(f"color: {color};" if color else "")
        if problems:
            cell, text = problems[0]
            index = self.model.index_of(cell)
            where = ""
            if index.isValid() and self.model.grid is not None:
                line = self.model.grid.rows[index.row()]
                day = self.model.headerData(index.column(), Qt.Orientation.Horizontal)
                where = f"{line.full_name}, {day}: "
            self.problem_label.setText(where + text)
        self.problem_label.setVisible(bool(problems))

    def _legend_html(self) -> str:
        colors = current_colors()
        swatches = (
            (mix(colors.primary, colors.card, 0.9), self.tr("vandaag")),
            (mix(colors.ochre, colors.card, 0.8), self.tr("niet opgeslagen")),
            (mix(colors.secondary_light, colors.card, 0.45),
             self.tr("buiten de plaatsing of in de toekomst")),
        )
        return "&nbsp;&nbsp;&nbsp;".join(
            f'<span style="background-color:{color}; color:{color};">&nbsp;■■&nbsp;</span>'
            f"&nbsp;{text}"
            for color, text in swatches
        )

    # -- one worker -----------------------------------------------------------------------

    def _search_workers(self, text: str) -> list[WorkerName] | None:
        actor = self.ctx.actor
        if actor is None:
            return None
        return query(self.ctx, self, lambda s: worker_names(s, actor, text))

    def _worker_chosen(self, worker: WorkerName | None) -> None:
        self.worker_hours.set_worker(worker.id if worker is not None else None)


def _long(day: dt.date, with_year: bool) -> str:
    text = DUTCH.toString(QDate(day.year, day.month, day.day), "d MMMM")
    return f"{text} {day.year}" if with_year else text


def _key_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def _nav_button(icon_name: str, tooltip: str) -> QToolButton:
    button = QToolButton()
    button.setIcon(icons.icon(icon_name, current_colors().secondary_text))
    button.setToolTip(tooltip)
    button.setAccessibleName(tooltip)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button

