"""Setting up a shop, logging in, the dashboard figures and the health check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import (
    Department,
    Doelgroep,
    GoodsFlow,
    Placement,
    ProductGroup,
    User,
    Worker,
)
from kringloopdesk.errors import (
    AlreadyInitialisedError,
    AuthenticationError,
    NotInitialisedError,
    PermissionDeniedError,
    ValidationError,
)
from kringloopdesk.services import auth, setup
from kringloopdesk.services.dashboard import dashboard_figures
from kringloopdesk.services.health import check_database
from kringloopdesk.services.setup import ShopInfo
from tests.conftest import BEHEERDER, BEHEERDER_PASSWORD

SHOP = ShopInfo(name="  De Kringloper  ", certificate_prefix="dkl", postcode="3811ab")


def test_initialise_creates_shop_and_beheerder(db: Database) -> None:
    with db.session() as session:
        result = setup.initialise_shop(session, SHOP, username="anna", full_name="Anna de Wit",
                                       password="lang-genoeg")
    assert result.actor.role == "beheerder"
    assert result.actor.has_data_key
    assert len(result.recovery_key) == 39  # 8 groups of 4 with dashes
    with db.read_session() as session:
        shop = setup.get_shop(session)
        user = session.scalars(select(User)).one()
    assert (shop.name, shop.certificate_prefix, shop.postcode) == (
        "De Kringloper", "DKL", "3811 AB")
    assert user.password_hash.startswith("$argon2id$")
    assert "lang-genoeg" not in user.password_hash


def test_initialise_twice_is_refused_and_changes_nothing(shop_db: Database) -> None:
    with pytest.raises(AlreadyInitialisedError), shop_db.session() as session:
        setup.initialise_shop(session, SHOP, username="twee", full_name="Twee",
                              password="lang-genoeg")
    with shop_db.read_session() as session:
        assert setup.get_shop(session).name == "Kringloop Amersfoort-Leusden"
        assert [u.username for u in session.scalars(select(User))] == [BEHEERDER]


@pytest.mark.parametrize(
    ("shop", "field"),
    [
        (ShopInfo(name=" ", certificate_prefix="KAL"), "name"),
        (ShopInfo(name="X", certificate_prefix="K"), "certificate_prefix"),
        (ShopInfo(name="X", certificate_prefix="KA-L"), "certificate_prefix"),
        (ShopInfo(name="X", certificate_prefix="KAL", postcode="38111"), "postcode"),
        (ShopInfo(name="X", certificate_prefix="KAL", accent_color="groen"), "accent_color"),
        (ShopInfo(name="X", certificate_prefix="KAL", logo=b"GIF89a..."), "logo"),
    ],
)
def test_shop_validation_names_the_field(db: Database, shop: ShopInfo, field: str) -> None:
    with pytest.raises(ValidationError) as caught, db.session() as session:
        setup.initialise_shop(session, shop, username="a", full_name="A", password="lang-genoeg")
    assert field in caught.value.field_errors
    with db.read_session() as session:
        assert not setup.is_initialised(session)


def test_short_password_and_bad_username_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError), db.session() as session:
        setup.initialise_shop(session, SHOP, username="a", full_name="A", password="kort")
    with pytest.raises(ValidationError), db.session() as session:
        setup.initialise_shop(session, SHOP, username="met spatie", full_name="A",
                              password="lang-genoeg")


def test_suggest_prefix() -> None:
    assert setup.suggest_prefix("Kringloop Amersfoort-Leusden") == "KAL"
    assert setup.suggest_prefix("Emmaus") == "EMMA"
    assert setup.suggest_prefix("") == "KLD"


def test_login_right_and_wrong(shop_db: Database) -> None:
    with shop_db.session() as session:
        wrong = auth.attempt_login(session, BEHEERDER, "niet-goed")
    with pytest.raises(AuthenticationError):
        wrong.actor_or_raise()
    with shop_db.session() as session:
        unknown = auth.attempt_login(session, "niemand", BEHEERDER_PASSWORD)
    assert unknown.message == wrong.message  # gives nothing away
    with shop_db.read_session() as session:
        assert session.scalars(select(User.failed_logins)).one() == 1
    with shop_db.session() as session:
        actor = auth.attempt_login(session, "  BEHEER ", BEHEERDER_PASSWORD).actor_or_raise()
    assert actor.username == BEHEERDER
    with shop_db.read_session() as session:
        user = session.scalars(select(User)).one()
        assert user.failed_logins == 0 and user.last_login_at is not None


def test_disabled_account_cannot_log_in(shop_db: Database) -> None:
    with shop_db.session() as session:
        session.scalars(select(User)).one().active = False
    with shop_db.session() as session:
        attempt = auth.attempt_login(session, BEHEERDER, BEHEERDER_PASSWORD)
    assert attempt.actor is None and "uitgeschakeld" in attempt.message


def test_only_a_beheerder_changes_the_shop(shop_db: Database, beheerder, begeleider) -> None:
    coach = begeleider
    with pytest.raises(PermissionDeniedError), shop_db.session() as session:
        setup.update_shop(session, coach, ShopInfo(name="Anders", certificate_prefix="AND"))
    with shop_db.session() as session:
        info = setup.update_shop(session, beheerder, ShopInfo(
            name="Kringloop Leusden", certificate_prefix="KLE", mission="Iedereen doet mee"))
    assert info.version == 2
    with shop_db.read_session() as session:
        assert setup.get_shop(session).name == "Kringloop Leusden"


def test_get_shop_on_empty_database(db: Database) -> None:
    with pytest.raises(NotInitialisedError), db.read_session() as session:
        setup.get_shop(session)


def test_dashboard_counts_today_and_sums_month_and_year(shop_db: Database) -> None:
    today = dt.date(2025, 6, 15)
    with shop_db.session() as session:
        wsw = session.scalar(select(Doelgroep.id).filter_by(code="wsw"))
        winkel = session.scalar(select(Department.id).filter_by(code="winkel"))
        meubels = session.scalar(select(ProductGroup.id).filter_by(code="meubels"))
        workers = [Worker(number=f"D-{i}", first_name="W", last_name=str(i), doelgroep_id=wsw,
                          start_date=dt.date(2025, 1, 1)) for i in range(4)]
        session.add_all(workers)
        session.flush()
        spans = [  # (start, end): active on 15-6, active, ended 14-6, starts 16-6
            (dt.date(2025, 1, 1), None), (dt.date(2025, 6, 15), dt.date(2025, 6, 15)),
            (dt.date(2025, 1, 1), dt.date(2025, 6, 14)), (dt.date(2025, 6, 16), None),
        ]
        for worker, (start, end) in zip(workers, spans, strict=True):
            session.add(Placement(worker_id=worker.id, department_id=winkel, start_date=start,
                                  end_date=end, outcome="onbekend" if end else None,
                                  hours_per_week=Decimal(16)))
        # worker 0 has a second, earlier placement too: still one active worker
        session.add(Placement(worker_id=workers[0].id, department_id=winkel,
                              start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 12, 31),
                              outcome="andere_plek", hours_per_week=Decimal(8)))
        flows = [
            (dt.date(2025, 6, 1), "in", "brengen", Decimal("100.5")),
            (dt.date(2025, 6, 15), "in", "ophalen", Decimal("0.25")),
            (dt.date(2025, 6, 16), "in", "brengen", Decimal("999")),  # after today
            (dt.date(2025, 5, 31), "in", "brengen", Decimal("10")),
            (dt.date(2024, 12, 31), "in", "brengen", Decimal("1000")),  # last year
            (dt.date(2025, 6, 2), "uit", "hergebruik", Decimal("40.125")),
            (dt.date(2025, 1, 1), "uit", "recycling", Decimal("5")),
        ]
        session.execute(insert(GoodsFlow), [
            {"flow_date": d, "direction": di, "channel": ch, "kg": kg,
             "product_group_id": meubels} for d, di, ch, kg in flows])
    with shop_db.read_session() as session:
        figures = dashboard_figures(session, today)
    assert (figures.active_workers, figures.active_placements) == (2, 2)
    assert figures.kg_in_month == Decimal("100.75")
    assert figures.kg_in_year == Decimal("110.75")
    assert figures.kg_out_month == Decimal("40.125")
    assert figures.kg_out_year == Decimal("45.125")


def test_health_check(shop_db: Database) -> None:
    report = check_database(shop_db)
    assert report.ok
    assert report.counts["users"] == 1
    assert report.counts["doelgroepen"] == 13
    assert report.schema_current == report.schema_head
