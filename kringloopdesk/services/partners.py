"""Partner organisations and their samenwerkingsovereenkomsten (agreements) with signatories.

A partner organisation (SW-bedrijf, gemeente, school …) has a name that is unique without regard
to case, a kind code (``PARTNER_KINDS``), an address, a contact person and, optionally, a logo
that is printed on certificates. The logo is kept in the database with its mime type, after a
check that it really is a PNG or JPEG image (its structure, not only its first bytes) of at most
2 MB — the shop logo's rule (services/setup).

An agreement has a title, the date and place of signing, a scope, a period of validity and
signatories for both sides (``winkel`` and ``partner``). An agreement without a signatory on one
side is kept, but it is not ready for a certificate: :attr:`AgreementInfo.warnings` says so.

Deleting is refused while something refers to the record: a partner with placements or with
certificates (of one of its agreements) stays, and so does an agreement with a certificate.
Deleting a partner deletes its agreements. Every change is written to the audit log with the
names of the changed fields; a change to a record that someone else saved after it was read
is refused (:class:`PartnerChangedError`, :class:`AgreementChangedError`).

Imports create partners by name (services/imports, kind ``overig``); they stay valid here.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from kringloopdesk.db.codes import PARTNER_KINDS, SIGNATORY_SIDES
from kringloopdesk.db.models import Agreement, Certificate, Partner, Placement, Signatory
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.conflicts import last_save
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.setup import MAX_LOGO_BYTES, POSTCODE_RE, logo_mime_type
from kringloopdesk.services.workers import (
    EMAIL_RE,
    Choice,
    fold,
    format_date,
    search_condition,
)

MAX_LENGTHS = {
    "name": 200,
    "street": 200,
    "postcode": 10,
    "city": 100,
    "contact_name": 200,
    "contact_email": 200,
    "contact_phone": 40,
}
AGREEMENT_MAX_LENGTHS = {"title": 300, "place": 100}
SIGNATORY_MAX_LENGTH = 200
MAX_SCOPE_LENGTH = 5_000
MAX_SIGNATORIES_PER_SIDE = 6
# Larger images gain nothing on an A4 certificate and cost memory when drawn.
MAX_LOGO_PIXELS = 6_000
# A Dutch phone number as the worker form takes it (10 digits starting with 0, or +31 and 9
# digits), a municipality's 14-number (14 and its area code: "14 033", "14 0318") and
# 0800/0900 service numbers.
_PHONE_PATTERNS = (r"0\d{9}", r"\+31\d{9}", r"140\d{2,3}", r"0[89]0[069]\d{4,7}")
PHONE_SEPARATORS = str.maketrans("", "", " -.()/")


class PartnerChangedError(RecordChangedError):
    """The partner was saved (or deleted) by someone else after it was read."""


class AgreementChangedError(RecordChangedError):
    """The agreement was saved (or deleted) by someone else after it was read."""


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class PartnerInput:
    """A partner as entered in the form. ``logo`` is the image file's bytes (None: none)."""

    name: str
    kind: str = "overig"
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    logo: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PartnerFilter:
    """``text``: every word occurs in the name, city or contact person (case and accents
    ignored); ``kind``: one code of ``PARTNER_KINDS``."""

    text: str = ""
    kind: str | None = None


@dataclass(frozen=True)
class PartnerRow:
    """One line of the partner list."""

    id: int
    name: str
    kind: str
    kind_label: str
    city: str | None
    contact_name: str | None
    agreement_count: int
    placement_count: int
    has_logo: bool


@dataclass(frozen=True)
class PartnerDetail:
    id: int
    name: str
    kind: str
    kind_label: str
    street: str | None
    postcode: str | None
    city: str | None
    contact_name: str | None
    contact_email: str | None
    contact_phone: str | None
    logo: bytes | None = field(repr=False)
    logo_mime: str | None
    version: int
    agreement_count: int
    placement_count: int
    certificate_count: int

    def as_input(self) -> PartnerInput:
        return PartnerInput(
            name=self.name, kind=self.kind, street=self.street, postcode=self.postcode,
            city=self.city, contact_name=self.contact_name, contact_email=self.contact_email,
            contact_phone=self.contact_phone, logo=self.logo,
        )

    @property
    def address_lines(self) -> tuple[str, ...]:
        """"Stationsplein 1" and "3811 AB Amersfoort", whichever are known."""
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return tuple(line for line in (self.street, place) if line)

    @property
    def deletion_blockers(self) -> str | None:
        """Why the partner cannot be deleted now, or None."""
        return _deletion_blockers(self.placement_count, self.certificate_count)


@dataclass(frozen=True)
class SignatoryInput:
    side: str  # "winkel" | "partner"
    name: str
    function: str | None = None


@dataclass(frozen=True)
class AgreementInput:
    """An agreement as entered in the form; signatories in the order they are printed."""

    title: str
    signed_date: dt.date | None = None
    place: str | None = None
    scope: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    signatories: tuple[SignatoryInput, ...] = ()


@dataclass(frozen=True)
class SignatoryInfo:
    side: str
    name: str
    function: str | None

    @property
    def display(self) -> str:
        """"Erik Hoogendoorn (manager Werkgeversdienstverlening)"."""
        return f"{self.name} ({self.function})" if self.function else self.name


@dataclass(frozen=True)
class AgreementInfo:
    id: int
    partner_id: int
    partner_name: str
    title: str
    signed_date: dt.date | None
    place: str | None
    scope: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    signatories: tuple[SignatoryInfo, ...]
    version: int
    certificate_count: int

    def side(self, side: str) -> tuple[SignatoryInfo, ...]:
        return tuple(s for s in self.signatories if s.side == side)

    @property
    def warnings(self) -> tuple[str, ...]:
        """What keeps the agreement from being printed as it should (not an error)."""
        return agreement_warnings(self.signatories)

    @property
    def printable(self) -> bool:
        return not self.warnings

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)

    def validity_text(self) -> str:
        """"01-02-2024 t/m 31-01-2027", "vanaf 01-02-2024", "tot en met …" or ""."""
        return validity_text(self.valid_from, self.valid_to)

    def as_input(self) -> AgreementInput:
        return AgreementInput(
            title=self.title, signed_date=self.signed_date, place=self.place, scope=self.scope,
            valid_from=self.valid_from, valid_to=self.valid_to,
            signatories=tuple(SignatoryInput(s.side, s.name, s.function)
                              for s in self.signatories),
        )


def validity_text(valid_from: dt.date | None, valid_to: dt.date | None) -> str:
    if valid_from and valid_to:
        return _("{start} t/m {end}", start=format_date(valid_from), end=format_date(valid_to))
    if valid_from:
        return _("vanaf {start}", start=format_date(valid_from))
    if valid_to:
        return _("tot en met {end}", end=format_date(valid_to))
    return ""


def kind_label(kind: str) -> str:
    return PARTNER_KINDS.label(kind, current_language()) if kind in PARTNER_KINDS else kind


def kind_choices() -> tuple[Choice, ...]:
    """The partner kinds as (code, label), in the domain's order."""
    return tuple(Choice(code, kind_label(code)) for code in PARTNER_KINDS)


# ---------------------------------------------------------------------------------------------
# Validation


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def phone_ok(phone: str) -> bool:
    compact = phone.translate(PHONE_SEPARATORS)
    return any(re.fullmatch(pattern, compact) for pattern in _PHONE_PATTERNS)


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a well-formed PNG: every chunk's CRC right, IHDR first, image data,
    and IEND at the end. None when it is not one."""
    offset = 8
    size = None
    seen_data = False
    while offset + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        end = offset + 12 + length
        if end > len(data):
            return None
        body = data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4:end])
        if zlib.crc32(kind + body) != crc:
            return None
        if offset == 8:
            if kind != b"IHDR" or length != 13:
                return None
            width, height = struct.unpack(">II", body[:8])
            size = (width, height)
        elif kind == b"IDAT":
            seen_data = True
        elif kind == b"IEND":
            return size if seen_data and size and min(size) > 0 else None
        offset = end
    return None


_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a JPEG's frame header (its segments read in order up to it), if
    the file also ends as a JPEG does. None when it is not one."""
    if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        return None
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            offset += 2
            continue
        (length,) = struct.unpack(">H", data[offset + 2:offset + 4])
        if length < 2:
            return None
        if marker in _JPEG_FRAMES:
            if offset + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[offset + 5:offset + 9])
            return (width, height) if width and height else None
        offset += 2 + length
    return None


def logo_problem(data: bytes) -> tuple[str | None, str | None]:
    """(mime type, None) for a usable logo, else (None, the Dutch message). The shop logo's
    rule (PNG or JPG, at most 2 MB), and the file must really be such an image."""
    mime = logo_mime_type(data)
    if mime is None:
        return None, _("Het logo moet een PNG- of JPG-afbeelding zijn")
    if len(data) > MAX_LOGO_BYTES:
        return None, _("Het logo is groter dan 2 MB; kies een kleinere afbeelding")
    size = _png_size(data) if mime == "image/png" else _jpeg_size(data)
    if size is None:
        return None, _("Dit bestand is geen bruikbare afbeelding (beschadigd of onvolledig)")
    if max(size) > MAX_LOGO_PIXELS:
        return None, _("Het logo is groter dan {n} beeldpunten; kies een kleinere afbeelding",
                       n=MAX_LOGO_PIXELS)
    return mime, None


def check_partner_input(data: PartnerInput) -> tuple[PartnerInput, dict[str, str]]:
    """The cleaned input and ``{field: message}`` for every rule that needs no database (the
    form calls this while typing; the name's uniqueness is checked on saving)."""
    errors: dict[str, str] = {}
    cleaned = replace(
        data,
        name=" ".join((data.name or "").split()),
        kind=(data.kind or "").strip().lower(),
        street=_clean(data.street),
        postcode=_clean(data.postcode),
        city=_clean(data.city),
        contact_name=_clean(data.contact_name),
        contact_email=_clean(data.contact_email),
        contact_phone=_clean(data.contact_phone),
        logo=data.logo or None,
    )
    if not cleaned.name:
        errors["name"] = _("Verplicht")
    if cleaned.kind not in PARTNER_KINDS:
        errors["kind"] = (_("Verplicht") if not cleaned.kind
                          else _("Onbekende soort '{code}'", code=cleaned.kind))
    for name, limit in MAX_LENGTHS.items():
        value = getattr(cleaned, name)
        if value and len(value) > limit and name not in errors:
            errors[name] = _("Hoogstens {n} tekens", n=limit)
    if cleaned.postcode and "postcode" not in errors:
        if not POSTCODE_RE.match(cleaned.postcode):
            errors["postcode"] = _("Postcode: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB")
        else:
            compact = cleaned.postcode.replace(" ", "").upper()
            cleaned = replace(cleaned, postcode=f"{compact[:4]} {compact[4:]}")
    if cleaned.contact_email and "contact_email" not in errors \
            and not EMAIL_RE.match(cleaned.contact_email):
        errors["contact_email"] = _("Geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl")
    if cleaned.contact_phone and "contact_phone" not in errors \
            and not phone_ok(cleaned.contact_phone):
        errors["contact_phone"] = _(
            "Een Nederlands telefoonnummer: 10 cijfers die met 0 beginnen, +31 en 9 cijfers, "
            "of een 14-nummer van een gemeente (14 033)")
    if cleaned.logo is not None:
        _mime, problem = logo_problem(cleaned.logo)
        if problem:
            errors["logo"] = problem
    return cleaned, errors


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _name_taken(session: Session, name: str, partner_id: int | None) -> str | None:
    """The existing partner's name when another partner has ``name`` (case and surrounding
    spaces ignored; in Python, because SQLite's lower() knows ASCII only)."""
    key = _name_key(name)
    for other_id, other in session.execute(select(Partner.id, Partner.name)):
        if other_id != partner_id and _name_key(other) == key:
            return other
    return None


def _name_taken_message(existing: str) -> str:
    return _("Er is al een partner met de naam {name}", name=existing)


@requires(Permission.MANAGE_PARTNERS)
def partner_name_in_use(
    session: Session, actor: Actor, name: str, partner_id: int | None = None
) -> str | None:
    """The message for a name another partner has, else None (the form asks when the field
    is left; saving checks it again)."""
    if not name.strip():
        return None
    existing = _name_taken(session, name, partner_id)
    return _name_taken_message(existing) if existing is not None else None


def agreement_warnings(signatories: Sequence[SignatoryInfo | SignatoryInput]) -> tuple[str, ...]:
    """What is missing for a certificate: a signatory on each side."""
    warnings = []
    sides = {s.side for s in signatories if (s.name or "").strip()}
    if "winkel" not in sides:
        warnings.append(_("Er is nog geen ondertekenaar namens de winkel; het certificaat "
                          "heeft dan geen handtekening van de winkel."))
    if "partner" not in sides:
        warnings.append(_("Er is nog geen ondertekenaar namens de partner; het certificaat "
                          "heeft dan geen handtekening van de partner."))
    return tuple(warnings)


def check_agreement_input(data: AgreementInput) -> tuple[AgreementInput, dict[str, str]]:
    """The cleaned input and ``{field: message}``. A signatory's problem is reported as
    ``signatory.<index>`` (its place in ``data.signatories``) and under ``signatories``."""
    errors: dict[str, str] = {}
    signatories: list[SignatoryInput] = []
    for index, signatory in enumerate(data.signatories):
        name = " ".join((signatory.name or "").split())
        function = _clean(signatory.function)
        side = (signatory.side or "").strip().lower()
        key = f"signatory.{index}"
        if side not in SIGNATORY_SIDES:
            errors[key] = _("Onbekende kant '{code}'", code=side)
        elif not name:
            errors[key] = (_("Vul de naam van de ondertekenaar in") if not function
                           else _("De naam van de ondertekenaar ontbreekt (functie: {function})",
                                  function=function))
        elif len(name) > SIGNATORY_MAX_LENGTH or len(function or "") > SIGNATORY_MAX_LENGTH:
            errors[key] = _("Hoogstens {n} tekens", n=SIGNATORY_MAX_LENGTH)
        signatories.append(SignatoryInput(side, name, function))
    cleaned = replace(
        data,
        title=" ".join((data.title or "").split()),
        place=_clean(data.place),
        scope=_clean(data.scope),
        signatories=tuple(signatories),
    )
    if not cleaned.title:
        errors["title"] = _("Verplicht")
    for name, limit in AGREEMENT_MAX_LENGTHS.items():
        value = getattr(cleaned, name)
        if value and len(value) > limit and name not in errors:
            errors[name] = _("Hoogstens {n} tekens", n=limit)
    if cleaned.scope and len(cleaned.scope) > MAX_SCOPE_LENGTH:
        errors["scope"] = _("Hoogstens {n} tekens", n=MAX_SCOPE_LENGTH)
    if cleaned.valid_from and cleaned.valid_to and cleaned.valid_to < cleaned.valid_from:
        errors["valid_to"] = _("Op of na de datum 'geldig vanaf'")
    for side in SIGNATORY_SIDES:
        if sum(s.side == side for s in signatories) > MAX_SIGNATORIES_PER_SIDE:
            errors["signatories"] = _("Hoogstens {n} ondertekenaars per kant",
                                      n=MAX_SIGNATORIES_PER_SIDE)
    first_signatory_error = next(
        (errors[f"signatory.{i}"] for i in range(len(signatories)) if f"signatory.{i}" in errors),
        None,
    )
    if first_signatory_error and "signatories" not in errors:
        errors["signatories"] = first_signatory_error
    return cleaned, errors


# ---------------------------------------------------------------------------------------------
# Reading


def _counts(session: Session, partner_ids: Sequence[int] | None = None):
    """{partner id: (agreements, placements, certificates)}."""
    def grouped(query, column):
        if partner_ids is not None:
            query = query.where(column.in_(partner_ids))
        return dict(session.execute(query.group_by(column)).all())

    agreements = grouped(
        select(Agreement.partner_id, func.count(Agreement.id)), Agreement.partner_id)
    placements = grouped(
        select(Placement.partner_id, func.count(Placement.id)), Placement.partner_id)
    certificates = grouped(
        select(Agreement.partner_id, func.count(Certificate.id))
        .join(Certificate, Certificate.agreement_id == Agreement.id),
        Agreement.partner_id,
    )
    return agreements, placements, certificates


def _get(session: Session, partner_id: int) -> Partner:
    partner = session.get(Partner, partner_id)
    if partner is None:
        raise PartnerChangedError(_("Deze partner bestaat niet (meer)."), deleted=True)
    return partner


def _detail(session: Session, partner: Partner) -> PartnerDetail:
    agreements, placements, certificates = _counts(session, [partner.id])
    return PartnerDetail(
        id=partner.id,
        name=partner.name,
        kind=partner.kind,
        kind_label=kind_label(partner.kind),
        street=partner.street,
        postcode=partner.postcode,
        city=partner.city,
        contact_name=partner.contact_name,
        contact_email=partner.contact_email,
        contact_phone=partner.contact_phone,
        logo=partner.logo,
        logo_mime=partner.logo_mime,
        version=partner.version,
        agreement_count=agreements.get(partner.id, 0),
        placement_count=placements.get(partner.id, 0),
        certificate_count=certificates.get(partner.id, 0),
    )


@requires(Permission.MANAGE_PARTNERS)
def list_partners(
    session: Session, actor: Actor, flt: PartnerFilter = PartnerFilter()
) -> list[PartnerRow]:
    """The partners matching ``flt``, by name, each with its number of agreements and of
    placements (a shop has tens of partners: no windowing)."""
    query = select(
        Partner.id, Partner.name, Partner.kind, Partner.city, Partner.contact_name,
        Partner.logo_mime,
    ).where(
        search_condition(session, flt.text, Partner.name, func.coalesce(Partner.city, ""),
                         func.coalesce(Partner.contact_name, ""))
    )
    if flt.kind is not None:
        query = query.where(Partner.kind == flt.kind)
    rows = session.execute(query).all()
    agreements, placements, _certificates = _counts(session)
    result = [
        PartnerRow(
            id=r.id, name=r.name, kind=r.kind, kind_label=kind_label(r.kind), city=r.city,
            contact_name=r.contact_name, agreement_count=agreements.get(r.id, 0),
            placement_count=placements.get(r.id, 0), has_logo=r.logo_mime is not None,
        )
        for r in rows
    ]
    result.sort(key=lambda row: (fold(row.name), row.id))
    return result


@requires(Permission.MANAGE_PARTNERS)
def count_partners(session: Session, actor: Actor) -> int:
    return session.scalar(select(func.count(Partner.id))) or 0


@requires(Permission.MANAGE_PARTNERS)
def get_partner(session: Session, actor: Actor, partner_id: int) -> PartnerDetail:
    return _detail(session, _get(session, partner_id))


# ---------------------------------------------------------------------------------------------
# Writing partners

_PARTNER_FIELDS = ("name", "kind", "street", "postcode", "city", "contact_name",
                   "contact_email", "contact_phone")


def _validate_partner(session: Session, data: PartnerInput, partner_id: int | None
                      ) -> tuple[PartnerInput, str | None]:
    cleaned, errors = check_partner_input(data)
    if "name" not in errors:
        existing = _name_taken(session, cleaned.name, partner_id)
        if existing is not None:
            errors["name"] = _name_taken_message(existing)
    mime = None
    if cleaned.logo is not None and "logo" not in errors:
        mime, _problem = logo_problem(cleaned.logo)
    if errors:
        raise ValidationError(_("Controleer de gegevens van de partner."), errors)
    return cleaned, mime


def _partner_changed(session: Session, partner: Partner | None) -> PartnerChangedError:
    """The refusal, naming who saved ``partner`` in between (None: found while writing)."""
    last = last_save(session, partner)
    if last is not None:
        return PartnerChangedError(_(
            "Deze partner is intussen gewijzigd door {user} ({when}). Sluit het venster, open "
            "de partner opnieuw en breng uw wijziging nog eens aan.",
            user=last.username, when=last.when,
        ), **last.facts())
    return PartnerChangedError(_(
        "Deze partner is intussen door iemand anders gewijzigd. Sluit het venster, open de "
        "partner opnieuw en breng uw wijziging nog eens aan."
    ))


def _flush_partner(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        # Saved by another PC between reading and writing; the transaction is lost anyway.
        raise _partner_changed(session, None) from exc


def _check_partner_version(session: Session, partner: Partner, expected: int) -> None:
    if partner.version != expected:
        raise _partner_changed(session, partner)


@requires(Permission.MANAGE_PARTNERS)
def create_partner(session: Session, actor: Actor, data: PartnerInput) -> PartnerDetail:
    cleaned, mime = _validate_partner(session, data, None)
    partner = Partner(updated_by_id=actor.user_id)
    for name in _PARTNER_FIELDS:
        setattr(partner, name, getattr(cleaned, name))
    partner.logo, partner.logo_mime = cleaned.logo, mime
    session.add(partner)
    session.flush()
    stored = [name for name in _PARTNER_FIELDS if getattr(partner, name) is not None]
    if partner.logo is not None:
        stored.append("logo")
    audit.record(session, actor, "create", "partners", partner.id, stored)
    return _detail(session, partner)


@requires(Permission.MANAGE_PARTNERS)
def update_partner(
    session: Session, actor: Actor, partner_id: int, data: PartnerInput, expected_version: int
) -> PartnerDetail:
    """Save a changed partner, if nobody else saved it since ``expected_version``."""
    partner = _get(session, partner_id)
    _check_partner_version(session, partner, expected_version)
    cleaned, mime = _validate_partner(session, data, partner.id)
    changed = [name for name in _PARTNER_FIELDS
               if getattr(partner, name) != getattr(cleaned, name)]
    for name in changed:
        setattr(partner, name, getattr(cleaned, name))
    if partner.logo != cleaned.logo:
        partner.logo, partner.logo_mime = cleaned.logo, mime
        changed.append("logo")
    if not changed:
        return _detail(session, partner)
    partner.updated_by_id = actor.user_id
    _flush_partner(session)
    audit.record(session, actor, "update", "partners", partner.id, changed)
    return _detail(session, partner)


def _deletion_blockers(placements: int, certificates: int) -> str | None:
    reasons = []
    if placements == 1:
        reasons.append(_("Er hoort 1 plaatsing bij deze partner."))
    elif placements:
        reasons.append(_("Er horen {n} plaatsingen bij deze partner.", n=placements))
    if certificates == 1:
        reasons.append(_("Er is 1 certificaat uitgegeven voor een overeenkomst met deze "
                         "partner."))
    elif certificates:
        reasons.append(_("Er zijn {n} certificaten uitgegeven voor overeenkomsten met deze "
                         "partner.", n=certificates))
    return " ".join(reasons) or None


@requires(Permission.MANAGE_PARTNERS)
def delete_partner(session: Session, actor: Actor, partner_id: int, expected_version: int
                   ) -> str:
    """Delete a partner with its agreements; refused while placements or certificates refer
    to it. Returns the deleted partner's name."""
    partner = _get(session, partner_id)
    _check_partner_version(session, partner, expected_version)
    detail = _detail(session, partner)
    blockers = detail.deletion_blockers
    if blockers is not None:
        raise UserError(_("{name} kan niet worden verwijderd. {reason} Een partner blijft "
                          "bewaard zolang er iets naar verwijst.",
                          name=partner.name, reason=blockers))
    for agreement in session.scalars(select(Agreement).where(Agreement.partner_id == partner.id)):
        audit.record(session, actor, "delete", "agreements", agreement.id)
        session.delete(agreement)
    name = partner.name
    session.delete(partner)
    _flush_partner(session)
    audit.record(session, actor, "delete", "partners", partner_id)
    return name


# ---------------------------------------------------------------------------------------------
# Agreements


def _agreement_info(session: Session, agreement: Agreement) -> AgreementInfo:
    certificates = session.scalar(
        select(func.count(Certificate.id)).where(Certificate.agreement_id == agreement.id)) or 0
    return AgreementInfo(
        id=agreement.id,
        partner_id=agreement.partner_id,
        partner_name=agreement.partner.name,
        title=agreement.title,
        signed_date=agreement.signed_date,
        place=agreement.place,
        scope=agreement.scope,
        valid_from=agreement.valid_from,
        valid_to=agreement.valid_to,
        signatories=tuple(
            SignatoryInfo(s.side, s.name, s.function)
            for s in sorted(agreement.signatories,
                            key=lambda s: (SIGNATORY_SIDES.codes.index(s.side), s.sort_order))
        ),
        version=agreement.version,
        certificate_count=certificates,
    )


def _get_agreement(session: Session, agreement_id: int) -> Agreement:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise AgreementChangedError(_("Deze overeenkomst bestaat niet (meer)."), deleted=True)
    return agreement


def _agreement_changed(session: Session, agreement: Agreement | None
                       ) -> AgreementChangedError:
    """The refusal, naming who saved ``agreement`` in between (None: found while writing)."""
    last = last_save(session, agreement)
    if last is not None:
        return AgreementChangedError(_(
            "Deze overeenkomst is intussen gewijzigd door {user} ({when}). Sluit het venster, "
            "open de overeenkomst opnieuw en breng uw wijziging nog eens aan.",
            user=last.username, when=last.when,
        ), **last.facts())
    return AgreementChangedError(_(
        "Deze overeenkomst is intussen door iemand anders gewijzigd. Sluit het venster, open "
        "de overeenkomst opnieuw en breng uw wijziging nog eens aan."
    ))


def _check_agreement_version(session: Session, agreement: Agreement, expected: int) -> None:
    if agreement.version != expected:
        raise _agreement_changed(session, agreement)


def _flush_agreement(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        raise _agreement_changed(session, None) from exc


@requires(Permission.MANAGE_PARTNERS)
def list_agreements(session: Session, actor: Actor, partner_id: int) -> list[AgreementInfo]:
    """The partner's agreements, most recently signed first (unsigned ones first of all)."""
    _get(session, partner_id)
    agreements = session.scalars(
        select(Agreement).where(Agreement.partner_id == partner_id)
        .order_by(Agreement.signed_date.desc().nulls_first(), Agreement.id.desc())
    ).all()
    return [_agreement_info(session, a) for a in agreements]


@requires(Permission.MANAGE_PARTNERS)
def get_agreement(session: Session, actor: Actor, agreement_id: int) -> AgreementInfo:
    return _agreement_info(session, _get_agreement(session, agreement_id))


_AGREEMENT_FIELDS = ("title", "signed_date", "place", "scope", "valid_from", "valid_to")


def _validate_agreement(data: AgreementInput) -> AgreementInput:
    cleaned, errors = check_agreement_input(data)
    if errors:
        raise ValidationError(_("Controleer de gegevens van de overeenkomst."), errors)
    return cleaned


def _signatory_rows(data: AgreementInput) -> list[Signatory]:
    """The signatories as they are printed: the shop's side first, each side in input order."""
    ordered = [s for side in SIGNATORY_SIDES for s in data.signatories if s.side == side]
    return [Signatory(side=s.side, name=s.name, function=s.function, sort_order=order)
            for order, s in enumerate(ordered)]


def _same_signatories(agreement: Agreement, data: AgreementInput) -> bool:
    def key(items):
        return sorted((s.side, s.name, s.function or "", i) for i, s in enumerate(items))
    current = [s for side in SIGNATORY_SIDES for s in agreement.signatories if s.side == side]
    wanted = [s for side in SIGNATORY_SIDES for s in data.signatories if s.side == side]
    return key(current) == key(wanted)


@requires(Permission.MANAGE_PARTNERS)
def create_agreement(
    session: Session, actor: Actor, partner_id: int, data: AgreementInput
) -> AgreementInfo:
    partner = _get(session, partner_id)
    cleaned = _validate_agreement(data)
    agreement = Agreement(partner=partner, updated_by_id=actor.user_id,
                          signatories=_signatory_rows(cleaned))
    for name in _AGREEMENT_FIELDS:
        setattr(agreement, name, getattr(cleaned, name))
    session.add(agreement)
    session.flush()
    stored = [name for name in _AGREEMENT_FIELDS if getattr(agreement, name) is not None]
    stored.append("partner")
    if cleaned.signatories:
        stored.append("signatories")
    audit.record(session, actor, "create", "agreements", agreement.id, stored)
    return _agreement_info(session, agreement)


@requires(Permission.MANAGE_PARTNERS)
def update_agreement(
    session: Session, actor: Actor, agreement_id: int, data: AgreementInput,
    expected_version: int,
) -> AgreementInfo:
    """Save a changed agreement (and its signatories), if nobody else saved it since
    ``expected_version``. Certificates already issued keep what they say."""
    agreement = _get_agreement(session, agreement_id)
    _check_agreement_version(session, agreement, expected_version)
    cleaned = _validate_agreement(data)
    changed = [name for name in _AGREEMENT_FIELDS
               if getattr(agreement, name) != getattr(cleaned, name)]
    for name in changed:
        setattr(agreement, name, getattr(cleaned, name))
    with session.no_autoflush:  # comparing loads the rows; the field changes wait for it
        same_signatories = _same_signatories(agreement, cleaned)
    if not same_signatories:
        agreement.signatories = _signatory_rows(cleaned)
        changed.append("signatories")
        # The signatories are rows of their own: make the agreement's version go up too, so
        # that a change to them alone still conflicts with another PC's.
        flag_modified(agreement, "title")
    if not changed:
        return _agreement_info(session, agreement)
    agreement.updated_by_id = actor.user_id
    _flush_agreement(session)
    audit.record(session, actor, "update", "agreements", agreement.id, changed)
    return _agreement_info(session, agreement)


@requires(Permission.MANAGE_PARTNERS)
def delete_agreement(session: Session, actor: Actor, agreement_id: int, expected_version: int
                     ) -> str:
    """Delete an agreement and its signatories; refused once a certificate was issued for
    it. Returns its title."""
    agreement = _get_agreement(session, agreement_id)
    _check_agreement_version(session, agreement, expected_version)
    issued = session.scalar(
        select(func.count(Certificate.id)).where(Certificate.agreement_id == agreement.id)) or 0
    if issued:
        raise UserError(
            _("De overeenkomst '{title}' kan niet worden verwijderd: er is al een certificaat "
              "voor uitgegeven. Trek het certificaat zo nodig in; de overeenkomst blijft "
              "bewaard.", title=agreement.title) if issued == 1
            else _("De overeenkomst '{title}' kan niet worden verwijderd: er zijn al {n} "
                   "certificaten voor uitgegeven. Trek ze zo nodig in; de overeenkomst blijft "
                   "bewaard.", title=agreement.title, n=issued))
    title = agreement.title
    session.delete(agreement)
    _flush_agreement(session)
    audit.record(session, actor, "delete", "agreements", agreement_id)
    return title


def describe_signed(info: AgreementInfo) -> str:
    """"getekend 12-03-2024 in Amersfoort", "getekend 12-03-2024", or "nog niet getekend"."""
    if info.signed_date and info.place:
        return _("getekend {date} in {place}", date=format_date(info.signed_date),
                 place=info.place)
    if info.signed_date:
        return _("getekend {date}", date=format_date(info.signed_date))
    return _("nog niet getekend")
