"""The certificate registry: issue, sign, list, revoke, reissue, batch and verify.

A certificate is one signed PDF page (drawn by reports/certificates.py) and one row in the
registry (``certificates``). Serials are ``<PREFIX>-<YYYY>-<NNNN>``, gap-free per issue year:
the number is taken inside the caller's unit of work, under a lock that two PCs issuing at
once both respect (SQLite: every writing unit of work begins IMMEDIATE, db/engine.py;
PostgreSQL: a transaction-level advisory lock per year), so a rollback never leaves a gap and
two issuers never take the same number. How the page, its hash and its signature fit together,
and what the verdicts mean: docs/certificates.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from kringloopdesk.db.base import utcnow
from kringloopdesk.db.codes import CERTIFICATE_KINDS
from kringloopdesk.db.models import (
    Agreement,
    Certificate,
    Department,
    HourEntry,
    Partner,
    Placement,
    PlacementSkill,
    ShopProfile,
    User,
    Worker,
)
from kringloopdesk.errors import (
    JobCancelledError,
    NotInitialisedError,
    UserError,
    ValidationError,
)
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit, signing
from kringloopdesk.services.auth import Actor, require_data_key
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.progress import Progress

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

    from kringloopdesk.reports import certificates as rc

STATUS_VALID = "geldig"
STATUS_REVOKED = "ingetrokken"

GENUINE = "genuine"
REVOKED = "revoked"
ALTERED = "altered"
UNKNOWN = "unknown"
# Exit codes of ``verify``: the worst verdict of the file wins.
VERDICT_EXIT_CODES = {GENUINE: 0, ALTERED: 1, REVOKED: 2, UNKNOWN: 3}

KIND_PARTNERSHIP = "samenwerking"
KIND_PARTICIPATION = "deelname"
LANGUAGES = ("nl", "en")
ORIENTATIONS = ("portrait", "landscape")

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8
SERIAL_RE = re.compile(r"^([A-Z0-9]{2,10})-(\d{4})-(\d{4,})$")
# pg_advisory_xact_lock(class, year): the class is "KLDC" as a number.
ADVISORY_LOCK_CLASS = int.from_bytes(b"KLDC", "big")

# The function printed under a signature, by the signer's role (in the certificate's language).
_ROLE_FUNCTIONS = {
    "begeleider": {"nl": "Werkbegeleider", "en": "Job coach"},
    "beheerder": {"nl": "Beheerder", "en": "Manager"},
    "invoer": {"nl": "Medewerker", "en": "Staff member"},
}
_CONTACT_FUNCTION = {"nl": "Contactpersoon", "en": "Contact person"}
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@dataclass(frozen=True)
class IssuedCertificate:
    id: int
    serial: str
    code: str
    kind: str
    subject: str  # worker name or partner name
    pdf: bytes = field(repr=False)
    replaces_serial: str | None


@dataclass(frozen=True)
class CertificateRow:
    id: int
    serial: str
    code: str
    kind: str
    kind_label: str
    subject: str
    detail: str  # department + period, or the agreement's title
    language: str
    issued_at: dt.datetime
    issued_by: str | None
    revoked_at: dt.datetime | None
    revoke_reason: str | None
    replaces_serial: str | None
    replaced_by_serial: str | None
    placement_id: int | None
    agreement_id: int | None

    @property
    def status(self) -> str:
        return STATUS_REVOKED if self.revoked_at is not None else STATUS_VALID


@dataclass(frozen=True)
class CertificateFilter:
    text: str = ""  # serial, code or subject
    kind: str | None = None
    year: int | None = None
    include_revoked: bool = True


@dataclass(frozen=True)
class VerificationResult:
    status: str  # "genuine" | "revoked" | "altered" | "unknown"
    serial: str | None
    code: str | None
    kind: str | None
    subject: str | None
    issued_at: dt.datetime | None
    revoked_at: dt.datetime | None
    revoke_reason: str | None
    message: str

    @property
    def exit_code(self) -> int:
        return VERDICT_EXIT_CODES[self.status]


@dataclass(frozen=True)
class EndedPlacement:
    placement_id: int
    worker_name: str
    number: str
    department: str
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    has_certificate: bool


@dataclass(frozen=True)
class BatchResult:
    issued: tuple[IssuedCertificate, ...]  # in the batch's order (pdf b"" in one_pdf mode)
    files: tuple[Path, ...]


class BatchCancelled(JobCancelledError):
    """The batch was cancelled: nothing was issued and no file was left behind."""


# ---------------------------------------------------------------------------------------------
# Helpers


def _rc():
    from kringloopdesk.reports import certificates as rc

    return rc


def _check_options(language: str, orientation: str) -> None:
    errors: dict[str, str] = {}
    if language not in LANGUAGES:
        errors["language"] = _("Kies de taal nl of en")
    if orientation not in ORIENTATIONS:
        errors["orientation"] = _("Kies staand (portrait) of liggend (landscape)")
    if errors:
        raise ValidationError(_("Controleer de keuzes voor het certificaat."), errors)


def _profile(session: Session) -> ShopProfile:
    profile = session.get(ShopProfile, 1)
    if profile is None:
        raise NotInitialisedError(_("Deze database heeft nog geen winkel."))
    return profile


def _party(name: str, logo: bytes | None):
    return _rc().Party(name=name, logo=bytes(logo) if logo else None)


def _date_text(day: dt.date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "…"


def _chunks(values: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _function_label(role: str | None, language: str) -> str | None:
    labels = _ROLE_FUNCTIONS.get(role or "")
    return labels[language] if labels else None


# ---------------------------------------------------------------------------------------------
# What goes on a certificate


@dataclass(frozen=True)
class _Subject:
    """A certificate's content and what the registry row needs besides the signature."""

    content: Any  # rc.ParticipationContent | rc.PartnershipContent
    kind: str
    subject: str
    placement_id: int | None = None
    agreement_id: int | None = None


def _participation_contents(
    session: Session, actor: Actor, placement_ids: Sequence[int], language: str,
    orientation: str, today: dt.date,
) -> list[_Subject]:
    """The content of each placement's certificate, read in a few queries for the lot."""
    rc = _rc()
    ids = list(dict.fromkeys(placement_ids))
    profile = _profile(session)
    shop = _party(profile.name, profile.logo)
    rows: dict[int, tuple[Placement, Worker, Department]] = {}
    hours: dict[int, Decimal] = {}
    skills: dict[int, list[str]] = {pid: [] for pid in ids}
    for chunk in _chunks(ids):
        for placement, worker, department in session.execute(
            select(Placement, Worker, Department)
            .join(Worker, Worker.id == Placement.worker_id)
            .join(Department, Department.id == Placement.department_id)
            .where(Placement.id.in_(chunk))
        ):
            rows[placement.id] = (placement, worker, department)
        hours.update((placement_id, total) for placement_id, total in session.execute(
            select(HourEntry.placement_id, func.sum(HourEntry.hours))
            .where(HourEntry.placement_id.in_(chunk))
            .group_by(HourEntry.placement_id)
        ))
        for placement_id, name in session.execute(
            select(PlacementSkill.placement_id, PlacementSkill.name)
            .where(PlacementSkill.placement_id.in_(chunk))
            .order_by(PlacementSkill.placement_id, PlacementSkill.sort_order,
                      PlacementSkill.id)
        ):
            skills[placement_id].append(name)
    missing = [pid for pid in ids if pid not in rows]
    if missing:
        raise UserError(_("Deze plaatsing bestaat niet (meer)."))
    for placement, worker, _department in rows.values():
        if worker.anonymised_at is not None:
            raise UserError(_("De medewerker van deze plaatsing ({number}) is geanonimiseerd; "
                              "voor een geanonimiseerde medewerker wordt geen certificaat "
                              "gemaakt.", number=worker.number))
        if placement.start_date > today:
            raise UserError(_("De plaatsing van {name} begint pas op {date}; een certificaat "
                              "kan pas na de start worden gemaakt.", name=worker.full_name,
                              date=_date_text(placement.start_date)))
    partner_ids = {p.partner_id for p, _w, _d in rows.values() if p.partner_id}
    partners = {p.id: p for p in session.scalars(
        select(Partner).where(Partner.id.in_(partner_ids)))} if partner_ids else {}
    user_ids = {p.coach_id for p, _w, _d in rows.values() if p.coach_id} | {actor.user_id}
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(user_ids)))}
    issuer = users.get(actor.user_id)
    result = []
    for pid in ids:
        placement, worker, department = rows[pid]
        partner = partners.get(placement.partner_id) if placement.partner_id else None
        coach = users.get(placement.coach_id) if placement.coach_id else None
        shop_signer = coach or issuer
        signatures = [rc.SignatureLine(
            name=shop_signer.full_name if shop_signer else actor.full_name,
            function=_function_label(shop_signer.role if shop_signer else actor.role,
                                     language),
            organisation=profile.name,
        )]
        if partner is not None and partner.contact_name:
            signatures.append(rc.SignatureLine(name=partner.contact_name,
                                               function=_CONTACT_FUNCTION[language],
                                               organisation=partner.name))
        content = rc.ParticipationContent(
            language=language,
            orientation=orientation,
            shop=shop,
            partner=_party(partner.name, partner.logo) if partner else None,
            shop_mission=profile.mission,
            worker_name=worker.full_name,
            department=department.label_en if language == "en" else department.label_nl,
            start_date=placement.start_date,
            end_date=placement.end_date or today,
            hours=hours.get(pid, Decimal("0.00")),
            skills=tuple(skills[pid]),
            signatures=tuple(signatures),
            place=profile.city,
            issue_date=today,
            accent_color=profile.accent_color,
        )
        result.append(_Subject(content, KIND_PARTICIPATION, worker.full_name, placement_id=pid))
    return result


def _partnership_content(session: Session, agreement_id: int, language: str,
                         orientation: str, today: dt.date) -> _Subject:
    rc = _rc()
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise UserError(_("Deze overeenkomst bestaat niet (meer)."))
    profile = _profile(session)
    partner = agreement.partner
    ordered = sorted(agreement.signatories,
                     key=lambda s: (s.side != "winkel", s.sort_order, s.id))
    signatures = tuple(
        rc.SignatureLine(name=s.name, function=s.function,
                         organisation=profile.name if s.side == "winkel" else partner.name)
        for s in ordered
    )
    content = rc.PartnershipContent(
        language=language,
        orientation=orientation,
        shop=_party(profile.name, profile.logo),
        partner=_party(partner.name, partner.logo),
        agreement_title=agreement.title,
        scope=agreement.scope,
        signed_date=agreement.signed_date,
        valid_from=agreement.valid_from,
        valid_to=agreement.valid_to,
        signatures=signatures,
        place=agreement.place or profile.city,
        issue_date=today,
        accent_color=profile.accent_color,
    )
    return _Subject(content, KIND_PARTNERSHIP, partner.name, agreement_id=agreement.id)


# ---------------------------------------------------------------------------------------------
# Issuing


class _Issuer:
    """Takes serials and codes and signs, for one unit of work (one certificate or a batch)."""

    def __init__(self, session: Session, actor: Actor, today: dt.date | None = None) -> None:
        self.session = session
        self.actor = actor
        self.today = today or dt.date.today()
        self.year = self.today.year
        self.prefix = _profile(session).certificate_prefix
        data_key = require_data_key(actor)
        signing.ensure_signing_key(session, data_key)
        self.key: Ed25519PrivateKey = signing.load_private_key(session, data_key)
        self._next: int | None = None
        self._codes: set[str] = set()

    def _next_sequence(self) -> int:
        if self._next is None:
            if self.session.get_bind().dialect.name == "postgresql":
                # Held to the end of the transaction: a second issuer waits here, then sees
                # the first one's committed rows (READ COMMITTED).
                self.session.execute(text("SELECT pg_advisory_xact_lock(:c, :y)"),
                                     {"c": ADVISORY_LOCK_CLASS, "y": self.year})
            # SQLite: this unit of work began IMMEDIATE and holds the write lock already.
            highest = self.session.scalar(
                select(func.max(Certificate.sequence)).where(Certificate.year == self.year))
            self._next = (highest or 0) + 1
        sequence = self._next
        self._next += 1
        return sequence

    def _new_code(self) -> str:
        while True:
            raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            code = f"{raw[:4]}-{raw[4:]}"
            if code in self._codes:
                continue
            with self.session.no_autoflush:
                taken = self.session.scalar(
                    select(Certificate.id).where(Certificate.verification_code == code))
            if taken is None:
                self._codes.add(code)
                return code

    def signer(self, subject: _Subject, language: str,
               replaces: Certificate | None = None) -> tuple[rc.Signer, list[Certificate]]:
        """A signer for the renderer; the registry row it makes lands in the returned list."""
        made: list[Certificate] = []

        def sign(content_hash: str):
            if made:
                raise RuntimeError("a certificate's signer was called twice")
            rc = _rc()
            sequence = self._next_sequence()
            serial = f"{self.prefix}-{self.year}-{sequence:04d}"
            code = self._new_code()
            signature = signing.sign(self.key, rc.signed_message(serial, code, content_hash))
            made.append(Certificate(
                serial=serial, verification_code=code, kind=subject.kind, year=self.year,
                sequence=sequence, language=language, agreement_id=subject.agreement_id,
                placement_id=subject.placement_id, issued_at=utcnow(),
                issued_by_id=self.actor.user_id, content_hash=content_hash,
                signature=signature, replaces_id=replaces.id if replaces else None,
            ))
            return rc.Verification(serial=serial, code=code, signature=signature)

        return sign, made

    def record(self, rows: Sequence[Certificate], replaces: Certificate | None = None) -> None:
        self.session.add_all(rows)
        self.session.flush()
        for row in rows:
            summary = row.serial if replaces is None else _(
                "{serial} vervangt {old}", serial=row.serial, old=replaces.serial)
            audit.record(self.session, self.actor, "create", "certificates", row.id,
                         ["serial", "content_hash", "signature"], summary=summary)


def _made(rows: list[Certificate]) -> Certificate:
    if len(rows) != 1:
        raise RuntimeError("the renderer did not sign the certificate exactly once")
    return rows[0]


def _issue_one(session: Session, actor: Actor, subject: _Subject, language: str,
               issuer: _Issuer, replaces: Certificate | None = None) -> IssuedCertificate:
    sign, made = issuer.signer(subject, language, replaces)
    pdf = _rc().render_certificate(subject.content, sign)
    row = _made(made)
    issuer.record([row], replaces)
    return IssuedCertificate(id=row.id, serial=row.serial, code=row.verification_code,
                             kind=row.kind, subject=subject.subject, pdf=pdf,
                             replaces_serial=replaces.serial if replaces else None)


@requires(Permission.ISSUE_CERTIFICATES)
def preview_participation(session: Session, actor: Actor, placement_id: int, *,
                          language: str = "nl", orientation: str = "portrait") -> bytes:
    """A draft ("CONCEPT", no serial, no QR): nothing is registered."""
    _check_options(language, orientation)
    subject, = _participation_contents(session, actor, [placement_id], language, orientation,
                                       dt.date.today())
    return _rc().render_certificate(subject.content, None)


@requires(Permission.ISSUE_CERTIFICATES)
def preview_partnership(session: Session, actor: Actor, agreement_id: int, *,
                        language: str = "nl", orientation: str = "landscape") -> bytes:
    _check_options(language, orientation)
    subject = _partnership_content(session, agreement_id, language, orientation,
                                   dt.date.today())
    return _rc().render_certificate(subject.content, None)


@requires(Permission.ISSUE_CERTIFICATES)
def issue_participation(session: Session, actor: Actor, placement_id: int, *,
                        language: str = "nl", orientation: str = "portrait") -> IssuedCertificate:
    _check_options(language, orientation)
    issuer = _Issuer(session, actor)
    subject, = _participation_contents(session, actor, [placement_id], language, orientation,
                                       issuer.today)
    return _issue_one(session, actor, subject, language, issuer)


@requires(Permission.ISSUE_CERTIFICATES)
def issue_partnership(session: Session, actor: Actor, agreement_id: int, *,
                      language: str = "nl", orientation: str = "landscape") -> IssuedCertificate:
    _check_options(language, orientation)
    issuer = _Issuer(session, actor)
    subject = _partnership_content(session, agreement_id, language, orientation, issuer.today)
    return _issue_one(session, actor, subject, language, issuer)


# ---------------------------------------------------------------------------------------------
# The registry


def _rows(session: Session, query_filter: CertificateFilter | None = None,
          where: Iterable[Any] = (), offset: int = 0, limit: int | None = None,
          count: bool = False) -> Any:
    language = current_language()
    replaced = aliased(Certificate)
    successor = aliased(Certificate)
    subject = func.coalesce(
        Partner.name,
        func.trim(func.coalesce(Worker.first_name, "") + " " + func.coalesce(Worker.last_name,
                                                                              "")),
    )
    conditions = list(where)
    if query_filter is not None:
        needle = query_filter.text.strip()
        if needle:
            like = f"%{needle.lower()}%"
            conditions.append(or_(
                func.lower(Certificate.serial).like(like),
                func.lower(Certificate.verification_code).like(like),
                func.lower(subject).like(like),
            ))
        if query_filter.kind:
            conditions.append(Certificate.kind == query_filter.kind)
        if query_filter.year:
            conditions.append(Certificate.year == query_filter.year)
        if not query_filter.include_revoked:
            conditions.append(Certificate.revoked_at.is_(None))
    base = (
        select(Certificate)
        .outerjoin(Placement, Placement.id == Certificate.placement_id)
        .outerjoin(Worker, Worker.id == Placement.worker_id)
        .outerjoin(Agreement, Agreement.id == Certificate.agreement_id)
        .outerjoin(Partner, Partner.id == Agreement.partner_id)
        .where(*conditions)
    )
    if count:
        return session.scalar(select(func.count()).select_from(base.subquery()))
    query = (
        base.outerjoin(Department, Department.id == Placement.department_id)
        .outerjoin(User, User.id == Certificate.issued_by_id)
        .outerjoin(replaced, replaced.id == Certificate.replaces_id)
        .outerjoin(successor, successor.replaces_id == Certificate.id)
        .add_columns(subject, Department.label_nl, Department.label_en, Placement.start_date,
                     Placement.end_date, Agreement.title, User.full_name, replaced.serial,
                     successor.serial)
        .order_by(Certificate.year.desc(), Certificate.sequence.desc())
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    result = []
    for (row, name, label_nl, label_en, start, end, title, issued_by, replaces_serial,
         replaced_by_serial) in session.execute(query):
        if row.kind == KIND_PARTICIPATION:
            label = label_en if language == "en" else label_nl
            detail = f"{label}, {_date_text(start)} – {_date_text(end)}"
        else:
            detail = title or ""
        result.append(CertificateRow(
            id=row.id, serial=row.serial, code=row.verification_code, kind=row.kind,
            kind_label=CERTIFICATE_KINDS.label(row.kind, language), subject=name or "",
            detail=detail, language=row.language, issued_at=row.issued_at,
            issued_by=issued_by, revoked_at=row.revoked_at, revoke_reason=row.revoke_reason,
            replaces_serial=replaces_serial, replaced_by_serial=replaced_by_serial,
            placement_id=row.placement_id, agreement_id=row.agreement_id,
        ))
    return result


@requires(Permission.ISSUE_CERTIFICATES)
def list_certificates(session: Session, actor: Actor,
                      filter: CertificateFilter = CertificateFilter(),
                      *, offset: int = 0, limit: int = 500) -> list[CertificateRow]:
    """The registry, newest serial first."""
    return _rows(session, filter, offset=offset, limit=limit)


@requires(Permission.ISSUE_CERTIFICATES)
def count_certificates(session: Session, actor: Actor,
                       filter: CertificateFilter = CertificateFilter()) -> int:
    return int(_rows(session, filter, count=True))


def _row_by_serial(session: Session, serial: str, *, lock: bool = False) -> Certificate:
    query = select(Certificate).where(Certificate.serial == serial.strip().upper())
    row = session.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise UserError(_("Er is geen certificaat met nummer '{serial}'.", serial=serial))
    return row


def _row_info(session: Session, row: Certificate) -> CertificateRow:
    return _rows(session, where=[Certificate.id == row.id])[0]


def _revoke(session: Session, actor: Actor, row: Certificate, reason: str) -> None:
    row.revoked_at = utcnow()
    row.revoked_by_id = actor.user_id
    row.revoke_reason = reason
    session.flush()
    audit.record(session, actor, "update", "certificates", row.id,
                 ["revoked_at", "revoke_reason"], summary=_("{serial} ingetrokken",
                                                            serial=row.serial))


@requires(Permission.ISSUE_CERTIFICATES)
def revoke_certificate(session: Session, actor: Actor, serial: str, reason: str) -> CertificateRow:
    """Revoke with a reason: verification answers "revoked" from now on."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Geef een reden om het certificaat in te trekken."),
                              {"reason": _("Vul een reden in")})
    row = _row_by_serial(session, serial, lock=True)
    if row.revoked_at is not None:
        raise UserError(_("Certificaat {serial} is al ingetrokken op {date}.",
                          serial=row.serial, date=_date_text(row.revoked_at.date())))
    _revoke(session, actor, row, reason)
    return _row_info(session, row)


@requires(Permission.ISSUE_CERTIFICATES)
def reissue_certificate(session: Session, actor: Actor, serial: str) -> IssuedCertificate:
    """A new certificate with today's content and a new serial that refers to the old one;
    the old one is revoked ("Vervangen door …") if it was not yet."""
    old = _row_by_serial(session, serial, lock=True)
    newer = session.scalar(select(Certificate.serial).where(Certificate.replaces_id == old.id))
    if newer is not None:
        raise UserError(_("Certificaat {serial} is al vervangen door {newer}; vervang zo nodig "
                          "dat certificaat.", serial=old.serial, newer=newer))
    issuer = _Issuer(session, actor)
    if old.kind == KIND_PARTICIPATION:
        assert old.placement_id is not None
        subject, = _participation_contents(session, actor, [old.placement_id], old.language,
                                           "portrait", issuer.today)
    else:
        assert old.agreement_id is not None
        subject = _partnership_content(session, old.agreement_id, old.language, "landscape",
                                       issuer.today)
    issued = _issue_one(session, actor, subject, old.language, issuer, replaces=old)
    if old.revoked_at is None:
        _revoke(session, actor, old, _("Vervangen door {serial}", serial=issued.serial))
    return issued


# ---------------------------------------------------------------------------------------------
# Batch


@requires(Permission.ISSUE_CERTIFICATES)
def ended_placements(session: Session, actor: Actor, date_from: dt.date,
                     date_to: dt.date) -> list[EndedPlacement]:
    """Placements that ended in the period (both dates included), of workers who are not
    anonymised, with whether they already have a certificate that is not revoked."""
    language = current_language()
    hours = (
        select(func.sum(HourEntry.hours))
        .where(HourEntry.placement_id == Placement.id)
        .correlate(Placement)
        .scalar_subquery()
    )
    certified = exists().where(
        Certificate.placement_id == Placement.id, Certificate.revoked_at.is_(None))
    query = (
        select(Placement, Worker, Department, hours, certified)
        .join(Worker, Worker.id == Placement.worker_id)
        .join(Department, Department.id == Placement.department_id)
        .where(Placement.end_date >= date_from, Placement.end_date <= date_to,
               Worker.anonymised_at.is_(None))
        .order_by(Placement.end_date, Worker.last_name, Worker.first_name, Placement.id)
    )
    return [
        EndedPlacement(
            placement_id=placement.id, worker_name=worker.full_name, number=worker.number,
            department=department.label_en if language == "en" else department.label_nl,
            start_date=placement.start_date, end_date=placement.end_date,
            hours=total if total is not None else Decimal("0.00"),
            has_certificate=bool(has),
        )
        for placement, worker, department, total, has in session.execute(query)
    ]


def _file_name(serial: str, name: str) -> str:
    cleaned = _WINDOWS_FORBIDDEN.sub("", name).strip(" .") or "certificaat"
    return f"{serial} {cleaned}.pdf"


def _temporary(folder: Path, name: str) -> Path:
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    os.close(handle)
    return Path(temporary)


@requires(Permission.ISSUE_CERTIFICATES)
def issue_batch(session: Session, actor: Actor, placement_ids: Sequence[int], *,
                language: str = "nl", one_pdf: bool, target: Path,
                progress: Progress | Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> BatchResult:
    """Participation certificates for many placements, as one PDF or one file each.

    Files go to temporary names in the target folder and are moved into place only after the
    last certificate was rendered and registered; on cancel or error they are removed and
    ``BatchCancelled`` (or the error) propagates, so the caller's unit of work rolls back and
    no serial is used. ``progress`` is a :class:`Progress` (its cancel is ``cancelled``) or a
    ``progress(done, total)`` callback next to ``cancelled()``."""
    if isinstance(progress, Progress):
        job = progress
        cancelled = cancelled or (lambda: job.cancelled)
        progress = lambda done, total: job.step(done, total, check=False)  # noqa: E731
    _check_options(language, "portrait")
    ids = list(dict.fromkeys(placement_ids))
    if not ids:
        raise UserError(_("Kies ten minste één plaatsing."))
    target = Path(target)
    folder = target.parent if one_pdf else target
    if not folder.is_dir():
        raise UserError(_("De map '{folder}' bestaat niet.", folder=folder))
    if one_pdf and target.is_dir():
        raise UserError(_("'{path}' is een map; geef een bestandsnaam, bijvoorbeeld {name}.",
                          path=target, name="certificaten.pdf"))
    total = len(ids)
    issuer = _Issuer(session, actor)
    subjects = _participation_contents(session, actor, ids, language, "portrait", issuer.today)
    made: list[list[Certificate]] = []
    pdfs: list[bytes] = []
    temporaries: list[Path] = []
    moves: list[tuple[Path, Path]] = []
    done: list[Path] = []
    cancel_message = _("De reeks certificaten is afgebroken; er is niets uitgegeven en geen "
                       "bestand achtergelaten.")
    rc = _rc()
    try:
        if one_pdf:
            temporary = _temporary(folder, target.name)
            temporaries.append(temporary)

            def items():
                for subject in subjects:
                    sign, rows = issuer.signer(subject, language)
                    made.append(rows)
                    yield subject.content, sign

            with temporary.open("wb") as out:
                rc.render_certificates(
                    items(), out,
                    progress=(lambda n: progress(n, total)) if progress else None,
                    cancelled=cancelled,
                )
            moves.append((temporary, target))
        else:
            for index, subject in enumerate(subjects):
                if cancelled is not None and cancelled():
                    raise BatchCancelled(cancel_message)
                sign, rows = issuer.signer(subject, language)
                made.append(rows)
                pdf = rc.render_certificate(subject.content, sign)
                row = _made(rows)
                name = _file_name(row.serial, subject.subject)
                temporary = _temporary(folder, name)
                temporaries.append(temporary)
                temporary.write_bytes(pdf)
                moves.append((temporary, folder / name))
                pdfs.append(pdf)
                if progress is not None:
                    progress(index + 1, total)
        if len(made) != total:
            raise RuntimeError("the renderer did not sign every certificate of the batch")
        rows = [_made(r) for r in made]
        issuer.record(rows)
        for temporary, final in moves:
            os.replace(temporary, final)
            done.append(final)
    except rc.CancelledError as exc:
        _remove(temporaries + done)
        raise BatchCancelled(cancel_message) from exc
    except BaseException:
        _remove(temporaries + done)
        raise
    issued = tuple(
        IssuedCertificate(id=row.id, serial=row.serial, code=row.verification_code,
                          kind=row.kind, subject=subject.subject,
                          pdf=b"" if one_pdf else pdfs[i], replaces_serial=None)
        for i, (row, subject) in enumerate(zip(rows, subjects, strict=True))
    )
    return BatchResult(issued=issued, files=tuple(done))


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            Path(path).unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------
# Verification (no permission: any logged-in user, and the CLI without a login)


def _subject_of(session: Session, row: Certificate) -> str:
    if row.placement_id is not None:
        worker = session.scalar(select(Worker).join(Placement, Placement.worker_id == Worker.id)
                                .where(Placement.id == row.placement_id))
        return worker.full_name if worker else ""
    agreement = session.get(Agreement, row.agreement_id)
    return agreement.partner.name if agreement else ""


def _result(status: str, session: Session | None = None, row: Certificate | None = None, *,
            serial: str | None = None, code: str | None = None,
            message: str | None = None) -> VerificationResult:
    serial = row.serial if row is not None else serial
    if message is None:
        if status == GENUINE:
            message = _("Echt: certificaat {serial} is door deze winkel uitgegeven op {date} "
                        "en is niet veranderd.", serial=serial,
                        date=_date_text(row.issued_at.date()) if row else "…")
        elif status == REVOKED:
            assert row is not None and row.revoked_at is not None
            message = _("Ingetrokken: certificaat {serial} is op {date} ingetrokken. Reden: "
                        "{reason}", serial=serial, date=_date_text(row.revoked_at.date()),
                        reason=row.revoke_reason)
        elif status == ALTERED:
            message = _("Veranderd: de inhoud of de code van dit certificaat{serial} klopt niet "
                        "met wat de winkel heeft uitgegeven.",
                        serial=f" ({serial})" if serial else "")
        else:
            message = _("Onbekend: dit certificaat of deze code staat niet in het register van "
                        "deze winkel.")
    return VerificationResult(
        status=status, serial=serial,
        code=row.verification_code if row is not None else code,
        kind=row.kind if row is not None else None,
        subject=_subject_of(session, row) if (row is not None and session is not None) else None,
        issued_at=row.issued_at if row is not None else None,
        revoked_at=row.revoked_at if row is not None else None,
        revoke_reason=row.revoke_reason if row is not None else None,
        message=message,
    )


def _registry_intact(key: Ed25519PublicKey | None, row: Certificate) -> bool:
    if key is None or row.signature is None:
        return False
    message = _rc().signed_message(row.serial, row.verification_code, row.content_hash)
    return signing.verify(key, bytes(row.signature), message)


def verify_pdf(session: Session, pdf: bytes) -> list[VerificationResult]:
    """One verdict per certificate page in the file; [] when the file holds none of ours."""
    rc = _rc()
    key = signing.public_key(session)
    results = []
    for evidence in rc.read_certificate_pages(pdf):
        row = session.scalar(select(Certificate).where(Certificate.serial == evidence.serial))
        if row is None:
            results.append(_result(UNKNOWN, serial=evidence.serial, code=evidence.code))
            continue
        signed = key is not None and signing.verify(
            key, evidence.signature,
            rc.signed_message(evidence.serial, evidence.code, evidence.claimed_hash))
        matches = (
            evidence.actual_hash == evidence.claimed_hash
            and row.verification_code == evidence.code
            and row.content_hash == evidence.claimed_hash
            and row.signature is not None and bytes(row.signature) == evidence.signature
        )
        if not (signed and matches):
            results.append(_result(ALTERED, session, row))
        elif row.revoked_at is not None:
            results.append(_result(REVOKED, session, row))
        else:
            results.append(_result(GENUINE, session, row))
    return results


def normalise_code(text_: str) -> str | None:
    """``7kq2 m9xd``, ``7KQ2M9XD`` -> ``7KQ2-M9XD``; None when it cannot be a code."""
    cleaned = "".join(ch for ch in text_.upper() if ch.isalnum())
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return None
    return f"{cleaned[:4]}-{cleaned[4:]}"


def verify_code(session: Session, text: str) -> VerificationResult:
    """The verdict for a verification code (any case, with or without dash) or a serial."""
    typed = (text or "").strip().upper()
    if SERIAL_RE.match(typed):
        row = session.scalar(select(Certificate).where(Certificate.serial == typed))
        code = None
    else:
        code = normalise_code(typed)
        row = session.scalar(select(Certificate).where(
            Certificate.verification_code == code)) if code else None
    if row is None:
        return _result(UNKNOWN, serial=typed if code is None else None, code=code)
    if not _registry_intact(signing.public_key(session), row):
        return _result(ALTERED, session, row)
    if row.revoked_at is not None:
        return _result(REVOKED, session, row)
    return _result(GENUINE, session, row)


def verify_offline(pdf: bytes, public_key_pem: bytes) -> list[VerificationResult]:
    """Without the shop's database: the signature and the content hash only. Says genuine,
    altered or (for a file without certificates) []; revocation only the shop can tell."""
    rc = _rc()
    key = signing.load_public_key_pem(public_key_pem)
    results = []
    for evidence in rc.read_certificate_pages(pdf):
        good = evidence.actual_hash == evidence.claimed_hash and signing.verify(
            key, evidence.signature,
            rc.signed_message(evidence.serial, evidence.code, evidence.claimed_hash))
        message = (
            _("Echt volgens de handtekening: certificaat {serial} is met deze sleutel "
              "ondertekend en niet veranderd. Of het is ingetrokken, kan alleen de winkel "
              "zeggen.", serial=evidence.serial) if good
            else _("Veranderd: de handtekening of de inhoud van certificaat {serial} klopt "
                   "niet met deze sleutel.", serial=evidence.serial)
        )
        results.append(_result(GENUINE if good else ALTERED, serial=evidence.serial,
                               code=evidence.code, message=message))
    return results


def worst_verdict(results: Sequence[VerificationResult]) -> str:
    """The verdict of a whole file: the one with the highest exit code; no pages: unknown."""
    if not results:
        return UNKNOWN
    return max((r.status for r in results), key=VERDICT_EXIT_CODES.__getitem__)


def unknown_file_result() -> VerificationResult:
    return _result(UNKNOWN, message=_("Onbekend: in dit bestand staat geen certificaat van "
                                      "KringloopDesk."))


def public_key_pem(session: Session) -> bytes:
    """The shop's public key (PEM) for others to verify offline; no login needed."""
    key = signing.public_key(session)
    if key is None:
        raise UserError(_("Deze winkel heeft nog geen sleutel om certificaten te "
                          "ondertekenen; die ontstaat bij het eerste certificaat."))
    return signing.public_key_pem(key)
