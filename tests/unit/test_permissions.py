"""Every service function that acts for a user checks its role first — tested against every
role. The table below is the rule of domain.md; changing who may do what means changing it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import kringloopdesk.services
from kringloopdesk.errors import PermissionDeniedError
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.permissions import ROLE_PERMISSIONS, SERVICE_PERMISSIONS

ALL = {"beheerder", "begeleider", "invoer"}
BEHEERDER = {"beheerder"}
COACHES = {"beheerder", "begeleider"}

EXPECTED: dict[str, set[str]] = {
    "items.next_item_number": ALL,
    "items.get_item": ALL,
    "items.find_item": ALL,
    "items.product_group_choices": ALL,
    "items.count_items": ALL,
    "items.list_items": ALL,
    "items.items_for_labels": ALL,
    "items.create_item": ALL,
    "items.update_item": ALL,
    "items.set_status": ALL,
    "safety.latest_test": ALL,
    "safety.list_tests": ALL,
    "safety.safety_limits": ALL,
    "safety.record_test": ALL,
    "repairs.list_repairs": ALL,
    "repairs.record_repair": ALL,
    "repairs.update_repair": ALL,
    "repairs.delete_repair": ALL,
    "repairs.ords_data": COACHES,
    "exports.build_export": COACHES,
    "audit.count_entries": BEHEERDER,
    "audit.facets": BEHEERDER,
    "audit.list_entries": BEHEERDER,
    "demo.generate_demo": BEHEERDER,
    "keys.renew_recovery_key": BEHEERDER,
    "settings.set_setting": BEHEERDER,
    "co2.new_version": BEHEERDER,
    "co2.set_default": BEHEERDER,
    # Every role reads the factor sets: the dashboard names the one it uses.
    "co2.list_factor_sets": ALL,
    "co2.get_factor_set": ALL,
    "setup.update_shop": BEHEERDER,
    "certificates.preview_participation": COACHES,
    "certificates.preview_partnership": COACHES,
    "certificates.issue_participation": COACHES,
    "certificates.issue_partnership": COACHES,
    "certificates.list_certificates": COACHES,
    "certificates.count_certificates": COACHES,
    "certificates.revoke_certificate": COACHES,
    "certificates.reissue_certificate": COACHES,
    "certificates.ended_placements": COACHES,
    "certificates.issue_batch": COACHES,
    "users.change_role": BEHEERDER,
    "users.create_user": BEHEERDER,
    "users.get_user_id": BEHEERDER,
    "users.list_users": BEHEERDER,
    "users.reset_password": BEHEERDER,
    "users.set_active": BEHEERDER,
    "privacy.retention_candidates": BEHEERDER,
    "privacy.anonymise_worker": BEHEERDER,
    "privacy.inzage_export": BEHEERDER,
    "privacy.delete_worker": BEHEERDER,
    "workers.create_worker": COACHES,
    "workers.update_worker": COACHES,
    "workers.add_progress_note": COACHES,
    "workers.list_progress_notes": COACHES,
    "placements.list_placements": COACHES,
    "placements.create_placement": COACHES,
    "placements.end_placement": COACHES,
    "placements.update_placement": COACHES,
    "placements.pause_placement": COACHES,
    "placements.resume_placement": COACHES,
    "placements.get_placement": COACHES,
    "placements.placement_options": COACHES,
    "placements.count_placement_rows": COACHES,
    "placements.list_placement_rows": COACHES,
    "workers.number_in_use": COACHES,
    "workers.next_worker_number": COACHES,
    "workers.worker_list_options": COACHES,
    # Partner organisations and agreements: begeleider and beheerder.
    "partners.partner_name_in_use": COACHES,
    "partners.list_partners": COACHES,
    "partners.count_partners": COACHES,
    "partners.get_partner": COACHES,
    "partners.create_partner": COACHES,
    "partners.update_partner": COACHES,
    "partners.delete_partner": COACHES,
    "partners.list_agreements": COACHES,
    "partners.get_agreement": COACHES,
    "partners.create_agreement": COACHES,
    "partners.update_agreement": COACHES,
    "partners.delete_agreement": COACHES,
    "goals.list_goals": COACHES,
    "goals.create_goal": COACHES,
    "goals.update_goal": COACHES,
    "goals.delete_goal": COACHES,
    "goals.list_skills": COACHES,
    "goals.werkproces_suggestions": COACHES,
    "goals.add_skill": COACHES,
    "goals.remove_skill": COACHES,
    # Every role, but an invoer gets the name and number only (tested in test_workers.py).
    "workers.get_worker": ALL,
    "workers.get_worker_name": ALL,
    "workers.worker_names": ALL,
    # Every role, but an invoer gets number and name only and may filter on nothing else
    # (tested in test_worker_list.py).
    "workers.count_workers": ALL,
    "workers.list_workers": ALL,
    "placements.add_hours": ALL,
    "imports.import_workers": COACHES,
    "imports.import_placements": COACHES,
    "imports.import_hours": ALL,
    "imports.import_flows": ALL,
    "flows.get_flow": ALL,
    "flows.record_flow": ALL,
    "flows.update_flow": ALL,
    "flows.delete_flow": ALL,
    "flows.undo_last_flow": ALL,
    "flows.day_flows": ALL,
    "flows.count_flows": ALL,
    "flows.list_flows": ALL,
    "flows.flow_years": ALL,
    "flows.balance": ALL,
    "hours.week_grid": ALL,
    "hours.save_week": ALL,
    "hours.worker_hours": ALL,
    # Every role; an invoer gets the hours list only (tested in test_reminders.py).
    "reminders.reminders": ALL,
    # A back-up holds every person's data; restoring replaces everything.
    "backups.manual_backup": BEHEERDER,
    "backups.restore_backup": BEHEERDER,
}

# Functions that take an actor but check nothing, on purpose: self-service for every
# logged-in user, and the helpers that the checked functions use.
SELF_SERVICE = {
    "auth.change_own_password",
    "auth.actor_for",
    "auth.require_data_key",
    "audit.record",
    "permissions.require",
}


def _service_modules() -> list[object]:
    return [
        importlib.import_module(f"kringloopdesk.services.{info.name}")
        for info in pkgutil.iter_modules(kringloopdesk.services.__path__)
    ]


def _short(qualified: str) -> str:
    return qualified.removeprefix("kringloopdesk.services.")


@pytest.fixture(scope="module")
def registry() -> dict[str, object]:
    _service_modules()
    return {_short(name): perm for name, perm in SERVICE_PERMISSIONS.items()}


def test_the_rules_are_as_specified(registry: dict[str, object]) -> None:
    actual = {
        name: {role for role, perms in ROLE_PERMISSIONS.items() if permission in perms}
        for name, permission in registry.items()
    }
    assert actual == EXPECTED


def test_every_function_taking_an_actor_checks_it(registry: dict[str, object]) -> None:
    unchecked = []
    for module in _service_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            qualified = _short(f"{module.__name__}.{name}")
            if "actor" in inspect.signature(function).parameters and qualified not in registry:
                unchecked.append(qualified)
    assert sorted(set(unchecked) - SELF_SERVICE) == []


@pytest.mark.parametrize("role", sorted(ALL))
def test_each_role_is_refused_what_it_may_not_do(role: str, registry: dict[str, object]) -> None:
    actor = Actor(1, "iemand", "Iemand", role, data_key=bytes(32))
    functions = {
        _short(name): getattr(importlib.import_module(name.rsplit(".", 1)[0]),
                              name.rsplit(".", 1)[1])
        for name in SERVICE_PERMISSIONS
    }
    refused = []
    for name, function in functions.items():
        if role in EXPECTED.get(name, set()):
            continue
        # The check comes first: no session, no arguments needed to be refused.
        with pytest.raises(PermissionDeniedError):
            function(None, actor)
        refused.append(name)
    assert len(refused) == len(functions) - sum(role in r for r in EXPECTED.values())


def test_no_actor_is_refused() -> None:
    from kringloopdesk.services.users import list_users

    with pytest.raises(PermissionDeniedError):
        list_users(None, None)
