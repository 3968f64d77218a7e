"""Every form and dialog of the app, built with real data, for the keyboard tests
(tests/gui/test_tab_order.py, test_shortcuts.py).

The dialogs are discovered (every ``QDialog`` subclass in ``kringloopdesk.gui.dialogs``), so
a new dialog fails ``test_every_dialog_is_in_the_catalogue`` until it has a builder here, and
from then on its tab order and its buttons are checked like the others.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from PySide6.QtWidgets import QDialog, QTabWidget, QWidget, QWizard

import kringloopdesk.gui.dialogs as dialogs_package
from kringloopdesk.gui.context import AppContext
from kringloopdesk.services import certificates, items, partners, placements, users, workers
from kringloopdesk.services.demo import generate_demo
from kringloopdesk.services.flows import list_flows
from kringloopdesk.services.reference import product_groups
from kringloopdesk.services.setup import get_shop

# Dialogs without a form or buttons of their own to check, and why.
NOT_FORMS = {
    "HelpDialog": "a reader beside the window: a search field and the text (test_help.py)",
}


def dialog_classes() -> dict[str, type[QDialog]]:
    """Every dialog class defined in ``kringloopdesk.gui.dialogs``, by name (not the bases)."""
    found: dict[str, type[QDialog]] = {}
    for module_info in pkgutil.iter_modules(dialogs_package.__path__):
        module = importlib.import_module(f"{dialogs_package.__name__}.{module_info.name}")
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, QDialog)
                    and value.__module__ == module.__name__):
                found[name] = value
    # Bases (FormDialog, ModalDialog) are checked through the dialogs built on them.
    bases = {base for cls in found.values() for base in cls.__mro__[1:]}
    return {name: cls for name, cls in found.items() if cls not in bases}


@dataclass
class Shop:
    """A small demo shop (services.demo) and a certificate, read once per test."""

    ctx: AppContext

    def read(self, read: Callable):
        with self.ctx.db.read_session() as session:
            return read(session)

    @property
    def actor(self):
        return self.ctx.actor

    @cached_property
    def placement(self) -> placements.PlacementInfo:
        """A running placement (for the end, goal, skill and note dialogs)."""
        def running(session):
            for name in workers.worker_names(session, self.actor, "", include_ended=False):
                for info in placements.list_placements(session, self.actor, name.id):
                    if info.end_date is None:
                        return info
            raise AssertionError("the demo shop has no running placement")
        return self.read(running)

    @cached_property
    def worker_name(self) -> workers.WorkerName:
        return self.read(lambda s: workers.get_worker_name(s, self.actor,
                                                           self.placement.worker_id))

    @cached_property
    def item(self) -> items.ItemDetail:
        def first(session):
            row = items.list_items(session, self.actor, limit=1)[0]
            return items.get_item(session, self.actor, row.id)
        return self.read(first)

    @cached_property
    def partner(self) -> partners.PartnerDetail:
        def first(session):
            row = partners.list_partners(session, self.actor)[0]
            return partners.get_partner(session, self.actor, row.id)
        return self.read(first)

    @cached_property
    def agreement(self) -> partners.AgreementInfo | None:
        found = self.read(lambda s: partners.list_agreements(s, self.actor, self.partner.id))
        return found[0] if found else None

    @cached_property
    def user(self) -> users.UserInfo:
        everyone = self.read(lambda s: users.list_users(s, self.actor))
        return next(u for u in everyone if u.role == "invoer")

    @cached_property
    def certificate(self) -> certificates.CertificateRow:
        with self.ctx.db.session() as session:
            certificates.issue_participation(session, self.actor, self.placement.id)
        return self.read(lambda s: certificates.list_certificates(s, self.actor)[0])


def make_shop(ctx: AppContext) -> Shop:
    with ctx.db.session() as session:
        generate_demo(session, ctx.actor, scale="small", today=dt.date.today())
    return Shop(ctx)


def _error():
    from kringloopdesk.errors import RecordChangedError

    return RecordChangedError("Gewijzigd", changed_by="Marieke Jansen",
                              changed_at=dt.datetime(2026, 3, 5, 9, 30, tzinfo=dt.UTC))


def _backup_info(shop: Shop, parent):
    from kringloopdesk.gui.dialogs.restore_dialog import RestoreDialog
    from kringloopdesk.services import backups

    made = backups.manual_backup(shop.ctx.db, shop.actor)
    path = getattr(made, "path", made)
    return RestoreDialog(shop.ctx, backups.read_backup_info(path), parent)


def _import(name: str, module: str):
    return getattr(importlib.import_module(f"kringloopdesk.gui.dialogs.{module}"), name)


# How to build each dialog: ``builder(shop, parent) -> dialog``. Several builders per class
# where a dialog looks different (new or existing record).
Builder = Callable[[Shop, QWidget | None], QWidget]


def _builders() -> dict[str, Builder]:
    d = _import
    return {
        "AgreementDialog (nieuw)": lambda s, p: d("AgreementDialog", "agreement_dialog")(
            s.ctx, p, partner_id=s.partner.id, partner_name=s.partner.name),
        "AgreementDialog": lambda s, p: d("AgreementDialog", "agreement_dialog")(
            s.ctx, p, partner_id=s.partner.id, partner_name=s.partner.name,
            agreement=s.agreement),
        "CertificateBatchDialog": lambda s, p: d(
            "CertificateBatchDialog", "certificate_batch_dialog")(s.ctx, p),
        "CertificatePreviewDialog": lambda s, p: d(
            "CertificatePreviewDialog", "certificate_preview_dialog")(
            s.ctx, "deelname", s.placement.id, p),
        "ChangePasswordDialog": lambda s, p: d("ChangePasswordDialog", "change_password_dialog")(
            s.ctx, s.actor, p),
        "ChangePasswordDialog (verplicht)": lambda s, p: d(
            "ChangePasswordDialog", "change_password_dialog")(
            s.ctx, s.actor, p, current_password="x"),
        "ChangeRoleDialog": lambda s, p: d("ChangeRoleDialog", "change_role_dialog")(
            s.ctx, s.user, p),
        "ConflictDialog": lambda s, p: d("ConflictDialog", "conflict_dialog")(p, _error()),
        "DeletePersonDialog": lambda s, p: d("DeletePersonDialog", "delete_person_dialog")(
            s.ctx, s.worker_name, p),
        "EndPlacementDialog": lambda s, p: d("EndPlacementDialog", "end_placement_dialog")(
            s.ctx, s.placement, p),
        "ErrorDialog": lambda s, p: d("ErrorDialog", "error_dialog")(p, "Traceback: …"),
        "FirstRunWizard": lambda s, p: d("FirstRunWizard", "first_run_wizard")(s.ctx, p),
        "FlowDialog (nieuw)": lambda s, p: d("FlowDialog", "flow_dialog")(
            s.ctx, s.read(product_groups), None, p),
        "FlowDialog": lambda s, p: d("FlowDialog", "flow_dialog")(
            s.ctx, s.read(product_groups), s.read(lambda x: list_flows(x, s.actor, limit=1)[0]),
            p),
        "GoalDialog": lambda s, p: d("GoalDialog", "goal_dialog")(s.ctx, s.placement, parent=p),
        "ImportDialog": lambda s, p: d("ImportDialog", "import_dialog")(s.ctx, p),
        "ItemDialog (nieuw)": lambda s, p: d("ItemDialog", "item_dialog")(s.ctx, p),
        "ItemDialog": lambda s, p: d("ItemDialog", "item_dialog")(s.ctx, p, item=s.item),
        "ItemStatusDialog": lambda s, p: d("ItemStatusDialog", "item_dialog")(s.ctx, s.item, p),
        "LockDialog": lambda s, p: d("LockDialog", "lock_dialog")(s.ctx, p),
        "LoginDialog": lambda s, p: d("LoginDialog", "login_dialog")(s.ctx, s.read(get_shop), p),
        "NewUserDialog": lambda s, p: d("NewUserDialog", "new_user_dialog")(s.ctx, p),
        "OrdsExportDialog": lambda s, p: d("OrdsExportDialog", "ords_export_dialog")(p),
        "PartnerDialog (nieuw)": lambda s, p: d("PartnerDialog", "partner_dialog")(s.ctx, p),
        "PartnerDialog": lambda s, p: d("PartnerDialog", "partner_dialog")(
            s.ctx, p, partner=s.partner),
        "PasswordRecoveryDialog": lambda s, p: d(
            "PasswordRecoveryDialog", "password_recovery_dialog")(s.ctx, p, "beheer"),
        "PlacementDialog (nieuw)": lambda s, p: d("PlacementDialog", "placement_dialog")(
            s.ctx, p),
        "PlacementDialog": lambda s, p: d("PlacementDialog", "placement_dialog")(
            s.ctx, p, placement=s.placement),
        "ProgressNoteDialog": lambda s, p: d("ProgressNoteDialog", "progress_note_dialog")(
            s.ctx, s.placement, p),
        "RecoveryKeyDialog": lambda s, p: d("RecoveryKeyDialog", "recovery_key_dialog")(
            "Kringloop", "ABCD-EFGH-JKLM-NPQR-STVW-XYZ2-3456-789A", p),
        "RepairDialog": lambda s, p: d("RepairDialog", "repair_dialog")(s.ctx, s.item, p),
        "ResetPasswordDialog": lambda s, p: d("ResetPasswordDialog", "reset_password_dialog")(
            s.ctx, s.user, p),
        "RestoreDialog": _backup_info,
        "RevokeCertificateDialog": lambda s, p: d(
            "RevokeCertificateDialog", "revoke_certificate_dialog")(s.ctx, s.certificate, p),
        "SafetyTestDialog": lambda s, p: d("SafetyTestDialog", "safety_test_dialog")(
            s.ctx, s.item, p),
        "SkillDialog": lambda s, p: d("SkillDialog", "skill_dialog")(s.ctx, s.placement, p),
        "VerifyDialog": lambda s, p: d("VerifyDialog", "verify_dialog")(s.ctx, p),
    }


BUILDERS = _builders()


def dialog_screens(shop: Shop, qtbot) -> Iterator[tuple[str, QDialog]]:
    """``(name, dialog)`` for every dialog, shown; a wizard once per page."""
    for key, build in BUILDERS.items():
        dialog = build(shop, None)
        qtbot.addWidget(dialog)
        dialog.show()
        if isinstance(dialog, QWizard):
            for page_id in dialog.pageIds():
                dialog.page(page_id).validatePage = lambda: True
            for _page_id in dialog.pageIds():
                yield f"{key} / {type(dialog.currentPage()).__name__}", dialog
                dialog.next()
        else:
            yield key, dialog
        dialog.close()


def every_tab(page: QWidget) -> Iterator[str]:
    """Yield once per tab of the page's tab widgets (Instellingen, the worker form)."""
    yield ""
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisibleTo(page):
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != current and tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                yield f" / {tabs.tabText(index)}"
        tabs.setCurrentIndex(current)


def window_screens(shop: Shop, qtbot) -> Iterator[tuple[str, QWidget]]:
    """``(name, page)`` once for every page and tab of the main window (``page.window()``),
    and for the worker form's tabs with a worker open: the whole window, built once (4 s)."""
    from kringloopdesk.gui.main_window import MainWindow
    from kringloopdesk.gui.pages.workers_page import WorkersPage

    window = MainWindow(shop.ctx)
    qtbot.addWidget(window)
    window.show()
    for index, page in enumerate(window.pages):
        window.show_page(index)
        for tab in every_tab(page):
            yield f"{page.title()}{tab}", page
        if isinstance(page, WorkersPage):
            page.open_worker(shop.placement.worker_id)
            for tab in every_tab(page):
                yield f"{page.title()} (deelnemer){tab}", page
    window.idle_watcher.stop()


def builder_class(key: str) -> str:
    """``"FlowDialog (nieuw)"`` -> ``"FlowDialog"``."""
    return key.split(" ", 1)[0]
