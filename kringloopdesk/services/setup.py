"""Setting up a new shop and keeping its profile (name, address, logo, certificate prefix)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from kringloopdesk.db.models import ShopProfile
from kringloopdesk.errors import (
    AlreadyInitialisedError,
    NotInitialisedError,
    ValidationError,
)
from kringloopdesk.i18n import _
from kringloopdesk.services import audit
from kringloopdesk.services.auth import (
    Actor,
    actor_for,
    add_user,
    validate_password,
    validate_username,
)
from kringloopdesk.services.keys import install_shop_keys
from kringloopdesk.services.permissions import Permission, requires

PREFIX_RE = re.compile(r"^[A-Z0-9]{2,10}$")
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
MAX_LOGO_BYTES = 2 * 1024 * 1024
DEFAULT_ACCENT = "#2e7d32"


@dataclass(frozen=True)
class ShopInfo:
    """The shop's profile as plain data."""

    name: str
    certificate_prefix: str
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    mission: str | None = None
    accent_color: str = DEFAULT_ACCENT
    logo: bytes | None = field(default=None, repr=False)
    logo_mime: str | None = None
    version: int = 0


def suggest_prefix(shop_name: str) -> str:
    """A certificate prefix from the shop's name: "Kringloop Amersfoort" -> "KA"."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", shop_name.upper()) if w]
    prefix = "".join(w[0] for w in words)[:6]
    return prefix if len(prefix) >= 2 else (words[0][:4] if words else "KLD").ljust(2, "X")


def logo_mime_type(data: bytes) -> str | None:
    for magic, mime in LOGO_TYPES.items():
        if data.startswith(magic):
            return mime
    return None


def validate_shop(info: ShopInfo) -> ShopInfo:
    errors: dict[str, str] = {}
    name = info.name.strip()
    if not name:
        errors["name"] = _("Vul de naam van de winkel in")
    prefix = info.certificate_prefix.strip().upper()
    if not PREFIX_RE.match(prefix):
        errors["certificate_prefix"] = _("2 tot 10 letters of cijfers, bijvoorbeeld KAL")
    postcode = (info.postcode or "").strip().upper() or None
    if postcode and not POSTCODE_RE.match(postcode):
        errors["postcode"] = _("Postcode: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB")
    elif postcode and " " not in postcode:
        postcode = f"{postcode[:4]} {postcode[4:]}"
    if not COLOR_RE.match(info.accent_color or ""):
        errors["accent_color"] = _("Een kleur als #2e7d32")
    logo_mime = None
    if info.logo:
        logo_mime = logo_mime_type(info.logo)
        if logo_mime is None:
            errors["logo"] = _("Het logo moet een PNG- of JPG-afbeelding zijn")
        elif len(info.logo) > MAX_LOGO_BYTES:
            errors["logo"] = _("Het logo is groter dan 2 MB; kies een kleinere afbeelding")
    if errors:
        raise ValidationError(_("Controleer de gegevens van de winkel."), errors)
    return replace(
        info,
        name=name,
        certificate_prefix=prefix,
        postcode=postcode,
        street=(info.street or "").strip() or None,
        city=(info.city or "").strip() or None,
        logo_mime=logo_mime,
    )


def is_initialised(session: Session) -> bool:
    return session.get(ShopProfile, 1) is not None


def ensure_not_initialised(session: Session) -> None:
    """Refuse to set up a shop twice: a database belongs to exactly one shop."""
    existing = session.get(ShopProfile, 1)
    if existing is not None:
        raise AlreadyInitialisedError(
            _(
                "Deze database hoort al bij de winkel '{name}'. Er is niets veranderd.",
                name=existing.name,
            )
        )


@dataclass(frozen=True)
class InitResult:
    """The first beheerder, logged in, and the recovery key to show exactly once."""

    actor: Actor
    recovery_key: str = field(repr=False)


def initialise_shop(
    session: Session,
    shop: ShopInfo,
    *,
    username: str,
    full_name: str,
    password: str,
) -> InitResult:
    """Create the shop, its keys and its first beheerder. Refuses on a database that has a
    shop."""
    ensure_not_initialised(session)
    shop = validate_shop(shop)
    validate_username(username)
    validate_password(password)
    session.add(_apply(ShopProfile(id=1), shop))
    session.flush()
    data_key, recovery_key = install_shop_keys(session)
    user = add_user(
        session,
        username=username,
        full_name=full_name,
        role="beheerder",
        password=password,
        data_key=data_key,
    )
    actor = actor_for(user, data_key)
    audit.record(session, actor, "create", "shop_profile", 1, ["name"])
    return InitResult(actor, recovery_key)


_FIELDS = (
    "name", "certificate_prefix", "street", "postcode", "city", "phone", "email", "website",
    "mission", "accent_color", "logo", "logo_mime",
)


def _apply(profile: ShopProfile, info: ShopInfo) -> ShopProfile:
    profile.name = info.name
    profile.certificate_prefix = info.certificate_prefix
    profile.street = info.street
    profile.postcode = info.postcode
    profile.city = info.city
    profile.phone = info.phone
    profile.email = info.email
    profile.website = info.website
    profile.mission = info.mission
    profile.accent_color = info.accent_color
    profile.logo = info.logo
    profile.logo_mime = info.logo_mime
    return profile


def _info(profile: ShopProfile) -> ShopInfo:
    return ShopInfo(
        name=profile.name,
        certificate_prefix=profile.certificate_prefix,
        street=profile.street,
        postcode=profile.postcode,
        city=profile.city,
        phone=profile.phone,
        email=profile.email,
        website=profile.website,
        mission=profile.mission,
        accent_color=profile.accent_color,
        logo=profile.logo,
        logo_mime=profile.logo_mime,
        version=profile.version,
    )


def get_shop(session: Session) -> ShopInfo:
    profile = session.get(ShopProfile, 1)
    if profile is None:
        raise NotInitialisedError(
            _("Deze database heeft nog geen winkel. Richt hem eerst in (init of de wizard).")
        )
    return _info(profile)


@requires(Permission.MANAGE_SHOP)
def update_shop(session: Session, actor: Actor, info: ShopInfo) -> ShopInfo:
    profile = session.get(ShopProfile, 1)
    if profile is None:
        raise NotInitialisedError(_("Deze database heeft nog geen winkel."))
    info = validate_shop(info)
    changed = [name for name in _FIELDS if getattr(profile, name) != getattr(info, name)]
    _apply(profile, info)
    profile.updated_by_id = actor.user_id
    session.flush()
    if changed:
        audit.record(session, actor, "update", "shop_profile", 1, changed)
    return _info(profile)
