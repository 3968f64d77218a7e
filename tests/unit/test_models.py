"""Every entity survives a round trip through the database with every field intact, and the
constraints refuse the data a shop must never store."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import delete, func, insert, inspect, select, text, update
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from kringloopdesk.db.base import Base, utcnow
from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import (
    Agreement,
    AuditEntry,
    Certificate,
    Department,
    Doelgroep,
    FactorSet,
    FactorValue,
    Goal,
    GoodsFlow,
    HourEntry,
    Partner,
    Placement,
    PlacementSkill,
    ProductGroup,
    ProgressNote,
    Repair,
    SafetyTest,
    Setting,
    ShopProfile,
    ShopSecret,
    Signatory,
    TaggedItem,
    User,
    Werkproces,
    Worker,
)

D = dt.date


def _first(session, model, **where):
    return session.scalars(select(model).filter_by(**where)).one()


def build_everything(session) -> dict[type, object]:
    """One fully filled row of every entity, linked the way a shop links them."""
    coach = User(username="coach", full_name="Kees Coach", role="begeleider",
                 password_hash="$argon2id$x", wrapped_data_key=b"\x01" * 40, key_salt=b"s" * 16,
                 locked_until=utcnow(), last_login_at=utcnow(), failed_logins=2, active=True)
    shop = ShopProfile(id=1, name="Kringloop Amersfoort-Leusden", street="Nijverheidsweg 1",
                       postcode="3812 PJ", city="Amersfoort", phone="033-1234567",
                       email="info@kringloop.example", website="https://kringloop.example",
                       logo=b"\x89PNG\r\n\x1a\nlogo", logo_mime="image/png",
                       certificate_prefix="KAL", accent_color="#2e7d32",
                       mission="Iedereen doet mee, alles krijgt een tweede kans.")
    session.add_all([coach, shop])
    session.flush()
    doelgroep = Doelgroep(code="proefplaatsing", label_nl="Proefplaatsing", label_en="Trial",
                          bkn_group="zonder_werk", cedris_regeling="participatiewet",
                          sort_order=99, active=True)
    department = Department(code="reparatiecafe", label_nl="Reparatiecafé",
                            label_en="Repair café", sort_order=11)
    session.add_all([doelgroep, department])
    session.flush()
    werkproces = Werkproces(department_id=department.id, name="Apparaten demonteren")
    partner = Partner(name="Amfors", kind="sw_bedrijf", street="Bokkeduinen 3",
                      postcode="3821 AA", city="Amersfoort", contact_name="Jan Jansen",
                      contact_email="jan@amfors.example", contact_phone="06-12345678",
                      logo=b"\xff\xd8\xffjpeg", logo_mime="image/jpeg")
    session.add_all([werkproces, partner])
    session.flush()
    worker = Worker(number="D-0042", first_name="Anaïs", last_name="Çelik-van den Heuvel",
                    birth_date=D(1990, 2, 28), email="anais@example.nl", phone="06-98765432",
                    street="Kampstraat 5", postcode="3811 AB", city="Amersfoort",
                    doelgroep_id=doelgroep.id, referrer="Gemeente Amersfoort",
                    referrer_contact="Mevr. de Boer", start_date=D(2025, 1, 6),
                    end_date=D(2025, 12, 31), status="uitgestroomd",
                    support_need_enc=b"ciphertext-1", work_adjustments_enc=b"ciphertext-2",
                    anonymised_at=None)
    session.add(worker)
    session.flush()
    placement = Placement(worker_id=worker.id, department_id=department.id,
                          partner_id=partner.id, coach_id=coach.id, start_date=D(2025, 1, 6),
                          planned_end_date=D(2025, 7, 6), end_date=D(2025, 6, 30),
                          hours_per_week=Decimal("24.5"), status="afgerond",
                          outcome="betaald_werk")
    session.add(placement)
    session.flush()
    group = ProductGroup(code="gereedschap", label_nl="Gereedschap", label_en="Tools",
                         electrical=True, sort_order=11, active=True)
    session.add(group)
    factor_set = FactorSet(code="eigen", version=2, name="Eigen factoren", source="Test",
                           is_default=False, created_by_id=coach.id)
    session.add(factor_set)
    session.flush()
    item = TaggedItem(item_number="A-000123", product_group_id=group.id,
                      description="Waterkoker", brand="Philips", model="HD9350",
                      serial_number="SN123", intake_date=D(2025, 3, 1), price_cents=1250,
                      status="verkocht", electrical=True, sold_date=D(2025, 3, 10))
    agreement = Agreement(partner_id=partner.id, title="Samen werken aan inclusie",
                          signed_date=D(2025, 6, 12), place="Amersfoort",
                          scope="Werk in hergebruik en reparatie", valid_from=D(2025, 7, 1),
                          valid_to=D(2027, 6, 30))
    session.add_all([item, agreement])
    session.flush()
    rows: list[object] = [
        Goal(placement_id=placement.id, description="Zelfstandig de kassa afsluiten",
             target_date=D(2025, 5, 1), status="behaald"),
        ProgressNote(placement_id=placement.id, note_date=D(2025, 3, 3), author_id=coach.id,
                     body_enc=b"ciphertext-note"),
        PlacementSkill(placement_id=placement.id, werkproces_id=werkproces.id,
                       name="Apparaten demonteren", sort_order=1),
        HourEntry(placement_id=placement.id, entry_date=D(2025, 3, 3), hours=Decimal("7.25")),
        FactorValue(factor_set_id=factor_set.id, product_group_id=group.id,
                    factor=Decimal("2.8125")),
        GoodsFlow(flow_date=D(2025, 3, 3), direction="in", product_group_id=group.id,
                  kg=Decimal("12.345"), channel="ontruiming", note="Huis aan de Zonnebloemweg",
                  created_by_id=coach.id),
        Repair(item_id=item.id, repair_date=D(2025, 3, 2), repairer_id=coach.id,
               problem="Schakelaar defect", outcome="End of life",
               barrier="Spare parts not available", notes="Geen onderdeel te krijgen"),
        SafetyTest(item_id=item.id, test_date=D(2025, 3, 5), tester_id=coach.id,
                   instrument="Metrel Beta", protection_class="I",
                   pe_resistance_ohm=Decimal("0.120"), insulation_mohm=Decimal("250.5"),
                   leakage_current_ma=Decimal("0.250"), touch_current_ma=Decimal("0.010"),
                   visual_ok=True, functional_ok=True, passed=True),
        Signatory(agreement_id=agreement.id, side="partner", name="Cor van der Wel",
                  function="Directeur", sort_order=1),
        Certificate(serial="KAL-2025-0001", verification_code="7KQ2-M9XD", kind="deelname",
                    year=2025, sequence=1, language="nl", placement_id=placement.id,
                    issued_by_id=coach.id, content_hash="ab" * 32, signature=b"sig",
                    revoked_at=utcnow(), revoked_by_id=coach.id, revoke_reason="Typefout"),
        Setting(key="retention_years", value="2", updated_by_id=coach.id),
        ShopSecret(purpose="signing_key", public_part=b"pub", wrapped_secret=b"wrapped"),
        AuditEntry(user_id=coach.id, username="coach", action="update", entity="workers",
                   entity_id=worker.id, fields='["email"]', summary="E-mail gewijzigd"),
    ]
    session.add_all(rows)
    session.flush()
    built = {type(row): row for row in [coach, shop, doelgroep, department, werkproces, partner,
                                         worker, placement, group, factor_set, item, agreement,
                                         *rows]}
    return built


def _column_values(row: object) -> dict[str, object]:
    mapper = inspect(type(row))
    return {attr.key: getattr(row, attr.key) for attr in mapper.column_attrs}


def test_every_entity_round_trips(shop_db: Database) -> None:
    with shop_db.session() as session:
        # A second shop profile row is impossible; take over the fixture's.
        session.execute(delete(ShopProfile))
        built = build_everything(session)
        expected = {
            model: (inspect(row).identity, _column_values(row)) for model, row in built.items()
        }

    mapped = {m.class_ for m in Base.registry.mappers}
    assert mapped == set(expected), "every mapped entity is covered by this test"

    with shop_db.read_session() as session:
        for model, (row_id, values) in expected.items():
            loaded = session.get(model, row_id)
            assert loaded is not None, model
            actual = _column_values(loaded)
            for key, value in values.items():
                if isinstance(value, dt.datetime):
                    assert abs(actual[key] - value) < dt.timedelta(seconds=1), (model, key)
                    assert actual[key].tzinfo is not None, (model, key)
                else:
                    assert actual[key] == value, (model, key)


def test_scaled_columns_keep_exact_values_and_sum_exactly(shop_db: Database) -> None:
    with shop_db.session() as session:
        group_id = session.scalar(select(ProductGroup.id).filter_by(code="meubels"))
        weights = [Decimal("0.001"), Decimal("12.345"), Decimal("99999.999")] * 1000
        # A bulk insert through the ORM entity, as the demo and the importers do.
        session.execute(
            insert(GoodsFlow),
            [{"flow_date": D(2025, 1, 1), "direction": "in", "product_group_id": group_id,
              "kg": kg, "channel": "brengen"} for kg in weights],
        )
    with shop_db.read_session() as session:
        total = session.scalar(select(func.sum(GoodsFlow.kg)))
    assert total == sum(weights)
    assert isinstance(total, Decimal)
    with shop_db.read_session() as session:
        grams = session.execute(text("SELECT SUM(weight_g) FROM goods_flows")).scalar()
    assert int(grams) == sum(weights) * 1000  # stored as whole grams


def test_more_decimals_than_the_scale_are_refused(shop_db: Database) -> None:
    with pytest.raises(StatementError), shop_db.session() as session:
        group_id = session.scalar(select(ProductGroup.id).filter_by(code="meubels"))
        session.add(GoodsFlow(flow_date=D(2025, 1, 1), direction="in",
                              product_group_id=group_id, kg=Decimal("1.0005"),
                              channel="brengen"))
        session.flush()


def test_version_column_detects_a_concurrent_update(shop_db: Database) -> None:
    """Two PCs open the same partner; the second save must not silently overwrite the first."""
    with shop_db.session() as session:
        session.add(Partner(name="Gemeente Amersfoort", kind="gemeente"))
    with shop_db.read_session() as session:
        on_pc_one = session.scalars(select(Partner)).one()  # the form's copy, detached
    with shop_db.session() as session:
        session.scalars(select(Partner)).one().city = "Amersfoort"  # PC two saves first
    on_pc_one.city = "Leusden"
    with pytest.raises(StaleDataError), shop_db.session() as session:
        session.add(on_pc_one)
        session.flush()
    with shop_db.read_session() as session:
        assert session.scalars(select(Partner.city)).one() == "Amersfoort"


# -- constraints ------------------------------------------------------------------------------


@pytest.fixture
def ids(shop_db: Database) -> dict[str, int]:
    with shop_db.session() as session:
        worker = Worker(number="D-0001", first_name="Sanne", last_name="de Vries",
                        doelgroep_id=session.scalar(select(Doelgroep.id).filter_by(code="wsw")),
                        start_date=D(2025, 1, 1))
        session.add(worker)
        session.flush()
        dept = session.scalar(select(Department.id).filter_by(code="winkel"))
        placement = Placement(worker_id=worker.id, department_id=dept,
                              start_date=D(2025, 1, 1), hours_per_week=Decimal(20))
        group = session.scalar(select(ProductGroup.id).filter_by(code="witgoed"))
        session.add(placement)
        session.flush()
        item = TaggedItem(item_number="A-1", product_group_id=group, description="Wasmachine",
                          intake_date=D(2025, 1, 1), electrical=True)
        session.add(item)
        session.flush()
        return {"worker": worker.id, "placement": placement.id, "department": dept,
                "group": group, "item": item.id}


BAD_ROWS = {
    "negative kg": lambda i: GoodsFlow(flow_date=D(2025, 1, 1), direction="in",
                                       product_group_id=i["group"], kg=Decimal("-1"),
                                       channel="brengen"),
    "zero kg": lambda i: GoodsFlow(flow_date=D(2025, 1, 1), direction="in",
                                   product_group_id=i["group"], kg=Decimal(0),
                                   channel="brengen"),
    "intake with a bestemming": lambda i: GoodsFlow(flow_date=D(2025, 1, 1), direction="in",
                                                    product_group_id=i["group"], kg=Decimal(1),
                                                    channel="hergebruik"),
    "outflow with a herkomst": lambda i: GoodsFlow(flow_date=D(2025, 1, 1), direction="uit",
                                                   product_group_id=i["group"], kg=Decimal(1),
                                                   channel="brengen"),
    "unknown direction": lambda i: GoodsFlow(flow_date=D(2025, 1, 1), direction="x",
                                             product_group_id=i["group"], kg=Decimal(1),
                                             channel="brengen"),
    "unknown product group": lambda i: GoodsFlow(flow_date=D(2025, 1, 1), direction="in",
                                                 product_group_id=9999, kg=Decimal(1),
                                                 channel="brengen"),
    "negative hours": lambda i: HourEntry(placement_id=i["placement"], entry_date=D(2025, 1, 2),
                                          hours=Decimal("-2")),
    "zero hours": lambda i: HourEntry(placement_id=i["placement"], entry_date=D(2025, 1, 2),
                                      hours=Decimal(0)),
    "more than 24 hours": lambda i: HourEntry(placement_id=i["placement"],
                                              entry_date=D(2025, 1, 2), hours=Decimal("24.01")),
    "placement ends before it starts": lambda i: Placement(
        worker_id=i["worker"], department_id=i["department"], start_date=D(2026, 5, 1),
        end_date=D(2026, 4, 30), outcome="onbekend", hours_per_week=Decimal(8)),
    "placement ended without uitstroom": lambda i: Placement(
        worker_id=i["worker"], department_id=i["department"], start_date=D(2026, 5, 1),
        end_date=D(2026, 6, 30), hours_per_week=Decimal(8)),
    "uitstroom without an end": lambda i: Placement(
        worker_id=i["worker"], department_id=i["department"], start_date=D(2026, 5, 1),
        outcome="betaald_werk", hours_per_week=Decimal(8)),
    "unknown uitstroom": lambda i: Placement(
        worker_id=i["worker"], department_id=i["department"], start_date=D(2026, 5, 1),
        end_date=D(2026, 6, 30), outcome="pensioen", hours_per_week=Decimal(8)),
    "more than 40 hours a week": lambda i: Placement(
        worker_id=i["worker"], department_id=i["department"], start_date=D(2026, 5, 1),
        hours_per_week=Decimal("40.5")),
    "worker ends before start": lambda i: Worker(
        number="D-0002", first_name="A", last_name="B", doelgroep_id=1,
        start_date=D(2025, 2, 1), end_date=D(2025, 1, 1)),
    "duplicate worker number": lambda i: Worker(
        number="D-0001", first_name="A", last_name="B", doelgroep_id=1,
        start_date=D(2025, 2, 1)),
    "unknown worker status": lambda i: Worker(
        number="D-0003", first_name="A", last_name="B", doelgroep_id=1,
        start_date=D(2025, 2, 1), status="weg"),
    "negative price": lambda i: TaggedItem(item_number="A-2", product_group_id=i["group"],
                                           description="x", intake_date=D(2025, 1, 1),
                                           price_cents=-100),
    "duplicate item number": lambda i: TaggedItem(item_number="A-1",
                                                  product_group_id=i["group"], description="x",
                                                  intake_date=D(2025, 1, 1)),
    "end of life without barrier": lambda i: Repair(item_id=i["item"], repair_date=D(2025, 1, 2),
                                                    outcome="End of life"),
    "barrier on a fixed repair": lambda i: Repair(item_id=i["item"], repair_date=D(2025, 1, 2),
                                                  outcome="Fixed",
                                                  barrier="Lack of equipment"),
    "unknown protection class": lambda i: SafetyTest(item_id=i["item"], test_date=D(2025, 1, 2),
                                                     protection_class="III", visual_ok=True,
                                                     functional_ok=True, passed=True),
    "negative insulation": lambda i: SafetyTest(item_id=i["item"], test_date=D(2025, 1, 2),
                                                protection_class="II", visual_ok=True,
                                                functional_ok=True, passed=True,
                                                insulation_mohm=Decimal("-1")),
    "certificate of the wrong kind": lambda i: Certificate(
        serial="KAL-2025-0009", verification_code="AAAA-BBBB", kind="samenwerking", year=2025,
        sequence=9, placement_id=i["placement"], content_hash="x"),
    "revoked without reason": lambda i: Certificate(
        serial="KAL-2025-0010", verification_code="AAAA-CCCC", kind="deelname", year=2025,
        sequence=10, placement_id=i["placement"], content_hash="x", revoked_at=utcnow()),
    "unknown role": lambda i: User(username="x", full_name="x", role="admin",
                                   password_hash="x"),
    "unknown partner kind": lambda i: Partner(name="X", kind="vereniging"),
    "unknown BKN group": lambda i: Doelgroep(code="x", label_nl="x", label_en="x",
                                             bkn_group="iedereen"),
    "agreement valid to before from": lambda i: Agreement(
        partner_id=None, title="x", valid_from=D(2025, 2, 1), valid_to=D(2025, 1, 1)),
    "second shop profile": lambda i: ShopProfile(id=2, name="Tweede", certificate_prefix="TW"),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_constraints_reject_bad_data(shop_db: Database, ids: dict[str, int], case: str) -> None:
    if case == "agreement valid to before from":
        with shop_db.session() as session:
            partner = Partner(name="Cedris", kind="branchevereniging")
            session.add(partner)
            session.flush()
            ids = {**ids, "partner": partner.id}
    row = BAD_ROWS[case](ids)
    if isinstance(row, Agreement):
        row.partner_id = ids["partner"]
    with pytest.raises((IntegrityError, StatementError)), shop_db.session() as session:
        session.add(row)
        session.flush()


def test_foreign_keys_are_enforced_on_delete(shop_db: Database, ids: dict[str, int]) -> None:
    with pytest.raises(IntegrityError), shop_db.session() as session:
        session.execute(delete(Department).where(Department.id == ids["department"]))
    # Cascade: removing a worker removes their placements and hours.
    with shop_db.session() as session:
        session.add(HourEntry(placement_id=ids["placement"], entry_date=D(2025, 1, 2),
                              hours=Decimal(4)))
    with shop_db.session() as session:
        session.execute(delete(Worker).where(Worker.id == ids["worker"]))
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Placement)) == 0
        assert session.scalar(select(func.count()).select_from(HourEntry)) == 0


def test_updating_a_row_raises_its_version(shop_db: Database, ids: dict[str, int]) -> None:
    with shop_db.session() as session:
        worker = session.get(Worker, ids["worker"])
        assert worker.version == 1
        worker.phone = "033-7654321"
    with shop_db.read_session() as session:
        assert session.get(Worker, ids["worker"]).version == 2
    with shop_db.session() as session:
        session.execute(update(Worker).where(Worker.id == ids["worker"]).values(city="Leusden"))
