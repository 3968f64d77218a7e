"""Workers with a support need (deelnemers): their details, sensitive texts and progress notes.

What a caller gets depends on the role (domain.md, "Who uses it"):

- an invoer sees a worker's number and name only (:class:`WorkerName`, or a
  :class:`WorkerDetail` whose ``personal`` and ``sensitive`` parts are ``None``);
- a begeleider or beheerder also sees contact details, birth date, doelgroep, referrer and
  dates (``personal``);
- the support need and work adjustments (``sensitive``) are decrypted only for a role with
  ``Permission.SENSITIVE`` whose login holds the shop's data key.

Sensitive texts are stored as AES-GCM ciphertext only (services/crypto). The rule for editing
them is "what you can see, you edit; what you cannot see is left alone": an update by someone
without the key leaves both ciphertext columns untouched, and refuses sensitive texts in the
input rather than silently dropping them.

Every create and update writes an audit entry naming the changed fields (``support_need``,
``email`` …), never their values.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from sqlalchemy import (
    ColumnElement,
    LargeBinary,
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from kringloopdesk.db.codes import WORKER_STATUSES
from kringloopdesk.db.models import (
    Department,
    Doelgroep,
    Placement,
    ProgressNote,
    User,
    Worker,
)
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.i18n import _, current_language
from kringloopdesk.services import audit, crypto
from kringloopdesk.services.auth import KEY_HOLDING_ROLES, Actor, require_data_key
from kringloopdesk.services.conflicts import last_save
from kringloopdesk.services.permissions import Permission, allowed, require, requires
from kringloopdesk.services.setup import POSTCODE_RE

SUPPORT_NEED_CONTEXT = "workers.support_need"
WORK_ADJUSTMENTS_CONTEXT = "workers.work_adjustments"
PROGRESS_NOTE_CONTEXT = "progress_notes.body"

# Numbers of anonymised workers ("ANON-<id>", services/privacy) are reserved.
ANONYMISED_NUMBER_PREFIX = "ANON-"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
# A Dutch phone number: 10 digits starting with 0, or +31 and the 9 digits after the 0.
PHONE_RE = re.compile(r"^(0\d{9}|\+31\d{9})$")
PHONE_SEPARATORS = str.maketrans("", "", " -.()/")
MAX_LENGTHS = {
    "number": 20,
    "first_name": 100,
    "last_name": 150,
    "email": 200,
    "phone": 40,
    "street": 200,
    "postcode": 10,
    "city": 100,
    "referrer": 200,
    "referrer_contact": 200,
}
MAX_TEXT_LENGTH = 20_000
NAME_SEARCH_LIMIT = 50
# Lower-case prefixes of Dutch surnames, skipped when sorting ("de Vries" sorts under V).
TUSSENVOEGSELS = frozenset(
    {"van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "bij",
     "uit", "voor", "onder", "over", "la", "le", "du", "da", "di", "dos", "del", "von", "zu"}
)


class WorkerChangedError(RecordChangedError):
    """The worker was saved by someone else after this form was opened."""


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class WorkerInput:
    """A worker as entered in the form (or an import row); codes as in domain.md.

    ``support_need`` and ``work_adjustments`` are plain text here; they are encrypted before
    they reach the database. An empty text means "none".
    """

    number: str
    first_name: str
    last_name: str
    doelgroep: str
    start_date: dt.date | None
    birth_date: dt.date | None = None
    email: str | None = None
    phone: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    referrer: str | None = None
    referrer_contact: str | None = None
    end_date: dt.date | None = None
    status: str = "actief"
    support_need: str | None = None
    work_adjustments: str | None = None


@dataclass(frozen=True)
class WorkerName:
    """What every role may see of a worker: number and name."""

    id: int
    number: str
    first_name: str
    last_name: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display(self) -> str:
        """"D-0042 Anaïs Çelik" — for pickers and lists."""
        return f"{self.number} {self.full_name}"


@dataclass(frozen=True)
class WorkerPersonal:
    """Contact details, birth date, doelgroep, referrer and dates (begeleider, beheerder)."""

    birth_date: dt.date | None
    email: str | None
    phone: str | None
    street: str | None
    postcode: str | None
    city: str | None
    doelgroep: str
    doelgroep_label: str
    referrer: str | None
    referrer_contact: str | None
    start_date: dt.date
    end_date: dt.date | None
    status: str
    anonymised_at: dt.date | None
    # Whether a text is stored, so that a user without the key knows there is one.
    has_support_need: bool
    has_work_adjustments: bool


@dataclass(frozen=True)
class WorkerSensitive:
    """The decrypted sensitive texts (SENSITIVE and the data key)."""

    support_need: str | None
    work_adjustments: str | None


@dataclass(frozen=True)
class WorkerDetail:
    """A worker as the acting user may see them. ``personal`` is ``None`` for an invoer;
    ``sensitive`` is ``None`` unless the user may read, and can decrypt, the sensitive texts.
    ``version`` goes back into :func:`update_worker` as ``expected_version``."""

    id: int
    number: str
    first_name: str
    last_name: str
    version: int
    updated_at: dt.datetime | None
    personal: WorkerPersonal | None
    sensitive: WorkerSensitive | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def name(self) -> WorkerName:
        return WorkerName(self.id, self.number, self.first_name, self.last_name)

    def as_input(self) -> WorkerInput:
        """The detail as form input (for editing); needs the personal part."""
        if self.personal is None:
            raise ValueError("an invoer's view of a worker cannot be edited")
        p = self.personal
        return WorkerInput(
            number=self.number,
            first_name=self.first_name,
            last_name=self.last_name,
            doelgroep=p.doelgroep,
            start_date=p.start_date,
            birth_date=p.birth_date,
            email=p.email,
            phone=p.phone,
            street=p.street,
            postcode=p.postcode,
            city=p.city,
            referrer=p.referrer,
            referrer_contact=p.referrer_contact,
            end_date=p.end_date,
            status=p.status,
            support_need=self.sensitive.support_need if self.sensitive else None,
            work_adjustments=self.sensitive.work_adjustments if self.sensitive else None,
        )


@dataclass(frozen=True)
class ProgressNoteInfo:
    id: int
    placement_id: int
    note_date: dt.date
    author_id: int | None
    author_name: str | None
    text: str
    created_at: dt.datetime | None
    version: int


# ---------------------------------------------------------------------------------------------
# Helpers shared with placements and privacy


def format_date(day: dt.date) -> str:
    """A date as Dutch users write it: 31-12-2025."""
    return day.strftime("%d-%m-%Y")


def _can_read_sensitive(actor: Actor) -> bool:
    return allowed(actor.role, Permission.SENSITIVE) and actor.data_key is not None


def get_worker_row(session: Session, worker_id: int) -> Worker:
    worker = session.get(Worker, worker_id)
    if worker is None:
        raise UserError(_("Deze medewerker bestaat niet (meer)."))
    return worker


def refuse_anonymised(worker: Worker) -> None:
    if worker.anonymised_at is not None:
        raise UserError(
            _(
                "Deze medewerker is geanonimiseerd op {date}; de gegevens kunnen niet meer "
                "worden gewijzigd.",
                date=format_date(worker.anonymised_at),
            )
        )


def username_of(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(User.username).where(User.id == user_id))


def sort_key(first_name: str, last_name: str) -> tuple[str, str]:
    """Sort as Dutch lists do: "de Vries" under V, "van 't Hof" under H."""
    words = last_name.split()
    while len(words) > 1 and words[0] in TUSSENVOEGSELS:
        words.pop(0)
    return fold(" ".join(words)), fold(first_name)


def fold(text: str) -> str:
    """Lower case without accents, for searching: "Łukasz Çelik" -> "lukasz celik"."""
    text = text.casefold().translate(str.maketrans({"ł": "l", "ı": "i", "ø": "o", "đ": "d"}))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ---------------------------------------------------------------------------------------------
# Validation


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def _phone_ok(phone: str) -> bool:
    return bool(PHONE_RE.match(phone.translate(PHONE_SEPARATORS)))


def check_worker_input(data: WorkerInput) -> tuple[WorkerInput, dict[str, str]]:
    """The cleaned input and ``{field: message}`` for every rule that needs no database.

    The form calls this on every edit, so that its messages are the service's own; the
    number's uniqueness and the doelgroep's existence are checked on saving.
    """
    errors: dict[str, str] = {}
    cleaned = replace(
        data,
        number=(data.number or "").strip(),
        first_name=(data.first_name or "").strip(),
        last_name=(data.last_name or "").strip(),
        doelgroep=(data.doelgroep or "").strip().lower(),
        email=_clean(data.email),
        phone=_clean(data.phone),
        street=_clean(data.street),
        postcode=_clean(data.postcode),
        city=_clean(data.city),
        referrer=_clean(data.referrer),
        referrer_contact=_clean(data.referrer_contact),
        status=(data.status or "").strip().lower(),
        support_need=_clean(data.support_need),
        work_adjustments=_clean(data.work_adjustments),
    )
    required = _("Verplicht")
    if not cleaned.number:
        errors["number"] = required
    elif cleaned.number.upper().startswith(ANONYMISED_NUMBER_PREFIX):
        errors["number"] = _("Nummers die met ANON- beginnen zijn voor geanonimiseerde "
                             "medewerkers")
    if not cleaned.first_name:
        errors["first_name"] = required
    if not cleaned.last_name:
        errors["last_name"] = required
    for name, limit in MAX_LENGTHS.items():
        value = getattr(cleaned, name)
        if value and len(value) > limit and name not in errors:
            errors[name] = _("Hoogstens {n} tekens", n=limit)
    for name in ("support_need", "work_adjustments"):
        value = getattr(cleaned, name)
        if value and len(value) > MAX_TEXT_LENGTH:
            errors[name] = _("Hoogstens {n} tekens", n=MAX_TEXT_LENGTH)
    if not cleaned.doelgroep:
        errors["doelgroep"] = required

    if cleaned.email and "email" not in errors and not EMAIL_RE.match(cleaned.email):
        errors["email"] = _("Geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl")
    if cleaned.phone and "phone" not in errors and not _phone_ok(cleaned.phone):
        errors["phone"] = _("Een Nederlands telefoonnummer: 10 cijfers die met 0 beginnen, "
                            "of +31 en 9 cijfers")
    if cleaned.postcode and "postcode" not in errors:
        if not POSTCODE_RE.match(cleaned.postcode):
            errors["postcode"] = _("Postcode: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB")
        else:
            compact = cleaned.postcode.replace(" ", "").upper()
            cleaned = replace(cleaned, postcode=f"{compact[:4]} {compact[4:]}")

    if cleaned.start_date is None:
        errors["start_date"] = required
    elif cleaned.end_date is not None and cleaned.end_date < cleaned.start_date:
        errors["end_date"] = _("Op of na de startdatum")
    if cleaned.birth_date is not None and cleaned.birth_date > dt.date.today():
        errors["birth_date"] = _("Ligt in de toekomst")
    if cleaned.status not in WORKER_STATUSES:
        errors["status"] = _("Onbekende status '{status}'", status=cleaned.status)
    return cleaned, errors


def _number_taken(session: Session, number: str, worker_id: int | None) -> bool:
    query = select(Worker.id).where(func.lower(Worker.number) == number.strip().lower())
    if worker_id is not None:
        query = query.where(Worker.id != worker_id)
    return session.scalar(query.limit(1)) is not None


def _number_taken_message(number: str) -> str:
    return _("Het nummer {number} is al in gebruik", number=number.strip())


@requires(Permission.VIEW_PERSONAL)
def number_in_use(
    session: Session, actor: Actor, number: str, worker_id: int | None = None
) -> str | None:
    """The message for a deelnemernummer that another worker has (case ignored), else None.
    The form asks when the number field is left; saving checks it again."""
    if not number.strip() or not _number_taken(session, number, worker_id):
        return None
    return _number_taken_message(number)


_NUMBER_PARTS = re.compile(r"^(.*?)(\d+)$")


@requires(Permission.MANAGE_WORKERS)
def next_worker_number(session: Session, actor: Actor) -> str:
    """A suggestion for a new worker's number: the shop's pattern (that of the worker added
    last, e.g. ``D-0042``) with the highest number in use plus one, as wide (``D-0043``).
    ``D-0001`` for the first worker."""
    last = session.scalar(
        select(Worker.number)
        .where(~Worker.number.startswith(ANONYMISED_NUMBER_PREFIX))
        .order_by(Worker.id.desc())
        .limit(1)
    )
    match = _NUMBER_PARTS.match(last or "")
    if match is None:
        return "D-0001"
    prefix, digits = match.groups()
    highest = 0
    for number in session.scalars(select(Worker.number).where(Worker.number.startswith(prefix))):
        found = _NUMBER_PARTS.match(number)
        if found is not None and found.group(1) == prefix:
            highest = max(highest, int(found.group(2)))
    return f"{prefix}{highest + 1:0{len(digits)}d}"


def _validate(
    session: Session, data: WorkerInput, worker: Worker | None
) -> tuple[WorkerInput, Doelgroep | None]:
    """Cleaned input and its doelgroep, or a ValidationError naming every bad field."""
    cleaned, errors = check_worker_input(data)
    worker_id = worker.id if worker is not None else None
    if "number" not in errors and _number_taken(session, cleaned.number, worker_id):
        errors["number"] = _number_taken_message(cleaned.number)
    doelgroep = None
    if cleaned.doelgroep:
        doelgroep = session.scalar(select(Doelgroep).where(Doelgroep.code == cleaned.doelgroep))
        if doelgroep is None:
            errors["doelgroep"] = _("Onbekende doelgroep '{code}'", code=cleaned.doelgroep)
        elif not doelgroep.active and (worker is None or worker.doelgroep_id != doelgroep.id):
            errors["doelgroep"] = _("De doelgroep '{code}' is niet meer in gebruik",
                                    code=cleaned.doelgroep)
    if errors:
        raise ValidationError(_("Controleer de gegevens van de medewerker."), errors)
    return cleaned, doelgroep


# ---------------------------------------------------------------------------------------------
# Reading


def _detail(session: Session, actor: Actor, worker: Worker) -> WorkerDetail:
    personal = None
    if allowed(actor.role, Permission.VIEW_PERSONAL):
        doelgroep = worker.doelgroep
        personal = WorkerPersonal(
            birth_date=worker.birth_date,
            email=worker.email,
            phone=worker.phone,
            street=worker.street,
            postcode=worker.postcode,
            city=worker.city,
            doelgroep=doelgroep.code,
            doelgroep_label=(
                doelgroep.label_en if current_language() == "en" else doelgroep.label_nl
            ),
            referrer=worker.referrer,
            referrer_contact=worker.referrer_contact,
            start_date=worker.start_date,
            end_date=worker.end_date,
            status=worker.status,
            anonymised_at=worker.anonymised_at,
            has_support_need=worker.support_need_enc is not None,
            has_work_adjustments=worker.work_adjustments_enc is not None,
        )
    sensitive = None
    if personal is not None and _can_read_sensitive(actor):
        key = require_data_key(actor)
        sensitive = WorkerSensitive(
            support_need=crypto.decrypt_text(key, worker.support_need_enc, SUPPORT_NEED_CONTEXT),
            work_adjustments=crypto.decrypt_text(
                key, worker.work_adjustments_enc, WORK_ADJUSTMENTS_CONTEXT
            ),
        )
    return WorkerDetail(
        id=worker.id,
        number=worker.number,
        first_name=worker.first_name,
        last_name=worker.last_name,
        version=worker.version,
        updated_at=worker.updated_at,
        personal=personal,
        sensitive=sensitive,
    )


@requires(Permission.VIEW_WORKER_NAMES)
def get_worker(session: Session, actor: Actor, worker_id: int) -> WorkerDetail:
    """A worker as this user may see them (see :class:`WorkerDetail`)."""
    return _detail(session, actor, get_worker_row(session, worker_id))


@requires(Permission.VIEW_WORKER_NAMES)
def get_worker_name(session: Session, actor: Actor, worker_id: int) -> WorkerName:
    worker = get_worker_row(session, worker_id)
    return WorkerName(worker.id, worker.number, worker.first_name, worker.last_name)


@requires(Permission.VIEW_WORKER_NAMES)
def worker_names(
    session: Session,
    actor: Actor,
    search: str = "",
    *,
    limit: int = NAME_SEARCH_LIMIT,
    include_ended: bool = True,
) -> list[WorkerName]:
    """Number and name of the workers matching ``search`` (for the hours screen).

    Every word of ``search`` must occur in the number or the name, ignoring case and accents
    ("lukasz" finds "Łukasz"). Anonymised workers are left out. ``include_ended=False``
    leaves out workers with status ``uitgestroomd``. Sorted by last name (without its
    tussenvoegsel), then first name.
    """
    query = select(Worker.id, Worker.number, Worker.first_name, Worker.last_name).where(
        Worker.anonymised_at.is_(None)
    )
    if not include_ended:
        query = query.where(Worker.status != "uitgestroomd")
    words = fold(search).split()
    found: list[WorkerName] = []
    # A shop has thousands of workers at most: folding accents in Python beats SQL that
    # cannot fold them on SQLite.
    for row in session.execute(query):
        haystack = fold(f"{row.number} {row.first_name} {row.last_name}")
        if all(word in haystack for word in words):
            found.append(WorkerName(row.id, row.number, row.first_name, row.last_name))
    found.sort(key=lambda w: (*sort_key(w.first_name, w.last_name), w.number))
    return found[:limit] if limit else found


# ---------------------------------------------------------------------------------------------
# The list of workers (Deelnemers): filtered, sorted and windowed in SQL

# The department filter's value for "no current placement".
NO_PLACEMENT = "-"
WORKER_LIST_COLUMNS = (
    "number", "name", "doelgroep", "status", "department", "coach", "referrer", "start_date",
    "end_date",
)
# What an invoer may sort and search on.
NAME_COLUMNS = ("number", "name")


@dataclass(frozen=True)
class WorkerFilter:
    """What the Deelnemers list shows. ``search``: every word must occur in the number or
    the name, ignoring case and accents. ``department`` and ``coach_id`` are those of the
    current placement (:func:`current_placement_id`); ``department=NO_PLACEMENT`` finds workers
    without one."""

    search: str = ""
    doelgroep: str | None = None
    status: str | None = None
    department: str | None = None
    coach_id: int | None = None
    referrer: str | None = None

    @property
    def needs_personal(self) -> bool:
        """Whether it filters on more than number and name (not for an invoer)."""
        return any(
            value is not None
            for value in (self.doelgroep, self.status, self.department, self.coach_id,
                          self.referrer)
        )


@dataclass(frozen=True)
class WorkerSort:
    column: str = "name"  # one of WORKER_LIST_COLUMNS
    descending: bool = False


@dataclass(frozen=True)
class WorkerListRow:
    """One line of the Deelnemers list. For an invoer everything after the name is None."""

    id: int
    number: str
    first_name: str
    last_name: str
    doelgroep: str | None = None
    doelgroep_label: str | None = None
    status: str | None = None
    placement_id: int | None = None  # the current placement
    department: str | None = None
    department_label: str | None = None
    coach_id: int | None = None
    coach_name: str | None = None
    referrer: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Choice:
    """A value to pick in a filter or form: an id or code, and what the user sees."""

    value: int | str
    label: str


@dataclass(frozen=True)
class WorkerListOptions:
    """What the Deelnemers filters can offer."""

    doelgroepen: tuple[Choice, ...]
    departments: tuple[Choice, ...]
    coaches: tuple[Choice, ...]
    referrers: tuple[str, ...]


def _fold_classes() -> dict[str, str]:
    """For every ASCII letter, the characters that :func:`fold` turns into it ("a" ->
    "aAàáâãäåÀÁ…"), to search without regard to case or accents in SQL."""
    classes: dict[str, list[str]] = {}
    for code in range(0x20, 0x250):
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded.isascii() and folded.isalpha():
            classes.setdefault(folded, []).append(char)
    return {letter: "".join(chars) for letter, chars in classes.items()}


FOLD_CLASSES = _fold_classes()
# Characters that cannot stand for themselves in a GLOB or a PostgreSQL regular expression.
_GLOB_SPECIAL = frozenset("*?[]")


def _glob_pattern(word: str) -> str:
    """SQLite GLOB (case-sensitive, so every letter becomes a class of its forms)."""
    parts = []
    for char in word:
        if char in FOLD_CLASSES:
            parts.append(f"[{FOLD_CLASSES[char]}]")
        elif char in _GLOB_SPECIAL:
            parts.append(f"[{char}]")
        else:
            parts.append(char)
    return "*" + "".join(parts) + "*"


def _like_pattern(word: str) -> str:
    """SQLite LIKE, with ``\\`` as the escape character."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _regex_pattern(word: str) -> str:
    """PostgreSQL regular expression with the same character classes."""
    parts = []
    for char in word:
        if char in FOLD_CLASSES:
            parts.append(f"[{FOLD_CLASSES[char]}]")
        elif char.isalnum():
            parts.append(char)
        else:
            parts.append("\\" + char)
    return "".join(parts)


def search_condition(session: Session, search: str, *columns: ColumnElement[str]):
    """A WHERE condition: every word of ``search`` occurs in one of ``columns`` (joined by
    spaces), ignoring case and accents ("lukasz" finds "Łukasz"), on both engines.
    ``columns`` must not be NULL (coalesce those that may be)."""
    words = fold(search).split()
    return _search_condition(session.get_bind().dialect.name, words, columns)


def _search_params(dialect: str, words: list[str], name: str) -> dict[str, str]:
    """The patterns for ``words``, by the names of their bound parameters."""
    params: dict[str, str] = {}
    for n, word in enumerate(words):
        if dialect == "sqlite":
            params[f"{name}_{n}_like"] = _like_pattern(word)
            params[f"{name}_{n}_glob"] = _glob_pattern(word)
        elif dialect == "postgresql":
            params[f"{name}_{n}_re"] = _regex_pattern(word)
        else:  # pragma: no cover - the two supported engines are above
            params[f"{name}_{n}_ilike"] = f"%{word}%"
    return params


def _search_condition(dialect: str, words: list[str], columns: tuple[ColumnElement[str], ...],
                      name: str | None = None):
    """:func:`search_condition` for a dialect. With ``name``, the patterns are bound
    parameters of that name (``{name}_0_like`` …, see :func:`_search_params`), so that a cached
    statement serves any words of the same count; without, they are anonymous."""
    if not words:
        return true()
    params = _search_params(dialect, words, name or "search")

    def pattern(n: int, kind: str):
        key = f"{name or 'search'}_{n}_{kind}"
        return bindparam(key, params[key], type_=String, unique=name is None)

    if dialect == "sqlite":
        return and_(*(_sqlite_word_condition(pattern(n, "like"), pattern(n, "glob"), columns)
                      for n in range(len(words))))
    haystack = columns[0]
    for column_ in columns[1:]:
        haystack = haystack + " " + column_
    if dialect == "postgresql":
        return and_(*(haystack.op("~")(pattern(n, "re")) for n in range(len(words))))
    return and_(*(haystack.ilike(pattern(n, "ilike"))  # pragma: no cover
                  for n in range(len(words))))


def _sqlite_word_condition(like, glob, columns: tuple[ColumnElement[str], ...]):
    """One word on SQLite, as fast as a plain LIKE for plain-ASCII texts (issue #9: searching
    as you type). A word holds no space, so it occurs in the joined columns exactly when it
    occurs in one of them. LIKE ignores the case of ASCII letters only, so for a column that is
    plain ASCII it finds what the GLOB of letter classes finds (the word is folded already);
    only a column with other characters (more bytes than characters) needs that GLOB, which
    costs three times as much."""
    found = [column_.like(like, escape="\\") for column_ in columns]
    found += [
        and_(func.length(cast(column_, LargeBinary)) > func.length(column_),
             column_.op("GLOB")(glob))
        for column_ in columns
    ]
    return or_(*found)


@functools.lru_cache(maxsize=16_384)
def _sort_last_name(last_name: str | None) -> str:
    # Cached: SQLite calls it for every row it sorts, and surnames repeat (a shop of 3,000
    # workers has a few hundred).
    return sort_key("", last_name or "")[0]


def sort_name_expression(session: Session, last_name: ColumnElement[str]):
    """The last name as Dutch lists sort it (without its tussenvoegsel, case and accents
    ignored), as an SQL expression: the same rule as :func:`sort_key`."""
    register_sort_name(session)
    return _sort_name_expression(session.get_bind().dialect.name, last_name)


def register_sort_name(session: Session) -> None:
    """On SQLite, give the session's connection the function that
    :func:`sort_name_expression` calls (a statement made before may use it again)."""
    if session.get_bind().dialect.name == "sqlite":
        # A deterministic function of our own: the exact rule, at about 3 µs a row. Once
        # per connection of the pool: registering it again makes SQLite prepare every
        # statement of that connection anew (issue #9: searching as you type).
        pooled = session.connection().connection
        if not pooled.info.get("kld_sort_name"):
            pooled.driver_connection.create_function("kld_sort_name", 1, _sort_last_name,
                                                     deterministic=True)
            pooled.info["kld_sort_name"] = True


def _sort_name_expression(dialect: str, last_name: ColumnElement[str]):
    if dialect == "sqlite":
        return func.kld_sort_name(last_name)
    # PostgreSQL: the tussenvoegsels off with a regular expression, only when the first word
    # is one; accents off with translate(), only for names that are not plain ASCII (both
    # are slow enough to matter for 30,000 names, and most names need neither).
    prefixes = "|".join(re.escape(word) for word in sorted(TUSSENVOEGSELS, key=len,
                                                           reverse=True))
    first_word = func.split_part(last_name, " ", 1)
    stripped = func.lower(
        case(
            (first_word.in_(sorted(TUSSENVOEGSELS)),
             func.regexp_replace(last_name, f"^(({prefixes})\\s+)+", "")),
            else_=last_name,
        )
    )
    sources = "".join(char for chars in FOLD_CLASSES.values() for char in chars
                      if not char.isascii())
    targets = "".join(letter for letter, chars in FOLD_CLASSES.items() for char in chars
                      if not char.isascii())
    return case(
        (func.octet_length(last_name) == func.char_length(last_name), stripped),
        else_=func.translate(stripped, sources, targets),
    )


def current_placement_id(worker_id: ColumnElement[int], today: dt.date):
    """A correlated subquery: the id of the worker's current placement — the one that runs
    today or, when none does, the next planned one. Placements of one worker never overlap,
    so that is the first by start date of those not ended before today.

    One index lookup per worker (``worker_id, start_date``): the plan stays the same however
    stale the engine's statistics are (a derived table joined instead made PostgreSQL loop
    over every pair of rows right after a bulk import).
    """
    return (
        select(Placement.id)
        .where(
            Placement.worker_id == worker_id,
            or_(Placement.end_date.is_(None), Placement.end_date >= today),
        )
        .order_by(Placement.start_date, Placement.id)
        .limit(1)
        .scalar_subquery()
    )


def _label_column(model: type[Doelgroep] | type[Department],
                  language: str | None = None) -> ColumnElement[str]:
    return model.label_en if (language or current_language()) == "en" else model.label_nl


# Made once: a fresh alias per query costs SQLAlchemy more (adapting every column anew) than
# the rest of building the statement.
_CURRENT_PLACEMENT = aliased(Placement, name="cur")
_COACH = aliased(User, name="coach")
# The words of the search are bound parameters of this name (see _search_params).
_SEARCH = "search"


@dataclass(frozen=True)
class _ListShape:
    """Everything a statement of the list depends on but the search words themselves: the
    statements are made once per shape and kept (``_statement``), because building one costs
    more than running it on 3,000 workers, on every keystroke of a search."""

    dialect: str
    personal: bool
    filter: WorkerFilter  # with search ""
    words: int
    today: dt.date
    language: str
    sort: WorkerSort | None = None  # None: the count
    offset: int = 0
    limit: int = 0


class _WorkerListQuery:
    """The joins of the list, made only when the columns, filter or sort need them."""

    def __init__(self, shape: _ListShape):
        self.shape = shape
        self.personal = shape.personal
        self.filter = shape.filter
        self.today = shape.today
        self.placement = _CURRENT_PLACEMENT
        self.coach = _COACH

    def needs_placement(self, sort: WorkerSort | None) -> bool:
        flt = self.filter
        return (
            flt.department is not None
            or flt.coach_id is not None
            or (sort is not None and sort.column in ("department", "coach"))
        )

    def joined(self, query, *, placement: bool, doelgroep: bool):
        if doelgroep:
            query = query.join(Doelgroep, Doelgroep.id == Worker.doelgroep_id)
        if placement:
            current = current_placement_id(Worker.id, self.today)
            query = (
                query.outerjoin(self.placement, self.placement.id == current)
                .outerjoin(Department, Department.id == self.placement.department_id)
                .outerjoin(self.coach, self.coach.id == self.placement.coach_id)
            )
        return query

    def where(self, query):
        flt = self.filter
        query = query.where(
            Worker.anonymised_at.is_(None),
            _search_condition(self.shape.dialect, ["?"] * self.shape.words,
                              (Worker.number, Worker.first_name, Worker.last_name), _SEARCH),
        )
        if flt.doelgroep is not None:
            query = query.where(
                Worker.doelgroep_id.in_(select(Doelgroep.id).where(Doelgroep.code == flt.doelgroep))
            )
        if flt.status is not None:
            query = query.where(Worker.status == flt.status)
        if flt.referrer is not None:
            query = query.where(Worker.referrer == flt.referrer)
        if flt.department == NO_PLACEMENT:
            query = query.where(self.placement.id.is_(None))
        elif flt.department is not None:
            query = query.where(Department.code == flt.department)
        if flt.coach_id is not None:
            query = query.where(self.placement.coach_id == flt.coach_id)
        return query

    def order(self, sort: WorkerSort) -> list:
        column = sort.column
        language = self.shape.language
        name = [_sort_name_expression(self.shape.dialect, Worker.last_name),
                func.lower(Worker.first_name)]
        # Only the chosen column's key is built.
        keys: list = {
            "number": lambda: [func.lower(Worker.number)],
            "name": lambda: name,
            "doelgroep": lambda: [func.lower(_label_column(Doelgroep, language))],
            "status": lambda: [case({code: i for i, code in enumerate(WORKER_STATUSES)},
                                    value=Worker.status, else_=len(WORKER_STATUSES.codes))],
            "department": lambda: [func.lower(_label_column(Department, language))],
            "coach": lambda: [func.lower(self.coach.full_name)],
            "referrer": lambda: [func.lower(Worker.referrer)],
            "start_date": lambda: [Worker.start_date],
            "end_date": lambda: [Worker.end_date],
        }[column]()
        if column not in ("name", "number"):
            keys += name
        keys.append(Worker.id)
        if sort.descending:
            keys = [key.desc() for key in keys]
        # Empty values last, whichever the direction (both engines understand NULLS LAST).
        return [key.nulls_last() for key in keys]

    def count_statement(self):
        query = self.joined(select(func.count()).select_from(Worker),
                            placement=self.needs_placement(None), doelgroep=False)
        return self.where(query)

    def window_statement(self):
        shape = self.shape
        assert shape.sort is not None
        sort, language = shape.sort, shape.language
        order = self.order(sort)
        if not self.personal:
            query = select(Worker.id, Worker.number, Worker.first_name, Worker.last_name)
            query = self.where(self.joined(query, placement=False, doelgroep=False))
            return query.order_by(*order).offset(shape.offset).limit(shape.limit)
        placement = self.placement
        # The window first, from the workers and only the joins that the filter and sort
        # need; then the columns for its rows: the current placement (a subquery per row) is
        # looked up for the 200 rows shown, not for every worker that matches.
        window = (
            self.where(self.joined(select(Worker.id), placement=self.needs_placement(sort),
                                   doelgroep=sort.column == "doelgroep"))
            .order_by(*order).offset(shape.offset).limit(shape.limit).subquery("shown")
        )
        # In the order of WorkerListRow's fields.
        query = select(
            Worker.id,
            Worker.number,
            Worker.first_name,
            Worker.last_name,
            Doelgroep.code.label("doelgroep"),
            _label_column(Doelgroep, language).label("doelgroep_label"),
            Worker.status,
            placement.id.label("placement_id"),
            Department.code.label("department"),
            _label_column(Department, language).label("department_label"),
            placement.coach_id,
            self.coach.full_name.label("coach_name"),
            Worker.referrer,
            Worker.start_date,
            Worker.end_date,
        )
        query = self.joined(query.join(window, window.c.id == Worker.id), placement=True,
                            doelgroep=True)
        return query.order_by(*order)


@functools.lru_cache(maxsize=256)
def _statement(shape: _ListShape):
    query = _WorkerListQuery(shape)
    return query.count_statement() if shape.sort is None else query.window_statement()


def _list_shape(session: Session, actor: Actor, flt: WorkerFilter, today: dt.date | None,
                sort: WorkerSort | None = None, offset: int = 0,
                limit: int = 0) -> tuple[_ListShape, dict[str, str]]:
    """The shape of the statement and the search words' parameters, after the checks: a
    filter on more than the name, or a sort on another column, needs VIEW_PERSONAL."""
    personal = allowed(actor.role, Permission.VIEW_PERSONAL)
    if flt.needs_personal:
        require(actor, Permission.VIEW_PERSONAL)
    if sort is not None:
        if sort.column not in WORKER_LIST_COLUMNS:
            raise ValueError(f"cannot sort workers on {sort.column!r}")
        if not personal and sort.column not in NAME_COLUMNS:
            require(actor, Permission.VIEW_PERSONAL)
    dialect = session.get_bind().dialect.name
    words = fold(flt.search).split()
    shape = _ListShape(dialect, personal, replace(flt, search=""), len(words),
                       today or dt.date.today(), current_language(), sort, offset, limit)
    return shape, _search_params(dialect, words, _SEARCH)


def _execute(session: Session, statement, params: dict[str, str]):
    """Run a statement of the list on the session's connection: the same rows as
    ``session.execute``, without the ORM's handling of each row, which costs more than the
    query itself for a window of 200 rows (issue #9: searching as you type)."""
    if session.autoflush:
        session.flush()  # what session.execute would do first
    return session.connection().execute(statement, params)


@requires(Permission.VIEW_WORKER_NAMES)
def count_workers(
    session: Session,
    actor: Actor,
    flt: WorkerFilter = WorkerFilter(),
    *,
    today: dt.date | None = None,
) -> int:
    """How many workers the list shows with ``flt`` (anonymised workers are never shown)."""
    shape, params = _list_shape(session, actor, flt, today)
    return _execute(session, _statement(shape), params).scalar() or 0


@requires(Permission.VIEW_WORKER_NAMES)
def list_workers(
    session: Session,
    actor: Actor,
    flt: WorkerFilter = WorkerFilter(),
    sort: WorkerSort = WorkerSort(),
    *,
    offset: int = 0,
    limit: int = 200,
    today: dt.date | None = None,
) -> list[WorkerListRow]:
    """A window of the Deelnemers list: filtered, sorted and cut in the database, so that
    30,000 workers are as quick as 30.

    An invoer gets number and name only, and may search (and sort on number and name) but
    not filter on anything else: a filter on doelgroep would tell what the rows do not.
    """
    shape, params = _list_shape(session, actor, flt, today, sort, offset, limit)
    statement = _statement(shape)
    register_sort_name(session)
    rows = _execute(session, statement, params).all()
    if not shape.personal:
        return [WorkerListRow(r.id, r.number, r.first_name, r.last_name) for r in rows]
    return [WorkerListRow(*row) for row in rows]


def coach_choices(session: Session, *, keep_id: int | None = None,
                  every_coach: bool = False) -> tuple[Choice, ...]:
    """Users who can coach (active begeleiders and beheerders), by name. ``keep_id`` is
    added when no longer active (the coach an existing placement has); ``every_coach`` adds
    every inactive user who coaches a placement (for a filter over history)."""
    keep = or_(User.active, User.id == keep_id)
    if every_coach:
        keep = or_(keep, User.id.in_(select(Placement.coach_id).where(
            Placement.coach_id.is_not(None))))
    rows = session.execute(
        select(User.id, User.full_name, User.username, User.active).where(
            User.role.in_(KEY_HOLDING_ROLES), keep
        )
    ).all()
    rows.sort(key=lambda r: fold(r.full_name or r.username))
    return tuple(
        Choice(r.id, (r.full_name or r.username) if r.active
               else _("{name} (niet actief)", name=r.full_name or r.username))
        for r in rows
    )


def department_choices(session: Session, *, keep_code: str | None = None) -> tuple[Choice, ...]:
    """The active departments (and ``keep_code`` even when no longer active), in the shop's
    order, as (code, label)."""
    rows = session.scalars(
        select(Department)
        .where(or_(Department.active, Department.code == keep_code))
        .order_by(Department.sort_order, Department.code)
    )
    language = current_language()
    return tuple(Choice(d.code, d.label_en if language == "en" else d.label_nl) for d in rows)


def doelgroep_choices(session: Session, *, keep_code: str | None = None) -> tuple[Choice, ...]:
    rows = session.scalars(
        select(Doelgroep)
        .where(or_(Doelgroep.active, Doelgroep.code == keep_code))
        .order_by(Doelgroep.sort_order, Doelgroep.code)
    )
    language = current_language()
    return tuple(Choice(d.code, d.label_en if language == "en" else d.label_nl) for d in rows)


@requires(Permission.VIEW_PERSONAL)
def worker_list_options(session: Session, actor: Actor) -> WorkerListOptions:
    """The doelgroepen, departments, coaches and referrers the list's filters offer."""
    referrers = session.scalars(
        select(Worker.referrer)
        .where(Worker.referrer.is_not(None), Worker.anonymised_at.is_(None))
        .distinct()
    )
    return WorkerListOptions(
        doelgroepen=doelgroep_choices(session),
        departments=department_choices(session),
        coaches=coach_choices(session, every_coach=True),
        referrers=tuple(sorted(referrers, key=fold)),
    )


# ---------------------------------------------------------------------------------------------
# Writing

# Input fields stored in a plain column of the same name.
_PLAIN_FIELDS = (
    "number", "first_name", "last_name", "birth_date", "email", "phone", "street", "postcode",
    "city", "referrer", "referrer_contact", "start_date", "end_date", "status",
)


def _sensitive_given(data: WorkerInput) -> bool:
    return bool(_clean(data.support_need) or _clean(data.work_adjustments))


def _apply(
    worker: Worker, data: WorkerInput, doelgroep: Doelgroep, key: bytes | None
) -> list[str]:
    """Copy the input onto the row; returns the names of the fields that changed.

    With ``key`` None the ciphertext columns are not touched at all.
    """
    changed = [name for name in _PLAIN_FIELDS if getattr(worker, name) != getattr(data, name)]
    for name in changed:
        setattr(worker, name, getattr(data, name))
    if worker.doelgroep_id != doelgroep.id:
        worker.doelgroep_id = doelgroep.id
        worker.doelgroep = doelgroep
        changed.append("doelgroep")
    if key is not None:
        for name, column, context in (
            ("support_need", "support_need_enc", SUPPORT_NEED_CONTEXT),
            ("work_adjustments", "work_adjustments_enc", WORK_ADJUSTMENTS_CONTEXT),
        ):
            new = getattr(data, name)
            old = crypto.decrypt_text(key, getattr(worker, column), context)
            if new != old:
                setattr(worker, column, crypto.encrypt_text(key, new, context))
                changed.append(name)
    return changed


def _sensitive_key(actor: Actor, data: WorkerInput) -> bytes | None:
    """The key to write the sensitive texts with, or None to leave them alone.

    Texts in the input from someone who may not write them are refused, not dropped.
    """
    if _can_read_sensitive(actor):
        return require_data_key(actor)
    if _sensitive_given(data):
        require(actor, Permission.SENSITIVE)
        require_data_key(actor)
    return None


@requires(Permission.MANAGE_WORKERS)
def create_worker(session: Session, actor: Actor, data: WorkerInput) -> WorkerDetail:
    """Add a worker. Sensitive texts need Permission.SENSITIVE and the data key."""
    key = _sensitive_key(actor, data)
    cleaned, doelgroep = _validate(session, data, None)
    assert doelgroep is not None and cleaned.start_date is not None
    worker = Worker()
    _apply(worker, cleaned, doelgroep, key)
    worker.updated_by_id = actor.user_id
    session.add(worker)
    session.flush()
    stored = [name for name in _PLAIN_FIELDS if getattr(worker, name) is not None]
    stored.append("doelgroep")
    stored += [name for name in ("support_need", "work_adjustments") if getattr(cleaned, name)]
    audit.record(session, actor, "create", "workers", worker.id, stored)
    return _detail(session, actor, worker)


def _changed(session: Session, worker: Worker | None) -> WorkerChangedError:
    """The refusal, naming who saved ``worker`` in between (None: found while writing)."""
    last = last_save(session, worker)
    if last is not None:
        return WorkerChangedError(_(
            "Deze medewerker is intussen gewijzigd door {user} ({when}). Sluit het formulier, "
            "open de medewerker opnieuw en breng uw wijziging nog eens aan.",
            user=last.username, when=last.when,
        ), **last.facts())
    return WorkerChangedError(_(
        "Deze medewerker is intussen door iemand anders gewijzigd. Sluit het formulier, open "
        "de medewerker opnieuw en breng uw wijziging nog eens aan."
    ))


@requires(Permission.MANAGE_WORKERS)
def update_worker(
    session: Session,
    actor: Actor,
    worker_id: int,
    data: WorkerInput,
    expected_version: int,
) -> WorkerDetail:
    """Save a changed worker, if nobody else saved it since ``expected_version``.

    A user who cannot read the sensitive texts leaves them unchanged (and may not send any);
    for a user with the key, the input's texts are the new texts (empty clears them).
    Raises :class:`WorkerChangedError`, naming who saved in between, on a version conflict.
    """
    worker = get_worker_row(session, worker_id)
    refuse_anonymised(worker)
    if worker.version != expected_version:
        raise _changed(session, worker)
    key = _sensitive_key(actor, data)
    cleaned, doelgroep = _validate(session, data, worker)
    assert doelgroep is not None
    changed = _apply(worker, cleaned, doelgroep, key)
    if not changed:
        return _detail(session, actor, worker)
    worker.updated_by_id = actor.user_id
    try:
        session.flush()
    except StaleDataError as exc:
        # Saved by another PC between reading and writing; the transaction is lost anyway.
        raise _changed(session, None) from exc
    audit.record(session, actor, "update", "workers", worker.id, changed)
    return _detail(session, actor, worker)


# ---------------------------------------------------------------------------------------------
# Progress notes


def _note_info(note: ProgressNote, author: str | None, text: str) -> ProgressNoteInfo:
    return ProgressNoteInfo(
        id=note.id,
        placement_id=note.placement_id,
        note_date=note.note_date,
        author_id=note.author_id,
        author_name=author,
        text=text,
        created_at=note.created_at,
        version=note.version,
    )


@requires(Permission.SENSITIVE)
def add_progress_note(
    session: Session, actor: Actor, placement_id: int, note_date: dt.date | None, text: str
) -> ProgressNoteInfo:
    """A dated progress note on a placement, written by the acting user, stored encrypted."""
    key = require_data_key(actor)
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise UserError(_("Deze plaatsing bestaat niet (meer)."))
    refuse_anonymised(placement.worker)
    errors: dict[str, str] = {}
    body = _clean(text)
    if body is None:
        errors["text"] = _("Verplicht")
    elif len(body) > MAX_TEXT_LENGTH:
        errors["text"] = _("Hoogstens {n} tekens", n=MAX_TEXT_LENGTH)
    if note_date is None:
        errors["note_date"] = _("Verplicht")
    if errors:
        raise ValidationError(_("Controleer de voortgangsnotitie."), errors)
    assert body is not None and note_date is not None
    note = ProgressNote(
        placement_id=placement.id,
        note_date=note_date,
        author_id=actor.user_id,
        body_enc=crypto.encrypt_text(key, body, PROGRESS_NOTE_CONTEXT),
        updated_by_id=actor.user_id,
    )
    session.add(note)
    session.flush()
    audit.record(session, actor, "create", "progress_notes", note.id,
                 ["placement", "note_date", "author", "text"])
    return _note_info(note, actor.full_name, body)


@requires(Permission.SENSITIVE)
def list_progress_notes(
    session: Session, actor: Actor, placement_id: int
) -> list[ProgressNoteInfo]:
    """The notes of a placement, decrypted, oldest first."""
    key = require_data_key(actor)
    rows = session.execute(
        select(ProgressNote, User.full_name)
        .outerjoin(User, User.id == ProgressNote.author_id)
        .where(ProgressNote.placement_id == placement_id)
        .order_by(ProgressNote.note_date, ProgressNote.id)
    ).all()
    return [
        _note_info(note, author, crypto.decrypt_text(key, note.body_enc, PROGRESS_NOTE_CONTEXT)
                   or "")
        for note, author in rows
    ]
