"""Draws a cell's text in the colour its model gives (``ForegroundRole``).

The theme's stylesheet gives every table item one text colour, which Qt then uses instead of
the model's. This delegate lets the style draw the cell (background, selection) and draws the
text itself — every cell, so that all texts line up — in the model's colour where it gives
one (the muted rows of people who left, the red of a date that has passed), else in the
theme's.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kringloopdesk.gui.theme import current_colors


class ForegroundDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is None or not item.text:
            super().paint(painter, option, index)
            return
        color = index.data(Qt.ItemDataRole.ForegroundRole)
        if not isinstance(color, QColor):
            color = QColor(current_colors().primary_text
                           if item.state & QStyle.StateFlag.State_Selected
                           else current_colors().secondary_text)
        text = item.text
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        painter.save()
        painter.setPen(color)
        painter.setFont(item.font)
        elided = item.fontMetrics.elidedText(text, item.textElideMode, rect.width())
        painter.drawText(rect, int(item.displayAlignment), elided)
        painter.restore()
