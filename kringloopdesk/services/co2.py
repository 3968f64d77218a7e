"""CO2 factor sets: the shipped ``bkn_tno`` and ``restart_wrap`` sets and the versions a shop
makes of them.

A factor set is known by its code; each version (``code@version``, e.g. ``bkn_tno@1``) is a
fixed table of kg CO2-eq avoided per kg reused, one factor per product group. Versions are never
changed: editing a set writes version n+1 (:func:`new_version`), so a report that stored
``bkn_tno@1`` keeps exactly the numbers it was made with.

One version of one set is the shop's *default*: the dashboard and an export that names no set
use it. :func:`kringloopdesk.services.figures.default_factor_set` is the one function that
resolves it. A new version of the default set becomes the default itself (the shop edited the
numbers it uses); :func:`set_default` chooses another set, or pins an older version.

Every role reads the sets (the dashboard names the one it uses); only a beheerder
(``MANAGE_SHOP``) writes a new version or changes the default. Both are audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kringloopdesk.db.models import FactorSet, FactorValue, ProductGroup, User
from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.i18n import _
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.figures import FactorSetRef, default_factor_set
from kringloopdesk.services.permissions import Permission, requires

FACTOR_DECIMALS = 4
# The largest factor accepted: far above any published one (Restart's ICT figure is 32).
MAX_FACTOR = Decimal(1000)
NAME_MAX = 200
SOURCE_MAX = 4000

__all__ = [
    "FactorRow",
    "FactorSetDetail",
    "FactorSetSummary",
    "FactorSetVersion",
    "default_factor_set",
    "get_factor_set",
    "list_factor_sets",
    "new_version",
    "parse_factor",
    "set_default",
]


# ---------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class FactorSetVersion:
    """One version of a set, as listed."""

    code: str
    version: int
    name: str
    is_default: bool
    created_at: dt.datetime
    created_by: str | None  # the user's name; None for the shipped versions

    @property
    def ref(self) -> FactorSetRef:
        return FactorSetRef(self.code, self.version)

    @property
    def label(self) -> str:
        return self.ref.label


@dataclass(frozen=True)
class FactorSetSummary:
    """A set with its versions, oldest first."""

    code: str
    versions: tuple[FactorSetVersion, ...]

    @property
    def newest(self) -> FactorSetVersion:
        return self.versions[-1]

    @property
    def name(self) -> str:
        return self.newest.name

    @property
    def default_version(self) -> int | None:
        """The version that is the shop's default, or None when another set is."""
        return next((v.version for v in self.versions if v.is_default), None)


@dataclass(frozen=True)
class FactorRow:
    """A product group's factor in one version (None: the version has no factor for it)."""

    product_group_id: int
    code: str
    label_nl: str
    label_en: str
    active: bool
    factor: Decimal | None

    def label(self, language: str = "nl") -> str:
        return self.label_en if language == "en" else self.label_nl


@dataclass(frozen=True)
class FactorSetDetail:
    """One version with its factor per product group (every group, in the list's order)."""

    code: str
    version: int
    name: str
    source: str | None
    is_default: bool
    created_at: dt.datetime
    created_by: str | None
    newest_version: int
    rows: tuple[FactorRow, ...]

    @property
    def ref(self) -> FactorSetRef:
        return FactorSetRef(self.code, self.version)

    @property
    def label(self) -> str:
        return self.ref.label

    @property
    def is_newest(self) -> bool:
        return self.version == self.newest_version

    def factors(self) -> dict[str, Decimal]:
        """The factors by product group code (groups without one left out)."""
        return {row.code: row.factor for row in self.rows if row.factor is not None}


# ---------------------------------------------------------------------------------------------
# Reading


@requires(Permission.REGISTER_GOODS)
def list_factor_sets(session: Session, actor: Actor) -> list[FactorSetSummary]:
    """Every set with its versions; the shop's default set first, then by code."""
    rows = session.execute(
        select(FactorSet, User.full_name)
        .outerjoin(User, User.id == FactorSet.created_by_id)
        .order_by(FactorSet.code, FactorSet.version)
    )
    by_code: dict[str, list[FactorSetVersion]] = {}
    for factor_set, user_name in rows:
        by_code.setdefault(factor_set.code, []).append(_version(factor_set, user_name))
    sets = [FactorSetSummary(code, tuple(versions)) for code, versions in by_code.items()]
    sets.sort(key=lambda s: (s.default_version is None, s.code))
    return sets


@requires(Permission.REGISTER_GOODS)
def get_factor_set(
    session: Session, actor: Actor, ref: FactorSetRef | str | None = None
) -> FactorSetDetail:
    """One version with its factors. ``ref`` is ``code@version``, a bare code (its newest
    version) or None (the default version). An unknown one raises ``ValidationError``."""
    factor_set = _find(session, ref)
    user_name = (
        session.scalar(select(User.full_name).where(User.id == factor_set.created_by_id))
        if factor_set.created_by_id is not None
        else None
    )
    factors = {
        int(gid): factor
        for gid, factor in session.execute(
            select(FactorValue.product_group_id, FactorValue.factor).where(
                FactorValue.factor_set_id == factor_set.id
            )
        )
    }
    rows = tuple(
        FactorRow(g.id, g.code, g.label_nl, g.label_en, g.active, factors.get(g.id))
        for g in session.scalars(
            select(ProductGroup).order_by(ProductGroup.sort_order, ProductGroup.code)
        )
        # An inactive group is listed only where this version has a factor for it.
        if g.active or g.id in factors
    )
    return FactorSetDetail(
        code=factor_set.code,
        version=factor_set.version,
        name=factor_set.name,
        source=factor_set.source,
        is_default=factor_set.is_default,
        created_at=factor_set.created_at,
        created_by=user_name,
        newest_version=_newest_version(session, factor_set.code) or factor_set.version,
        rows=rows,
    )


# ---------------------------------------------------------------------------------------------
# Writing


def parse_factor(value: Decimal | int | str | None) -> Decimal:
    """A factor from a number or from text with a decimal comma or point ("1,45").

    Raises ``ValueError`` with a Dutch message (for next to the field) when it is not a
    number, negative, above :data:`MAX_FACTOR` or has more than four decimals.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(_("Vul een factor in (0 mag)"))
    if isinstance(value, bool | float):
        raise TypeError(f"a factor is a Decimal, int or text, not {value!r}")
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if "," in text and "." in text:
            raise ValueError(_("Schrijf de factor zonder duizendtalscheiding, bijvoorbeeld 1,45"))
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise ValueError(_("Geen getal; schrijf bijvoorbeeld 1,45")) from None
    else:
        number = Decimal(value)
    if not number.is_finite():
        raise ValueError(_("Geen getal; schrijf bijvoorbeeld 1,45"))
    if number < 0:
        raise ValueError(_("Een factor is 0 of meer"))
    if number > MAX_FACTOR:
        raise ValueError(_("Een factor is hoogstens {max}", max=int(MAX_FACTOR)))
    rounded = number.quantize(Decimal(1).scaleb(-FACTOR_DECIMALS))
    if rounded != number:
        raise ValueError(_("Hoogstens {n} decimalen", n=FACTOR_DECIMALS))
    return rounded


@requires(Permission.MANAGE_SHOP)
def new_version(
    session: Session,
    actor: Actor,
    code: str,
    values: Mapping[str, Decimal | int | str],
    *,
    source: str | None = None,
    name: str | None = None,
    based_on: int | None = None,
    make_default: bool | None = None,
) -> FactorSetDetail:
    """Write version n+1 of set ``code`` with ``values`` (factor per product group code).

    Every active product group needs a factor (0 is allowed); an inactive group may keep one.
    ``source`` (where the numbers come from) and ``name`` default to those of the newest
    version. ``based_on`` is the version the editor showed: when someone saved a newer one
    since, nothing is written. ``make_default`` None keeps the default with the set (a new
    version of the default set becomes the default); True or False decide it.

    Refused with a Dutch ``ValidationError`` whose ``field_errors`` are keyed by product group
    code (and ``source``, ``name``); existing versions are never changed.
    """
    if "@" in code:
        raise ValidationError(_("Geef de code van de set zonder versie, bijvoorbeeld bkn_tno."))
    newest = _find(session, code.strip())
    if based_on is not None and based_on != newest.version:
        raise ValidationError(
            _(
                "Van de set {code} is intussen versie {version} opgeslagen. Bekijk die eerst en "
                "sla uw wijzigingen daarna opnieuw op.",
                code=newest.code,
                version=newest.version,
            )
        )
    groups = list(
        session.scalars(select(ProductGroup).order_by(ProductGroup.sort_order, ProductGroup.code))
    )
    by_code = {g.code: g for g in groups}
    errors: dict[str, str] = {}
    factors: dict[int, Decimal] = {}
    for group_code, raw in values.items():
        group = by_code.get(group_code)
        if group is None:
            errors[group_code] = _("Onbekende productgroep '{code}'", code=group_code)
            continue
        try:
            factors[group.id] = parse_factor(raw)
        except ValueError as problem:
            errors[group_code] = str(problem)
    for group in groups:
        if group.active and group.code not in values:
            errors[group.code] = _("Vul een factor in (0 mag)")

    old_factors: dict[int, Decimal] = {
        int(gid): factor
        for gid, factor in session.execute(
            select(FactorValue.product_group_id, FactorValue.factor).where(
                FactorValue.factor_set_id == newest.id
            )
        )
    }
    new_source = newest.source if source is None else source.strip()
    new_name = newest.name if name is None else name.strip()
    if not new_source:
        errors["source"] = _("Vermeld de bron van de factoren")
    elif len(new_source) > SOURCE_MAX:
        errors["source"] = _("Hoogstens {n} tekens", n=SOURCE_MAX)
    if not new_name:
        errors["name"] = _("Vul een naam in")
    elif len(new_name) > NAME_MAX:
        errors["name"] = _("Hoogstens {n} tekens", n=NAME_MAX)
    if errors:
        first = next(iter(errors.values()))
        raise ValidationError(
            _(
                "De nieuwe versie van {code} is niet opgeslagen: {problem}.",
                code=newest.code,
                problem=first,
            ),
            errors,
        )
    if (
        factors == old_factors
        and new_source == (newest.source or "")
        and new_name == newest.name
    ):
        raise ValidationError(
            _(
                "Er is niets veranderd ten opzichte van {label}; er is geen nieuwe versie "
                "opgeslagen.",
                label=newest.label,
            )
        )

    was_default = session.scalar(
        select(func.count()).where(FactorSet.code == newest.code, FactorSet.is_default)
    )
    becomes_default = bool(was_default) if make_default is None else make_default
    if becomes_default:
        session.execute(update(FactorSet).where(FactorSet.is_default).values(is_default=False))
    created = FactorSet(
        code=newest.code,
        version=newest.version + 1,
        name=new_name,
        source=new_source,
        is_default=becomes_default,
        created_by_id=getattr(actor, "user_id", None),
        factors=[FactorValue(product_group_id=gid, factor=f) for gid, f in factors.items()],
    )
    session.add(created)
    set_code = newest.code  # the session is unusable after a failed flush
    try:
        session.flush()
    except IntegrityError as exc:
        # Two beheerders saving version n+1 at the same moment: the second one loses.
        raise UserError(
            _(
                "Iemand anders sloeg net een nieuwe versie van {code} op. Ververs het scherm en "
                "probeer het opnieuw.",
                code=set_code,
            )
        ) from exc
    changed = sorted(
        g.code for g in groups if old_factors.get(g.id) != factors.get(g.id)
    )
    fields = [*changed]
    if new_source != (newest.source or ""):
        fields.append("source")
    if new_name != newest.name:
        fields.append("name")
    audit.record(
        session,
        actor,
        "create",
        "co2_factor_sets",
        created.id,
        fields,
        summary=f"{created.label}" + (" (standaard)" if becomes_default else ""),
    )
    return get_factor_set(session, actor, FactorSetRef(created.code, created.version))


@requires(Permission.MANAGE_SHOP)
def set_default(session: Session, actor: Actor, ref: FactorSetRef | str) -> FactorSetRef:
    """Make ``code@version`` (or a bare code: its newest version) the shop's default set.

    Nothing is written when it already is the default.
    """
    target = _find(session, ref)
    result = FactorSetRef(target.code, target.version)
    if target.is_default and session.scalar(
        select(func.count()).where(FactorSet.is_default)
    ) == 1:
        return result
    session.execute(
        update(FactorSet)
        .where(FactorSet.is_default, FactorSet.id != target.id)
        .values(is_default=False)
    )
    target.is_default = True
    session.flush()
    audit.record(
        session, actor, "update", "co2_factor_sets", target.id, ["is_default"],
        summary=f"{result.label} standaard",
    )
    return result


# ---------------------------------------------------------------------------------------------
# Helpers


def _version(factor_set: FactorSet, user_name: str | None) -> FactorSetVersion:
    return FactorSetVersion(
        code=factor_set.code,
        version=factor_set.version,
        name=factor_set.name,
        is_default=factor_set.is_default,
        created_at=factor_set.created_at,
        created_by=user_name,
    )


def _newest_version(session: Session, code: str) -> int | None:
    return session.scalar(select(func.max(FactorSet.version)).where(FactorSet.code == code))


def _find(session: Session, ref: FactorSetRef | str | None) -> FactorSet:
    """The version ``ref`` names: ``code@version``, a bare code (newest) or None (default)."""
    if ref is None:
        default = default_factor_set(session)
        if default is None:
            raise UserError(_("Er is geen standaard CO2-factorset. Stel er een in als standaard."))
        ref = default
    if isinstance(ref, str):
        text = ref.strip()
        if "@" in text:
            ref = FactorSetRef.parse(text)
        else:
            version = _newest_version(session, text)
            if version is None:
                raise ValidationError(
                    _("De CO2-factorset '{label}' bestaat niet.", label=text),
                    {"factor_set": _("Kies een bestaande factorset")},
                )
            ref = FactorSetRef(text, version)
    found = session.scalar(
        select(FactorSet).where(FactorSet.code == ref.code, FactorSet.version == ref.version)
    )
    if found is None:
        raise ValidationError(
            _("De CO2-factorset '{label}' bestaat niet.", label=ref.label),
            {"factor_set": _("Kies een bestaande factorset")},
        )
    return found
