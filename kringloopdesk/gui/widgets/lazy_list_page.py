"""What the long list pages (Deelnemers, Stromen, Artikelen, Certificaten) share: a search
field that filters after a short pause, a count ("120 van 3.000 deelnemers"), a filter row
behind a filter icon, and a list (``LazyTableModel``/``LazyProxy``) that is read again when the
page shows after its data changed.

A page gives its texts and its queries through small hooks: ``search_placeholder``,
``count_texts``, ``current_filter``/``filter_type``, ``load_rows``/``count_rows``/``count_all``
and ``stale_on``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from kringloopdesk.gui import icons
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.page import Page
from kringloopdesk.gui.widgets.placement_panel import FLAT_BUTTONS

# Typing pauses this long before the list is asked again.
SEARCH_DELAY_MS = 180


class LazyListPage(Page):
    search_delay_ms = SEARCH_DELAY_MS
    # The filter class; its default (``filter_type()``) means "not filtered".
    filter_type: type = object
    # A change of one of these (hub names) makes the list stale.
    stale_on: frozenset[str] = frozenset()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.grand_total = 0
        self._stale = True

    # -- hooks ------------------------------------------------------------------------------

    def search_placeholder(self) -> str:
        raise NotImplementedError

    def count_texts(self) -> tuple[str, str, str]:
        """("1 x", "{n} x'en", "{shown} van {total} x'en"), translated."""
        raise NotImplementedError

    def current_filter(self) -> Any:
        raise NotImplementedError

    def load_rows(self, session, actor, q, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def count_rows(self, session, actor, q) -> int:
        raise NotImplementedError

    def count_all(self, session, actor) -> int:
        raise NotImplementedError

    def _update_empty_text(self) -> None:
        raise NotImplementedError

    # -- building ---------------------------------------------------------------------------

    def _connect_count(self) -> None:
        for signal in (self.proxy.rowsInserted, self.proxy.modelReset,
                       self.model.total_changed):
            signal.connect(self._update_count)

    def _build_search(self, max_width: int | None = None, on_return=None) -> None:
        """The search field (``search_edit``), its timer and the count label."""
        colors = current_colors()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.search_placeholder())
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icons.icon("search", colors.muted_text),
                                   QLineEdit.ActionPosition.LeadingPosition)
        if max_width is not None:
            self.search_edit.setMaximumWidth(max_width)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_edit.returnPressed.connect(on_return or self._to_list)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(self.search_delay_ms)
        self.search_timer.timeout.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("ListCount")

    def _build_clear_button(self, text: str) -> None:
        self.clear_button = QPushButton(text)  # "Filter &wissen": Alt+W
        self.clear_button.setFlat(True)
        self.clear_button.setStyleSheet(FLAT_BUTTONS)
        self.clear_button.clicked.connect(self.clear_filter)

    def _top_row(self, button: QWidget) -> QHBoxLayout:
        """Search field, count, then ``button`` on the right."""
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(button)
        return top

    def _filter_row(self) -> tuple[QHBoxLayout, QLabel]:
        """The filter row, with the filter icon in it (the page adds its filters)."""
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filter_icon = QLabel()
        filter_icon.setPixmap(icons.pixmap("filter", 18, current_colors().muted_text))
        filters.addWidget(filter_icon)
        return filters, filter_icon

    # -- loading ----------------------------------------------------------------------------

    def _load(self, q, offset: int, limit: int) -> list[Any] | None:
        actor = self.ctx.actor
        if actor is None:
            return None
        return query(self.ctx, self,
                     lambda s: self.load_rows(s, actor, q, offset, limit))

    def _count(self, q) -> int | None:
        actor = self.ctx.actor
        if actor is None:
            return None
        return query(self.ctx, self, lambda s: self.count_rows(s, actor, q))

    def _read_grand_total(self, actor) -> None:
        total = query(self.ctx, self, lambda s: self.count_all(s, actor))
        self.grand_total = total or 0
        self._stale = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & self.stale_on:
            self._stale = True
            if self.isVisible():
                self.refresh()

    # -- filtering --------------------------------------------------------------------------

    def apply_filter(self) -> None:
        self.search_timer.stop()
        if self.ctx.actor is None:
            return
        self.model.set_filter(self.current_filter())
        self._update_empty_text()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _to_list(self) -> None:
        self.apply_filter()
        if self.proxy.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def _filtered(self) -> bool:
        return self.current_filter() != self.filter_type()

    def _update_count(self, *_args: object) -> None:
        self.clear_button.setEnabled(self._filtered())
        if not self.model.total_known:
            return  # the count follows in a moment (total_changed); until then the old text
        one, many, some = self.count_texts()
        shown, total = self.model.total, self.grand_total
        if not self._filtered():
            total = max(total, shown)
            text = one if total == 1 else many.format(n=format_number(total))
        else:
            text = some.format(shown=format_number(shown), total=format_number(total))
        self.count_label.setText(text)

    # -- selection --------------------------------------------------------------------------

    def _selected_source_row(self) -> Any | None:
        """The (first) selected row of the model, or None."""
        index = self.view.selected_index()
        if index is None:
            return None
        return self.model.row_for(self.proxy.mapToSource(index))

    def _select_source_row(self, row: int | None, column: int = 0) -> None:
        """Select row ``row`` of the model (None: nothing to select) and scroll to it."""
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)
