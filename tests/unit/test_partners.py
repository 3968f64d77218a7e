"""Partner organisations and agreements: the form's rules in Dutch, the name unique without
regard to case, logos that must really be PNG or JPEG images, what may be deleted, agreements
with signatories on both sides, who may do it, the audit log, and a save over someone else's."""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import Agreement, AuditEntry, Certificate, Partner, Signatory
from kringloopdesk.errors import PermissionDeniedError, UserError, ValidationError
from kringloopdesk.services import partners, placements, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.partners import (
    AgreementChangedError,
    AgreementInput,
    PartnerChangedError,
    PartnerFilter,
    PartnerInput,
    SignatoryInput,
    check_agreement_input,
    check_partner_input,
    logo_problem,
)
from kringloopdesk.services.workers import WorkerInput

D = dt.date


def tiny_png(width: int = 2, height: int = 1) -> bytes:
    """A real PNG (8-bit grey), made with zlib and struct."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + bytes(i % 256 for i in range(width)) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def tiny_jpeg(width: int = 16, height: int = 8) -> bytes:
    """The segments a JPEG reader walks to the frame header (APP0, then SOF0), and EOI."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def amfors(**changes) -> PartnerInput:
    data = PartnerInput(name="Amfors", kind="sw_bedrijf", street="Nijverheidsweg-Noord 11",
                        postcode="3812pm", city="Amersfoort", contact_name="Erik Hoogendoorn",
                        contact_email="e.hoogendoorn@amfors.example",
                        contact_phone="033 - 421 63 00")
    return replace(data, **changes)


def agreement_input(**changes) -> AgreementInput:
    data = AgreementInput(
        title="Samenwerkingsovereenkomst detachering", signed_date=D(2025, 3, 12),
        place="Amersfoort", scope="Werkervaringsplekken\nen detachering",
        valid_from=D(2025, 4, 1), valid_to=D(2028, 3, 31),
        signatories=(SignatoryInput("winkel", "Marjolein van Dijk", "directeur-bestuurder"),
                     SignatoryInput("partner", "Erik Hoogendoorn", None)),
    )
    return replace(data, **changes)


def create(db: Database, actor: Actor, data: PartnerInput | None = None):
    with db.session() as session:
        return partners.create_partner(session, actor, data or amfors())


def add_agreement(db: Database, actor: Actor, partner_id: int, **changes):
    with db.session() as session:
        return partners.create_agreement(session, actor, partner_id, agreement_input(**changes))


def audit_rows(db: Database, entity: str) -> list[tuple[str, int | None, list[str]]]:
    with db.read_session() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.fields)
            .where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        ).all()
    return [(a, i, json.loads(f) if f else []) for a, i, f in rows]


def placement_with(db: Database, actor: Actor, partner_id: int) -> int:
    with db.session() as session:
        worker = workers.create_worker(session, actor, WorkerInput(
            number="D-0001", first_name="Anaïs", last_name="Çelik", doelgroep="participatiewet",
            start_date=D(2024, 1, 1)))
        return placements.create_placement(session, actor, worker.id, "winkel", D(2024, 2, 1),
                                           16, partner_id=partner_id).id


def certificate_for(db: Database, agreement_id: int) -> None:
    with db.session() as session:
        session.add(Certificate(
            serial="KAL-2025-0001", verification_code="7KQ2M9XD", kind="samenwerking", year=2025,
            sequence=1, agreement_id=agreement_id, content_hash="0" * 64))


# ---------------------------------------------------------------------------------------------
# The form's rules


def test_a_partner_is_cleaned_and_stored(shop_db: Database, beheerder: Actor) -> None:
    detail = create(shop_db, beheerder, amfors(name="  Amfors   Groep ", logo=tiny_png()))
    assert detail.name == "Amfors Groep"
    assert detail.postcode == "3812 PM"
    assert detail.kind_label == "SW-bedrijf"
    assert detail.logo == tiny_png() and detail.logo_mime == "image/png"
    assert detail.address_lines == ("Nijverheidsweg-Noord 11", "3812 PM Amersfoort")
    assert detail.as_input().contact_phone == "033 - 421 63 00"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "Verplicht"),
        ({"kind": "vereniging"}, "kind", "Onbekende soort 'vereniging'"),
        ({"postcode": "0123 AB"}, "postcode",
         "Postcode: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB"),
        ({"contact_email": "erik@amfors"}, "contact_email",
         "Geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl"),
        ({"contact_phone": "12345"}, "contact_phone",
         "Een Nederlands telefoonnummer: 10 cijfers die met 0 beginnen, +31 en 9 cijfers, of "
         "een 14-nummer van een gemeente (14 033)"),
        ({"city": "x" * 101}, "city", "Hoogstens 100 tekens"),
        ({"logo": b"\x89PNG\r\n\x1a\nDit is tekst, geen plaatje"}, "logo",
         "Dit bestand is geen bruikbare afbeelding (beschadigd of onvolledig)"),
        ({"logo": b"GIF89a........"}, "logo", "Het logo moet een PNG- of JPG-afbeelding zijn"),
    ],
)
def test_the_form_says_what_is_wrong_in_dutch(shop_db: Database, beheerder: Actor, changes,
                                              field: str, message: str) -> None:
    _cleaned, errors = check_partner_input(amfors(**changes))
    assert errors == {field: message}
    with pytest.raises(ValidationError) as raised, shop_db.session() as session:
        partners.create_partner(session, beheerder, amfors(**changes))
    assert raised.value.field_errors == {field: message}
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count(Partner.id))) == 0


@pytest.mark.parametrize("phone", ["0334216300", "+31 33 421 6300", "14 033", "14 0318",
                                   "0800-1234"])
def test_dutch_phone_numbers_a_partner_may_have(phone: str) -> None:
    assert check_partner_input(amfors(contact_phone=phone))[1] == {}


def test_logos_must_really_be_png_or_jpeg_images() -> None:
    assert logo_problem(tiny_png()) == ("image/png", None)
    assert logo_problem(tiny_jpeg()) == ("image/jpeg", None)
    broken = bytearray(tiny_png())
    broken[20] ^= 0xFF  # a byte of IHDR: its CRC no longer matches
    assert logo_problem(bytes(broken))[1] == (
        "Dit bestand is geen bruikbare afbeelding (beschadigd of onvolledig)")
    assert logo_problem(tiny_png()[:-12])[1] is not None  # cut off before IEND
    assert logo_problem(b"\xff\xd8\xff tekst")[1] is not None  # JPEG start, no image
    assert logo_problem(tiny_png() + b"\x00" * (2 * 1024 * 1024))[1] == (
        "Het logo is groter dan 2 MB; kies een kleinere afbeelding")
    assert logo_problem(tiny_png(7000, 1))[1] == (
        "Het logo is groter dan 6000 beeldpunten; kies een kleinere afbeelding")


def test_the_icons_are_no_logos() -> None:
    # An SVG is text: the rule is PNG or JPEG, not "an image Qt could draw".
    from kringloopdesk.paths import resource_path

    svg = resource_path("icons", "badge.svg").read_bytes()
    assert logo_problem(svg)[1] == "Het logo moet een PNG- of JPG-afbeelding zijn"


def test_names_are_unique_without_regard_to_case(shop_db: Database, beheerder: Actor) -> None:
    first = create(shop_db, beheerder, amfors(name="Gemeente Ééndorp"))
    with pytest.raises(ValidationError) as raised, shop_db.session() as session:
        partners.create_partner(session, beheerder, amfors(name=" gemeente  ééNDORP"))
    assert raised.value.field_errors == {
        "name": "Er is al een partner met de naam Gemeente Ééndorp"}
    with shop_db.read_session() as session:
        assert partners.partner_name_in_use(session, beheerder, "GEMEENTE ÉÉNDORP") == (
            "Er is al een partner met de naam Gemeente Ééndorp")
        # Its own name is no clash while it is edited.
        assert partners.partner_name_in_use(session, beheerder, "gemeente ééndorp",
                                            first.id) is None
    with shop_db.session() as session:  # changing only the case of its own name is fine
        renamed = partners.update_partner(session, beheerder, first.id,
                                          amfors(name="GEMEENTE ÉÉNDORP"), first.version)
    assert renamed.name == "GEMEENTE ÉÉNDORP"


def test_the_list_filters_and_counts(shop_db: Database, beheerder: Actor) -> None:
    a = create(shop_db, beheerder)
    create(shop_db, beheerder, PartnerInput(name="Gemeente Leusden", kind="gemeente",
                                            city="Leusden"))
    create(shop_db, beheerder, PartnerInput(name="Ŝkolo Çelik", kind="school"))
    add_agreement(shop_db, beheerder, a.id)
    add_agreement(shop_db, beheerder, a.id, title="Tweede overeenkomst")
    placement_with(shop_db, beheerder, a.id)
    with shop_db.read_session() as session:
        rows = partners.list_partners(session, beheerder)
        assert [r.name for r in rows] == ["Amfors", "Gemeente Leusden", "Ŝkolo Çelik"]
        assert (rows[0].agreement_count, rows[0].placement_count) == (2, 1)
        assert (rows[1].agreement_count, rows[1].placement_count) == (0, 0)
        assert [r.name for r in partners.list_partners(
            session, beheerder, PartnerFilter(text="skolo celik"))] == ["Ŝkolo Çelik"]
        assert [r.name for r in partners.list_partners(
            session, beheerder, PartnerFilter(text="leus"))] == ["Gemeente Leusden"]
        assert [r.name for r in partners.list_partners(
            session, beheerder, PartnerFilter(text="erik"))] == ["Amfors"]  # contact person
        assert [r.name for r in partners.list_partners(
            session, beheerder, PartnerFilter(kind="school"))] == ["Ŝkolo Çelik"]
        assert partners.list_partners(
            session, beheerder, PartnerFilter(text="amfors", kind="school")) == []
        assert partners.count_partners(session, beheerder) == 3


# ---------------------------------------------------------------------------------------------
# Changing and deleting


def test_update_records_the_changed_fields(shop_db: Database, beheerder: Actor) -> None:
    detail = create(shop_db, beheerder)
    with shop_db.session() as session:
        same = partners.update_partner(session, beheerder, detail.id, detail.as_input(),
                                       detail.version)
    assert same.version == detail.version  # nothing changed: nothing written
    with shop_db.session() as session:
        changed = partners.update_partner(
            session, beheerder, detail.id,
            replace(detail.as_input(), city="Leusden", logo=tiny_jpeg()), detail.version)
    assert changed.version == detail.version + 1 and changed.logo_mime == "image/jpeg"
    with shop_db.session() as session:
        removed = partners.update_partner(
            session, beheerder, detail.id, replace(changed.as_input(), logo=None),
            changed.version)
    assert removed.logo is None and removed.logo_mime is None
    assert audit_rows(shop_db, "partners") == [
        ("create", detail.id, ["city", "contact_email", "contact_name", "contact_phone", "kind",
                               "name", "postcode", "street"]),
        ("update", detail.id, ["city", "logo"]),
        ("update", detail.id, ["logo"]),
    ]


def test_a_save_over_someone_elses_is_refused(shop_db: Database, beheerder: Actor,
                                             begeleider: Actor) -> None:
    detail = create(shop_db, beheerder)
    with shop_db.session() as session:
        partners.update_partner(session, begeleider, detail.id,
                                replace(detail.as_input(), city="Leusden"), detail.version)
    with pytest.raises(PartnerChangedError) as raised, shop_db.session() as session:
        partners.update_partner(session, beheerder, detail.id,
                                replace(detail.as_input(), city="Baarn"), detail.version)
    assert "gewijzigd door marieke" in raised.value.message
    with pytest.raises(PartnerChangedError), shop_db.session() as session:
        partners.delete_partner(session, beheerder, detail.id, detail.version)
    with shop_db.read_session() as session:
        assert partners.get_partner(session, beheerder, detail.id).city == "Leusden"


def test_deleting_a_partner_takes_its_agreements(shop_db: Database, beheerder: Actor) -> None:
    detail = create(shop_db, beheerder)
    agreement = add_agreement(shop_db, beheerder, detail.id)
    with shop_db.session() as session:
        assert partners.delete_partner(session, beheerder, detail.id, detail.version) == "Amfors"
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count(Partner.id))) == 0
        assert session.scalar(select(func.count(Agreement.id))) == 0
        assert session.scalar(select(func.count(Signatory.id))) == 0
    assert audit_rows(shop_db, "agreements")[-1] == ("delete", agreement.id, [])
    assert audit_rows(shop_db, "partners")[-1] == ("delete", detail.id, [])
    with pytest.raises(PartnerChangedError, match="bestaat niet"), shop_db.read_session() as s:
        partners.get_partner(s, beheerder, detail.id)


def test_a_partner_with_placements_or_certificates_stays(shop_db: Database,
                                                         beheerder: Actor) -> None:
    detail = create(shop_db, beheerder)
    agreement = add_agreement(shop_db, beheerder, detail.id)
    placement_with(shop_db, beheerder, detail.id)
    with pytest.raises(UserError) as raised, shop_db.session() as session:
        partners.delete_partner(session, beheerder, detail.id, detail.version)
    assert raised.value.message == (
        "Amfors kan niet worden verwijderd. Er hoort 1 plaatsing bij deze partner. Een partner "
        "blijft bewaard zolang er iets naar verwijst.")
    certificate_for(shop_db, agreement.id)
    with shop_db.read_session() as session:
        detail = partners.get_partner(session, beheerder, detail.id)
    assert detail.deletion_blockers == (
        "Er hoort 1 plaatsing bij deze partner. Er is 1 certificaat uitgegeven voor een "
        "overeenkomst met deze partner.")
    with pytest.raises(UserError, match="certificaat"), shop_db.session() as session:
        partners.delete_agreement(session, beheerder, agreement.id, agreement.version)
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count(Agreement.id))) == 1


def test_a_partner_with_only_a_certificate_stays(shop_db: Database, beheerder: Actor) -> None:
    detail = create(shop_db, beheerder)
    certificate_for(shop_db, add_agreement(shop_db, beheerder, detail.id).id)
    with pytest.raises(UserError, match="Er is 1 certificaat uitgegeven"), \
            shop_db.session() as session:
        partners.delete_partner(session, beheerder, detail.id, detail.version)


# ---------------------------------------------------------------------------------------------
# Agreements and signatories


def test_an_agreement_with_signatories_on_both_sides(shop_db: Database, beheerder: Actor) -> None:
    detail = create(shop_db, beheerder)
    info = add_agreement(shop_db, beheerder, detail.id, signatories=(
        SignatoryInput("partner", " Erik  Hoogendoorn ", " "),
        SignatoryInput("winkel", "Marjolein van Dijk", "directeur-bestuurder"),
        SignatoryInput("winkel", "Piet Pauw", "bedrijfsleider"),
    ))
    assert info.partner_name == "Amfors"
    assert [s.display for s in info.side("winkel")] == [
        "Marjolein van Dijk (directeur-bestuurder)", "Piet Pauw (bedrijfsleider)"]
    assert [s.display for s in info.side("partner")] == ["Erik Hoogendoorn"]
    # Printed shop side first, in the order typed.
    assert [s.side for s in info.signatories] == ["winkel", "winkel", "partner"]
    assert info.printable and info.warnings == ()
    assert info.validity_text() == "01-04-2025 t/m 31-03-2028"
    assert partners.describe_signed(info) == "getekend 12-03-2025 in Amersfoort"
    assert info.is_valid_on(D(2026, 1, 1)) and not info.is_valid_on(D(2028, 4, 1))
    with shop_db.read_session() as session:
        assert partners.list_agreements(session, beheerder, detail.id) == [info]
        assert partners.get_agreement(session, beheerder, info.id) == info
        assert partners.get_partner(session, beheerder, detail.id).agreement_count == 1


def test_an_agreement_without_a_side_is_kept_with_a_warning(shop_db: Database,
                                                            beheerder: Actor) -> None:
    detail = create(shop_db, beheerder)
    info = add_agreement(shop_db, beheerder, detail.id, signatories=(
        SignatoryInput("winkel", "Marjolein van Dijk"),), signed_date=None, place=None)
    assert not info.printable
    assert info.warnings == (
        "Er is nog geen ondertekenaar namens de partner; het certificaat heeft dan geen "
        "handtekening van de partner.",)
    assert partners.describe_signed(info) == "nog niet getekend"
    assert len(partners.agreement_warnings(())) == 2


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": " "}, {"title": "Verplicht"}),
        ({"valid_from": D(2025, 4, 1), "valid_to": D(2025, 3, 31)},
         {"valid_to": "Op of na de datum 'geldig vanaf'"}),
        ({"signatories": (SignatoryInput("winkel", "Marjolein"),
                          SignatoryInput("partner", "  ", "wethouder"))},
         {"signatory.1": "De naam van de ondertekenaar ontbreekt (functie: wethouder)",
          "signatories": "De naam van de ondertekenaar ontbreekt (functie: wethouder)"}),
        ({"signatories": (SignatoryInput("gemeente", "Lieke"),)},
         {"signatory.0": "Onbekende kant 'gemeente'", "signatories": "Onbekende kant 'gemeente'"}),
        ({"signatories": tuple(SignatoryInput("winkel", f"Naam {i}") for i in range(7))},
         {"signatories": "Hoogstens 6 ondertekenaars per kant"}),
        ({"scope": "x" * 5001}, {"scope": "Hoogstens 5000 tekens"}),
    ],
)
def test_agreement_rules(shop_db: Database, beheerder: Actor, changes, expected) -> None:
    assert check_agreement_input(agreement_input(**changes))[1] == expected
    detail = create(shop_db, beheerder)
    with pytest.raises(ValidationError) as raised, shop_db.session() as session:
        partners.create_agreement(session, beheerder, detail.id, agreement_input(**changes))
    assert raised.value.field_errors == expected


def test_changing_signatories_alone_is_a_change(shop_db: Database, beheerder: Actor,
                                                begeleider: Actor) -> None:
    detail = create(shop_db, beheerder)
    info = add_agreement(shop_db, beheerder, detail.id)
    with shop_db.session() as session:
        same = partners.update_agreement(session, beheerder, info.id, info.as_input(),
                                         info.version)
    assert same.version == info.version
    new = replace(info.as_input(), signatories=(
        *info.as_input().signatories, SignatoryInput("partner", "Nadia Bouali", "teamleider")))
    with shop_db.session() as session:
        changed = partners.update_agreement(session, begeleider, info.id, new, info.version)
    assert changed.version == info.version + 1
    assert [s.name for s in changed.side("partner")] == ["Erik Hoogendoorn", "Nadia Bouali"]
    # The other PC still has the old version: its save is refused, whatever it changed.
    with pytest.raises(AgreementChangedError, match="marieke"), shop_db.session() as session:
        partners.update_agreement(session, beheerder, info.id,
                                  replace(info.as_input(), title="Nieuwe titel"), info.version)
    with pytest.raises(AgreementChangedError), shop_db.session() as session:
        partners.delete_agreement(session, beheerder, info.id, info.version)
    with shop_db.session() as session:
        partners.update_agreement(session, beheerder, info.id,
                                  replace(new, scope=None, valid_to=None), changed.version)
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count(Signatory.id))) == 3
    assert [(a, f) for a, _i, f in audit_rows(shop_db, "agreements")] == [
        ("create", ["partner", "place", "scope", "signatories", "signed_date", "title",
                    "valid_from", "valid_to"]),
        ("update", ["signatories"]),
        ("update", ["scope", "valid_to"]),
    ]


def test_deleting_an_agreement(shop_db: Database, beheerder: Actor) -> None:
    detail = create(shop_db, beheerder)
    info = add_agreement(shop_db, beheerder, detail.id)
    with shop_db.session() as session:
        title = partners.delete_agreement(session, beheerder, info.id, info.version)
    assert title == info.title
    with shop_db.read_session() as session:
        assert partners.list_agreements(session, beheerder, detail.id) == []
        assert session.scalar(select(func.count(Signatory.id))) == 0
    assert audit_rows(shop_db, "agreements")[-1] == ("delete", info.id, [])


def test_imported_partners_can_be_edited(shop_db: Database, beheerder: Actor) -> None:
    # An import adds a partner by name only (kind 'overig'); the form completes it.
    with shop_db.session() as session:
        session.add(Partner(name="Stichting Present", kind="overig"))
    with shop_db.read_session() as session:
        row = partners.list_partners(session, beheerder)[0]
        detail = partners.get_partner(session, beheerder, row.id)
    assert (row.kind_label, row.city, row.has_logo) == ("Overig", None, False)
    with shop_db.session() as session:
        done = partners.update_partner(session, beheerder, detail.id,
                                       replace(detail.as_input(), kind="zorg", logo=tiny_png()),
                                       detail.version)
    assert done.kind_label == "Zorgorganisatie"


# ---------------------------------------------------------------------------------------------
# Who may


def test_an_invoer_may_not_see_or_change_partners(shop_db: Database, beheerder: Actor,
                                                  invoer: Actor) -> None:
    detail = create(shop_db, beheerder)
    with shop_db.session() as session:
        for call in (
            lambda: partners.list_partners(session, invoer),
            lambda: partners.get_partner(session, invoer, detail.id),
            lambda: partners.create_partner(session, invoer, amfors(name="Ander")),
            lambda: partners.delete_partner(session, invoer, detail.id, detail.version),
            lambda: partners.create_agreement(session, invoer, detail.id, agreement_input()),
        ):
            with pytest.raises(PermissionDeniedError):
                call()


def test_a_begeleider_manages_partners(shop_db: Database, begeleider: Actor) -> None:
    detail = create(shop_db, begeleider)
    info = add_agreement(shop_db, begeleider, detail.id)
    with shop_db.session() as session:
        partners.delete_agreement(session, begeleider, info.id, info.version)
        partners.delete_partner(session, begeleider, detail.id, detail.version)
    assert [a for a, _i, _f in audit_rows(shop_db, "partners")] == ["create", "delete"]
    with shop_db.read_session() as session:
        usernames = set(session.scalars(select(AuditEntry.username).where(
            AuditEntry.entity.in_(("partners", "agreements")))))
    assert usernames == {"marieke"}
