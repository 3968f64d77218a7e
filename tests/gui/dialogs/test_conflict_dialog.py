"""Intussen gewijzigd: a form is open on one PC while another user saves the same record on
another (a separate session as Marieke). Saving then asks what to do, naming her; Annuleren
keeps what was typed and saves nothing, Opnieuw laden shows her version, Toch opslaan saves
over it only after that explicit choice. A delete from a list asks the same way."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from sqlalchemy import select

from kringloopdesk.db.models import AuditEntry, GoodsFlow, ProductGroup
from kringloopdesk.errors import RecordChangedError
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.agreement_dialog import AgreementDialog
from kringloopdesk.gui.dialogs.conflict_dialog import ConflictChoice, ConflictDialog
from kringloopdesk.gui.dialogs.end_placement_dialog import EndPlacementDialog
from kringloopdesk.gui.dialogs.flow_dialog import FlowDialog
from kringloopdesk.gui.dialogs.goal_dialog import GoalDialog
from kringloopdesk.gui.dialogs.item_dialog import ItemDialog, ItemStatusDialog
from kringloopdesk.gui.dialogs.partner_dialog import PartnerDialog
from kringloopdesk.gui.dialogs.placement_dialog import PlacementDialog, hours_input_text
from kringloopdesk.gui.dialogs.repair_dialog import RepairDialog
from kringloopdesk.gui.widgets.worker_form import WorkerForm
from kringloopdesk.services import flows, goals, items, partners, placements, repairs, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.partners import PartnerDetail, PartnerInput
from kringloopdesk.services.reference import product_groups
from kringloopdesk.services.workers import WorkerInput
from tests.gui.helpers import type_into


@pytest.fixture
def amfors(ctx: AppContext, beheerder: Actor) -> PartnerDetail:
    with ctx.db.session() as session:
        return partners.create_partner(session, beheerder, PartnerInput(
            "Amfors", "sw_bedrijf", city="Amersfoort"))


def marieke_saves_partner(ctx: AppContext, begeleider: Actor, partner_id: int,
                          city: str) -> None:
    """Another PC: its own session, its own user."""
    with ctx.db.session() as session:
        current = partners.get_partner(session, begeleider, partner_id)
        partners.update_partner(session, begeleider, partner_id,
                                replace(current.as_input(), city=city), current.version)


def stored_partner(ctx: AppContext, beheerder: Actor, partner_id: int) -> PartnerDetail:
    with ctx.db.read_session() as session:
        return partners.get_partner(session, beheerder, partner_id)


def answer_conflict(answer_dialog, button: str) -> list[ConflictDialog]:
    """Stand in for the user at the conflict dialog: press the button named ``button``."""
    def press(dialog: ConflictDialog) -> None:
        wanted = [b for b in dialog.findChildren(QPushButton)
                  if b.text().replace("&", "") == button]
        assert len(wanted) == 1, [b.text() for b in dialog.findChildren(QPushButton)]
        wanted[0].click()

    return answer_dialog(ConflictDialog, press)


def open_partner_dialog(ctx: AppContext, qtbot, partner: PartnerDetail) -> PartnerDialog:
    dialog = PartnerDialog(ctx, partner=partner)
    qtbot.addWidget(dialog)
    dialog.prepare()
    return dialog


def test_annuleren_keeps_my_input_and_saves_nothing(
    ctx: AppContext, qtbot, answer_dialog, beheerder: Actor, begeleider: Actor,
    amfors: PartnerDetail,
) -> None:
    dialog = open_partner_dialog(ctx, qtbot, amfors)
    dialog.city_edit.setText("Baarn")
    marieke_saves_partner(ctx, begeleider, amfors.id, "Leusden")
    shown = answer_conflict(answer_dialog, "Annuleren")

    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    conflict = shown[0]
    assert conflict.windowTitle() == "Intussen gewijzigd"
    assert conflict.who_label.text().startswith("Marieke Jansen heeft dit op ")
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved is None
    assert dialog.city_edit.text() == "Baarn" and dialog.is_dirty()
    assert "gewijzigd door marieke" in dialog.error_label.text()
    stored = stored_partner(ctx, beheerder, amfors.id)
    assert (stored.city, stored.version) == ("Leusden", amfors.version + 1)


def test_opnieuw_laden_shows_the_other_version(
    ctx: AppContext, qtbot, answer_dialog, beheerder: Actor, begeleider: Actor,
    amfors: PartnerDetail,
) -> None:
    dialog = open_partner_dialog(ctx, qtbot, amfors)
    dialog.city_edit.setText("Baarn")
    marieke_saves_partner(ctx, begeleider, amfors.id, "Leusden")
    answer_conflict(answer_dialog, "Opnieuw laden")

    dialog.accept()

    assert dialog.city_edit.text() == "Leusden" and not dialog.is_dirty()
    assert dialog.saved is None and not dialog.error_label.isVisible()
    # Saving again now is a normal save over her version, not a silent overwrite.
    dialog.contact_name_edit.setText("Erik")
    dialog.accept()
    assert dialog.saved is not None
    stored = stored_partner(ctx, beheerder, amfors.id)
    assert (stored.city, stored.contact_name, stored.version) == (
        "Leusden", "Erik", amfors.version + 2)


def test_toch_opslaan_writes_my_input_over_theirs(
    ctx: AppContext, qtbot, answer_dialog, beheerder: Actor, begeleider: Actor,
    amfors: PartnerDetail,
) -> None:
    dialog = open_partner_dialog(ctx, qtbot, amfors)
    dialog.city_edit.setText("Baarn")
    marieke_saves_partner(ctx, begeleider, amfors.id, "Leusden")
    shown = answer_conflict(answer_dialog, "Toch opslaan")

    dialog.accept()

    assert len(shown) == 1 and dialog.result() == QDialog.DialogCode.Accepted
    stored = stored_partner(ctx, beheerder, amfors.id)
    assert (stored.city, stored.version) == ("Baarn", amfors.version + 2)
    with ctx.db.read_session() as session:
        updates = session.scalars(select(AuditEntry.user_id).where(
            AuditEntry.entity == "partners", AuditEntry.action == "update")
            .order_by(AuditEntry.id)).all()
    assert updates == [begeleider.user_id, beheerder.user_id]  # both saves are on record


def test_keyboard_esc_is_annuleren_and_the_buttons_have_mnemonics(qtbot) -> None:
    error = RecordChangedError("Gewijzigd", changed_by="Marieke Jansen",
                               changed_at=dt.datetime(2026, 3, 5, 9, 30, tzinfo=dt.UTC))
    dialog = ConflictDialog(None, error)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QPushButton)]
    assert texts == ["&Annuleren", "&Opnieuw laden", "&Toch opslaan"]
    assert dialog.cancel_button.isDefault()  # Enter overwrites nothing
    dialog.show()
    dialog.choice = ConflictChoice.OVERWRITE
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is ConflictChoice.CANCEL and not dialog.isVisible()
    local = error.changed_at.astimezone()
    assert dialog.who_label.text() == (
        f"Marieke Jansen heeft dit op 05-03-2026 om {local:%H:%M} opgeslagen, nadat u het "
        "opende.")
    assert [b.text() for b in ConflictDialog(None, error, deleting=True)
            .findChildren(QPushButton)] == ["&Annuleren", "&Opnieuw laden", "Toch &verwijderen"]


def test_a_deleted_record_can_only_be_closed(qtbot) -> None:
    dialog = ConflictDialog(None, RecordChangedError("Weg", deleted=True))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Intussen verwijderd"
    assert [b.text() for b in dialog.findChildren(QPushButton)] == ["&Sluiten"]


# -- a weighing ------------------------------------------------------------------------------


@pytest.fixture
def weighing(ctx: AppContext, beheerder: Actor) -> flows.FlowRow:
    with ctx.db.session() as session:
        group = session.scalar(select(ProductGroup.id).where(ProductGroup.code == "meubels"))
        return flows.record_flow(session, beheerder, flows.FlowInput(
            dt.date.today(), "in", group, "12", "brengen"))


def open_flow_dialog(ctx: AppContext, qtbot, flow: flows.FlowRow) -> FlowDialog:
    with ctx.db.read_session() as session:
        groups = product_groups(session)
    dialog = FlowDialog(ctx, groups, flow)
    qtbot.addWidget(dialog)
    dialog.prepare()
    return dialog


def marieke_corrects(ctx: AppContext, begeleider: Actor, flow_id: int, kg: str) -> None:
    with ctx.db.session() as session:
        current = flows.get_flow(session, begeleider, flow_id)
        flows.update_flow(session, begeleider, flow_id, replace(current.as_input(), kg=kg),
                          current.version)


def stored_kg(ctx: AppContext, flow_id: int) -> tuple[str, int]:
    with ctx.db.read_session() as session:
        flow = session.get(GoodsFlow, flow_id)
        return f"{flow.kg.normalize():f}", flow.version


def test_a_weighing_reloaded_and_then_overwritten_knowingly(
    ctx: AppContext, qtbot, answer_dialog, begeleider: Actor, weighing: flows.FlowRow
) -> None:
    dialog = open_flow_dialog(ctx, qtbot, weighing)
    dialog.kg_edit.setText("15")
    marieke_corrects(ctx, begeleider, weighing.id, "13")
    shown = answer_conflict(answer_dialog, "Opnieuw laden")
    dialog.accept()
    assert dialog.kg_edit.text() == "13" and dialog.saved is None
    assert shown[0].who_label.text().startswith("Marieke Jansen heeft dit op ")
    assert stored_kg(ctx, weighing.id) == ("13", weighing.version + 1)

    # Typed again, and meanwhile she corrects it once more: this time I overwrite.
    dialog.kg_edit.setText("15")
    marieke_corrects(ctx, begeleider, weighing.id, "14")
    answer_conflict(answer_dialog, "Toch opslaan")
    dialog.accept()
    assert dialog.saved is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert stored_kg(ctx, weighing.id) == ("15", weighing.version + 3)


def test_a_weighing_deleted_meanwhile_keeps_the_dialog_open(
    ctx: AppContext, qtbot, answer_dialog, begeleider: Actor, weighing: flows.FlowRow
) -> None:
    dialog = open_flow_dialog(ctx, qtbot, weighing)
    dialog.kg_edit.setText("15")
    with ctx.db.session() as session:
        flows.delete_flow(session, begeleider, weighing.id, weighing.version)
    shown = answer_conflict(answer_dialog, "Sluiten")
    dialog.accept()
    assert shown[0].windowTitle() == "Intussen verwijderd"
    assert dialog.kg_edit.text() == "15" and dialog.saved is None
    assert "verwijderd" in dialog.error_label.text()


# -- a worker (the form on the Deelnemers page) ----------------------------------------------


@pytest.fixture
def jan(ctx: AppContext, beheerder: Actor) -> int:
    with ctx.db.session() as session:
        return workers.create_worker(session, beheerder, WorkerInput(
            number="D-0001", first_name="Jan", last_name="de Vries", doelgroep="wsw",
            start_date=dt.date(2024, 1, 1), city="Amersfoort")).id


def marieke_moves_jan(ctx: AppContext, begeleider: Actor, jan: int, city: str) -> None:
    with ctx.db.session() as session:
        current = workers.get_worker(session, begeleider, jan)
        workers.update_worker(session, begeleider, jan, replace(current.as_input(), city=city),
                              current.version)


def stored_worker(ctx: AppContext, beheerder: Actor, jan: int) -> workers.WorkerDetail:
    with ctx.db.read_session() as session:
        return workers.get_worker(session, beheerder, jan)


@pytest.mark.parametrize("button", ["Annuleren", "Opnieuw laden", "Toch opslaan"])
def test_the_worker_form(ctx: AppContext, qtbot, answer_dialog, beheerder: Actor,
                         begeleider: Actor, jan: int, button: str) -> None:
    form = WorkerForm(ctx)
    qtbot.addWidget(form)
    assert form.open_worker(jan)
    version = form.detail.version
    form.city_edit.clear()
    type_into(qtbot, form.city_edit, "Baarn")
    marieke_moves_jan(ctx, begeleider, jan, "Leusden")
    shown = answer_conflict(answer_dialog, button)

    saved = form.save()

    assert len(shown) == 1 and "Marieke Jansen" in shown[0].who_label.text()
    stored = stored_worker(ctx, beheerder, jan)
    if button == "Annuleren":
        assert not saved and form.city_edit.text() == "Baarn" and form.is_dirty()
        assert (stored.personal.city, stored.version) == ("Leusden", version + 1)
    elif button == "Opnieuw laden":
        assert not saved and form.city_edit.text() == "Leusden" and not form.is_dirty()
        assert form.detail.version == version + 1
    else:
        assert saved and form.city_edit.text() == "Baarn" and not form.is_dirty()
        assert (stored.personal.city, stored.version) == ("Baarn", version + 2)


# -- a delete from a list --------------------------------------------------------------------


def test_deleting_a_partner_someone_changed_asks_first(
    ctx: AppContext, qtbot, answer_dialog, messages, beheerder: Actor, begeleider: Actor,
    amfors: PartnerDetail,
) -> None:
    from kringloopdesk.gui.pages.partners_page import PartnersPage

    page = PartnersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.view.selectRow(0)
    assert page.partner is not None and page.partner.id == amfors.id
    marieke_saves_partner(ctx, begeleider, amfors.id, "Leusden")

    shown = answer_conflict(answer_dialog, "Annuleren")
    page.delete_partner()
    assert len(shown) == 1 and stored_partner(ctx, beheerder, amfors.id).city == "Leusden"

    shown = answer_conflict(answer_dialog, "Opnieuw laden")
    page.delete_partner()
    assert page.partner is not None and page.partner.city == "Leusden"
    assert page.partner.version == amfors.version + 1  # the next delete asks no more

    marieke_saves_partner(ctx, begeleider, amfors.id, "Baarn")
    shown = answer_conflict(answer_dialog, "Toch verwijderen")
    page.delete_partner()
    assert shown[-1].windowTitle() == "Intussen gewijzigd"
    with ctx.db.read_session() as session, pytest.raises(partners.PartnerChangedError):
        partners.get_partner(session, beheerder, amfors.id)


# -- every other edit dialog: Opnieuw laden and Toch opslaan -----------------------------------


def _worker_placement(session, actor: Actor):
    worker = workers.create_worker(session, actor, WorkerInput(
        number="D-0009", first_name="Eva", last_name="Bos", doelgroep="wsw",
        start_date=dt.date(2024, 1, 1)))
    return placements.create_placement(session, actor, worker.id, "kassa",
                                       dt.date(2025, 1, 6), 16)


def _hours(info, hours: str) -> placements.PlacementInput:
    return placements.PlacementInput(
        department=info.department, start_date=info.start_date, hours_per_week=hours,
        planned_end_date=info.planned_end_date, partner_id=info.partner_id,
        coach_id=info.coach_id, end_date=info.end_date, outcome=info.outcome)


def _new_item(session, actor: Actor):
    return items.create_item(session, actor, items.ItemInput(
        product_group="klein_elektrisch", description="Waterkoker",
        intake_date=dt.date.today()))


def _agreement_case(session, actor):
    partner = partners.create_partner(session, actor, PartnerInput("Amfors", "sw_bedrijf"))
    return partners.create_agreement(session, actor, partner.id,
                                     partners.AgreementInput("Detachering"))


def _repair_case(session, actor):
    item = _new_item(session, actor)
    return repairs.record_repair(session, actor, item.id, repairs.RepairInput(
        dt.date(2024, 3, 1), "Fixed", problem="Schakelaar"))


def _goal_case(session, actor):
    return goals.create_goal(session, actor, _worker_placement(session, actor).id,
                             "Op tijd komen")


def _text(widget) -> str:
    return widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()


# kind: (make, open dialog, its field, change in the service, read back from the service,
#        their text, my text)
DIALOGS = {
    "agreement": (
        _agreement_case,
        lambda ctx, r: AgreementDialog(ctx, partner_id=r.partner_id, partner_name="Amfors",
                                       agreement=r),
        "place_edit",
        lambda s, a, r, text: partners.update_agreement(
            s, a, r.id, replace(partners.get_agreement(s, a, r.id).as_input(), place=text),
            partners.get_agreement(s, a, r.id).version),
        lambda s, a, r: partners.get_agreement(s, a, r.id).place,
        "Leusden", "Baarn"),
    "placement": (
        _worker_placement,
        lambda ctx, r: PlacementDialog(ctx, placement=r),
        "hours_edit",
        lambda s, a, r, text: placements.update_placement(
            s, a, r.id, _hours(placements.get_placement(s, a, r.id), text),
            placements.get_placement(s, a, r.id).version),
        lambda s, a, r: hours_input_text(placements.get_placement(s, a, r.id).hours_per_week),
        "20", "24"),
    "goal": (
        _goal_case,
        lambda ctx, r: GoalDialog(ctx, _placement_of(ctx, r.placement_id), r),
        "description_edit",
        lambda s, a, r, text: goals.update_goal(
            s, a, r.id, text, None, "open", goals.list_goals(s, a, r.placement_id)[0].version),
        lambda s, a, r: goals.list_goals(s, a, r.placement_id)[0].description,
        "Op tijd beginnen", "Elke dag op tijd"),
    "item": (
        _new_item,
        lambda ctx, r: ItemDialog(ctx, item=r),
        "brand_edit",
        lambda s, a, r, text: items.update_item(
            s, a, r.id, replace(items.get_item(s, a, r.id).as_input(), brand=text),
            items.get_item(s, a, r.id).version),
        lambda s, a, r: items.get_item(s, a, r.id).brand,
        "Philips", "Bosch"),
    "item status": (
        _new_item,
        lambda ctx, r: ItemStatusDialog(ctx, r),
        "price_edit",
        lambda s, a, r, text: items.set_status(
            s, a, r.id, "in_behandeling", price_cents=items.parse_price(text)),
        lambda s, a, r: items.price_input_text(items.get_item(s, a, r.id).price_cents),
        "9,95", "12,50"),
    "repair": (
        _repair_case,
        lambda ctx, r: RepairDialog(ctx, _item_of(ctx, r.item_id), repair=r),
        "problem_edit",
        lambda s, a, r, text: repairs.update_repair(
            s, a, r.id, repairs.RepairInput(r.repair_date, r.outcome, problem=text),
            repairs.list_repairs(s, a, r.item_id)[0].version),
        lambda s, a, r: repairs.list_repairs(s, a, r.item_id)[0].problem,
        "Snoer", "Element"),
}


def _placement_of(ctx: AppContext, placement_id: int):
    with ctx.db.read_session() as session:
        return placements.get_placement(session, ctx.actor, placement_id)


def _item_of(ctx: AppContext, item_id: int):
    with ctx.db.read_session() as session:
        return items.get_item(session, ctx.actor, item_id)


@pytest.mark.parametrize("button", ["Opnieuw laden", "Toch opslaan"])
@pytest.mark.parametrize("kind", sorted(DIALOGS))
def test_every_edit_dialog(kind: str, button: str, ctx: AppContext, qtbot, answer_dialog,
                           beheerder: Actor, begeleider: Actor) -> None:
    make, open_dialog, field, change, read, theirs, mine = DIALOGS[kind]
    with ctx.db.session() as session:
        record = make(session, beheerder)
    dialog = open_dialog(ctx, record)
    qtbot.addWidget(dialog)
    dialog.prepare()
    edit = getattr(dialog, field)
    edit.setPlainText(mine) if hasattr(edit, "setPlainText") else edit.setText(mine)
    with ctx.db.session() as other_pc:
        change(other_pc, begeleider, record, theirs)
    shown = answer_conflict(answer_dialog, button)

    dialog.accept()

    assert [type(d) for d in shown] == [ConflictDialog]
    assert shown[0].who_label.text().startswith("Marieke Jansen heeft dit op ")
    with ctx.db.read_session() as session:
        stored = read(session, beheerder, record)
    if button == "Opnieuw laden":
        assert _text(edit) == theirs == stored and dialog.saved is None
    else:
        assert _text(edit) == mine == stored and dialog.saved is not None


def test_ending_a_placement_someone_changed(ctx: AppContext, qtbot, answer_dialog,
                                           beheerder: Actor, begeleider: Actor) -> None:
    with ctx.db.session() as session:
        placement = _worker_placement(session, beheerder)
    dialog = EndPlacementDialog(ctx, placement, today=dt.date(2025, 6, 30))
    qtbot.addWidget(dialog)
    dialog.prepare()
    dialog.outcome_choice.set_value("betaald_werk")
    with ctx.db.session() as other_pc:
        placements.update_placement(other_pc, begeleider, placement.id,
                                    _hours(placement, "20"), placement.version)
    answer_conflict(answer_dialog, "Opnieuw laden")
    dialog.accept()
    assert dialog.saved is None and dialog.outcome_choice.value == "betaald_werk"
    dialog.accept()  # now with her version: a normal save
    assert dialog.saved is not None and dialog.saved.end_date == dt.date(2025, 6, 30)
    assert dialog.saved.hours_per_week == 20


def test_deleting_a_weighing_someone_changed_or_deleted(
    ctx: AppContext, qtbot, answer_dialog, messages, begeleider: Actor,
    weighing: flows.FlowRow,
) -> None:
    from kringloopdesk.gui.pages.flows_page import FlowsPage

    page = FlowsPage(ctx)
    qtbot.addWidget(page)
    marieke_corrects(ctx, begeleider, weighing.id, "13")
    shown = answer_conflict(answer_dialog, "Toch verwijderen")
    assert page.delete_flow(weighing)  # with the version read again, after the question
    assert messages.confirmations == ["Deze weging verwijderen?"] and len(shown) == 1
    with ctx.db.read_session() as session:
        assert session.get(GoodsFlow, weighing.id) is None

    shown = answer_conflict(answer_dialog, "Sluiten")
    assert not page.delete_flow(weighing)  # already gone: said, nothing else
    assert shown[-1].windowTitle() == "Intussen verwijderd"


@pytest.mark.parametrize("button", ["Annuleren", "Opnieuw laden", "Toch opslaan"])
def test_pausing_a_placement_someone_changed(ctx: AppContext, qtbot, answer_dialog,
                                             beheerder: Actor, begeleider: Actor,
                                             button: str) -> None:
    from kringloopdesk.gui.widgets.placement_panel import PlacementPanel

    with ctx.db.session() as session:
        placement = _worker_placement(session, beheerder)
    panel = PlacementPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_placement(placement)
    with ctx.db.session() as other_pc:
        placements.update_placement(other_pc, begeleider, placement.id,
                                    _hours(placement, "20"), placement.version)
    answer_conflict(answer_dialog, button)
    told: list[int] = []
    panel.changed.connect(told.append)  # emitted at once: the owner reads the list again
    panel.toggle_pause()
    status = _placement_of(ctx, placement.id).status
    assert status == ("gepauzeerd" if button == "Toch opslaan" else placement.status)
    assert told == ([] if button == "Annuleren" else [placement.id])
