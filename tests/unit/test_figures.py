"""The BKN and Cedris figures: exact values on hand-made shops, and on a demo shop every figure
recomputed independently in plain Python from the raw rows.

The independent recomputation (``expected_*`` below) reads whole tables and uses only Python,
``fractions.Fraction`` and ``zoneinfo``; it never calls kringloopdesk.services.figures.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import kringloopdesk
from kringloopdesk.db.codes import (
    BESTEMMING,
    BKN_GROUPS,
    CEDRIS_REGELINGEN,
    CERTIFICATE_KINDS,
    OUTCOMES,
)
from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import (
    Agreement,
    Certificate,
    Department,
    Doelgroep,
    FactorSet,
    FactorValue,
    GoodsFlow,
    HourEntry,
    Partner,
    Placement,
    ProductGroup,
    SafetyTest,
    ShopProfile,
    TaggedItem,
    Worker,
)
from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.services import figures as fig
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.demo import generate_demo
from kringloopdesk.services.figures import (
    CSV_HEADER,
    DEFINITIONS,
    FactorSetRef,
    Figure,
    Period,
    bkn_figures,
    cedris_figures,
    figure_map,
    figures_as_rows,
    format_value,
    rounded,
)

YEAR = Period.year(2025)
UTC = dt.UTC
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
D = dt.date


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def values(figures: list[Figure]) -> dict[tuple[str, str], Decimal | int | str]:
    return {(f.indicator, f.categorie): f.waarde for f in figures}


def texts(figures: list[Figure]) -> dict[tuple[str, str], str]:
    return {(f.indicator, f.categorie): format_value(f) for f in figures}


# --- a hand-made shop --------------------------------------------------------------------------


class ShopBuilder:
    """Rows with known values, added through the ORM."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.groups = dict(session.execute(select(ProductGroup.code, ProductGroup.id)).all())
        self.doelgroepen = dict(session.execute(select(Doelgroep.code, Doelgroep.id)).all())
        self.department = session.scalar(select(Department.id).where(Department.code == "winkel"))
        self._numbers = itertools.count(1)
        self._agreement: int | None = None

    def add(self, row: object) -> object:
        self.session.add(row)
        self.session.flush()
        return row

    def flow(self, day: str, direction: str, group: str, kg: str, channel: str) -> None:
        self.add(GoodsFlow(flow_date=d(day), direction=direction,
                           product_group_id=self.groups[group], kg=Decimal(kg), channel=channel))

    def worker(self, doelgroep: str) -> int:
        n = next(self._numbers)
        worker = Worker(number=f"T-{n:04d}", first_name="Test", last_name=f"Persoon {n}",
                        doelgroep_id=self.doelgroepen[doelgroep], start_date=D(2020, 1, 1))
        return self.add(worker).id

    def placement(self, worker: int, start: str, end: str | None = None,
                  outcome: str | None = None) -> int:
        placement = Placement(
            worker_id=worker, department_id=self.department, start_date=d(start),
            end_date=d(end) if end else None, outcome=outcome, hours_per_week=Decimal(16),
            status="afgerond" if end else "actief",
        )
        return self.add(placement).id

    def hours(self, placement: int, day: str, hours: str) -> None:
        self.add(HourEntry(placement_id=placement, entry_date=d(day), hours=Decimal(hours)))

    def certificate(self, issued_at: dt.datetime, *, placement: int | None = None,
                    revoked: bool = False) -> None:
        n = next(self._numbers)
        if placement is None and self._agreement is None:
            partner = self.add(Partner(name="Amfors", kind="sw_bedrijf"))
            self._agreement = self.add(Agreement(partner_id=partner.id, title="Samen")).id
        self.add(Certificate(
            serial=f"KAL-{issued_at.year}-{n:04d}", verification_code=f"V{n:06d}",
            kind="samenwerking" if placement is None else "deelname", year=issued_at.year,
            sequence=n, agreement_id=self._agreement if placement is None else None,
            placement_id=placement, issued_at=issued_at, content_hash="0" * 64,
            revoked_at=issued_at + dt.timedelta(days=30) if revoked else None,
            revoke_reason="Fout in de naam" if revoked else None,
        ))

    def item(self, *tests: tuple[str, bool]) -> None:
        """A tagged item with safety tests, entered in the order given (ids ascending)."""
        n = next(self._numbers)
        item = self.add(TaggedItem(
            item_number=f"A-{n:06d}", product_group_id=self.groups["witgoed"],
            description="Wasmachine", intake_date=D(2024, 1, 1), electrical=True,
        ))
        for day, passed in tests:
            self.add(SafetyTest(item_id=item.id, test_date=d(day), protection_class="I",
                                visual_ok=True, functional_ok=passed, passed=passed))


@pytest.fixture
def shop(shop_db: Database) -> Database:
    """A shop with flows, people, hours, certificates and tests around the edges of 2025."""
    with shop_db.session() as session:
        b = ShopBuilder(session)
        # intake: the day before, the first day, the last day, the day after
        b.flow("2024-12-31", "in", "meubels", "10", "brengen")
        b.flow("2025-01-01", "in", "meubels", "1.234", "brengen")
        b.flow("2025-12-31", "in", "meubels", "2.001", "ontruiming")
        b.flow("2025-06-15", "in", "textiel", "0.001", "ophalen")
        b.flow("2026-01-01", "in", "textiel", "5", "brengen")
        # outflow: 1.600 kg in 2025
        b.flow("2024-12-31", "uit", "meubels", "100", "hergebruik")
        b.flow("2025-01-01", "uit", "meubels", "1", "hergebruik")
        b.flow("2025-12-31", "uit", "textiel", "0.1", "hergebruik_online")
        b.flow("2025-03-03", "uit", "witgoed", "0.3", "recycling")
        b.flow("2025-04-04", "uit", "meubels", "0.1", "restafval")
        b.flow("2025-05-05", "uit", "textiel", "0.1", "export")
        b.flow("2026-01-01", "uit", "meubels", "100", "restafval")

        w1 = b.worker("wsw")  # arbeidsuitdaging / wsw
        p1a = b.placement(w1, "2024-03-01", "2024-12-31", "andere_plek")  # ends the day before
        p1b = b.placement(w1, "2025-01-01")  # starts on the first day, open-ended
        w2 = b.worker("participatiewet")  # zonder_werk / participatiewet
        p2 = b.placement(w2, "2024-06-01", "2025-01-01", "betaald_werk")  # ends on the first day
        w3 = b.worker("uwv")  # zonder_werk / overig
        p3 = b.placement(w3, "2025-12-31")  # starts on the last day
        w4 = b.worker("leerwerk")  # opleiding / overig
        b.placement(w4, "2026-01-01")  # starts the day after
        w5 = b.worker("regulier")  # regulier / not counted for Cedris
        p5 = b.placement(w5, "2024-01-01", "2025-06-30", "andere_plek")
        b.placement(w5, "2025-07-01")
        w6 = b.worker("vrijwilliger")  # vrijwilliger / overig
        p6 = b.placement(w6, "2024-01-01", "2026-03-31", "uitval")  # spans the year
        w7 = b.worker("dagbesteding")  # arbeidsuitdaging / dagbesteding
        p7 = b.placement(w7, "2025-03-01", "2025-12-31", "opleiding")  # ends on the last day
        w8 = b.worker("taakstraf")  # halt_reclassering / overig
        p8 = b.placement(w8, "2025-02-01", "2025-02-28", "uitval")
        w9 = b.worker("inburgering")  # veiligheid / overig
        b.placement(w9, "2023-01-01", "2023-12-31", "onbekend")

        b.hours(p1a, "2024-12-31", "8")
        b.hours(p1b, "2025-01-01", "2.25")
        b.hours(p2, "2024-12-31", "3")
        b.hours(p2, "2025-01-01", "4.5")
        b.hours(p3, "2025-12-31", "1.25")
        b.hours(p3, "2026-01-01", "7")
        b.hours(p5, "2025-06-30", "7.75")
        b.hours(p6, "2025-05-05", "0.01")
        b.hours(p8, "2025-02-10", "3.33")

        # 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam
        b.certificate(dt.datetime(2024, 12, 31, 23, 30, tzinfo=UTC), placement=p7)  # counts
        b.certificate(dt.datetime(2024, 12, 31, 22, 30, tzinfo=UTC), placement=p7)  # 2024
        b.certificate(dt.datetime(2025, 12, 31, 22, 59, tzinfo=UTC))  # 23:59, counts
        b.certificate(dt.datetime(2025, 12, 31, 23, 30, tzinfo=UTC))  # 2026
        b.certificate(dt.datetime(2025, 6, 15, 10, 0, tzinfo=UTC), revoked=True)
        b.certificate(dt.datetime(2025, 5, 1, 10, 0, tzinfo=UTC), placement=p7, revoked=True)
        b.certificate(dt.datetime(2025, 7, 1, 10, 0, tzinfo=UTC), placement=p5)  # regulier
        b.certificate(dt.datetime(2025, 8, 1, 10, 0, tzinfo=UTC), placement=p2)  # counts

        b.item(("2025-03-01", False), ("2025-03-02", True))  # fail then pass: passed
        b.item(("2025-03-01", True), ("2025-03-05", False))  # pass then fail: not passed
        b.item(("2024-12-31", True), ("2025-01-01", False), ("2026-01-01", True))  # not passed
        b.item(("2025-12-31", True), ("2025-12-31", False))  # same day, last entered fails
        b.item(("2025-12-31", False), ("2025-12-31", True))  # same day, last entered passes
        b.item(("2024-12-31", False))  # not tested in 2025
        b.item(("2025-06-01", True), ("2026-01-01", False))  # passed in 2025
    return shop_db


def bkn(db: Database, period: Period = YEAR, **options: object) -> list[Figure]:
    with db.read_session() as session:
        return bkn_figures(session, period, **options)


def cedris(db: Database, period: Period = YEAR, **options: object) -> list[Figure]:
    with db.read_session() as session:
        return cedris_figures(session, period, **options)


GROUPS = ("meubels", "textiel", "witgoed", "klein_elektrisch", "ict_elektronica", "kleingoed",
          "boeken_media", "speelgoed", "fietsen", "overig")
METADATA_KEYS = [(name, "") for name in
                 ("winkel", "periode_van", "periode_tot", "co2_factorset", "app_versie")]


def test_bkn_rows_and_their_order(shop: Database) -> None:
    expected = [
        *METADATA_KEYS,
        *[("ingezameld_kg", g) for g in GROUPS], ("ingezameld_kg", "totaal"),
        *[("afgevoerd_kg", b) for b in BESTEMMING],
        *[("afgevoerd_kg", f"{b}/{g}") for b in BESTEMMING for g in GROUPS],
        ("afgevoerd_kg", "totaal"),
        ("hergebruik_pct", "totaal"), ("recycling_pct", "totaal"), ("restafval_pct", "totaal"),
        ("export_pct", "totaal"),
        *[("co2_vermeden_kg", g) for g in GROUPS], ("co2_vermeden_kg", "totaal"),
        *[("medewerkers", g) for g in BKN_GROUPS], ("medewerkers", "totaal"),
        *[("uren", g) for g in BKN_GROUPS], ("uren", "totaal"),
        ("elektra_getest", "totaal"), ("elektra_goedgekeurd", "totaal"),
    ]
    rows = bkn(shop)
    assert [(f.indicator, f.categorie) for f in rows] == expected
    assert len(expected) == 5 + 11 + 56 + 4 + 11 + 16 + 2
    units = {f.indicator: f.eenheid for f in rows}
    assert units == {
        "winkel": "", "periode_van": "", "periode_tot": "", "co2_factorset": "",
        "app_versie": "", "ingezameld_kg": "kg", "afgevoerd_kg": "kg", "hergebruik_pct": "%",
        "recycling_pct": "%", "restafval_pct": "%", "export_pct": "%", "co2_vermeden_kg": "kg",
        "medewerkers": "personen", "uren": "uur", "elektra_getest": "aantal",
        "elektra_goedgekeurd": "aantal",
    }


def test_cedris_rows_and_their_order(shop: Database) -> None:
    expected = [
        *METADATA_KEYS,
        *[("medewerkers", r) for r in CEDRIS_REGELINGEN], ("medewerkers", "totaal"),
        *[("uren", r) for r in CEDRIS_REGELINGEN], ("uren", "totaal"),
        ("plaatsingen_gestart", "totaal"),
        *[("plaatsingen_beeindigd", o) for o in OUTCOMES], ("plaatsingen_beeindigd", "totaal"),
        ("uitstroom_betaald_werk_pct", "totaal"),
        ("certificaten_uitgegeven", "samenwerking"), ("certificaten_uitgegeven", "deelname"),
        ("certificaten_uitgegeven", "totaal"),
    ]
    assert [(f.indicator, f.categorie) for f in cedris(shop)] == expected


def test_metadata_rows(shop: Database) -> None:
    for rows in (bkn(shop), cedris(shop)):
        assert figures_as_rows(rows[:5]) == [
            ("winkel", "", "Kringloop Amersfoort-Leusden", ""),
            ("periode_van", "", "2025-01-01", ""),
            ("periode_tot", "", "2025-12-31", ""),
            ("co2_factorset", "", "bkn_tno@1", ""),
            ("app_versie", "", kringloopdesk.__version__, ""),
        ]
    rows = cedris(shop, shop_name="Kringloop Leusden", app_version="9.9.9",
                  factor_set=FactorSetRef("restart_wrap", 1))
    assert [f.waarde for f in rows[:5]] == [
        "Kringloop Leusden", "2025-01-01", "2025-12-31", "restart_wrap@1", "9.9.9"]


def test_goods_on_the_period_boundaries(shop: Database) -> None:
    got = texts(bkn(shop))
    assert got["ingezameld_kg", "meubels"] == "3,235"
    assert got["ingezameld_kg", "textiel"] == "0,001"
    assert got["ingezameld_kg", "speelgoed"] == "0,000"  # no flows at all: still a row
    assert got["ingezameld_kg", "totaal"] == "3,236"
    assert got["afgevoerd_kg", "hergebruik"] == "1,000"
    assert got["afgevoerd_kg", "hergebruik_online"] == "0,100"
    assert got["afgevoerd_kg", "recycling"] == "0,300"
    assert got["afgevoerd_kg", "restafval"] == "0,100"
    assert got["afgevoerd_kg", "export"] == "0,100"
    assert got["afgevoerd_kg", "hergebruik/meubels"] == "1,000"
    assert got["afgevoerd_kg", "hergebruik/textiel"] == "0,000"
    assert got["afgevoerd_kg", "hergebruik_online/textiel"] == "0,100"
    assert got["afgevoerd_kg", "restafval/meubels"] == "0,100"
    assert got["afgevoerd_kg", "export/textiel"] == "0,100"
    assert got["afgevoerd_kg", "totaal"] == "1,600"
    got_values = values(bkn(shop))
    assert got_values["ingezameld_kg", "totaal"] == Decimal("3.236")
    assert got_values["afgevoerd_kg", "totaal"] == Decimal("1.6")


def test_percentages_round_half_up(shop: Database) -> None:
    rows = bkn(shop)
    got, exact = texts(rows), values(rows)
    # 1.1 / 1.6 = 68.75 %, 0.3 / 1.6 = 18.75 %, 0.1 / 1.6 = 6.25 % (half even would give 6,2)
    assert exact["hergebruik_pct", "totaal"] == Decimal("68.75")
    assert got["hergebruik_pct", "totaal"] == "68,8"
    assert got["recycling_pct", "totaal"] == "18,8"
    assert got["restafval_pct", "totaal"] == "6,3"
    assert got["export_pct", "totaal"] == "6,3"


def test_co2_with_the_default_and_another_factor_set(shop: Database) -> None:
    got = texts(bkn(shop))
    assert got["co2_vermeden_kg", "meubels"] == "1,0"
    assert got["co2_vermeden_kg", "textiel"] == "0,1"
    assert got["co2_vermeden_kg", "witgoed"] == "0,0"  # recycled, not reused
    assert got["co2_vermeden_kg", "totaal"] == "1,1"
    rows = bkn(shop, factor_set=FactorSetRef("restart_wrap", 1))
    got, exact = texts(rows), values(rows)
    assert exact["co2_vermeden_kg", "meubels"] == Decimal("1.45")
    assert exact["co2_vermeden_kg", "textiel"] == Decimal("1.35")
    assert got["co2_vermeden_kg", "meubels"] == "1,5"
    assert got["co2_vermeden_kg", "textiel"] == "1,4"
    # the rounded exact sum 2.80, not the sum of the rounded rows (2,9)
    assert got["co2_vermeden_kg", "totaal"] == "2,8"
    assert got["co2_factorset", ""] == "restart_wrap@1"


def test_a_group_without_a_factor_in_the_set_counts_zero(shop: Database) -> None:
    with shop.session() as session:
        factor_set = FactorSet(code="eigen", version=2, name="Alleen meubels")
        session.add(factor_set)
        session.flush()
        meubels = session.scalar(select(ProductGroup.id).where(ProductGroup.code == "meubels"))
        session.add(FactorValue(factor_set_id=factor_set.id, product_group_id=meubels,
                                factor=Decimal("2.5")))
    got = texts(bkn(shop, factor_set=FactorSetRef.parse("eigen@2")))
    assert got["co2_vermeden_kg", "meubels"] == "2,5"
    assert got["co2_vermeden_kg", "textiel"] == "0,0"
    assert got["co2_vermeden_kg", "totaal"] == "2,5"
    assert got["co2_factorset", ""] == "eigen@2"


def test_unknown_or_missing_factor_set(shop: Database) -> None:
    with pytest.raises(ValidationError, match="bkn_tno@7"):
        bkn(shop, factor_set=FactorSetRef("bkn_tno", 7))
    with pytest.raises(ValidationError):
        FactorSetRef.parse("bkn_tno")
    assert FactorSetRef.parse(" restart_wrap@12 ") == FactorSetRef("restart_wrap", 12)
    assert str(FactorSetRef("bkn_tno", 1)) == "bkn_tno@1"
    with shop.session() as session:
        for factor_set in session.scalars(select(FactorSet)):
            factor_set.is_default = False
    with pytest.raises(UserError, match="standaard"):
        bkn(shop)
    # The Cedris export holds no CO2 figure: it still works, with an empty factor set row.
    assert values(cedris(shop))["co2_factorset", ""] == ""
    assert values(bkn(shop, factor_set=FactorSetRef("bkn_tno", 1)))["co2_factorset", ""] == (
        "bkn_tno@1")


def test_inactive_and_reordered_product_groups_keep_their_rows(shop: Database) -> None:
    with shop.session() as session:
        session.add(ProductGroup(code="antiek", label_nl="Antiek", label_en="Antiques",
                                 sort_order=0))
        session.add(ProductGroup(code="zzz_oud", label_nl="Oud", label_en="Old", sort_order=99,
                                 active=False))
    rows = bkn(shop)
    intake = [f.categorie for f in rows if f.indicator == "ingezameld_kg"]
    assert intake == ["antiek", *GROUPS, "zzz_oud", "totaal"]
    got = texts(rows)
    assert got["ingezameld_kg", "zzz_oud"] == "0,000"
    assert got["afgevoerd_kg", "export/zzz_oud"] == "0,000"
    assert got["co2_vermeden_kg", "antiek"] == "0,0"


def test_workers_and_hours_by_bkn_group(shop: Database) -> None:
    got = texts(bkn(shop))
    assert {g: got["medewerkers", g] for g in (*BKN_GROUPS, "totaal")} == {
        "zonder_werk": "2",  # ended on the first day; started on the last day
        "arbeidsuitdaging": "2",  # started on the first day; ended on the last day
        "opleiding": "0",  # starts the day after
        "veiligheid": "0",  # placement in 2023 only
        "halt_reclassering": "1",
        "vrijwilliger": "1",  # placement spanning the whole year
        "regulier": "1",  # two placements in the year: one person
        "totaal": "7",
    }
    assert {g: got["uren", g] for g in (*BKN_GROUPS, "totaal")} == {
        "zonder_werk": "5,75",
        "arbeidsuitdaging": "2,25",
        "opleiding": "0,00",
        "veiligheid": "0,00",
        "halt_reclassering": "3,33",
        "vrijwilliger": "0,01",
        "regulier": "7,75",
        "totaal": "19,09",
    }
    assert values(bkn(shop))["medewerkers", "totaal"] == 7


def test_safety_tests(shop: Database) -> None:
    got = values(bkn(shop))
    assert got["elektra_getest", "totaal"] == 6
    assert got["elektra_goedgekeurd", "totaal"] == 3
    # 2026: two items tested (on 1 January), one of them passed
    got = values(bkn(shop, Period.year(2026)))
    assert (got["elektra_getest", "totaal"], got["elektra_goedgekeurd", "totaal"]) == (2, 1)


def test_cedris_figures(shop: Database) -> None:
    got = texts(cedris(shop))
    assert {r: got["medewerkers", r] for r in (*CEDRIS_REGELINGEN, "totaal")} == {
        "wsw": "1", "beschut_werk": "0", "banenafspraak": "0", "participatiewet": "1",
        "dagbesteding": "1", "overig": "3", "totaal": "6",  # regulier left out
    }
    assert {r: got["uren", r] for r in (*CEDRIS_REGELINGEN, "totaal")} == {
        "wsw": "2,25", "beschut_werk": "0,00", "banenafspraak": "0,00",
        "participatiewet": "4,50", "dagbesteding": "0,00", "overig": "4,59", "totaal": "11,34",
    }
    # started on the first day, on the last day, in between (twice); not the regulier one
    assert got["plaatsingen_gestart", "totaal"] == "4"
    assert {o: got["plaatsingen_beeindigd", o] for o in (*OUTCOMES, "totaal")} == {
        "betaald_werk": "1", "opleiding": "1", "andere_plek": "0", "dagbesteding": "0",
        "uitval": "1", "onbekend": "0", "totaal": "3",
    }
    assert got["uitstroom_betaald_werk_pct", "totaal"] == "33,3"
    exact = values(cedris(shop))["uitstroom_betaald_werk_pct", "totaal"]
    assert abs(Fraction(exact) - Fraction(100, 3)) < Fraction(1, 10**30)
    assert {k: got["certificaten_uitgegeven", k] for k in (*CERTIFICATE_KINDS, "totaal")} == {
        "samenwerking": "1", "deelname": "2", "totaal": "3"}


def test_certificates_by_the_amsterdam_calendar_in_summer(shop_db: Database) -> None:
    with shop_db.session() as session:
        b = ShopBuilder(session)
        b.certificate(dt.datetime(2025, 6, 30, 21, 59, tzinfo=UTC))  # 23:59 CEST on 30 June
        b.certificate(dt.datetime(2025, 6, 30, 22, 0, tzinfo=UTC))  # 00:00 CEST on 1 July
        b.certificate(dt.datetime(2025, 7, 31, 21, 59, 59, tzinfo=UTC))  # 23:59:59 on 31 July
        b.certificate(dt.datetime(2025, 7, 31, 22, 0, tzinfo=UTC))  # 1 August
    july = Period(D(2025, 7, 1), D(2025, 7, 31))
    assert values(cedris(shop_db, july))["certificaten_uitgegeven", "totaal"] == 2
    june = Period(D(2025, 6, 30), D(2025, 6, 30))
    assert values(cedris(shop_db, june))["certificaten_uitgegeven", "samenwerking"] == 1


def test_an_empty_period_gives_zeros(shop: Database) -> None:
    # (not a later year: the open-ended placements are still active then)
    rows = bkn(shop, Period.year(2019)) + cedris(shop, Period.year(2019))
    figures = [r for r in rows if r.eenheid]
    assert figures and all(not f.waarde for f in figures)
    got = texts(rows)
    assert got["hergebruik_pct", "totaal"] == "0,0"
    assert got["uitstroom_betaald_werk_pct", "totaal"] == "0,0"
    assert got["afgevoerd_kg", "totaal"] == "0,000"
    assert got["uren", "totaal"] == "0,00"
    assert got["co2_vermeden_kg", "totaal"] == "0,0"
    assert got["medewerkers", "totaal"] == "0"


def test_single_day_period(shop: Database) -> None:
    day = Period(D(2025, 1, 1), D(2025, 1, 1))
    got = texts(bkn(shop, day))
    assert got["ingezameld_kg", "totaal"] == "1,234"
    assert got["afgevoerd_kg", "totaal"] == "1,000"
    assert got["hergebruik_pct", "totaal"] == "100,0"
    assert got["uren", "totaal"] == "6,75"
    assert got["medewerkers", "totaal"] == "4"  # w1, w2, w5, w6
    got = texts(cedris(shop, day))
    assert got["plaatsingen_beeindigd", "betaald_werk"] == "1"
    assert got["uitstroom_betaald_werk_pct", "totaal"] == "100,0"
    assert got["certificaten_uitgegeven", "deelname"] == "1"


def test_shop_name_comes_from_the_profile(shop: Database) -> None:
    with shop.session() as session:
        session.get(ShopProfile, 1).name = "Kringloop 't Hof; Ede"
    assert values(bkn(shop))["winkel", ""] == "Kringloop 't Hof; Ede"
    assert values(bkn(shop, shop_name="Anders"))["winkel", ""] == "Anders"


# --- period, formatting, definitions -------------------------------------------------------------


def test_period() -> None:
    assert Period.year(2024) == Period(D(2024, 1, 1), D(2024, 12, 31))
    assert Period.year(2024).days == 366
    assert D(2024, 12, 31) in Period.year(2024)
    assert D(2025, 1, 1) not in Period.year(2024)
    assert Period(D(2025, 3, 1), D(2025, 3, 1)).days == 1
    with pytest.raises(ValidationError, match="2025-03-02"):
        Period(D(2025, 3, 2), D(2025, 3, 1))
    with pytest.raises(TypeError):
        Period(dt.datetime(2025, 1, 1), D(2025, 3, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("indicator", "eenheid", "waarde", "text"),
    [
        ("hergebruik_pct", "%", Decimal("2.25"), "2,3"),
        ("hergebruik_pct", "%", Decimal("2.35"), "2,4"),
        ("hergebruik_pct", "%", Decimal("0.05"), "0,1"),
        ("hergebruik_pct", "%", Decimal("0.0499999999999"), "0,0"),
        ("hergebruik_pct", "%", Decimal(0), "0,0"),
        ("hergebruik_pct", "%", Decimal(100), "100,0"),
        ("export_pct", "%", Decimal("66.66666666666666666666666666666666666667"), "66,7"),
        ("ingezameld_kg", "kg", Decimal("0.0005"), "0,001"),
        ("ingezameld_kg", "kg", Decimal("1234567.891"), "1234567,891"),
        ("ingezameld_kg", "kg", Decimal("12"), "12,000"),
        ("afgevoerd_kg", "kg", Decimal("0"), "0,000"),
        ("co2_vermeden_kg", "kg", Decimal("1234567.8905"), "1234567,9"),
        ("co2_vermeden_kg", "kg", Decimal("0.05"), "0,1"),
        ("co2_vermeden_kg", "kg", Decimal("17.85"), "17,9"),
        ("uren", "uur", Decimal("2.345"), "2,35"),
        ("uren", "uur", Decimal("1000"), "1000,00"),
        ("medewerkers", "personen", 12, "12"),
        ("plaatsingen_gestart", "aantal", 0, "0"),
        ("certificaten_uitgegeven", "aantal", 1234567, "1234567"),
        ("iets_anders_kg", "kg", Decimal("1.2345"), "1,235"),  # unknown indicator: by unit
        ("iets_anders", "aantal", Decimal("2.5"), "3"),
        ("iets_anders", "uur", 3, "3,00"),
        ("winkel", "", "Kringloop 1.5; Amersfoort", "Kringloop 1.5; Amersfoort"),
    ],
)
def test_format_value(indicator: str, eenheid: str, waarde: Decimal | int | str, text: str
                      ) -> None:
    figure = Figure(indicator, "totaal", waarde, eenheid)
    assert format_value(figure) == text
    assert figure.text == text
    number = rounded(figure)
    if isinstance(waarde, str):
        assert number == waarde
    elif "," in text:
        assert isinstance(number, Decimal) and str(number) == text.replace(",", ".")
    else:
        assert type(number) is int and str(number) == text


def test_format_value_refuses_what_is_not_a_number() -> None:
    with pytest.raises(TypeError):
        format_value(Figure("uren", "totaal", 1.5, "uur"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_value(Figure("medewerkers", "totaal", True, "personen"))
    with pytest.raises(ValueError):
        format_value(Figure("uren", "totaal", Decimal("NaN"), "uur"))


def test_rows_for_the_writers(shop: Database) -> None:
    rows = figures_as_rows(bkn(shop))
    assert CSV_HEADER == ("indicator", "categorie", "waarde", "eenheid")
    assert rows[5] == ("ingezameld_kg", "meubels", "3,235", "kg")
    assert all(len(row) == 4 and all(isinstance(v, str) for v in row) for row in rows)
    assert all("." not in row[2] for row in rows[5:])
    by_key = figure_map(bkn(shop))
    assert by_key["uren", "totaal"].waarde == Decimal("19.09")


def test_every_indicator_has_a_definition(shop: Database) -> None:
    indicators = {f.indicator for f in bkn(shop) + cedris(shop)}
    assert indicators == set(DEFINITIONS)
    assert all(text.strip() for text in DEFINITIONS.values())


def test_amsterdam_midnight_without_a_time_zone_database() -> None:
    """The fallback for Windows without tzdata agrees with zoneinfo on every day."""
    day = D(2019, 1, 1)
    while day <= D(2031, 12, 31):
        expected = dt.datetime.combine(day, dt.time(), AMSTERDAM).astimezone(UTC)
        assert fig._eu_day_start_utc(day) == expected, day
        assert fig.local_day_start_utc(day) == expected
        day += dt.timedelta(days=1)


# --- a demo shop, every figure recomputed independently ---------------------------------------

TODAY = D(2026, 6, 30)
DEMO_PERIODS = (
    Period(D(2025, 7, 1), D(2026, 6, 30)),  # all of the demo's year
    Period.year(2025),  # the second half of it
    Period(D(2025, 10, 26), D(2025, 11, 30)),  # from the end of summer time
    Period(D(2026, 3, 29), D(2026, 3, 29)),  # one day: the start of summer time
    Period(D(2026, 1, 1), D(2026, 1, 31)),
    Period.year(2030),  # nothing at all
)


def add_demo_certificates(session: Session, rng: random.Random) -> None:
    """The demo writes no certificates: add some, many of them near midnight in Amsterdam."""
    placements = list(session.scalars(select(Placement.id).order_by(Placement.id)))
    agreements = list(session.scalars(select(Agreement.id).order_by(Agreement.id)))
    sequence = itertools.count(1)
    # Just inside and just outside every period's first and last day, then anywhere.
    edges = [
        dt.datetime.combine(day, dt.time(), AMSTERDAM) + dt.timedelta(minutes=minutes)
        for period in DEMO_PERIODS
        for day in (period.start - dt.timedelta(days=1), period.start, period.end,
                    period.end + dt.timedelta(days=1))
        for minutes in (30, 23 * 60 + 30)
    ]
    for n in range(200):
        if n < len(edges):
            local = edges[n]
        else:
            day = D(2025, 6, 1) + dt.timedelta(days=rng.randint(0, 420))
            local = dt.datetime.combine(day, dt.time(), AMSTERDAM) + dt.timedelta(
                minutes=rng.choice((0, 1, 30, 59, 60, 600, 23 * 60 + 30, 23 * 60 + 59)))
        issued = local.astimezone(UTC)
        kind = rng.choice(("samenwerking", "deelname", "deelname"))
        revoked = rng.random() < 0.15
        session.add(Certificate(
            serial=f"KAL-{issued.year}-{n:04d}", verification_code=f"DEMO{n:05d}", kind=kind,
            year=issued.year, sequence=next(sequence),
            agreement_id=rng.choice(agreements) if kind == "samenwerking" else None,
            placement_id=rng.choice(placements) if kind == "deelname" else None,
            issued_at=issued, content_hash="0" * 64,
            revoked_at=issued + dt.timedelta(days=3) if revoked else None,
            revoke_reason="Vervangen" if revoked else None,
        ))
    session.flush()


def add_same_day_retests(session: Session, rng: random.Random) -> None:
    """A second test on the day of an item's last test, with the other result: the later
    entry (higher id) decides."""
    last: dict[int, SafetyTest] = {}
    for test in session.scalars(select(SafetyTest).order_by(SafetyTest.id)):
        last[test.item_id] = test
    for test in rng.sample(sorted(last.values(), key=lambda t: t.id), k=min(12, len(last))):
        session.add(SafetyTest(
            item_id=test.item_id, test_date=test.test_date, protection_class="II",
            visual_ok=True, functional_ok=not test.passed, passed=not test.passed,
        ))
    session.flush()


@pytest.fixture
def demo(shop_db: Database, beheerder: Actor) -> Database:
    with shop_db.session() as session:
        generate_demo(session, beheerder, scale="small", seed=4242, today=TODAY)
        add_demo_certificates(session, random.Random(4242))
        add_same_day_retests(session, random.Random(4243))
        # One product group without a single flow, and an extra factor set with a gap.
        session.add(ProductGroup(code="antiek", label_nl="Antiek", label_en="Antiques",
                                 sort_order=5, active=False))
        factor_set = FactorSet(code="proef", version=3, name="Proef")
        session.add(factor_set)
        session.flush()
        for gid, code in session.execute(select(ProductGroup.id, ProductGroup.code)):
            if code not in ("textiel", "antiek"):
                session.add(FactorValue(factor_set_id=factor_set.id, product_group_id=gid,
                                        factor=Decimal(len(code) * 1237 % 9973).scaleb(-4)))
    return shop_db


class RawShop:
    """Every row the figures are made of, loaded as plain tuples."""

    def __init__(self, session: Session) -> None:
        self.shop_name = session.execute(select(ShopProfile.name)).scalar_one()
        self.groups = [code for _order, code in sorted(
            session.execute(select(ProductGroup.sort_order, ProductGroup.code)).all())]
        self.group_code = dict(session.execute(select(ProductGroup.id, ProductGroup.code)).all())
        self.flows = session.execute(select(
            GoodsFlow.flow_date, GoodsFlow.direction, GoodsFlow.product_group_id,
            GoodsFlow.channel, GoodsFlow.kg)).all()
        doelgroep = {
            gid: (bkn, cedris) for gid, bkn, cedris in session.execute(
                select(Doelgroep.id, Doelgroep.bkn_group, Doelgroep.cedris_regeling))
        }
        self.worker_groups = {
            wid: doelgroep[gid]
            for wid, gid in session.execute(select(Worker.id, Worker.doelgroep_id))
        }
        self.placements = session.execute(select(
            Placement.id, Placement.worker_id, Placement.start_date, Placement.end_date,
            Placement.outcome)).all()
        self.placement_worker = {p.id: p.worker_id for p in self.placements}
        self.hours = session.execute(select(
            HourEntry.placement_id, HourEntry.entry_date, HourEntry.hours)).all()
        self.certificates = session.execute(select(
            Certificate.kind, Certificate.placement_id, Certificate.issued_at,
            Certificate.revoked_at)).all()
        self.tests = session.execute(select(
            SafetyTest.id, SafetyTest.item_id, SafetyTest.test_date, SafetyTest.passed)).all()
        sets = session.execute(select(
            FactorSet.id, FactorSet.code, FactorSet.version, FactorSet.is_default)).all()
        self.factor_sets = {(code, version): sid for sid, code, version, _default in sets}
        self.default_set = next((code, v) for _sid, code, v, default in sets if default)
        self.factors: dict[int, dict[int, Decimal]] = defaultdict(dict)
        for sid, gid, factor in session.execute(select(
                FactorValue.factor_set_id, FactorValue.product_group_id, FactorValue.factor)):
            self.factors[sid][gid] = factor


Expected = list[tuple[str, str, Fraction | str]]


def pct(part: Fraction, whole: Fraction) -> Fraction:
    return Fraction(0) if whole == 0 else part * 100 / whole


def with_total(indicator: str, rows: list[tuple[str, Fraction]]) -> Expected:
    return [(indicator, c, v) for c, v in rows] + [
        (indicator, "totaal", sum((v for _c, v in rows), Fraction(0)))]


def expected_metadata(raw: RawShop, period: Period, factor_set: tuple[str, int]) -> Expected:
    return [
        ("winkel", "", raw.shop_name),
        ("periode_van", "", period.start.isoformat()),
        ("periode_tot", "", period.end.isoformat()),
        ("co2_factorset", "", f"{factor_set[0]}@{factor_set[1]}"),
        ("app_versie", "", kringloopdesk.__version__),
    ]


def active(placement: tuple, period: Period) -> bool:
    return placement.start_date <= period.end and (
        placement.end_date is None or placement.end_date >= period.start)


def expected_people(raw: RawShop, period: Period, which: int, codes: tuple[str, ...]
                    ) -> Expected:
    """medewerkers and uren by BKN group (which=0) or Cedris regeling (which=1)."""
    people: dict[str, set[int]] = defaultdict(set)
    for placement in raw.placements:
        group = raw.worker_groups[placement.worker_id][which]
        if group is not None and active(placement, period):
            people[group].add(placement.worker_id)
    everyone = set().union(*people.values()) if people else set()
    hours: dict[str, Fraction] = defaultdict(Fraction)
    for placement_id, day, amount in raw.hours:
        group = raw.worker_groups[raw.placement_worker[placement_id]][which]
        if group is not None and period.start <= day <= period.end:
            hours[group] += Fraction(amount)
    return [
        *[("medewerkers", c, Fraction(len(people[c]))) for c in codes],
        ("medewerkers", "totaal", Fraction(len(everyone))),
        *with_total("uren", [(c, hours[c]) for c in codes]),
    ]


def expected_bkn(raw: RawShop, period: Period, factor_set: tuple[str, int]) -> Expected:
    intake: dict[str, Fraction] = defaultdict(Fraction)
    outflow: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    for day, direction, gid, channel, kg in raw.flows:
        if period.start <= day <= period.end:
            if direction == "in":
                intake[raw.group_code[gid]] += Fraction(kg)
            else:
                outflow[channel, raw.group_code[gid]] += Fraction(kg)
    per_bestemming = {b: sum((outflow[b, g] for g in raw.groups), Fraction(0))
                      for b in BESTEMMING}
    total_out = sum(per_bestemming.values(), Fraction(0))
    reused = per_bestemming["hergebruik"] + per_bestemming["hergebruik_online"]
    factors = raw.factors[raw.factor_sets[factor_set]]
    code_id = {code: gid for gid, code in raw.group_code.items()}
    co2 = [
        (g, (outflow["hergebruik", g] + outflow["hergebruik_online", g])
         * Fraction(factors.get(code_id[g], 0)))
        for g in raw.groups
    ]
    tested: dict[int, tuple[dt.date, int, bool]] = {}
    for test_id, item_id, day, passed in raw.tests:
        if period.start <= day <= period.end:
            tested[item_id] = max(tested.get(item_id, (day, test_id, passed)),
                                  (day, test_id, passed))
    return [
        *expected_metadata(raw, period, factor_set),
        *with_total("ingezameld_kg", [(g, intake[g]) for g in raw.groups]),
        *[("afgevoerd_kg", b, per_bestemming[b]) for b in BESTEMMING],
        *[("afgevoerd_kg", f"{b}/{g}", outflow[b, g]) for b in BESTEMMING for g in raw.groups],
        ("afgevoerd_kg", "totaal", total_out),
        ("hergebruik_pct", "totaal", pct(reused, total_out)),
        ("recycling_pct", "totaal", pct(per_bestemming["recycling"], total_out)),
        ("restafval_pct", "totaal", pct(per_bestemming["restafval"], total_out)),
        ("export_pct", "totaal", pct(per_bestemming["export"], total_out)),
        *with_total("co2_vermeden_kg", co2),
        *expected_people(raw, period, 0, BKN_GROUPS.codes),
        ("elektra_getest", "totaal", Fraction(len(tested))),
        ("elektra_goedgekeurd", "totaal",
         Fraction(sum(1 for _day, _id, passed in tested.values() if passed))),
    ]


def expected_cedris(raw: RawShop, period: Period) -> Expected:
    def counted(worker_id: int) -> bool:
        return raw.worker_groups[worker_id][1] is not None

    started = sum(1 for p in raw.placements
                  if counted(p.worker_id) and period.start <= p.start_date <= period.end)
    ended: dict[str, Fraction] = defaultdict(Fraction)
    for p in raw.placements:
        if counted(p.worker_id) and p.end_date and period.start <= p.end_date <= period.end:
            ended[p.outcome] += 1
    all_ended = sum(ended.values(), Fraction(0))
    certificates: dict[str, Fraction] = defaultdict(Fraction)
    for kind, placement_id, issued_at, revoked_at in raw.certificates:
        local_day = issued_at.astimezone(AMSTERDAM).date()
        regular = placement_id is not None and not counted(raw.placement_worker[placement_id])
        if period.start <= local_day <= period.end and revoked_at is None and not regular:
            certificates[kind] += 1
    return [
        *expected_metadata(raw, period, raw.default_set),
        *expected_people(raw, period, 1, CEDRIS_REGELINGEN.codes),
        ("plaatsingen_gestart", "totaal", Fraction(started)),
        *with_total("plaatsingen_beeindigd", [(o, ended[o]) for o in OUTCOMES]),
        ("uitstroom_betaald_werk_pct", "totaal", pct(ended["betaald_werk"], all_ended)),
        *with_total("certificaten_uitgegeven", [(k, certificates[k]) for k in CERTIFICATE_KINDS]),
    ]


DECIMALS = {"kg": 3, "uur": 2, "%": 1, "personen": 0, "aantal": 0}


def text_of(indicator: str, eenheid: str, value: Fraction) -> str:
    """Half up with integer arithmetic, decimal comma: independent of format_value."""
    decimals = 1 if indicator == "co2_vermeden_kg" else DECIMALS[eenheid]
    scaled = value * 10**decimals
    units = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    whole, fraction = divmod(units, 10**decimals)
    return f"{whole},{fraction:0{decimals}d}" if decimals else str(whole)


def assert_matches(got: list[Figure], expected: Expected) -> None:
    assert [(f.indicator, f.categorie) for f in got] == [(i, c) for i, c, _v in expected]
    for figure, (_indicator, _categorie, value) in zip(got, expected, strict=True):
        key = (figure.indicator, figure.categorie)
        if isinstance(value, str):
            assert figure.waarde == value, key
            assert figure.eenheid == "", key
            continue
        if figure.eenheid in ("personen", "aantal"):
            assert type(figure.waarde) is int, key
        else:
            assert isinstance(figure.waarde, Decimal), key
        exact = Fraction(figure.waarde)
        if figure.eenheid == "%":
            assert abs(exact - value) < Fraction(1, 10**30), key
        else:
            assert exact == value, key
        assert format_value(figure) == text_of(figure.indicator, figure.eenheid, value), key


@pytest.mark.slow
def test_demo_shop_matches_an_independent_recomputation(demo: Database) -> None:
    with demo.read_session() as session:
        raw = RawShop(session)
        assert len(raw.flows) > 1000 and raw.hours and raw.tests and raw.certificates
        checked = 0
        for period in DEMO_PERIODS:
            assert_matches(bkn_figures(session, period), expected_bkn(raw, period, raw.default_set))
            assert_matches(
                bkn_figures(session, period, factor_set=FactorSetRef("proef", 3)),
                expected_bkn(raw, period, ("proef", 3)),
            )
            assert_matches(cedris_figures(session, period), expected_cedris(raw, period))
            checked += 1
        # The recomputation is not trivially zero: the demo's year has something everywhere
        # that a believable shop has.
        year = figure_map(bkn_figures(session, DEMO_PERIODS[0]))
        assert year["afgevoerd_kg", "totaal"].waarde > 0
        assert year["elektra_goedgekeurd", "totaal"].waarde > 0
        assert year["medewerkers", "regulier"].waarde > 0
        cedris_year = figure_map(cedris_figures(session, DEMO_PERIODS[0]))
        assert cedris_year["plaatsingen_beeindigd", "totaal"].waarde > 0
        assert cedris_year["certificaten_uitgegeven", "totaal"].waarde > 0
        assert checked == len(DEMO_PERIODS)
