"""Electrical safety tests of tagged items (NEN 3140 / NEN-EN 50678 / NEN-EN 50699).

The pass rule (docs/items.md), with the limits of the shop settings ``safety_*`` in force on
the day the test is recorded:

- **Protection class I** (earthed): the protective-conductor resistance (≤ 0.3 Ω), the
  insulation resistance (≥ 1 MΩ) and the protective-conductor (leakage) current (≤ 3.5 mA)
  are measured — all three are required.
- **Protection class II** (double insulated, no earth): the insulation resistance (≥ 2 MΩ)
  and the touch current (≤ 0.5 mA) are required; a protective conductor is not there to
  measure.
- A value that was measured although the class does not require it (a touch current on an
  earthed appliance with accessible metal parts, say) still counts: it must be within its
  limit too. A measurement is never ignored.
- The visual inspection and the functional test must both be ok.

``passed`` is computed here and stored with the test, so a later change of the limits does not
rewrite history. :func:`evaluate` is pure, so the form shows the same verdict live as the
values are typed. Recording a failed test on an item that is *te koop* takes it out of the
sale (back to *in behandeling*): an appliance that failed may not stay on the shop floor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from kringloopdesk.db.codes import PROTECTION_CLASSES
from kringloopdesk.db.models import SafetyTest, TaggedItem, User
from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.i18n import _
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.settings import get_setting

MEASUREMENT_STEP = Decimal("0.001")
MAX_MEASUREMENT = Decimal("1000000")
MAX_INSTRUMENT_LENGTH = 200
MEASUREMENTS = ("pe_resistance_ohm", "insulation_mohm", "leakage_current_ma", "touch_current_ma")
# What each protection class must have measured.
REQUIRED_MEASUREMENTS = {
    "I": ("pe_resistance_ohm", "insulation_mohm", "leakage_current_ma"),
    "II": ("insulation_mohm", "touch_current_ma"),
}


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class SafetyLimits:
    pe_max_ohm: Decimal
    insulation_min_mohm_class1: Decimal
    insulation_min_mohm_class2: Decimal
    pe_current_max_ma: Decimal
    touch_current_max_ma: Decimal

    def insulation_min(self, protection_class: str) -> Decimal:
        return (self.insulation_min_mohm_class2 if protection_class == "II"
                else self.insulation_min_mohm_class1)


@dataclass(frozen=True)
class SafetyInput:
    """A test as typed in the form. Measurements in Ω, MΩ and mA; None: not measured."""

    test_date: dt.date | None
    protection_class: str
    visual_ok: bool
    functional_ok: bool
    pe_resistance_ohm: Decimal | None = None
    insulation_mohm: Decimal | None = None
    leakage_current_ma: Decimal | None = None
    touch_current_ma: Decimal | None = None
    instrument: str | None = None


@dataclass(frozen=True)
class SafetyVerdict:
    """``failures``: field -> why it fails (a value outside its limit, or not ok);
    ``missing``: a required measurement that is empty. Passed when both are empty."""

    failures: dict[str, str]
    missing: dict[str, str]

    @property
    def passed(self) -> bool:
        return not self.failures and not self.missing

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class SafetyTestInfo:
    id: int
    item_id: int
    test_date: dt.date
    tester_id: int | None
    tester_name: str | None
    instrument: str | None
    protection_class: str
    pe_resistance_ohm: Decimal | None
    insulation_mohm: Decimal | None
    leakage_current_ma: Decimal | None
    touch_current_ma: Decimal | None
    visual_ok: bool
    functional_ok: bool
    passed: bool


@dataclass(frozen=True)
class SafetyTestRecorded:
    test: SafetyTestInfo
    # The item was te koop and the test failed: it was taken out of the sale.
    withdrawn_from_sale: bool


# ---------------------------------------------------------------------------------------------
# Limits and the rule


def current_limits(session: Session) -> SafetyLimits:
    """The limits in force (shop settings, readable by every role)."""
    return SafetyLimits(
        pe_max_ohm=Decimal(get_setting(session, "safety_pe_max_ohm")),
        insulation_min_mohm_class1=Decimal(
            get_setting(session, "safety_insulation_min_mohm_class1")),
        insulation_min_mohm_class2=Decimal(
            get_setting(session, "safety_insulation_min_mohm_class2")),
        pe_current_max_ma=Decimal(get_setting(session, "safety_pe_current_max_ma")),
        touch_current_max_ma=Decimal(get_setting(session, "safety_touch_current_max_ma")),
    )


def format_decimal(value: Decimal) -> str:
    """0.300 -> "0,3"; 2 -> "2" (as a Dutch user reads and types it)."""
    text = format(Decimal(value).normalize(), "f")
    return text.replace(".", ",")


def parse_measurement(text: str | None) -> Decimal | None:
    """"0,25" or "0.25" -> Decimal("0.25"); empty -> None. Raises ValueError with a Dutch
    message for anything else (negative, more than 3 decimals, not a number)."""
    if text is None or not text.strip():
        return None
    cleaned = text.strip().replace(" ", "")
    if cleaned.count(",") + cleaned.count(".") > 1:
        raise ValueError(_("Eén decimaalteken, bijvoorbeeld 0,25"))
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(_("Geen getal; bijvoorbeeld 0,25")) from exc
    if not value.is_finite():
        raise ValueError(_("Geen getal; bijvoorbeeld 0,25"))
    if value < 0:
        raise ValueError(_("Niet negatief"))
    if value != value.quantize(MEASUREMENT_STEP) or value >= MAX_MEASUREMENT:
        raise ValueError(_("Hoogstens 3 decimalen en kleiner dan 1.000.000"))
    return value


def evaluate(data: SafetyInput, limits: SafetyLimits) -> SafetyVerdict:
    """The verdict of the pass rule (module docstring) on ``data`` with ``limits``."""
    failures: dict[str, str] = {}
    missing: dict[str, str] = {}
    pclass = data.protection_class
    for name in REQUIRED_MEASUREMENTS.get(pclass, ()):
        if getattr(data, name) is None:
            missing[name] = _("Verplicht bij klasse {pclass}", pclass=pclass)
    pe = data.pe_resistance_ohm
    if pe is not None and pe > limits.pe_max_ohm:
        failures["pe_resistance_ohm"] = _("Te hoog: {value} Ω, hoogstens {limit} Ω",
                                          value=format_decimal(pe),
                                          limit=format_decimal(limits.pe_max_ohm))
    insulation = data.insulation_mohm
    minimum = limits.insulation_min(pclass)
    if insulation is not None and insulation < minimum:
        failures["insulation_mohm"] = _("Te laag: {value} MΩ, minstens {limit} MΩ",
                                        value=format_decimal(insulation),
                                        limit=format_decimal(minimum))
    leakage = data.leakage_current_ma
    if leakage is not None and leakage > limits.pe_current_max_ma:
        failures["leakage_current_ma"] = _("Te hoog: {value} mA, hoogstens {limit} mA",
                                           value=format_decimal(leakage),
                                           limit=format_decimal(limits.pe_current_max_ma))
    touch = data.touch_current_ma
    if touch is not None and touch > limits.touch_current_max_ma:
        failures["touch_current_ma"] = _("Te hoog: {value} mA, hoogstens {limit} mA",
                                         value=format_decimal(touch),
                                         limit=format_decimal(limits.touch_current_max_ma))
    if not data.visual_ok:
        failures["visual_ok"] = _("Visuele inspectie niet in orde")
    if not data.functional_ok:
        failures["functional_ok"] = _("Functionele test niet in orde")
    return SafetyVerdict(failures, missing)


def check_safety_input(data: SafetyInput, today: dt.date | None = None) -> dict[str, str]:
    """``{field: message}`` for input that cannot be stored at all (not for a failed test:
    a failed test is stored as failed)."""
    errors: dict[str, str] = {}
    if data.protection_class not in PROTECTION_CLASSES:
        errors["protection_class"] = _("Kies klasse I of klasse II")
    if data.test_date is None:
        errors["test_date"] = _("Verplicht")
    elif data.test_date > (today or dt.date.today()):
        errors["test_date"] = _("Ligt in de toekomst")
    for name in MEASUREMENTS:
        value = getattr(data, name)
        if value is not None and (value < 0 or value != value.quantize(MEASUREMENT_STEP)
                                  or value >= MAX_MEASUREMENT):
            errors[name] = _("Hoogstens 3 decimalen en kleiner dan 1.000.000")
    if data.instrument and len(data.instrument.strip()) > MAX_INSTRUMENT_LENGTH:
        errors["instrument"] = _("Hoogstens {n} tekens", n=MAX_INSTRUMENT_LENGTH)
    return errors


# ---------------------------------------------------------------------------------------------
# Reading


def _info(test: SafetyTest, tester_name: str | None) -> SafetyTestInfo:
    return SafetyTestInfo(
        id=test.id,
        item_id=test.item_id,
        test_date=test.test_date,
        tester_id=test.tester_id,
        tester_name=tester_name,
        instrument=test.instrument,
        protection_class=test.protection_class,
        pe_resistance_ohm=test.pe_resistance_ohm,
        insulation_mohm=test.insulation_mohm,
        leakage_current_ma=test.leakage_current_ma,
        touch_current_ma=test.touch_current_ma,
        visual_ok=test.visual_ok,
        functional_ok=test.functional_ok,
        passed=test.passed,
    )


def latest_test_row(session: Session, item_id: int) -> SafetyTest | None:
    """The test that counts: the last by date (the last recorded on the same day)."""
    return session.scalar(
        select(SafetyTest)
        .where(SafetyTest.item_id == item_id)
        .order_by(SafetyTest.test_date.desc(), SafetyTest.id.desc())
        .limit(1)
    )


@requires(Permission.REGISTER_GOODS)
def latest_test(session: Session, actor: Actor, item_id: int) -> SafetyTestInfo | None:
    test = latest_test_row(session, item_id)
    if test is None:
        return None
    tester = session.get(User, test.tester_id) if test.tester_id else None
    return _info(test, (tester.full_name or tester.username) if tester else None)


@requires(Permission.REGISTER_GOODS)
def list_tests(session: Session, actor: Actor, item_id: int) -> list[SafetyTestInfo]:
    """The item's tests, newest first."""
    rows = session.execute(
        select(SafetyTest, User.full_name, User.username)
        .outerjoin(User, User.id == SafetyTest.tester_id)
        .where(SafetyTest.item_id == item_id)
        .order_by(SafetyTest.test_date.desc(), SafetyTest.id.desc())
    ).all()
    return [_info(test, full or user) for test, full, user in rows]


@requires(Permission.REGISTER_GOODS)
def safety_limits(session: Session, actor: Actor) -> SafetyLimits:
    return current_limits(session)


# ---------------------------------------------------------------------------------------------
# Writing


@requires(Permission.REGISTER_GOODS)
def record_test(
    session: Session, actor: Actor, item_id: int, data: SafetyInput
) -> SafetyTestRecorded:
    """Store a test by the acting user; ``passed`` from :func:`evaluate` with the limits in
    force. A test with a required measurement missing is refused (it would say nothing)."""
    item = session.get(TaggedItem, item_id)
    if item is None:
        raise UserError(_("Dit artikel bestaat niet (meer)."))
    if not item.electrical:
        raise UserError(
            _("Artikel {number} is niet als elektrisch apparaat geregistreerd; zet eerst "
              "'Elektrisch apparaat' aan bij het artikel.", number=item.item_number)
        )
    errors = check_safety_input(data)
    verdict = evaluate(data, current_limits(session))
    for name, message in verdict.missing.items():
        errors.setdefault(name, message)
    if errors:
        raise ValidationError(_("Controleer de gegevens van de veiligheidstest."), errors)
    assert data.test_date is not None
    instrument = (data.instrument or "").strip() or None
    test = SafetyTest(
        item_id=item.id,
        test_date=data.test_date,
        tester_id=actor.user_id,
        instrument=instrument,
        protection_class=data.protection_class,
        pe_resistance_ohm=data.pe_resistance_ohm,
        insulation_mohm=data.insulation_mohm,
        leakage_current_ma=data.leakage_current_ma,
        touch_current_ma=data.touch_current_ma,
        visual_ok=data.visual_ok,
        functional_ok=data.functional_ok,
        passed=verdict.passed,
        updated_by_id=actor.user_id,
    )
    session.add(test)
    session.flush()
    fields = ["item", "test_date", "tester", "protection_class", "visual_ok", "functional_ok",
              "passed"]
    fields += [name for name in MEASUREMENTS if getattr(data, name) is not None]
    if instrument:
        fields.append("instrument")
    audit.record(session, actor, "create", "safety_tests", test.id, fields)
    withdrawn = False
    latest = latest_test_row(session, item.id)
    if item.status == "te_koop" and latest is not None and not latest.passed:
        item.status = "in_behandeling"
        item.updated_by_id = actor.user_id
        session.flush()
        audit.record(session, actor, "update", "tagged_items", item.id, ["status"],
                     summary="veiligheidstest afgekeurd")
        withdrawn = True
    return SafetyTestRecorded(_info(test, actor.full_name or actor.username), withdrawn)
