"""Who may do what: the role rules of domain.md, enforced in the services.

Every service function that acts for a user is decorated with ``@requires(Permission.X)``;
the check runs before the function touches anything. The GUI hides what a role may not use,
but the services are where the rule holds. ``SERVICE_PERMISSIONS`` lists every decorated
function, so a test can check each of them against each role.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

from kringloopdesk.errors import PermissionDeniedError
from kringloopdesk.i18n import _


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"  # create, disable, reset, change role
    MANAGE_SHOP = "manage_shop"  # shop profile, shop-wide settings, code lists
    VIEW_AUDIT = "view_audit"  # read the audit log
    PRIVACY_TOOLS = "privacy_tools"  # retention list, anonymise, inzage export, delete person
    VIEW_WORKER_NAMES = "view_worker_names"  # name and number only (hours, certificates)
    VIEW_PERSONAL = "view_personal"  # contact details, birth date, referrer contact
    MANAGE_WORKERS = "manage_workers"  # create/edit workers, placements, goals
    SENSITIVE = "sensitive"  # support needs, adjustments, progress notes (needs the data key)
    REGISTER_HOURS = "register_hours"
    REGISTER_GOODS = "register_goods"  # flows, tagged items, repairs, safety tests
    IMPORT_PEOPLE = "import_people"  # workers and placements files
    EXPORT_AGGREGATES = "export_aggregates"  # BKN, Cedris, impact, ORDS
    ISSUE_CERTIFICATES = "issue_certificates"
    MANAGE_PARTNERS = "manage_partners"  # partner organisations, agreements, signatories
    MANAGE_BACKUPS = "manage_backups"  # manual back-ups (all personal data) and restoring


_EVERYONE = {Permission.VIEW_WORKER_NAMES, Permission.REGISTER_HOURS, Permission.REGISTER_GOODS}
_COACH = _EVERYONE | {
    Permission.VIEW_PERSONAL,
    Permission.MANAGE_WORKERS,
    Permission.SENSITIVE,
    Permission.IMPORT_PEOPLE,
    Permission.EXPORT_AGGREGATES,
    Permission.ISSUE_CERTIFICATES,
    Permission.MANAGE_PARTNERS,
}
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "beheerder": frozenset(Permission),
    "begeleider": frozenset(_COACH),
    "invoer": frozenset(_EVERYONE),
}

SERVICE_PERMISSIONS: dict[str, Permission] = {}

P = ParamSpec("P")
R = TypeVar("R")


def allowed(role: str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


def require(actor: Any, permission: Permission) -> None:
    """Raise ``PermissionDeniedError`` unless ``actor``'s role has ``permission``."""
    role = getattr(actor, "role", None)
    if role is None or not allowed(role, permission):
        raise PermissionDeniedError(
            _("U hebt geen toestemming hiervoor (rol: {role}).", role=role or _("onbekend"))
        )


def requires(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service function whose parameter ``actor`` is the acting user."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(function)
        if "actor" not in signature.parameters:
            raise TypeError(f"{function.__qualname__} has no 'actor' parameter")

        @functools.wraps(function)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = signature.bind_partial(*args, **kwargs).arguments.get("actor")
            require(actor, permission)
            return function(*args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        SERVICE_PERMISSIONS[f"{function.__module__}.{function.__qualname__}"] = permission
        return checked

    return decorate
