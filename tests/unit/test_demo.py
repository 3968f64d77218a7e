"""Demo data: believable, consistent with the rules of domain.md, repeatable, fresh shops only."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kringloopdesk.db.codes import BESTEMMING, HERKOMST, OUTCOMES
from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import (
    Agreement,
    Doelgroep,
    GoodsFlow,
    HourEntry,
    Partner,
    Placement,
    PlacementSkill,
    ProductGroup,
    ProgressNote,
    Repair,
    SafetyTest,
    Signatory,
    TaggedItem,
    User,
    Worker,
)
from kringloopdesk.errors import NotInitialisedError, UserError, ValidationError
from kringloopdesk.services.auth import Actor, attempt_login
from kringloopdesk.services.demo import (
    DEMO_PASSWORD,
    DemoSizes,
    DemoSummary,
    _allocate,
    _generate,
    _schedule,
    _test_passed,
    generate_demo,
)

# A fixed day (after the Cedris/BKN signing in June 2025) keeps every run the same.
TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def small(shop_db: Database, beheerder: Actor) -> DemoSummary:
    with shop_db.session() as session:
        return generate_demo(session, beheerder, scale="small", today=TODAY)


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


# --- invariants shared by the small and the (reduced) large demo ------------------------------


def assert_placements_consistent(session: Session, today: dt.date) -> None:
    by_worker: dict[int, list[Placement]] = defaultdict(list)
    for placement in session.scalars(select(Placement)):
        by_worker[placement.worker_id].append(placement)
        assert placement.start_date <= today
        assert (placement.end_date is None) == (placement.outcome is None)
        if placement.end_date is None:
            assert placement.status == "actief"
        else:
            assert placement.end_date < today
            assert placement.status in ("afgerond", "gestopt")
            assert placement.outcome in OUTCOMES
        assert Decimal(0) < placement.hours_per_week <= Decimal(40)
        assert placement.coach_id is not None
    workers = {w.id: w for w in session.scalars(select(Worker))}
    assert set(by_worker) == set(workers), "every worker has a placement"
    for worker_id, placements in by_worker.items():
        placements.sort(key=lambda p: p.start_date)
        for earlier, later in itertools.pairwise(placements):
            assert earlier.end_date is not None, "only the last placement may be open"
            assert later.start_date > earlier.end_date, "placements of a worker overlap"
        worker = workers[worker_id]
        assert worker.start_date == placements[0].start_date
        assert worker.end_date == placements[-1].end_date
        assert worker.status == ("actief" if worker.end_date is None else "uitgestroomd")


def assert_hours_within_placements(session: Session, today: dt.date) -> None:
    periods = {
        pid: (start, end)
        for pid, start, end in session.execute(
            select(Placement.id, Placement.start_date, Placement.end_date)
        )
    }
    seen = set()
    for placement_id, day, hours in session.execute(
        select(HourEntry.placement_id, HourEntry.entry_date, HourEntry.hours)
    ):
        start, end = periods[placement_id]
        assert start <= day <= (end or today) and day <= today
        assert Decimal(0) < hours <= Decimal(24)
        assert hours == hours.quantize(Decimal("0.01"))
        assert (placement_id, day) not in seen, "one entry per placement and day"
        seen.add((placement_id, day))


def assert_items_consistent(session: Session, today: dt.date) -> None:
    electrical_groups = set(
        session.scalars(select(ProductGroup.id).where(ProductGroup.electrical))
    )
    tests: dict[int, list[SafetyTest]] = defaultdict(list)
    for test in session.scalars(select(SafetyTest).order_by(SafetyTest.test_date, SafetyTest.id)):
        tests[test.item_id].append(test)
        assert test.passed == _test_passed(
            test.protection_class,
            None if test.pe_resistance_ohm is None else int(test.pe_resistance_ohm * 1000),
            None if test.insulation_mohm is None else int(test.insulation_mohm * 1000),
            None if test.leakage_current_ma is None else int(test.leakage_current_ma * 1000),
            None if test.touch_current_ma is None else int(test.touch_current_ma * 1000),
            test.visual_ok,
            test.functional_ok,
        )
        if test.passed and test.protection_class == "I":
            assert test.pe_resistance_ohm <= Decimal("0.3")
            assert test.insulation_mohm >= 1 and test.leakage_current_ma <= Decimal("3.5")
        if test.passed and test.protection_class == "II":
            assert test.insulation_mohm >= 2 and test.touch_current_ma <= Decimal("0.5")
    for item in session.scalars(select(TaggedItem)):
        assert item.electrical == (item.product_group_id in electrical_groups)
        if item.electrical and item.status in ("te_koop", "verkocht"):
            assert tests[item.id] and tests[item.id][-1].passed, item.item_number
        if item.status in ("te_koop", "verkocht"):
            assert item.price_cents is not None and item.price_cents > 0
        assert (item.sold_date is not None) == (item.status == "verkocht")
        for test in tests[item.id]:
            assert item.intake_date <= test.test_date <= (item.sold_date or today)
    for repair in session.scalars(select(Repair)):
        assert (repair.barrier is not None) == (repair.outcome == "End of life")


# --- the small demo -------------------------------------------------------------------------


def test_small_demo_counts_are_believable(shop_db: Database, small: DemoSummary) -> None:
    assert 30 <= small.workers <= 50
    assert small.workers <= small.placements <= 2 * small.workers
    assert 1_000 <= small.hour_entries <= 10_000
    assert 4_000 <= small.goods_flows <= 20_000
    assert 100 <= small.tagged_items <= 200
    assert small.partners >= 6 and small.agreements >= 5 and small.users == 4
    with shop_db.read_session() as session:
        assert count(session, Worker) == small.workers
        assert count(session, Placement) == small.placements
        assert count(session, HourEntry) == small.hour_entries
        assert count(session, GoodsFlow) == small.goods_flows
        assert count(session, TaggedItem) == small.tagged_items
        assert count(session, Partner) == small.partners
        assert count(session, Agreement) == small.agreements
        assert count(session, User) == small.users + 1  # and the shop's own beheerder
        kg_in = session.scalar(
            select(func.sum(GoodsFlow.kg)).where(GoodsFlow.direction == "in")
        )
        kg_out = session.scalar(
            select(func.sum(GoodsFlow.kg)).where(GoodsFlow.direction == "uit")
        )
        assert Decimal(650_000) < kg_in < Decimal(850_000)
        assert Decimal("0.8") * kg_in < kg_out < kg_in
        reused = session.scalar(
            select(func.sum(GoodsFlow.kg)).where(
                GoodsFlow.channel.in_(("hergebruik", "hergebruik_online"))
            )
        )
        assert reused > kg_out / 2, "mostly reused"
        assert count(session, PlacementSkill) > 0
        # Every agreement is signed on both sides.
        sides = session.execute(select(Signatory.agreement_id, Signatory.side)).all()
        for agreement_id in session.scalars(select(Agreement.id)):
            assert {side for a, side in sides if a == agreement_id} == {"winkel", "partner"}
        kinds = dict(session.execute(select(Partner.name, Partner.kind)).all())
        assert kinds["Amfors"] == "sw_bedrijf" and kinds["Cedris"] == "branchevereniging"
        cedris = session.scalar(
            select(Agreement).join(Partner).where(Partner.name == "Cedris")
        )
        assert cedris is not None and cedris.signed_date == dt.date(2025, 6, 4)
        assert {s.name for s in cedris.signatories} == {"Cor van der Wel", "Rachel Heijne"}
    with shop_db.session() as session:
        attempt = attempt_login(session, "ria", DEMO_PASSWORD)
        assert attempt.actor_or_raise().role == "invoer"


def test_small_demo_workers(shop_db: Database, small: DemoSummary) -> None:
    with shop_db.read_session() as session:
        doelgroepen = set(session.scalars(select(Doelgroep.id)))
        assert set(session.scalars(select(Worker.doelgroep_id).distinct())) == doelgroepen
        names = {f"{w.first_name} {w.last_name}" for w in session.scalars(select(Worker))}
        assert {"Anaïs Çelik-van den Heuvel", "Jeroen van 't Hof", "Łukasz Nowak"} <= names
        workers = list(session.scalars(select(Worker)))
        for worker in workers:
            assert worker.number.startswith("D-") and len(worker.number) == 6
            assert worker.postcode is None or worker.postcode.startswith("38")
        # Sensitive texts exist only as ciphertext (version byte 1, nonce, tag).
        encrypted = [w.support_need_enc for w in workers if w.support_need_enc is not None]
        assert len(encrypted) > len(workers) // 2
        assert all(blob[:1] == b"\x01" and len(blob) > 29 for blob in encrypted)
        notes = list(session.scalars(select(ProgressNote)))
        assert notes and all(note.body_enc[:1] == b"\x01" for note in notes)
        referrers = set(session.scalars(select(Worker.referrer)))
        assert {"Amfors", "UWV", "Gemeente Amersfoort", "ROC Midden Nederland"} <= referrers


def test_small_demo_flows_cover_every_code(shop_db: Database, small: DemoSummary) -> None:
    with shop_db.read_session() as session:
        groups = set(session.scalars(select(ProductGroup.id)))
        for direction in ("in", "uit"):
            used = session.scalars(
                select(GoodsFlow.product_group_id).where(GoodsFlow.direction == direction)
                .distinct()
            )
            assert set(used) == groups
        channels = set(session.execute(select(GoodsFlow.direction, GoodsFlow.channel)
                                       .distinct()).all())
        assert channels == {("in", h) for h in HERKOMST} | {("uit", b) for b in BESTEMMING}
        first, last = session.execute(
            select(func.min(GoodsFlow.flow_date), func.max(GoodsFlow.flow_date))
        ).one()
        assert last <= TODAY and (TODAY - first).days >= 360


def test_small_demo_placements_and_hours(shop_db: Database, small: DemoSummary) -> None:
    with shop_db.read_session() as session:
        assert_placements_consistent(session, TODAY)
        assert_hours_within_placements(session, TODAY)
        outcomes = set(session.scalars(select(Placement.outcome).distinct())) - {None}
        assert outcomes == set(OUTCOMES)
        statuses = set(session.scalars(select(Placement.status).distinct()))
        assert {"actief", "afgerond", "gestopt"} <= statuses


def test_small_demo_items_repairs_and_tests(shop_db: Database, small: DemoSummary) -> None:
    with shop_db.read_session() as session:
        assert_items_consistent(session, TODAY)
        statuses = set(session.scalars(select(TaggedItem.status).distinct()))
        assert {"in_behandeling", "te_koop", "verkocht"} <= statuses
        outcomes = set(session.scalars(select(Repair.outcome).distinct()))
        assert outcomes == {"Fixed", "Repairable", "End of life"}
        failed = select(func.count()).select_from(SafetyTest).where(SafetyTest.passed.is_(False))
        assert session.scalar(failed) > 0


def test_demo_refuses_a_second_run(shop_db: Database, small: DemoSummary, beheerder: Actor) -> None:
    tables = (Worker, Placement, HourEntry, GoodsFlow, TaggedItem, Partner, Agreement, User)
    with shop_db.read_session() as session:
        before = [count(session, model) for model in tables]
    with pytest.raises(UserError, match="niets veranderd"), shop_db.session() as session:
        generate_demo(session, beheerder, scale="small", today=TODAY)
    with shop_db.read_session() as session:
        assert [count(session, model) for model in tables] == before


def test_demo_refuses_an_unknown_scale(shop_db: Database, beheerder: Actor) -> None:
    with shop_db.session() as session, pytest.raises(ValidationError):
        generate_demo(session, beheerder, scale="medium")
    with shop_db.read_session() as session:
        assert count(session, Worker) == count(session, GoodsFlow) == 0


def test_demo_needs_an_initialised_shop(db: Database) -> None:
    beheerder = Actor(1, "niemand", "Niemand", "beheerder", data_key=bytes(32))
    with db.session() as session, pytest.raises(NotInitialisedError):
        generate_demo(session, beheerder, scale="small")


def fingerprint(session: Session) -> tuple[object, ...]:
    return (
        session.scalar(select(func.sum(GoodsFlow.kg))),
        session.scalar(select(func.sum(HourEntry.hours))),
        tuple(session.scalars(select(Worker.last_name).order_by(Worker.number))),
        tuple(session.execute(
            select(Placement.start_date, Placement.end_date, Placement.outcome)
            .order_by(Placement.start_date, Placement.id)
        ).all()),
        tuple(session.scalars(select(TaggedItem.status).order_by(TaggedItem.item_number))),
    )


def test_same_seed_same_data(shop_db: Database, beheerder: Actor) -> None:
    def run(seed: int) -> tuple[object, ...]:
        with shop_db.sessions() as session:
            generate_demo(session, beheerder, scale="small", seed=seed, today=TODAY)
            result = fingerprint(session)
            session.rollback()
        return result

    first = run(7)
    assert run(7) == first
    assert run(8)[0] != first[0]


def test_progress_is_reported(shop_db: Database, beheerder: Actor) -> None:
    calls: list[tuple[str, float]] = []
    with shop_db.session() as session:
        generate_demo(session, beheerder, scale="small", today=TODAY,
                      progress=lambda label, f: calls.append((label, f)))
    fractions = [f for _label, f in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert len({label for label, _f in calls}) >= 6


# --- the large generator, on a reduced size -------------------------------------------------


def test_reduced_large_demo(shop_db: Database, beheerder: Actor) -> None:
    sizes = DemoSizes(
        workers=60, placements=150, span_days=3_652, goods_flows=6_000, tagged_items=400,
        hour_entries=5_000, placement_days=(61, 913), chunk_size=1_000,
    )
    today = dt.date(2025, 12, 31)
    with shop_db.session() as session:
        summary = _generate(session, sizes, seed=11, today=today,
                            data_key=beheerder.data_key)
    assert (summary.workers, summary.placements) == (60, 150)
    assert (summary.goods_flows, summary.hour_entries, summary.tagged_items) == (
        6_000, 5_000, 400
    )
    with shop_db.read_session() as session:
        assert count(session, HourEntry) == 5_000
        assert_placements_consistent(session, today)
        assert_hours_within_placements(session, today)
        assert_items_consistent(session, today)
        first = session.scalar(select(func.min(Placement.start_date)))
        assert (today - first).days > 5 * 365, "placements spread over the years"
        years = session.scalars(
            select(func.count()).select_from(GoodsFlow).group_by(
                func.extract("year", GoodsFlow.flow_date)
            )
        ).all()
        assert len(years) == 10  # 2016-01-02 up to and including 2025-12-31


def test_schedule_never_overlaps() -> None:
    rng = random.Random(3)
    today = dt.date(2025, 3, 1)
    first_day = today - dt.timedelta(days=3_651)
    for _round in range(2_000):
        placements = rng.randint(1, 8)
        periods = _schedule(rng, placements, first_day, today, 61, 913)
        assert len(periods) == placements
        for (start, end), (next_start, _next_end) in itertools.pairwise(periods):
            assert end is not None and start <= end < next_start
        assert first_day <= periods[0][0] and periods[-1][0] <= today
        last_end = periods[-1][1]
        assert last_end is None or periods[-1][0] <= last_end < today


def test_allocate_is_exact() -> None:
    assert sum(_allocate(1_000, [0.3, 1.7, 2.0, 0.01])) == 1_000
    assert _allocate(10, [1, 1], caps=[3, 4]) == [3, 4]
    assert sum(_allocate(700, [5, 9, 0, 7], caps=[500, 500, 0, 500])) == 700
    assert _allocate(5, [0, 0]) == [0, 0]
