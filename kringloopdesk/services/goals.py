"""What a worker learns in a placement: ontwikkeldoelen (goals) and werkprocessen (skills).

- A **goal** has a description, an optional target date and a status (``open``, ``behaald``,
  ``niet_behaald``). Goals are not sensitive in the AVG sense (domain.md lists only the
  support need, the work adjustments and the progress notes), but they are personal: a
  begeleider or beheerder reads them; an invoer does not.
- A **werkproces** mastered in a placement (:class:`~kringloopdesk.db.models.PlacementSkill`)
  feeds the participation certificate. It is picked from the shop's editable list
  (``werkprocessen``: per department, plus general ones without a department) or typed; a
  typed one can be put on the department's list for next time.

Every change is written to the audit log with the names of the changed fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kringloopdesk.db.codes import GOAL_STATUSES
from kringloopdesk.db.models import Department, Goal, Placement, PlacementSkill, Werkproces
from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.i18n import _
from kringloopdesk.services import audit
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.conflicts import last_save
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.workers import (
    fold,
    format_date,
    get_worker_row,
    refuse_anonymised,
)

MAX_GOAL_LENGTH = 2_000
MAX_SKILL_LENGTH = 200


class GoalChangedError(RecordChangedError):
    """The goal was saved by someone else after the form was opened."""


@dataclass(frozen=True)
class GoalInfo:
    id: int
    placement_id: int
    description: str
    target_date: dt.date | None
    status: str
    version: int

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Open and past its target date (a goal due today is not late yet)."""
        return (
            self.status == "open"
            and self.target_date is not None
            and self.target_date < (today or dt.date.today())
        )


@dataclass(frozen=True)
class SkillInfo:
    id: int
    placement_id: int
    name: str
    werkproces_id: int | None


@dataclass(frozen=True)
class WerkprocesItem:
    id: int
    name: str
    department: str | None  # None: for every department


def _placement(session: Session, placement_id: int, *, changing: bool) -> Placement:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise UserError(_("Deze plaatsing bestaat niet (meer)."))
    if changing:
        refuse_anonymised(get_worker_row(session, placement.worker_id))
    return placement


def _goal(session: Session, goal_id: int) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise UserError(_("Dit ontwikkeldoel bestaat niet (meer)."))
    return goal


def _goal_info(goal: Goal) -> GoalInfo:
    return GoalInfo(goal.id, goal.placement_id, goal.description, goal.target_date,
                    goal.status, goal.version)


def check_goal(
    description: str | None, target_date: dt.date | None, status: str | None,
    start_date: dt.date | None = None,
) -> tuple[str, str, dict[str, str]]:
    """Cleaned description and status, and ``{field: message}`` for what is wrong (the form
    shows these as the user types)."""
    errors: dict[str, str] = {}
    text = (description or "").strip()
    code = (status or "").strip().lower()
    if not text:
        errors["description"] = _("Verplicht")
    elif len(text) > MAX_GOAL_LENGTH:
        errors["description"] = _("Hoogstens {n} tekens", n=MAX_GOAL_LENGTH)
    if code not in GOAL_STATUSES:
        errors["status"] = _("Onbekende status '{status}'", status=code)
    if target_date is not None and start_date is not None and target_date < start_date:
        errors["target_date"] = _("Op of na het begin van de plaatsing ({date})",
                                  date=format_date(start_date))
    return text, code, errors


@requires(Permission.VIEW_PERSONAL)
def list_goals(session: Session, actor: Actor, placement_id: int) -> list[GoalInfo]:
    """The goals of a placement: by target date (those without one last), then as added."""
    _placement(session, placement_id, changing=False)
    goals = session.scalars(
        select(Goal)
        .where(Goal.placement_id == placement_id)
        .order_by(Goal.target_date.is_(None), Goal.target_date, Goal.id)
    )
    return [_goal_info(goal) for goal in goals]


@requires(Permission.MANAGE_WORKERS)
def create_goal(
    session: Session,
    actor: Actor,
    placement_id: int,
    description: str,
    target_date: dt.date | None = None,
    status: str = "open",
) -> GoalInfo:
    placement = _placement(session, placement_id, changing=True)
    text, code, errors = check_goal(description, target_date, status, placement.start_date)
    if errors:
        raise ValidationError(_("Controleer het ontwikkeldoel."), errors)
    goal = Goal(placement_id=placement.id, description=text, target_date=target_date,
                status=code, updated_by_id=actor.user_id)
    session.add(goal)
    session.flush()
    fields = ["placement", "description", "status"]
    if target_date is not None:
        fields.append("target_date")
    audit.record(session, actor, "create", "goals", goal.id, fields)
    return _goal_info(goal)


def _goal_changed(session: Session, goal: Goal | None) -> GoalChangedError:
    """The refusal, naming who saved ``goal`` in between (None: found while writing)."""
    last = last_save(session, goal)
    if last is not None:
        return GoalChangedError(_(
            "Dit ontwikkeldoel is intussen gewijzigd door {user} ({when}). Sluit het venster, "
            "open het doel opnieuw en breng uw wijziging nog eens aan.",
            user=last.username, when=last.when,
        ), **last.facts())
    return GoalChangedError(_(
        "Dit ontwikkeldoel is intussen door iemand anders gewijzigd. Sluit het venster, open "
        "het doel opnieuw en breng uw wijziging nog eens aan."
    ))


@requires(Permission.MANAGE_WORKERS)
def update_goal(
    session: Session,
    actor: Actor,
    goal_id: int,
    description: str,
    target_date: dt.date | None,
    status: str,
    expected_version: int,
) -> GoalInfo:
    """Change a goal's text, target date or status, if nobody else saved it meanwhile."""
    goal = _goal(session, goal_id)
    placement = _placement(session, goal.placement_id, changing=True)
    if goal.version != expected_version:
        raise _goal_changed(session, goal)
    text, code, errors = check_goal(description, target_date, status, placement.start_date)
    if errors:
        raise ValidationError(_("Controleer het ontwikkeldoel."), errors)
    new = {"description": text, "target_date": target_date, "status": code}
    changed = [name for name, value in new.items() if getattr(goal, name) != value]
    if not changed:
        return _goal_info(goal)
    for name in changed:
        setattr(goal, name, new[name])
    goal.updated_by_id = actor.user_id
    try:
        session.flush()
    except StaleDataError as exc:
        raise _goal_changed(session, None) from exc
    audit.record(session, actor, "update", "goals", goal.id, changed)
    return _goal_info(goal)


@requires(Permission.MANAGE_WORKERS)
def delete_goal(session: Session, actor: Actor, goal_id: int,
                expected_version: int | None = None) -> None:
    """Delete a goal; ``expected_version`` (``GoalInfo.version``) refuses to delete a goal that
    someone else changed after it was read, so their change is not lost unseen."""
    goal = _goal(session, goal_id)
    _placement(session, goal.placement_id, changing=True)
    if expected_version is not None and goal.version != expected_version:
        raise _goal_changed(session, goal)
    session.delete(goal)
    try:
        session.flush()
    except StaleDataError as exc:
        raise _goal_changed(session, None) from exc
    audit.record(session, actor, "delete", "goals", goal_id, ["placement"])


# ---------------------------------------------------------------------------------------------
# Werkprocessen


def _skill_info(skill: PlacementSkill) -> SkillInfo:
    return SkillInfo(skill.id, skill.placement_id, skill.name, skill.werkproces_id)


@requires(Permission.VIEW_PERSONAL)
def list_skills(session: Session, actor: Actor, placement_id: int) -> list[SkillInfo]:
    """The werkprocessen mastered in a placement, in the order they were added."""
    _placement(session, placement_id, changing=False)
    skills = session.scalars(
        select(PlacementSkill)
        .where(PlacementSkill.placement_id == placement_id)
        .order_by(PlacementSkill.sort_order, PlacementSkill.id)
    )
    return [_skill_info(skill) for skill in skills]


def _list_for(session: Session, department_id: int):
    """The active werkprocessen of a department and the general ones."""
    return (
        select(Werkproces)
        .where(
            Werkproces.active,
            or_(Werkproces.department_id == department_id, Werkproces.department_id.is_(None)),
        )
    )


@requires(Permission.VIEW_PERSONAL)
def werkproces_suggestions(
    session: Session, actor: Actor, placement_id: int
) -> list[WerkprocesItem]:
    """What the shop's list offers for a placement: its department's werkprocessen first,
    then the general ones, each by name; those already added are left out."""
    placement = _placement(session, placement_id, changing=False)
    taken = {
        fold(name)
        for name in session.scalars(
            select(PlacementSkill.name).where(PlacementSkill.placement_id == placement_id)
        )
    }
    code = session.scalar(
        select(Department.code).where(Department.id == placement.department_id)
    )
    items = [
        WerkprocesItem(w.id, w.name, code if w.department_id is not None else None)
        for w in session.scalars(_list_for(session, placement.department_id))
        if fold(w.name) not in taken
    ]
    items.sort(key=lambda item: (item.department is None, fold(item.name)))
    return items


def check_skill_name(name: str | None) -> tuple[str, dict[str, str]]:
    text = " ".join((name or "").split())
    if not text:
        return text, {"name": _("Verplicht")}
    if len(text) > MAX_SKILL_LENGTH:
        return text, {"name": _("Hoogstens {n} tekens", n=MAX_SKILL_LENGTH)}
    return text, {}


@requires(Permission.MANAGE_WORKERS)
def add_skill(
    session: Session,
    actor: Actor,
    placement_id: int,
    name: str,
    *,
    add_to_list: bool = False,
) -> SkillInfo:
    """Record a werkproces as mastered in a placement.

    A name on the shop's list (for the placement's department, or general; case and accents
    ignored) is linked to it and takes the list's spelling. A typed name stays as typed; with
    ``add_to_list`` it is also put on the department's list.
    """
    placement = _placement(session, placement_id, changing=True)
    text, errors = check_skill_name(name)
    if errors:
        raise ValidationError(_("Controleer het werkproces."), errors)
    existing = {
        fold(skill_name)
        for skill_name in session.scalars(
            select(PlacementSkill.name).where(PlacementSkill.placement_id == placement.id)
        )
    }
    if fold(text) in existing:
        raise ValidationError(
            _("'{name}' staat al bij deze plaatsing.", name=text),
            {"name": _("Staat al bij deze plaatsing")},
        )
    werkproces = next(
        (w for w in session.scalars(_list_for(session, placement.department_id))
         if fold(w.name) == fold(text)),
        None,
    )
    if werkproces is None and add_to_list:
        werkproces = Werkproces(department_id=placement.department_id, name=text,
                                updated_by_id=actor.user_id)
        session.add(werkproces)
        session.flush()
        audit.record(session, actor, "create", "werkprocessen", werkproces.id,
                     ["department", "name"])
    order = session.scalar(
        select(func.max(PlacementSkill.sort_order)).where(
            PlacementSkill.placement_id == placement.id
        )
    )
    skill = PlacementSkill(
        placement_id=placement.id,
        werkproces_id=werkproces.id if werkproces is not None else None,
        name=werkproces.name if werkproces is not None else text,
        sort_order=(order or 0) + 1,
    )
    session.add(skill)
    session.flush()
    audit.record(session, actor, "create", "placement_skills", skill.id, ["placement", "name"])
    return _skill_info(skill)


@requires(Permission.MANAGE_WORKERS)
def remove_skill(session: Session, actor: Actor, skill_id: int) -> None:
    skill = session.get(PlacementSkill, skill_id)
    if skill is None:
        raise UserError(_("Dit werkproces staat niet (meer) bij de plaatsing."))
    _placement(session, skill.placement_id, changing=True)
    session.delete(skill)
    session.flush()
    audit.record(session, actor, "delete", "placement_skills", skill_id, ["placement", "name"])
