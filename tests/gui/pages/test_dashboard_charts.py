"""The goods part of the dashboard: this year's reuse and CO2 tiles, the monthly charts (Dutch
months, thousands point, one colour per product group, one scale for in and out), the reuse %
line, the empty state, and a refresh when goods change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis
from sqlalchemy import select
from sqlalchemy.orm import Session

from kringloopdesk.db.models import GoodsFlow, ProductGroup
from kringloopdesk.gui.context import GOODS, AppContext
from kringloopdesk.gui.pages.dashboard_page import DashboardPage
from kringloopdesk.gui.widgets.charts import (
    GROUP_COLORS,
    group_color,
    month_and_year,
    nice_step,
    value_axis,
)
from kringloopdesk.services.co2 import get_factor_set, new_version

TODAY = dt.date(2025, 3, 15)
D = dt.date.fromisoformat


def add(session: Session, day: str, direction: str, group: str, kg: str, channel: str) -> None:
    group_id = session.scalar(select(ProductGroup.id).where(ProductGroup.code == group))
    session.add(GoodsFlow(flow_date=D(day), direction=direction, product_group_id=group_id,
                          kg=Decimal(kg), channel=channel))


def fill(ctx: AppContext) -> None:
    with ctx.db.session() as session:
        add(session, "2024-04-02", "in", "meubels", "1200", "brengen")
        add(session, "2024-04-03", "in", "textiel", "300.5", "ophalen")
        add(session, "2024-04-09", "uit", "meubels", "800", "hergebruik")
        add(session, "2024-04-10", "uit", "textiel", "200", "recycling")
        add(session, "2025-01-15", "uit", "meubels", "50", "hergebruik")  # this year
        add(session, "2025-03-01", "in", "fietsen", "12500", "brengen")
        add(session, "2025-03-02", "uit", "fietsen", "150", "hergebruik_online")
        add(session, "2025-03-03", "uit", "fietsen", "100", "restafval")


def page_for(ctx: AppContext, qtbot) -> DashboardPage:
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.load(today=TODAY)
    return page


def axis_labels(chart_view, axis_type) -> list[str]:
    axis = next(a for a in chart_view.chart().axes() if isinstance(a, axis_type))
    if isinstance(axis, QCategoryAxis):
        return axis.categoriesLabels()
    return axis.categories()


def test_the_tiles_show_reuse_and_co2_with_the_set_used(ctx: AppContext, qtbot) -> None:
    fill(ctx)
    page = page_for(ctx, qtbot)
    reused = page.goods_cards["kg_reused_year"]
    assert reused.text() == "200,0 kg"  # 50 + 150 this year
    assert reused.note_label.text() == "66,7 % van de afvoer · sinds 1 januari"  # 200 ÷ 300
    co2 = page.goods_cards["co2_year"]
    assert co2.caption_label.text() == "CO₂ vermeden dit jaar (bkn_tno@1)"
    assert co2.text() == "200,0 kg CO₂-eq"

    # A new version of the default set: the tile follows it after a change to goods.
    with ctx.db.session() as session:
        values = get_factor_set(session, ctx.actor, "bkn_tno").factors()
        new_version(session, ctx.actor, "bkn_tno", {**values, "fietsen": Decimal("5.5")})
    page.show()
    qtbot.waitExposed(page)
    page.load(today=TODAY)
    assert co2.caption_label.text() == "CO₂ vermeden dit jaar (bkn_tno@2)"
    assert co2.text() == "875,0 kg CO₂-eq"  # 50 × 1 + 150 × 5.5


def test_the_monthly_charts(ctx: AppContext, qtbot) -> None:
    fill(ctx)
    page = page_for(ctx, qtbot)
    assert page.trend_title.text() == "Goederen — de laatste 12 maanden (apr 2024 – mrt 2025)"
    assert page.empty_label.isHidden() and not page.trend_box.isHidden()

    months = axis_labels(page.in_chart, QBarCategoryAxis)
    assert months == ["apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec", "jan",
                      "feb", "mrt"]
    # Only the groups with kilos are drawn, each in its own colour, in the list's order.
    in_sets = page.in_chart.series.barSets()
    assert [s.label() for s in in_sets] == ["Meubels", "Textiel", "Fietsen"]
    assert [s.color().name() for s in in_sets] == [
        GROUP_COLORS["meubels"], GROUP_COLORS["textiel"], GROUP_COLORS["fietsen"]]
    assert [in_sets[1].at(i) for i in range(12)] == [300.5] + [0.0] * 11
    assert in_sets[2].at(11) == 12500.0
    out_sets = page.out_chart.series.barSets()
    assert [s.label() for s in out_sets] == ["Meubels", "Textiel", "Fietsen"]
    assert out_sets[0].at(0) == 800.0 and out_sets[0].at(9) == 50.0
    # One scale for both charts, labelled with the thousands point.
    assert axis_labels(page.in_chart, QCategoryAxis) == [
        "0", "5.000", "10.000", "15.000"]
    assert axis_labels(page.out_chart, QCategoryAxis) == axis_labels(page.in_chart, QCategoryAxis)
    assert [label for label, _color in page.legend.entries] == ["Meubels", "Textiel", "Fietsen"]

    assert page.in_chart.tooltip(11, 2) == "maart 2025\nFietsen: 12.500 kg\nTotaal: 12.500 kg"
    assert page.in_chart.tooltip(0, 0) == "april 2024\nMeubels: 1.200 kg\nTotaal: 1.501 kg"

    reuse = page.reuse_chart
    assert [float(v) for v in reuse.values][:3] == [80.0, 0.0, 0.0]
    assert float(reuse.values[9]) == 100.0 and float(reuse.values[11]) == 60.0
    assert reuse.tooltip(0) == "april 2024: 80,0 %\n800 van 1.000 kg afvoer"
    assert reuse.tooltip(1) == "mei 2024: 0,0 %\ngeen afvoer deze maand"
    assert axis_labels(reuse, QCategoryAxis) == ["0 %", "25 %", "50 %", "75 %", "100 %"]


def test_an_empty_shop_says_what_to_do(ctx: AppContext, qtbot) -> None:
    page = page_for(ctx, qtbot)
    assert not page.empty_label.isHidden() and page.trend_box.isHidden()
    assert page.empty_label.text().startswith("Nog geen gewogen goederen — ")
    assert page.goods_cards["kg_reused_year"].text() == "0,0 kg"
    assert page.goods_cards["co2_year"].text() == "0,0 kg CO₂-eq"


def test_the_charts_follow_a_change_to_goods(ctx: AppContext, qtbot) -> None:
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    assert page.trend_box.isHidden()
    with ctx.db.session() as session:
        add(session, dt.date.today().isoformat(), "in", "witgoed", "42", "brengen")
    ctx.hub.changed.emit(frozenset({GOODS}))
    assert not page.trend_box.isHidden()
    assert [s.label() for s in page.in_chart.series.barSets()] == ["Witgoed"]
    assert page.in_chart.series.barSets()[0].at(11) == 42.0


def test_chart_helpers(qapp) -> None:
    assert [nice_step(x) for x in (0, 9, 100, 12_500, 61_234)] == [1, 2.5, 25, 5000, 20000]
    assert month_and_year(D("2025-10-01")) == "oktober 2025"
    assert group_color("meubels", 1).name() == GROUP_COLORS["meubels"]
    assert group_color("eigen_groep", 11) == group_color("eigen_groep", 11)
    assert value_axis(61_234).categoriesLabels() == ["0", "20.000", "40.000", "60.000",
                                                     "80.000"]
