"""The certificate registry: serials, signing, verification, revoke/reissue, batch, rights.

Runs on SQLite and, with KRINGLOOPDESK_TEST_DB, on PostgreSQL (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.migrate import open_database
from kringloopdesk.db.models import (
    Agreement,
    AuditEntry,
    Certificate,
    Department,
    Doelgroep,
    HourEntry,
    Partner,
    Placement,
    PlacementSkill,
    ShopSecret,
    Signatory,
    Worker,
)
from kringloopdesk.errors import PermissionDeniedError, UserError, ValidationError
from kringloopdesk.reports import certificates as rc
from kringloopdesk.services import certificates as certs
from kringloopdesk.services import signing
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.certificates import BatchCancelled, CertificateFilter

TODAY = dt.date.today()
YEAR = TODAY.year
SERIAL = re.compile(rf"^KAL-{YEAR}-\d{{4}}$")


# -- data -------------------------------------------------------------------------------------


def add_placement(session, *, number: str, first: str = "Jan", last: str = "Jansen",
                  start: dt.date = dt.date(2025, 1, 6), end: dt.date | None = dt.date(2025, 6, 27),
                  hours: tuple[str, ...] = ("4.25", "3.50"), skills: tuple[str, ...] = (),
                  partner_id: int | None = None, coach_id: int | None = None) -> int:
    doelgroep = session.scalar(select(Doelgroep.id).where(Doelgroep.code == "participatiewet"))
    department = session.scalar(select(Department.id).where(Department.code == "winkel"))
    worker = Worker(number=number, first_name=first, last_name=last, doelgroep_id=doelgroep,
                    start_date=start)
    session.add(worker)
    session.flush()
    placement = Placement(worker_id=worker.id, department_id=department, start_date=start,
                          end_date=end, outcome="betaald_werk" if end else None,
                          status="afgerond" if end else "actief",
                          hours_per_week=Decimal(16), partner_id=partner_id, coach_id=coach_id)
    session.add(placement)
    session.flush()
    for i, value in enumerate(hours):
        session.add(HourEntry(placement_id=placement.id, entry_date=start + dt.timedelta(days=i),
                              hours=Decimal(value)))
    for i, name in enumerate(skills):
        session.add(PlacementSkill(placement_id=placement.id, name=name, sort_order=i))
    session.flush()
    return placement.id


def add_agreement(session) -> int:
    partner = Partner(name="Amfors", kind="sw_bedrijf", contact_name="Piet Partner")
    session.add(partner)
    session.flush()
    agreement = Agreement(partner_id=partner.id, title="Samen werken aan hergebruik",
                          signed_date=dt.date(2025, 3, 1), place="Leusden",
                          scope="Leerwerkplekken")
    session.add(agreement)
    session.flush()
    session.add_all([
        Signatory(agreement_id=agreement.id, side="partner", name="Petra Directeur",
                  function="Directeur", sort_order=0),
        Signatory(agreement_id=agreement.id, side="winkel", name="Bea Beheer",
                  function="Voorzitter", sort_order=1),
    ])
    session.flush()
    return agreement.id


@pytest.fixture
def placement_id(shop_db: Database) -> int:
    with shop_db.session() as session:
        return add_placement(session, number="D-0001", skills=("Kassa", "Prijzen"))


def issue(db: Database, actor: Actor, placement: int, **kwargs) -> certs.IssuedCertificate:
    with db.session() as session:
        return certs.issue_participation(session, actor, placement, **kwargs)


def verify_pdf(db: Database, pdf: bytes) -> list[certs.VerificationResult]:
    with db.read_session() as session:
        return certs.verify_pdf(session, pdf)


def verify_code(db: Database, text: str) -> certs.VerificationResult:
    with db.read_session() as session:
        return certs.verify_code(session, text)


def tamper(pdf: bytes, old: bytes, new: bytes) -> bytes:
    """What a PDF editor does: the page's content stream decoded, edited and written back."""
    for match in re.finditer(rb"(\d+) 0 obj", pdf):
        end_of_object = pdf.index(b"endobj", match.end())
        body = pdf[match.end():end_of_object]
        marker = re.search(rb"stream\r?\n", body)
        if marker is None:
            continue
        start = match.end() + marker.end()
        end = pdf.index(b"endstream", start)
        data = pdf[start:end]
        if b"/FlateDecode" in body[:marker.start()]:
            data = zlib.decompressobj().decompress(data)
        if b"% KLDC-BEGIN" in data and old in data:
            data = data.replace(old, new)
            rebuilt = (f"{match.group(1).decode()} 0 obj\n<< /Length {len(data)} >>\n"
                       "stream\n").encode() + data + b"\n"
            return pdf[:match.start()] + rebuilt + pdf[end:]
    raise AssertionError(f"{old!r} not in a certificate page")


# -- serials ----------------------------------------------------------------------------------


def test_serials_are_gap_free_per_year_and_a_rollback_uses_none(
        shop_db: Database, beheerder: Actor, placement_id: int) -> None:
    with shop_db.session() as session:
        # Last year's numbers do not count for this year.
        session.add(Certificate(serial=f"KAL-{YEAR - 1}-0041", verification_code="2222-2222",
                                kind="deelname", year=YEAR - 1, sequence=41,
                                placement_id=placement_id, content_hash="0" * 64))
    first = issue(shop_db, beheerder, placement_id)
    second = issue(shop_db, beheerder, placement_id, language="en")
    assert (first.serial, second.serial) == (f"KAL-{YEAR}-0001", f"KAL-{YEAR}-0002")
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}",
                        first.code)
    assert first.code != second.code and first.kind == "deelname"
    assert first.subject == "Jan Jansen" and first.pdf.startswith(b"%PDF")
    with pytest.raises(RuntimeError), shop_db.session() as session:
        certs.issue_participation(session, beheerder, placement_id)
        raise RuntimeError("the unit of work fails after issuing")
    assert issue(shop_db, beheerder, placement_id).serial == f"KAL-{YEAR}-0003"
    with shop_db.read_session() as session:
        rows = session.execute(select(Certificate.year, Certificate.sequence)
                               .order_by(Certificate.year, Certificate.sequence)).all()
    assert [tuple(r) for r in rows] == [(YEAR - 1, 41), (YEAR, 1), (YEAR, 2), (YEAR, 3)]


def test_two_instances_issuing_at_once_take_every_number_once(
        shop_db: Database, beheerder: Actor, placement_id: int) -> None:
    url = shop_db.url
    errors: list[BaseException] = []
    serials: list[str] = []
    barrier = threading.Barrier(2)

    def instance() -> None:
        database = open_database(url)  # its own engine, pool and sessions: another PC
        try:
            barrier.wait()
            for _ in range(10):
                with database.session() as session:
                    serials.append(certs.issue_participation(session, beheerder,
                                                             placement_id).serial)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            database.dispose()

    threads = [threading.Thread(target=instance) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    assert sorted(serials) == [f"KAL-{YEAR}-{n:04d}" for n in range(1, 21)]
    with shop_db.read_session() as session:
        sequences = session.scalars(select(Certificate.sequence).order_by(Certificate.sequence))
        assert list(sequences) == list(range(1, 21))


# -- content ----------------------------------------------------------------------------------


def test_participation_content_follows_the_placement(
        shop_db: Database, beheerder: Actor, begeleider: Actor, monkeypatch) -> None:
    with shop_db.session() as session:
        partner = Partner(name="Amfors", kind="sw_bedrijf", contact_name="Piet Partner",
                          logo=None)
        session.add(partner)
        session.flush()
        coached = add_placement(session, number="D-0001", first="Anaïs", last="Çelik",
                                end=None, hours=("4.25", "3.50", "0.01"),
                                skills=("Kassa", "Prijzen"), partner_id=partner.id,
                                coach_id=begeleider.user_id)
        plain = add_placement(session, number="D-0002")
    seen: list = []
    real = rc.render_certificate
    monkeypatch.setattr(rc, "render_certificate",
                        lambda content, signer: seen.append(content) or real(content, signer))
    issue(shop_db, beheerder, coached)
    issue(shop_db, beheerder, plain, language="en", orientation="landscape")
    running, english = seen
    assert running.worker_name == "Anaïs Çelik" and running.department == "Winkel"
    assert running.end_date == TODAY and running.issue_date == TODAY  # a running placement
    assert running.hours == Decimal("7.76") and running.skills == ("Kassa", "Prijzen")
    assert running.partner == rc.Party("Amfors", None)
    assert running.signatures == (
        rc.SignatureLine("Marieke Jansen", "Werkbegeleider", "Kringloop Amersfoort-Leusden"),
        rc.SignatureLine("Piet Partner", "Contactpersoon", "Amfors"),
    )
    assert running.place == "Amersfoort" and running.shop.name == "Kringloop Amersfoort-Leusden"
    assert english.language == "en" and english.orientation == "landscape"
    assert english.end_date == dt.date(2025, 6, 27) and english.partner is None
    assert english.signatures == (
        rc.SignatureLine("Bea Beheer", "Manager", "Kringloop Amersfoort-Leusden"),)


def test_partnership_content_puts_the_shop_side_first(
        shop_db: Database, beheerder: Actor, monkeypatch) -> None:
    with shop_db.session() as session:
        agreement = add_agreement(session)
    seen: list = []
    real = rc.render_certificate
    monkeypatch.setattr(rc, "render_certificate",
                        lambda content, signer: seen.append(content) or real(content, signer))
    with shop_db.session() as session:
        issued = certs.issue_partnership(session, beheerder, agreement)
    content, = seen
    assert issued.kind == "samenwerking" and issued.subject == "Amfors"
    assert content.agreement_title == "Samen werken aan hergebruik" and content.place == "Leusden"
    assert [(s.name, s.organisation) for s in content.signatures] == [
        ("Bea Beheer", "Kringloop Amersfoort-Leusden"), ("Petra Directeur", "Amfors")]
    assert verify_pdf(shop_db, issued.pdf)[0].status == "genuine"


def test_an_anonymised_worker_gets_no_certificate(
        shop_db: Database, beheerder: Actor, placement_id: int) -> None:
    with shop_db.session() as session:
        worker = session.scalar(select(Worker).join(Placement).where(
            Placement.id == placement_id))
        worker.anonymised_at = TODAY
    with pytest.raises(UserError, match="geanonimiseerd"), shop_db.session() as session:
        certs.issue_participation(session, beheerder, placement_id)
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0


def test_bad_options_are_refused(shop_db: Database, beheerder: Actor, placement_id: int) -> None:
    with pytest.raises(ValidationError), shop_db.session() as session:
        certs.issue_participation(session, beheerder, placement_id, language="de")
    with pytest.raises(ValidationError), shop_db.session() as session:
        certs.preview_participation(session, beheerder, placement_id, orientation="diagonal")


def test_a_preview_registers_nothing(shop_db: Database, beheerder: Actor,
                                     placement_id: int) -> None:
    with shop_db.session() as session:
        draft = certs.preview_participation(session, beheerder, placement_id)
    assert draft.startswith(b"%PDF") and rc.read_certificate_pages(draft) == []
    assert verify_pdf(shop_db, draft) == []
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0


# -- verification -----------------------------------------------------------------------------


def test_an_untouched_certificate_is_genuine(shop_db: Database, beheerder: Actor,
                                             placement_id: int) -> None:
    issued = issue(shop_db, beheerder, placement_id)
    result, = verify_pdf(shop_db, issued.pdf)
    assert (result.status, result.serial, result.code, result.subject) == (
        "genuine", issued.serial, issued.code, "Jan Jansen")
    assert result.message.startswith("Echt")
    for typed in (issued.code, issued.code.lower(), issued.code.replace("-", ""),
                  issued.serial, issued.serial.lower()):
        assert verify_code(shop_db, typed).status == "genuine", typed


def test_changed_content_is_altered(shop_db: Database, beheerder: Actor,
                                    placement_id: int) -> None:
    issued = issue(shop_db, beheerder, placement_id)
    changed = tamper(issued.pdf, b"(Jan Jansen)", b"(Jan Janssen)")
    evidence, = rc.read_certificate_pages(changed)
    assert evidence.actual_hash != evidence.claimed_hash
    result, = verify_pdf(shop_db, changed)
    assert result.status == "altered" and result.message.startswith("Veranderd")
    # The same edit back again: genuine once more (the check is of the content, not the file).
    assert verify_pdf(shop_db, tamper(changed, b"(Jan Janssen)", b"(Jan Jansen)"))[0].status \
        == "genuine"


def test_another_certificates_payload_or_code_is_altered(
        shop_db: Database, beheerder: Actor, placement_id: int) -> None:
    with shop_db.session() as session:
        other = add_placement(session, number="D-0002", first="Kees", last="de Vries")
    first = issue(shop_db, beheerder, placement_id)
    second = issue(shop_db, beheerder, other)
    one, = rc.read_certificate_pages(first.pdf)
    two, = rc.read_certificate_pages(second.pdf)
    payload = lambda e: rc.payload(e.serial, e.code, e.claimed_hash, e.signature)  # noqa: E731
    # Kees's page with Jan's (validly signed) payload.
    swapped = tamper(second.pdf, payload(two).encode(), payload(one).encode())
    assert verify_pdf(shop_db, swapped)[0].status == "altered"
    # Jan's serial and hash with Kees's code: the signature no longer fits.
    mixed = rc.payload(one.serial, two.code, one.claimed_hash, one.signature)
    assert verify_pdf(shop_db, tamper(first.pdf, payload(one).encode(),
                                      mixed.encode()))[0].status == "altered"
    # A registry row whose stored code was changed afterwards: altered by code too.
    with shop_db.session() as session:
        row = session.scalar(select(Certificate).where(Certificate.serial == first.serial))
        row.verification_code = "ZZZZ-ZZZZ"
    assert verify_code(shop_db, "ZZZZ-ZZZZ").status == "altered"
    assert verify_pdf(shop_db, first.pdf)[0].status == "altered"


def test_a_revoked_certificate_says_so(shop_db: Database, beheerder: Actor,
                                       placement_id: int) -> None:
    issued = issue(shop_db, beheerder, placement_id)
    with pytest.raises(ValidationError), shop_db.session() as session:
        certs.revoke_certificate(session, beheerder, issued.serial, "  ")
    with shop_db.session() as session:
        row = certs.revoke_certificate(session, beheerder, issued.serial.lower(),
                                       "Uren verkeerd geteld")
    assert row.status == "ingetrokken" and row.revoke_reason == "Uren verkeerd geteld"
    by_file, = verify_pdf(shop_db, issued.pdf)
    by_code = verify_code(shop_db, issued.code)
    for result in (by_file, by_code):
        assert result.status == "revoked" and result.revoke_reason == "Uren verkeerd geteld"
        assert "Uren verkeerd geteld" in result.message
    with pytest.raises(UserError, match="al ingetrokken"), shop_db.session() as session:
        certs.revoke_certificate(session, beheerder, issued.serial, "nog eens")


def test_unknown_codes_and_foreign_files(shop_db: Database, beheerder: Actor,
                                         placement_id: int, tmp_path: Path) -> None:
    issued = issue(shop_db, beheerder, placement_id)
    assert verify_code(shop_db, "2345-6789").status == "unknown"
    assert verify_code(shop_db, "nonsense").status == "unknown"
    assert verify_code(shop_db, f"KAL-{YEAR}-9999").status == "unknown"
    from reportlab.pdfgen.canvas import Canvas

    Canvas(str(tmp_path / "other.pdf")).save()
    assert verify_pdf(shop_db, (tmp_path / "other.pdf").read_bytes()) == []
    assert verify_pdf(shop_db, b"not a pdf at all") == []
    # Our own kind of page, signed with another shop's key: not in this registry.
    foreign = Ed25519PrivateKey.generate()

    def signer(content_hash: str) -> rc.Verification:
        message = rc.signed_message("ZZZ-2020-0001", "2222-3333", content_hash)
        return rc.Verification("ZZZ-2020-0001", "2222-3333", foreign.sign(message))

    with shop_db.session() as session:
        subject, = certs._participation_contents(session, beheerder, [placement_id], "nl",
                                                 "portrait", TODAY)
    other_shop = rc.render_certificate(subject.content, signer)
    result, = verify_pdf(shop_db, other_shop)
    assert result.status == "unknown" and result.serial == "ZZZ-2020-0001"
    assert certs.worst_verdict([]) == "unknown"
    assert issued.serial in verify_pdf(shop_db, issued.pdf)[0].message


def test_offline_verification_with_the_exported_public_key(
        shop_db: Database, beheerder: Actor, placement_id: int) -> None:
    issued = issue(shop_db, beheerder, placement_id)
    with shop_db.read_session() as session:
        pem = certs.public_key_pem(session)
    assert pem.startswith(b"-----BEGIN PUBLIC KEY-----")
    assert [r.status for r in certs.verify_offline(issued.pdf, pem)] == ["genuine"]
    changed = tamper(issued.pdf, b"(Jan Jansen)", b"(Jan Janssen)")
    assert [r.status for r in certs.verify_offline(changed, pem)] == ["altered"]
    other = signing.public_key_pem(Ed25519PrivateKey.generate().public_key())
    assert [r.status for r in certs.verify_offline(issued.pdf, other)] == ["altered"]
    with pytest.raises(UserError):
        certs.verify_offline(issued.pdf, b"no key")


# -- reissue, list ----------------------------------------------------------------------------


def test_reissue_gives_a_new_serial_that_refers_to_the_old(
        shop_db: Database, beheerder: Actor, placement_id: int) -> None:
    old = issue(shop_db, beheerder, placement_id, language="en")
    with shop_db.session() as session:
        new = certs.reissue_certificate(session, beheerder, old.serial)
    assert new.serial == f"KAL-{YEAR}-0002" and new.replaces_serial == old.serial
    assert verify_pdf(shop_db, old.pdf)[0].status == "revoked"
    assert verify_pdf(shop_db, new.pdf)[0].status == "genuine"
    with shop_db.read_session() as session:
        rows = {r.serial: r for r in certs.list_certificates(session, beheerder)}
        assert certs.count_certificates(session, beheerder) == 2
    assert rows[old.serial].replaced_by_serial == new.serial
    assert rows[old.serial].revoke_reason == f"Vervangen door {new.serial}"
    assert rows[new.serial].replaces_serial == old.serial and rows[new.serial].language == "en"
    with pytest.raises(UserError, match="al vervangen"), shop_db.session() as session:
        certs.reissue_certificate(session, beheerder, old.serial)


def test_the_registry_list_filters(shop_db: Database, beheerder: Actor, begeleider: Actor,
                                   placement_id: int) -> None:
    with shop_db.session() as session:
        agreement = add_agreement(session)
    one = issue(shop_db, begeleider, placement_id)
    with shop_db.session() as session:
        two = certs.issue_partnership(session, beheerder, agreement)
        certs.revoke_certificate(session, beheerder, one.serial, "Fout")

    def listed(**kwargs) -> list[str]:
        with shop_db.read_session() as session:
            return [r.serial for r in certs.list_certificates(
                session, beheerder, CertificateFilter(**kwargs))]

    assert listed() == [two.serial, one.serial]  # newest first
    assert listed(text="jansen") == [one.serial] == listed(text=one.code.lower())
    assert listed(text="amfors") == [two.serial] == listed(kind="samenwerking")
    assert listed(include_revoked=False) == [two.serial]
    assert listed(year=YEAR - 1) == []
    with shop_db.read_session() as session:
        row, = certs.list_certificates(session, beheerder, CertificateFilter(kind="deelname"))
        assert certs.count_certificates(session, beheerder, CertificateFilter(text="amf")) == 1
    assert row.issued_by == "Marieke Jansen" and row.kind_label == "Certificaat van deelname"
    assert row.detail == "Winkel, 06-01-2025 – 27-06-2025" and row.status == "ingetrokken"


# -- batch ------------------------------------------------------------------------------------


@pytest.fixture
def ended(shop_db: Database) -> list[int]:
    with shop_db.session() as session:
        ids = [add_placement(session, number=f"D-{i:04d}", first=f"Naam{i}", last="Test",
                             end=dt.date(2025, 6, i)) for i in range(1, 4)]
        add_placement(session, number="D-0099", end=dt.date(2025, 8, 1))  # outside the period
        add_placement(session, number="D-0098", end=None)  # running
    return ids


def test_ended_placements_of_a_period(shop_db: Database, beheerder: Actor,
                                      ended: list[int]) -> None:
    issue(shop_db, beheerder, ended[1])
    with shop_db.read_session() as session:
        rows = certs.ended_placements(session, beheerder, dt.date(2025, 6, 1),
                                      dt.date(2025, 6, 30))
    assert [(r.placement_id, r.has_certificate, r.hours) for r in rows] == [
        (ended[0], False, Decimal("7.75")), (ended[1], True, Decimal("7.75")),
        (ended[2], False, Decimal("7.75"))]
    assert rows[0].worker_name == "Naam1 Test" and rows[0].department == "Winkel"


def test_batch_as_one_pdf(shop_db: Database, beheerder: Actor, ended: list[int],
                          tmp_path: Path) -> None:
    target = tmp_path / "juni.pdf"
    seen: list[tuple[int, int]] = []
    with shop_db.session() as session:
        result = certs.issue_batch(session, beheerder, ended, one_pdf=True, target=target,
                                   progress=lambda done, total: seen.append((done, total)))
    assert [i.serial for i in result.issued] == [f"KAL-{YEAR}-{n:04d}" for n in (1, 2, 3)]
    assert [i.subject for i in result.issued] == ["Naam1 Test", "Naam2 Test", "Naam3 Test"]
    assert result.files == (target,) and seen[-1] == (3, 3)
    assert sorted(p.name for p in tmp_path.glob("*.pdf*")) == ["juni.pdf"]
    assert list(tmp_path.glob(".*.part")) == []
    results = verify_pdf(shop_db, target.read_bytes())
    assert [(r.status, r.serial) for r in results] == [
        ("genuine", i.serial) for i in result.issued]


def test_batch_one_file_each(shop_db: Database, beheerder: Actor, ended: list[int],
                             tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    with shop_db.session() as session:
        result = certs.issue_batch(session, beheerder, ended, language="en", one_pdf=False,
                                   target=folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        f"KAL-{YEAR}-0001 Naam1 Test.pdf", f"KAL-{YEAR}-0002 Naam2 Test.pdf",
        f"KAL-{YEAR}-0003 Naam3 Test.pdf"]
    for issued, path in zip(result.issued, result.files, strict=True):
        assert path.read_bytes() == issued.pdf
        assert verify_pdf(shop_db, issued.pdf)[0].status == "genuine"
    with shop_db.read_session() as session:
        audit = session.scalars(select(AuditEntry.summary).where(
            AuditEntry.entity == "certificates", AuditEntry.action == "create")).all()
    assert sorted(audit) == [i.serial for i in result.issued]


@pytest.mark.parametrize("one_pdf", [True, False])
def test_a_cancelled_batch_leaves_no_files_and_no_rows(
        shop_db: Database, beheerder: Actor, ended: list[int], tmp_path: Path,
        one_pdf: bool) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    target = folder / "alles.pdf" if one_pdf else folder
    done: list[int] = []
    with pytest.raises(BatchCancelled), shop_db.session() as session:
        certs.issue_batch(session, beheerder, ended, one_pdf=one_pdf, target=target,
                          progress=lambda n, total: done.append(n),
                          cancelled=lambda: len(done) >= 2)
    assert done[:2] == [1, 2]  # it got under way before the cancel
    assert list(folder.iterdir()) == []
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0


@pytest.mark.parametrize("one_pdf", [True, False])
def test_a_batch_takes_a_progress_object_and_its_cancel(
        shop_db: Database, beheerder: Actor, ended: list[int], tmp_path: Path,
        one_pdf: bool) -> None:
    """The GUI's route (gui/long_task.py): a Progress, cancelled at the second step."""
    from kringloopdesk.errors import JobCancelledError
    from kringloopdesk.services.progress import Progress

    folder = tmp_path / "uit"
    folder.mkdir()
    target = folder / "alles.pdf" if one_pdf else folder
    values: list[int] = []

    def report(value: int, total: int, text: str) -> None:
        values.append(value)
        if len(values) >= 2:
            progress.cancel()  # as the user would, from the GUI thread

    progress = Progress(report)
    with pytest.raises(JobCancelledError), shop_db.session() as session:
        certs.issue_batch(session, beheerder, ended, one_pdf=one_pdf, target=target,
                          progress=progress)
    assert values == sorted(values) and len(values) >= 2
    assert list(folder.iterdir()) == []
    with shop_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0
    # No serial was used: the next batch starts at 0001.
    with shop_db.session() as session:
        result = certs.issue_batch(session, beheerder, ended[:1], one_pdf=False, target=folder)
    assert result.issued[0].serial == f"KAL-{YEAR}-0001"


def test_a_failing_batch_removes_its_files(shop_db: Database, beheerder: Actor,
                                           ended: list[int], tmp_path: Path,
                                           monkeypatch) -> None:
    calls = {"n": 0}
    real = rc.render_certificate

    def flaky(content, signer):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(content, signer)

    monkeypatch.setattr(rc, "render_certificate", flaky)
    with pytest.raises(OSError), shop_db.session() as session:
        certs.issue_batch(session, beheerder, ended, one_pdf=False, target=tmp_path / "home")
    assert list((tmp_path / "home").glob("*.pdf")) == []
    assert list((tmp_path / "home").glob(".*.part")) == []


# -- rights and audit -------------------------------------------------------------------------


def test_an_invoer_may_not_issue_but_may_verify(shop_db: Database, beheerder: Actor,
                                                invoer: Actor, placement_id: int,
                                                tmp_path: Path) -> None:
    issued = issue(shop_db, beheerder, placement_id)
    with shop_db.session() as session:
        agreement = add_agreement(session)
    calls = [
        lambda s: certs.issue_participation(s, invoer, placement_id),
        lambda s: certs.issue_partnership(s, invoer, agreement),
        lambda s: certs.preview_participation(s, invoer, placement_id),
        lambda s: certs.preview_partnership(s, invoer, agreement),
        lambda s: certs.list_certificates(s, invoer),
        lambda s: certs.count_certificates(s, invoer),
        lambda s: certs.revoke_certificate(s, invoer, issued.serial, "nee"),
        lambda s: certs.reissue_certificate(s, invoer, issued.serial),
        lambda s: certs.ended_placements(s, invoer, TODAY, TODAY),
        lambda s: certs.issue_batch(s, invoer, [placement_id], one_pdf=False,
                                    target=tmp_path),
    ]
    for call in calls:
        with pytest.raises(PermissionDeniedError), shop_db.session() as session:
            call(session)
    assert verify_code(shop_db, issued.code).status == "genuine"


def test_issue_revoke_and_reissue_are_audited(shop_db: Database, beheerder: Actor,
                                              placement_id: int) -> None:
    first = issue(shop_db, beheerder, placement_id)
    second = issue(shop_db, beheerder, placement_id)
    with shop_db.session() as session:
        certs.revoke_certificate(session, beheerder, first.serial, "Fout")
        third = certs.reissue_certificate(session, beheerder, second.serial)
    with shop_db.read_session() as session:
        entries = session.execute(
            select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.summary,
                   AuditEntry.fields, AuditEntry.username)
            .where(AuditEntry.entity == "certificates").order_by(AuditEntry.id)).all()
    assert [(a, i, s) for a, i, s, _f, _u in entries] == [
        ("create", first.id, first.serial),
        ("create", second.id, second.serial),
        ("update", first.id, f"{first.serial} ingetrokken"),
        ("create", third.id, f"{third.serial} vervangt {second.serial}"),
        ("update", second.id, f"{second.serial} ingetrokken"),
    ]
    assert json.loads(entries[2][3]) == ["revoke_reason", "revoked_at"]
    assert {u for *_rest, u in entries} == {"beheer"}


# -- the signing key --------------------------------------------------------------------------


def test_a_shop_made_before_signing_gets_its_key_on_first_issue(
        shop_db: Database, beheerder: Actor, placement_id: int) -> None:
    with shop_db.session() as session:
        session.delete(session.scalar(select(ShopSecret).where(
            ShopSecret.purpose == signing.SIGNING_PURPOSE)))
    with shop_db.read_session() as session, pytest.raises(UserError):
        certs.public_key_pem(session)
    issued = issue(shop_db, beheerder, placement_id)
    assert verify_pdf(shop_db, issued.pdf)[0].status == "genuine"


def test_signing_needs_the_data_key(shop_db: Database, beheerder: Actor,
                                    placement_id: int) -> None:
    keyless = Actor(beheerder.user_id, beheerder.username, beheerder.full_name, "beheerder")
    with pytest.raises(PermissionDeniedError), shop_db.session() as session:
        certs.issue_participation(session, keyless, placement_id)
