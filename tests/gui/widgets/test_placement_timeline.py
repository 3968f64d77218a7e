"""The time line of a worker's placements: where the bars go, and choosing one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPointF, Qt

from kringloopdesk.gui.widgets.placement_timeline import PlacementTimeline, status_colors
from kringloopdesk.services.placements import PlacementInfo

D = dt.date
TODAY = D(2025, 6, 2)


def placement(pid: int, start: dt.date, end: dt.date | None = None, status: str = "actief",
              planned: dt.date | None = None, department: str = "Winkel") -> PlacementInfo:
    return PlacementInfo(
        id=pid, worker_id=1, department=department.lower(), department_label=department,
        partner_id=None, partner_name=None, coach_id=None, coach_name=None, start_date=start,
        planned_end_date=planned, end_date=end, hours_per_week=Decimal(16), status=status,
        outcome="betaald_werk" if end else None, version=1,
    )


def test_bars_follow_the_dates(qtbot) -> None:
    timeline = PlacementTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(800, timeline.sizeHint().height())
    timeline.set_placements([
        placement(2, D(2025, 1, 6), planned=D(2025, 9, 30)),  # running, planned end later
        placement(1, D(2024, 2, 1), D(2024, 12, 31), "afgerond", department="Kassa"),
        placement(3, D(2025, 10, 1), status="gepland", planned=D(2026, 3, 31)),
    ], TODAY)
    assert [p.id for p in timeline.placements] == [1, 2, 3]  # by start date
    ended, running, later = timeline._layout()
    assert ended.planned is None and ended.rect.right() <= running.rect.left() + 1
    assert running.planned is not None  # lighter up to the planned end
    assert abs(running.rect.right() - timeline._x(TODAY + dt.timedelta(days=1),
                                                  *timeline._span())) < 0.01
    assert later.rect.width() == 0 and later.planned is not None
    assert later.planned.left() > running.planned.left()
    assert timeline.bar_at(ended.rect.center()).id == 1
    assert timeline.bar_at(later.planned.center()).id == 3
    assert timeline.bar_at(QPointF(1, 1)) is None
    assert set(status_colors()) == {"gepland", "actief", "gepauzeerd", "afgerond", "gestopt"}
    timeline.grab()  # paints without trouble


def test_choosing_with_mouse_and_keys(qtbot) -> None:
    timeline = PlacementTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(600, timeline.sizeHint().height())
    timeline.set_placements([placement(1, D(2024, 2, 1), D(2024, 12, 31), "afgerond"),
                             placement(2, D(2025, 1, 6))], TODAY)
    timeline.show()
    with qtbot.waitSignal(timeline.placement_selected) as chosen:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton,
                         pos=timeline._layout()[1].rect.center().toPoint())
    assert chosen.args == [2] and timeline.selected().id == 2
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.selected_id == 1
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.selected_id == 1  # stays at the first
    assert "01-02-2024 t/m 31-12-2024" in timeline.tooltip_text(timeline.placements[0])
    assert "Uitstroom: Betaald werk" in timeline.tooltip_text(timeline.placements[0])
    timeline.set_placements([], TODAY)
    assert timeline.selected_id is None
    timeline.grab()
