"""A worker's placements as a time line: one horizontal bar per placement on a line of months
and years, coloured by status, with a mark for today.

Placements of one worker never overlap, so the bars share one lane. A running placement is
solid up to today and lighter up to its planned end (or fades out when it has none). Click a
bar (or use ← and → when the line has the focus) to choose a placement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kringloopdesk.db.codes import OUTCOMES, PLACEMENT_STATUSES
from kringloopdesk.gui.formatting import DUTCH, format_date
from kringloopdesk.gui.theme import current_colors, mix
from kringloopdesk.i18n import current_language
from kringloopdesk.services.placements import PlacementInfo

AXIS_HEIGHT = 20
LANE_HEIGHT = 30
LEGEND_HEIGHT = 20
MARGIN = 12
MIN_SPAN_DAYS = 365


@dataclass(frozen=True)
class _Bar:
    placement: PlacementInfo
    rect: QRectF  # the solid part
    planned: QRectF | None  # the lighter part up to the planned end (running placements)
    open_ended: bool


def status_colors() -> dict[str, str]:
    """The colour of each placement status, in the theme's accent."""
    colors = current_colors()
    return {
        "gepland": colors.primary_light,
        "actief": colors.fill,
        "gepauzeerd": colors.ochre,
        "afgerond": mix(colors.primary, "#8a8f8b", 0.55),
        "gestopt": mix(colors.danger, colors.card, 0.35),
    }


class PlacementTimeline(QWidget):
    placement_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placements: list[PlacementInfo] = []
        self.selected_id: int | None = None
        self.today = dt.date.today()
        self._bars: list[_Bar] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Tijdlijn van de plaatsingen"))

    def sizeHint(self) -> QSize:
        return QSize(600, AXIS_HEIGHT + LANE_HEIGHT + LEGEND_HEIGHT + 10)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    # -- data -------------------------------------------------------------------------------

    def set_placements(self, placements: list[PlacementInfo], today: dt.date | None = None
                       ) -> None:
        self.placements = sorted(placements, key=lambda p: (p.start_date, p.id))
        self.today = today or dt.date.today()
        if self.selected_id not in {p.id for p in self.placements}:
            self.selected_id = None
        self.update()

    def select(self, placement_id: int | None) -> None:
        if placement_id == self.selected_id:
            return
        self.selected_id = placement_id
        self.update()
        if placement_id is not None:
            self.placement_selected.emit(placement_id)

    def selected(self) -> PlacementInfo | None:
        return next((p for p in self.placements if p.id == self.selected_id), None)

    # -- geometry ---------------------------------------------------------------------------

    def _span(self) -> tuple[dt.date, dt.date]:
        if not self.placements:
            return self.today - dt.timedelta(days=MIN_SPAN_DAYS), self.today
        first = min(p.start_date for p in self.placements)
        last = max(
            [self.today]
            + [p.end_date or p.planned_end_date or self.today for p in self.placements]
        )
        first = dt.date(first.year, first.month, 1)
        last = last + dt.timedelta(days=45)
        if (last - first).days < MIN_SPAN_DAYS:
            first = last - dt.timedelta(days=MIN_SPAN_DAYS)
        return first, last

    def _x(self, day: dt.date, first: dt.date, last: dt.date) -> float:
        width = self.width() - 2 * MARGIN
        return MARGIN + width * (day - first).days / max(1, (last - first).days)

    def _layout(self) -> list[_Bar]:
        """Ended: solid from start to end. Running: solid up to today, then lighter up to
        the planned end (or fading out without one). Not started yet: only the lighter part,
        from start to the planned end (or a month)."""
        first, last = self._span()
        top = AXIS_HEIGHT + 4
        day = dt.timedelta(days=1)
        bars = []
        for p in self.placements:
            x0 = self._x(p.start_date, first, last)
            if p.end_date is not None:
                x1 = self._x(p.end_date + day, first, last)
                bars.append(_Bar(p, QRectF(x0, top, max(4.0, x1 - x0), LANE_HEIGHT), None,
                                 False))
                continue
            if p.start_date > self.today:
                until = p.planned_end_date or p.start_date + dt.timedelta(days=30)
                x1 = self._x(until + day, first, last)
                rect = QRectF(x0, top, 0.0, LANE_HEIGHT)
                planned = QRectF(x0, top, max(8.0, x1 - x0), LANE_HEIGHT)
                bars.append(_Bar(p, rect, planned, False))
                continue
            x1 = self._x(self.today + day, first, last)
            rect = QRectF(x0, top, max(4.0, x1 - x0), LANE_HEIGHT)
            planned = None
            if p.planned_end_date is not None and p.planned_end_date > self.today:
                x2 = self._x(p.planned_end_date + day, first, last)
                planned = QRectF(rect.right(), top, max(0.0, x2 - rect.right()), LANE_HEIGHT)
            bars.append(_Bar(p, rect, planned, p.planned_end_date is None))
        self._bars = bars
        return bars

    def bar_at(self, point: QPointF) -> PlacementInfo | None:
        for bar in self._layout():
            whole = bar.rect
            if bar.planned is not None:
                whole = bar.planned if whole.width() == 0 else whole.united(bar.planned)
            if bar.open_ended:
                whole = whole.adjusted(0, 0, 40, 0)
            if whole.contains(point):
                return bar.placement
        return None

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colors = current_colors()
        first, last = self._span()
        self._paint_axis(painter, first, last)
        if not self.placements:
            painter.setPen(QColor(colors.muted_text))
            painter.drawText(
                QRectF(0, AXIS_HEIGHT, self.width(), LANE_HEIGHT + 8),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("Nog geen plaatsingen"),
            )
            painter.end()
            return
        fills = status_colors()
        for bar in self._layout():
            self._paint_bar(painter, bar, fills)
        # Today, over the bars.
        x = self._x(self.today, first, last)
        pen = QPen(QColor(colors.ochre), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, AXIS_HEIGHT - 2), QPointF(x, AXIS_HEIGHT + LANE_HEIGHT + 8))
        self._paint_legend(painter, fills)
        painter.end()

    def _paint_axis(self, painter: QPainter, first: dt.date, last: dt.date) -> None:
        colors = current_colors()
        small = painter.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        baseline = AXIS_HEIGHT + 4 + LANE_HEIGHT / 2
        painter.setPen(QPen(QColor(colors.secondary_light), 1))
        painter.drawLine(QPointF(MARGIN, baseline), QPointF(self.width() - MARGIN, baseline))
        months = (last.year - first.year) * 12 + last.month - first.month
        step = 1 if months <= 14 else 3 if months <= 40 else 6 if months <= 80 else 12
        day = dt.date(first.year, first.month, 1)
        while day <= last:
            x = self._x(day, first, last)
            if x >= MARGIN:
                year_start = day.month == 1
                painter.setPen(QPen(QColor(colors.secondary_light), 1))
                painter.drawLine(QPointF(x, AXIS_HEIGHT - (6 if year_start else 3)),
                                 QPointF(x, AXIS_HEIGHT))
                if (day.month - 1) % step == 0:
                    if year_start or day == dt.date(first.year, first.month, 1):
                        text = str(day.year) if year_start else _month(day) + f" {day.year}"
                        painter.setPen(QColor(colors.secondary_text))
                    else:
                        text = _month(day)
                        painter.setPen(QColor(colors.muted_text))
                    if x + metrics.horizontalAdvance(text) < self.width() - MARGIN:
                        painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 8), text)
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)

    def _paint_bar(self, painter: QPainter, bar: _Bar, fills: dict[str, str]) -> None:
        colors = current_colors()
        p = bar.placement
        fill = QColor(fills.get(p.status, colors.primary))
        selected = p.id == self.selected_id
        outline = QPen(QColor(colors.primary_text), 2)
        radius = 6.0
        solid = bar.rect.width() > 0
        if bar.planned is not None and bar.planned.width() > 0:
            light = QColor(fill)
            light.setAlpha(70)
            border = QColor(colors.primary if p.status == "gepland" else fill)
            painter.setPen(outline if selected and not solid else
                           QPen(border, 1, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(light))
            shape = bar.planned.adjusted(-radius if solid else 0.5, 0.5, -0.5, -0.5)
            painter.drawRoundedRect(shape, radius, radius)
        if bar.open_ended:
            fade = QLinearGradient(bar.rect.right(), 0, bar.rect.right() + 40, 0)
            soft = QColor(fill)
            soft.setAlpha(110)
            fade.setColorAt(0, soft)
            soft.setAlpha(0)
            fade.setColorAt(1, soft)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fade))
            painter.drawRect(QRectF(bar.rect.right() - 1, bar.rect.top(), 40, bar.rect.height()))
        if solid:
            painter.setPen(outline if selected else Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fill))
            painter.drawRoundedRect(bar.rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        overdue = (p.end_date is None and p.planned_end_date is not None
                   and p.start_date <= p.planned_end_date < self.today)
        if overdue:
            first, last = self._span()
            assert p.planned_end_date is not None
            x = self._x(p.planned_end_date + dt.timedelta(days=1), first, last)
            painter.setPen(QPen(QColor(colors.danger), 2))
            painter.drawLine(QPointF(x, bar.rect.top() - 3), QPointF(x, bar.rect.bottom() + 3))
        light_text = solid and p.status in ("actief", "afgerond", "gestopt")
        text_color = "#ffffff" if light_text else colors.primary_text
        area = bar.rect if solid else bar.planned or bar.rect
        metrics = QFontMetrics(painter.font())
        room = int(area.width()) - 12
        if room > 24:
            painter.setPen(QColor(text_color))
            painter.drawText(
                area.adjusted(6, 0, -6, 0),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                metrics.elidedText(p.department_label, Qt.TextElideMode.ElideRight, room),
            )

    def _paint_legend(self, painter: QPainter, fills: dict[str, str]) -> None:
        colors = current_colors()
        present = [code for code in PLACEMENT_STATUSES if any(
            p.status == code for p in self.placements)]
        x = float(MARGIN)
        y = AXIS_HEIGHT + LANE_HEIGHT + 10
        metrics = QFontMetrics(painter.font())
        for code in present:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(fills[code])))
            painter.drawRoundedRect(QRectF(x, y + 3, 10, 10), 2, 2)
            text = PLACEMENT_STATUSES.label(code, current_language())
            painter.setPen(QColor(colors.muted_text))
            painter.drawText(QPointF(x + 14, y + 12), text)
            x += 14 + metrics.horizontalAdvance(text) + 16
        text = self.tr("vandaag")
        painter.setPen(QPen(QColor(colors.ochre), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, y + 3), QPointF(x, y + 13))
        painter.setPen(QColor(colors.muted_text))
        painter.drawText(QPointF(x + 6, y + 12), text)

    # -- interaction ------------------------------------------------------------------------

    def tooltip_text(self, p: PlacementInfo) -> str:
        language = current_language()
        status = PLACEMENT_STATUSES.label(p.status, language)
        if p.end_date is not None:
            period = self.tr("{start} t/m {end}").format(
                start=format_date(p.start_date), end=format_date(p.end_date))
        elif p.planned_end_date is not None:
            period = self.tr("sinds {start}, gepland tot {end}").format(
                start=format_date(p.start_date), end=format_date(p.planned_end_date))
        else:
            period = self.tr("sinds {start}").format(start=format_date(p.start_date))
        text = f"{p.department_label} — {status}\n{period}"
        if p.outcome and p.outcome in OUTCOMES:
            text += "\n" + self.tr("Uitstroom: {outcome}").format(
                outcome=OUTCOMES.label(p.outcome, language))
        elif (p.end_date is None and p.planned_end_date is not None
              and p.planned_end_date < self.today):
            text += "\n" + self.tr("De geplande einddatum is voorbij")
        return text

    def event(self, event) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QHelpEvent.Type.ToolTip:
            placement = self.bar_at(QPointF(event.pos()))
            if placement is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_text(placement), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        placement = self.bar_at(event.position())
        if placement is not None:
            self.select(placement.id)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.bar_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.placements:
            ids = [p.id for p in self.placements]
            if self.selected_id not in ids:
                index = len(ids) - 1
            else:
                step = -1 if event.key() == Qt.Key.Key_Left else 1
                index = max(0, min(len(ids) - 1, ids.index(self.selected_id) + step))
            self.select(ids[index])
            return
        super().keyPressEvent(event)


def _month(day: dt.date) -> str:
    return DUTCH.monthName(day.month, DUTCH.FormatType.ShortFormat).rstrip(".")
