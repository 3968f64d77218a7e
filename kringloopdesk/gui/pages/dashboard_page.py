"""The dashboard: today's people at work and this month's and this year's kilos, at a glance.

Read fresh whenever the page is shown, on F5, and after a change to goods or placements.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.context import GOODS, PLACEMENTS, AppContext
from kringloopdesk.gui.formatting import format_long_date, format_number, month_name
from kringloopdesk.gui.messages import sensitive_data_closed_text
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.notice import NoticeBanner
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.services.dashboard import DashboardFigures, dashboard_figures

CARD_MIN_WIDTH = 250


class FigureCard(QFrame):
    """One large figure with its caption, unit and a short note underneath."""

    def __init__(self, caption: str, unit: str, accent: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FigureCard")
        self.setProperty("accent", accent)
        self.setMinimumWidth(CARD_MIN_WIDTH)
        self.unit = unit
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("FigureCaption")
        self.value_label = QLabel("–")
        self.value_label.setObjectName("FigureValue")
        self.unit_label = QLabel(unit)
        self.unit_label.setObjectName("FigureUnit")
        self.note_label = QLabel()
        self.note_label.setObjectName("FigureNote")
        self.note_label.setWordWrap(True)
        value_row = QHBoxLayout()
        value_row.setSpacing(6)
        value_row.addWidget(self.value_label)
        value_row.addWidget(self.unit_label)
        value_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(4)
        layout.addWidget(self.caption_label)
        layout.addLayout(value_row)
        layout.addWidget(self.note_label)

    def set_value(self, text: str, note: str = "") -> None:
        self.value_label.setText(text)
        self.note_label.setText(note)
        self.setAccessibleName(f"{self.caption_label.text()}: {self.text()}")

    def text(self) -> str:
        """The figure as read aloud: "61.234,5 kg"."""
        return f"{self.value_label.text()} {self.unit}".strip()


class DashboardPage(Page):
    icon_name = "dashboard"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.figures: DashboardFigures | None = None
        self.date_label = QLabel()
        refresh_button = QPushButton(self.tr("Vernieuwen"))
        refresh_button.setIcon(icons.icon("refresh", current_colors().primary))
        refresh_button.setToolTip(self.tr("De cijfers opnieuw ophalen (F5)"))
        refresh_button.clicked.connect(self.refresh)

        self.cards = {
            "active_workers": FigureCard(self.tr("Deelnemers aan het werk"), "", "primary"),
            "active_placements": FigureCard(self.tr("Actieve plaatsingen"), "", "primary"),
            "kg_in_month": FigureCard(self.tr("Ingezameld"), "kg", "ochre"),
            "kg_out_month": FigureCard(self.tr("Afgevoerd"), "kg", "ochre"),
            "kg_in_year": FigureCard(self.tr("Ingezameld"), "kg", "ochre"),
            "kg_out_year": FigureCard(self.tr("Afgevoerd"), "kg", "ochre"),
        }
        self.people_title = QLabel(self.tr("Mensen — vandaag"))
        self.month_title = QLabel()
        self.year_title = QLabel()
        self.updated_label = QLabel()
        self.updated_label.setObjectName("FormNote")

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        sections = (
            (self.people_title, "active_workers", "active_placements"),
            (self.month_title, "kg_in_month", "kg_out_month"),
            (self.year_title, "kg_in_year", "kg_out_year"),
        )
        row = 0
        for title, left, right in sections:
            title.setObjectName("SectionTitle")
            grid.addWidget(title, row, 0, 1, 2)
            grid.addWidget(self.cards[left], row + 1, 0)
            grid.addWidget(self.cards[right], row + 1, 1)
            grid.setRowMinimumHeight(row + 2, 12)
            row += 3
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(PAGE_MARGIN, 20, PAGE_MARGIN, 24)
        self.key_notice: NoticeBanner | None = None
        if ctx.sensitive_data_closed and ctx.actor is not None:
            self.key_notice = NoticeBanner(
                self.tr("Gevoelige gegevens gesloten"),
                sensitive_data_closed_text(ctx.actor.role),
                "lock",
            )
            body_layout.addWidget(self.key_notice)
            body_layout.addSpacing(8)
        body_layout.addLayout(grid)
        body_layout.addWidget(self.updated_label)
        body_layout.addStretch(1)
        body.setMaximumWidth(980)
        self.set_content(self.make_header(self.date_label, [refresh_button]), body)
        ctx.hub.changed.connect(self._on_changed)

    def title(self) -> str:
        return self.tr("Dashboard")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & {GOODS, PLACEMENTS} and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.load()

    def load(self, today: dt.date | None = None) -> None:
        """Read the figures as of ``today`` (the real today when None)."""
        figures = query(self.ctx, self, lambda s: dashboard_figures(s, today))
        if figures is not None:
            self.show_figures(figures)

    def show_figures(self, f: DashboardFigures) -> None:
        self.figures = f
        self.date_label.setText(
            self.tr("Vandaag is het {date}").format(date=format_long_date(f.today))
        )
        month = month_name(f.today)
        self.month_title.setText(
            self.tr("Goederen — {month} {year}").format(month=month, year=f.today.year)
        )
        self.year_title.setText(self.tr("Goederen — heel {year}").format(year=f.today.year))
        since_month = self.tr("sinds 1 {month}").format(month=month)
        since_year = self.tr("sinds 1 januari")
        self.cards["active_workers"].set_value(
            format_number(f.active_workers), self.tr("met een plaatsing die vandaag loopt")
        )
        self.cards["active_placements"].set_value(
            format_number(f.active_placements), self.tr("gestart en nog niet beëindigd")
        )
        self.cards["kg_in_month"].set_value(_kg(f.kg_in_month), since_month)
        self.cards["kg_out_month"].set_value(_kg(f.kg_out_month), since_month)
        self.cards["kg_in_year"].set_value(_kg(f.kg_in_year), since_year)
        self.cards["kg_out_year"].set_value(_kg(f.kg_out_year), since_year)
        self.updated_label.setText(
            self.tr("Bijgewerkt om {time} · F5 haalt de cijfers opnieuw op").format(
                time=QTime.currentTime().toString("HH:mm")
            )
        )


def _kg(value: Decimal) -> str:
    return format_number(value, 1)
