"""Charts for the dashboard (Qt Charts), the shop's way: the theme's colours (light or dark),
month abbreviations in the display language ("mrt", "Mar"), whole kilos with a thousands point
("12.500"), and one colour per product group wherever it appears.

``StackedBarChart`` draws kg per month stacked by product group; ``PercentLineChart`` a
percentage per month; ``ChartLegend`` is one legend shared by charts that use the same groups.
Every chart says what it shows in a tooltip when the mouse rests on a bar or a point.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolTip, QWidget

from kringloopdesk.gui import formatting
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.theme import current_colors, mix

# One colour per product group, by code: earthy, told apart on a projector and in grey print.
GROUP_COLORS = {
    "meubels": "#8d6a45",
    "textiel": "#c2577a",
    "witgoed": "#4f86b8",
    "klein_elektrisch": "#e0a22e",
    "ict_elektronica": "#6b5ca5",
    "kleingoed": "#3a9a8a",
    "boeken_media": "#a8493b",
    "speelgoed": "#e57a3c",
    "fietsen": "#5f8f37",
    "overig": "#9a968c",
}
# For groups a shop added itself: picked by the group's id, so it stays the same colour.
EXTRA_COLORS = ("#2f6f6a", "#b58bb5", "#7d7a3a", "#d06a6a", "#4a5f8c", "#c9a66b")

CHART_FONT_PX = 12


def group_color(code: str, group_id: int) -> QColor:
    """The colour of a product group in every chart."""
    known = GROUP_COLORS.get(code)
    return QColor(known if known else EXTRA_COLORS[group_id % len(EXTRA_COLORS)])


def month_abbreviation(day: dt.date) -> str:
    return formatting.month_abbreviation(day)


def month_label(day: dt.date) -> str:
    """An axis label: "apr" (the chart's title names the years)."""
    return month_abbreviation(day)


def month_and_year(day: dt.date) -> str:
    """ "maart 2025" (tooltips)."""
    return f"{formatting.month_name(day)} {day.year}"


def nice_step(maximum: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 × 10^n) that covers ``maximum`` in about ``ticks`` steps."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def value_axis(maximum: float, *, suffix: str = "", ticks: int = 4,
               fixed_max: float | None = None) -> QCategoryAxis:
    """A vertical axis from 0 with round steps, labelled the Dutch way ("12.500")."""
    colors = current_colors()
    top = fixed_max if fixed_max is not None else maximum
    step = nice_step(top, ticks)
    count = max(1, math.ceil(top / step - 1e-9)) if fixed_max is None else round(top / step)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(0, step * count)
    decimals = 0 if step >= 1 else 1
    axis.setStartValue(0)
    axis.append(_axis_text(0, decimals, suffix), 0)
    for n in range(1, count + 1):
        axis.append(_axis_text(step * n, decimals, suffix), step * n)
    _style_axis(axis, colors)
    axis.setGridLineColor(QColor(mix(colors.secondary_light, colors.card, 0.35)))
    axis.setLineVisible(False)
    return axis


def _axis_text(value: float, decimals: int, suffix: str) -> str:
    text = format_number(Decimal(str(round(value, decimals))), decimals)
    return f"{text}{suffix}"


def _style_axis(axis, colors) -> None:
    font = QFont()
    font.setPixelSize(CHART_FONT_PX)
    axis.setLabelsFont(font)
    axis.setTruncateLabels(False)  # "mei" and "aug" rather than "…" in a narrow chart
    axis.setLabelsColor(QColor(colors.muted_text))
    axis.setLinePen(QPen(QColor(colors.secondary_light)))


def _base_chart() -> QChart:
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(0, 10, 6, 0))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


class _ChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setStyleSheet("background: transparent; border: none")
        self.setFrameShape(QChartView.Shape.NoFrame)
        self.setFixedHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


@dataclass(frozen=True)
class BarGroup:
    """One stacked layer: a product group's name, colour and kg per month."""

    label: str
    color: QColor
    values: tuple[Decimal, ...]


class StackedBarChart(_ChartView):
    """kg per month, stacked by product group; the tooltip names month, group and kg."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: tuple[dt.date, ...] = ()
        self.groups: tuple[BarGroup, ...] = ()
        self.series: QStackedBarSeries | None = None
        self.setChart(_base_chart())

    def set_data(
        self,
        months: Sequence[dt.date],
        groups: Sequence[BarGroup],
        *,
        axis_max: float | None = None,
    ) -> None:
        """Draw ``groups`` over ``months``. ``axis_max`` gives several charts one scale."""
        self.months = tuple(months)
        self.groups = tuple(g for g in groups if any(g.values))
        chart = _base_chart()
        series = QStackedBarSeries()
        series.setBarWidth(0.62)
        for group in self.groups:
            bar_set = QBarSet(group.label)
            bar_set.setColor(group.color)
            bar_set.setBorderColor(group.color)
            bar_set.append([float(v) for v in group.values])
            series.append(bar_set)
        series.hovered.connect(self._hovered)
        chart.addSeries(series)
        months_axis = QBarCategoryAxis()
        months_axis.append([month_label(m) for m in self.months])
        _style_axis(months_axis, current_colors())
        months_axis.setGridLineVisible(False)
        chart.addAxis(months_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(months_axis)
        top = axis_max if axis_max is not None else self.largest_total()
        kg_axis = value_axis(top)
        chart.addAxis(kg_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(kg_axis)
        self.series = series
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def totals(self) -> list[Decimal]:
        return [
            sum((g.values[i] for g in self.groups), Decimal(0)) for i in range(len(self.months))
        ]

    def largest_total(self) -> float:
        return float(max(self.totals(), default=Decimal(0)))

    def tooltip(self, index: int, group: int) -> str:
        layer = self.groups[group]
        month = self.months[index]
        total = self.totals()[index]
        return (
            f"{month_and_year(month)}\n{layer.label}: {format_number(layer.values[index])} kg\n"
            f"{self.tr('Totaal')}: {format_number(total)} kg"
        )

    def _hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status or self.series is None:
            QToolTip.hideText()
            return
        group = self.series.barSets().index(bar_set)
        QToolTip.showText(QCursor.pos(), self.tooltip(index, group), self)


class PercentLineChart(_ChartView):
    """A percentage per month on a 0–100 % scale, with a dot on every month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: tuple[dt.date, ...] = ()
        self.values: tuple[Decimal, ...] = ()
        self.notes: tuple[str, ...] = ()
        self.setChart(_base_chart())

    def set_data(
        self, months: Sequence[dt.date], values: Sequence[Decimal],
        notes: Sequence[str] | None = None,
    ) -> None:
        """``notes``: an extra tooltip line per month (e.g. "geen afvoer")."""
        self.months = tuple(months)
        self.values = tuple(values)
        self.notes = tuple(notes) if notes is not None else ("",) * len(self.months)
        colors = current_colors()
        chart = _base_chart()
        line = QLineSeries()
        pen = QPen(QColor(colors.primary))
        pen.setWidthF(2.5)
        line.setPen(pen)
        dots = QScatterSeries()
        dots.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
        dots.setMarkerSize(9)
        dots.setColor(QColor(colors.primary))
        dots.setBorderColor(QColor(colors.card))
        for i, value in enumerate(self.values):
            point = QPointF(i, float(value))
            line.append(point)
            dots.append(point)
        dots.hovered.connect(self._hovered)
        chart.addSeries(line)
        chart.addSeries(dots)
        months_axis = QBarCategoryAxis()
        months_axis.append([month_label(m) for m in self.months])
        _style_axis(months_axis, colors)
        months_axis.setGridLineVisible(False)
        chart.addAxis(months_axis, Qt.AlignmentFlag.AlignBottom)
        percent_axis = value_axis(100, suffix=" %", fixed_max=100)
        chart.addAxis(percent_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (line, dots):
            series.attachAxis(months_axis)
            series.attachAxis(percent_axis)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def tooltip(self, index: int) -> str:
        text = f"{month_and_year(self.months[index])}: {format_number(self.values[index], 1)} %"
        note = self.notes[index]
        return f"{text}\n{note}" if note else text

    def _hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        index = round(point.x())
        if 0 <= index < len(self.months):
            QToolTip.showText(QCursor.pos(), self.tooltip(index), self)


class ChartLegend(QWidget):
    """Colour swatches with their names, in rows of ``columns``."""

    def __init__(self, columns: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.entries: list[tuple[str, QColor]] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)

    def set_entries(self, entries: Sequence[tuple[str, QColor]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.entries = list(entries)
        muted = current_colors().secondary_text
        for n, (label, color) in enumerate(self.entries):
            text = QLabel(
                f'<span style="color:{color.name()}; font-size:15px">■</span>&nbsp;'
                f'<span style="color:{muted}">{html.escape(label)}</span>'
            )
            text.setTextFormat(Qt.TextFormat.RichText)
            self.grid.addWidget(text, n // self.columns, n % self.columns)
        for column in range(self.columns):
            self.grid.setColumnStretch(column, 1)
