"""The dashboard: today's people at work, the aandachtspunten, and this month's and this year's
kilos, at a glance.

The aandachtspunten (``services.reminders``) are three cards with a count and the first few
names: placements ending within 30 days, goals past their target date, and workers without
hours in the last 14 days. An invoer sees the hours card only.

Read fresh whenever the page is shown, on F5, and after a change to goods, placements or
workers.
"""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal

from PySide6.QtCore import Qt, QTime
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
from kringloopdesk.gui.context import GOODS, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.formatting import format_date, format_long_date, format_number, month_name
from kringloopdesk.gui.messages import sensitive_data_closed_text
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.notice import NoticeBanner
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.services.dashboard import DashboardFigures, dashboard_figures
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.reminders import (
    ENDING_WITHIN_DAYS,
    NO_HOURS_DAYS,
    EndingPlacement,
    MissingHours,
    OverdueGoal,
    ReminderList,
    Reminders,
    reminders,
)

CARD_MIN_WIDTH = 250
REMINDER_ITEMS = 4  # names shown on a card; the count says how many there are
DESCRIPTION_LENGTH = 48


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


class ReminderCard(QFrame):
    """An aandachtspunt: its count, a caption, and the first few people as two short lines."""

    def __init__(self, caption: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FigureCard")
        self.setProperty("accent", "ochre")
        self.setMinimumWidth(220)
        colors = current_colors()
        self.muted = colors.muted_text
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("FigureCaption")
        self.caption_label.setWordWrap(True)
        self.count_label = QLabel("–")
        self.count_label.setObjectName("FigureValue")
        self.note_label = QLabel(note)
        self.note_label.setObjectName("FigureNote")
        self.note_label.setWordWrap(True)
        self.items_label = QLabel()
        self.items_label.setTextFormat(Qt.TextFormat.RichText)
        self.items_label.setWordWrap(True)
        self.items_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.more_label = QLabel()
        self.more_label.setObjectName("FigureNote")
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.caption_label, 1)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.note_label)
        layout.addSpacing(4)
        layout.addWidget(self.items_label)
        layout.addWidget(self.more_label)
        layout.addStretch(1)
        self.lines: list[tuple[str, str]] = []

    def show_items(self, count: int, lines: list[tuple[str, str]], empty: str) -> None:
        """``lines``: (who, what) of the first few; ``count``: how many there are in all."""
        self.lines = lines
        self.count_label.setText(format_number(count))
        self.setProperty("accent", "ochre" if count else "primary")
        self.style().unpolish(self)
        self.style().polish(self)
        if not lines:
            quiet = html.escape(empty)
            self.items_label.setText(f'<span style="color:{self.muted}">{quiet}</span>')
        else:
            self.items_label.setText(
                "".join(
                    f'<div style="margin-bottom:6px">{html.escape(who)}<br>'
                    f'<span style="color:{self.muted}; font-size:12px">{html.escape(what)}</span>'
                    "</div>"
                    for who, what in lines
                )
            )
        rest = count - len(lines)
        self.more_label.setText(self.tr("en nog {n}").format(n=format_number(rest)) if rest > 0
                                else "")
        self.more_label.setVisible(rest > 0)
        self.setAccessibleName(f"{self.caption_label.text()}: {count}")


class DashboardPage(Page):
    icon_name = "dashboard"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.figures: DashboardFigures | None = None
        self.reminders: Reminders | None = None
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
        self.reminders_title = QLabel(self.tr("Aandachtspunten"))
        self.reminders_title.setObjectName("SectionTitle")
        self.reminder_cards: dict[str, ReminderCard] = {}
        coach = ctx.may(Permission.MANAGE_WORKERS)
        if coach:
            self.reminder_cards["ending"] = ReminderCard(
                self.tr("Plaatsingen die aflopen"),
                self.tr("Gepland einde binnen {n} dagen, of al voorbij").format(
                    n=ENDING_WITHIN_DAYS),
            )
            self.reminder_cards["goals"] = ReminderCard(
                self.tr("Doelen over de streefdatum"),
                self.tr("Open doelen van lopende plaatsingen"),
            )
        self.reminder_cards["missing_hours"] = ReminderCard(
            self.tr("Geen uren geregistreerd"),
            self.tr("Aan het werk, maar geen uren in de laatste {n} dagen").format(
                n=NO_HOURS_DAYS),
        )
        reminder_row = QHBoxLayout()
        reminder_row.setSpacing(16)
        for card in self.reminder_cards.values():
            reminder_row.addWidget(card, 1)
        if len(self.reminder_cards) == 1:
            reminder_row.addStretch(1)  # the one card as wide as a figure card
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
            if title is self.people_title:  # what needs doing, right under who is at work
                grid.addWidget(self.reminders_title, row, 0, 1, 2)
                grid.addLayout(reminder_row, row + 1, 0, 1, 2)
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
        if changes & {GOODS, PLACEMENTS, WORKERS} and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.load()

    def load(self, today: dt.date | None = None) -> None:
        """Read the figures and the aandachtspunten as of ``today`` (the real today when
        None)."""
        actor = self.ctx.actor

        def read(session) -> tuple[DashboardFigures, Reminders | None]:
            points = reminders(session, actor, today, limit=REMINDER_ITEMS) if actor else None
            return dashboard_figures(session, today), points

        found = query(self.ctx, self, read)
        if found is not None:
            figures, points = found
            self.show_figures(figures)
            if points is not None:
                self.show_reminders(points)

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


    def show_reminders(self, r: Reminders) -> None:
        self.reminders = r
        if r.ending is not None and "ending" in self.reminder_cards:
            self._fill("ending", r.ending, self._ending_line,
                       self.tr("Geen plaatsingen die binnenkort aflopen"))
        if r.goals is not None and "goals" in self.reminder_cards:
            self._fill("goals", r.goals, self._goal_line, self.tr("Alle doelen op schema"))
        self._fill("missing_hours", r.missing_hours, self._hours_line,
                   self.tr("Iedereen heeft recent uren"))

    def _fill(self, key: str, found: ReminderList, line, empty: str) -> None:
        self.reminder_cards[key].show_items(found.count, [line(i) for i in found.items], empty)

    def _ending_line(self, item: EndingPlacement) -> tuple[str, str]:
        date = format_date(item.planned_end_date)
        if item.days_left > 0:
            when = self.tr("einde {date} (over {n} d.)").format(date=date, n=item.days_left)
        elif item.days_left == 0:
            when = self.tr("einde vandaag")
        else:
            when = self.tr("einde {date} is voorbij").format(date=date)
        return f"{item.name} ({item.number})", f"{item.department_label} · {when}"

    def _goal_line(self, item: OverdueGoal) -> tuple[str, str]:
        description = item.description
        if len(description) > DESCRIPTION_LENGTH:
            description = description[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
        late = self.tr("{n} d. over tijd").format(n=item.days_overdue)
        return f"{item.name} ({item.number})", f"{description} · {late}"

    def _hours_line(self, item: MissingHours) -> tuple[str, str]:
        if item.last_hours_date is None:
            last = self.tr("nog nooit uren")
        else:
            last = self.tr("laatst op {date}").format(date=format_date(item.last_hours_date))
        return f"{item.name} ({item.number})", f"{item.department_label} · {last}"


def _kg(value: Decimal) -> str:
    return format_number(value, 1)
