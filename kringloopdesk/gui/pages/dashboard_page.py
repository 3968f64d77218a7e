"""The dashboard: today's people at work, the aandachtspunten, and this month's and this year's
kilos, at a glance.

Below the kilos: this year's reused kg and CO2 avoided (with the default factor set, named on
the tile), and the last twelve months as charts — kg in and kg out per month stacked by product
group (one scale, one legend, the same colour per group) and the reuse % per month
(``services.dashboard.goods_dashboard``). A shop without weighed goods sees what to do instead.

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
from kringloopdesk.gui.widgets.charts import (
    BarGroup,
    ChartLegend,
    PercentLineChart,
    StackedBarChart,
    group_color,
    month_abbreviation,
)
from kringloopdesk.gui.widgets.notice import NoticeBanner
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.i18n import current_language
from kringloopdesk.services.dashboard import (
    DashboardFigures,
    GoodsDashboard,
    dashboard_figures,
    goods_dashboard,
)
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
BODY_MAX_WIDTH = 1180
BAR_CHART_HEIGHT = 280
LINE_CHART_HEIGHT = 210
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
        self.goods_cards = {
            "kg_reused_year": FigureCard(self.tr("Hergebruikt dit jaar"), "kg", "primary"),
            "co2_year": FigureCard(self.tr("CO₂ vermeden dit jaar"), self.tr("kg CO₂-eq"),
                                   "primary"),
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
            if title is self.year_title:  # reuse and CO2 under the year's kilos
                grid.addWidget(self.goods_cards["kg_reused_year"], row + 2, 0)
                grid.addWidget(self.goods_cards["co2_year"], row + 2, 1)
                row += 1
            row += 3
            if title is self.people_title:  # what needs doing, right under who is at work
                grid.addWidget(self.reminders_title, row, 0, 1, 2)
                grid.addLayout(reminder_row, row + 1, 0, 1, 2)
                grid.setRowMinimumHeight(row + 2, 12)
                row += 3
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self._build_trend()
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
        body_layout.addWidget(self.trend_title)
        body_layout.addSpacing(4)
        body_layout.addWidget(self.empty_label)
        body_layout.addWidget(self.trend_box)
        body_layout.addSpacing(8)
        body_layout.addWidget(self.updated_label)
        body_layout.addStretch(1)
        body.setMaximumWidth(BODY_MAX_WIDTH)
        self.set_content(self.make_header(self.date_label, [refresh_button]), body)
        ctx.hub.changed.connect(self._on_changed)

    def _build_trend(self) -> None:
        """The charts of the last twelve months, and the empty state that replaces them."""
        self.goods: GoodsDashboard | None = None
        self.trend_title = QLabel()
        self.trend_title.setObjectName("SectionTitle")
        self.empty_label = QLabel(
            self.tr(
                "Nog geen gewogen goederen — weeg inbreng en afvoer op de weegpost of importeer "
                "een bestand met stromen (Ctrl+I). Dan staan hier de kilo's per maand en het "
                "hergebruik."
            )
        )
        self.empty_label.setObjectName("EmptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(
            f"color: {current_colors().muted_text}; font-size: 14px; padding: 18px 20px;"
            f"background: {current_colors().card}; border: 1px dashed "
            f"{current_colors().secondary_light}; border-radius: 8px;"
        )
        self.in_chart = StackedBarChart()
        self.out_chart = StackedBarChart()
        self.reuse_chart = PercentLineChart()
        for chart in (self.in_chart, self.out_chart):
            chart.setFixedHeight(BAR_CHART_HEIGHT)
        self.reuse_chart.setFixedHeight(LINE_CHART_HEIGHT)
        self.in_caption = _chart_caption(self.tr("Ingezameld per maand (kg)"))
        self.out_caption = _chart_caption(self.tr("Afgevoerd per maand (kg)"))
        self.reuse_caption = _chart_caption(self.tr("Hergebruik per maand (% van de afvoer)"))
        self.reuse_note = QLabel(
            self.tr("Hergebruik en hergebruik online ÷ alle afvoer × 100; 0 in een maand zonder "
                    "afvoer")
        )
        self.reuse_note.setObjectName("FormNote")
        self.legend = ChartLegend(columns=5)

        bars = QGridLayout()
        bars.setHorizontalSpacing(24)
        bars.setVerticalSpacing(2)
        bars.addWidget(self.in_caption, 0, 0)
        bars.addWidget(self.out_caption, 0, 1)
        bars.addWidget(self.in_chart, 1, 0)
        bars.addWidget(self.out_chart, 1, 1)
        bars.setColumnStretch(0, 1)
        bars.setColumnStretch(1, 1)
        bars_card = QFrame()
        bars_card.setObjectName("FormCard")
        bars_layout = QVBoxLayout(bars_card)
        bars_layout.setContentsMargins(20, 16, 20, 16)
        bars_layout.setSpacing(10)
        bars_layout.addLayout(bars)
        bars_layout.addWidget(self.legend)

        reuse_card = QFrame()
        reuse_card.setObjectName("FormCard")
        reuse_layout = QVBoxLayout(reuse_card)
        reuse_layout.setContentsMargins(20, 16, 20, 12)
        reuse_layout.setSpacing(2)
        reuse_layout.addWidget(self.reuse_caption)
        reuse_layout.addWidget(self.reuse_chart)
        reuse_layout.addWidget(self.reuse_note)

        self.trend_box = QWidget()
        box = QVBoxLayout(self.trend_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        box.addWidget(bars_card)
        box.addWidget(reuse_card)
        self.empty_label.hide()

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

        def read(session) -> tuple[DashboardFigures, GoodsDashboard, Reminders | None]:
            points = reminders(session, actor, today, limit=REMINDER_ITEMS) if actor else None
            return dashboard_figures(session, today), goods_dashboard(session, today), points

        found = query(self.ctx, self, read)
        if found is not None:
            figures, goods, points = found
            self.show_figures(figures)
            self.show_goods(goods)
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

    def show_goods(self, g: GoodsDashboard) -> None:
        """This year's reuse and CO2 tiles, and the charts of the last twelve months."""
        self.goods = g
        year = g.year
        since_year = self.tr("sinds 1 januari")
        self.goods_cards["kg_reused_year"].set_value(
            _kg(year.kg_reused),
            self.tr("{pct} % van de afvoer · {since}").format(
                pct=format_number(year.reuse_pct, 1), since=since_year),
        )
        co2_card = self.goods_cards["co2_year"]
        if year.factor_set is None or year.co2_kg is None:
            co2_card.caption_label.setText(self.tr("CO₂ vermeden dit jaar"))
            co2_card.set_value("–", self.tr("Geen standaard CO₂-factorset; kies er een bij "
                                            "Instellingen › CO₂-factoren"))
        else:
            co2_card.caption_label.setText(
                self.tr("CO₂ vermeden dit jaar ({set})").format(set=year.factor_set.label)
            )
            co2_card.set_value(
                _kg(year.co2_kg),
                self.tr("hergebruikte kg × factor per productgroep · {since}").format(
                    since=since_year),
            )

        trend = g.trend
        months = [m.month for m in trend.months]
        first, last = months[0], months[-1]
        self.trend_title.setText(
            self.tr("Goederen — de laatste 12 maanden ({first} {first_year} – {last} "
                    "{last_year})").format(
                first=month_abbreviation(first), first_year=first.year,
                last=month_abbreviation(last), last_year=last.year)
        )
        self.empty_label.setVisible(trend.is_empty)
        self.trend_box.setVisible(not trend.is_empty)
        if trend.is_empty:
            return
        language = current_language()
        colors = [group_color(group.code, group.id) for group in trend.groups]
        labels = [group.label(language) for group in trend.groups]

        def layers(direction: str) -> list[BarGroup]:
            return [
                BarGroup(labels[i], colors[i],
                         tuple(getattr(m, direction)[i] for m in trend.months))
                for i in range(len(trend.groups))
            ]

        intake, outflow = layers("kg_in"), layers("kg_out")
        top = float(max((m.total_in for m in trend.months), default=0))
        top = max(top, float(max((m.total_out for m in trend.months), default=0)))
        self.in_chart.set_data(months, intake, axis_max=top)
        self.out_chart.set_data(months, outflow, axis_max=top)
        shown = {layer.label for layer in (*self.in_chart.groups, *self.out_chart.groups)}
        self.legend.set_entries(
            [(label, color) for label, color in zip(labels, colors, strict=True)
             if label in shown]
        )
        no_outflow = self.tr("geen afvoer deze maand")
        self.reuse_chart.set_data(
            months,
            [m.reuse_pct for m in trend.months],
            [no_outflow if not m.total_out else
             self.tr("{reused} van {out} kg afvoer").format(
                 reused=format_number(m.kg_reused), out=format_number(m.total_out))
             for m in trend.months],
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


def _chart_caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("FigureCaption")
    return label


def _kg(value: Decimal) -> str:
    return format_number(value, 1)
