"""The main window per role: only the pages the role may use, the user menu, the notice when
sensitive data is closed, and "Mijn wachtwoord wijzigen"."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from kringloopdesk.db.engine import Database
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.change_password_dialog import ChangePasswordDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.pages.audit_page import AuditPage
from kringloopdesk.gui.pages.dashboard_page import DashboardPage
from kringloopdesk.gui.pages.privacy_page import PrivacyPage
from kringloopdesk.gui.pages.settings_page import SettingsPage
from kringloopdesk.gui.widgets.page import Page
from kringloopdesk.services.auth import Actor, attempt_login
from kringloopdesk.services.users import create_user
from tests.gui.helpers import type_into


def open_window(qtbot, db: Database, actor: Actor) -> MainWindow:
    window = MainWindow(AppContext(db, actor=actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    return window


# Every role registers goods (the rail groups these under "Goederen").
GOODS_PAGES = ["Weegpost", "Stromen", "Artikelen", "Balans"]
# Beheerder and begeleider (the rail groups these under "Partners & certificaten").
PARTNER_PAGES = ["Partners", "Certificaten"]


def rail_labels(window: MainWindow) -> list[str]:
    return [button.text() for button in window.rail.buttons]


def test_the_beheerder_sees_every_page(shop_db: Database, beheerder: Actor, qtbot) -> None:
    window = open_window(qtbot, shop_db, beheerder)
    assert rail_labels(window) == [
        "Dashboard", "Deelnemers", "Plaatsingen", "Uren", *GOODS_PAGES, *PARTNER_PAGES,
        "Exporteren", "Privacy (AVG)", "Logboek", "Instellingen",
    ]
    settings = window.page_of(SettingsPage)
    assert settings.users_page is not None
    assert [settings.tabs.tabText(i) for i in range(settings.tabs.count())] == [
        "Winkel", "Gebruikers", "CO₂-factoren", "Back-ups", "Weergave"]


@pytest.mark.parametrize("role", ["begeleider", "invoer"])
def test_other_roles_see_neither_users_nor_log_nor_privacy(
    shop_db: Database, request: pytest.FixtureRequest, role: str, qtbot
) -> None:
    actor = request.getfixturevalue(role)
    window = open_window(qtbot, shop_db, actor)

    people = ["Deelnemers", "Plaatsingen"] if role == "begeleider" else []
    partners = PARTNER_PAGES if role == "begeleider" else []
    exports = ["Exporteren"] if role == "begeleider" else []  # an invoer exports nothing
    assert rail_labels(window) == ["Dashboard", *people, "Uren", *GOODS_PAGES, *partners,
                                   *exports, "Instellingen"]
    assert window.page_of(AuditPage) is None and window.page_of(PrivacyPage) is None
    settings = window.page_of(SettingsPage)
    assert settings.users_page is None
    # The shop and the CO2 factors, both read-only; no users.
    assert [settings.tabs.tabText(i) for i in range(settings.tabs.count())] == [
        "Winkel", "CO₂-factoren", "Weergave"]
    assert settings.users_page is None and settings.factor_editor.edit_button.isHidden()
    assert window.key_notice.isHidden()  # both logged in normally (invoer: no key to miss)


def test_a_coach_without_the_data_key_is_told_calmly(
    shop_db: Database, beheerder: Actor, qtbot
) -> None:
    with shop_db.session() as session:
        create_user(session, beheerder, username="henk", full_name="Henk Visser",
                    role="invoer", password="vrijwilliger-1")
    # Made begeleider by a beheerder whose own login lost the key: no wrapped key for Henk.
    from kringloopdesk.db.models import User

    with shop_db.session() as session:
        user = session.query(User).filter_by(username="henk").one()
        user.role = "begeleider"
    with shop_db.session() as session:
        henk = attempt_login(session, "henk", "vrijwilliger-1").actor_or_raise()
    assert henk.data_key is None

    with shown_as_windows() as shown:
        window = MainWindow(AppContext(shop_db, actor=henk))
        qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    assert shown == []  # the notice is not shown before it is in the status bar
    window.show()
    qtbot.waitExposed(window)
    with shown_as_windows() as shown:
        window.pages  # noqa: B018  (builds every page)
    assert shown == []

    assert window.key_notice.isVisibleTo(window)
    assert window.key_notice.text_label.text() == "Gevoelige gegevens gesloten"
    assert "wachtwoord opnieuw in te stellen" in window.key_notice.toolTip()
    dashboard = window.page_of(DashboardPage)
    assert dashboard.key_notice is not None and dashboard.key_notice.isVisibleTo(dashboard)
    assert "Een beheerder kan die toegang herstellen" in dashboard.key_notice.text_label.text()


def test_the_user_menu_offers_password_import_lock_and_logout(
    shop_db: Database, beheerder: Actor, qtbot
) -> None:
    window = open_window(qtbot, shop_db, beheerder)
    texts = [action.text() for action in window.user_menu.actions() if not action.isSeparator()]
    assert texts == ["Mijn wachtwoord wijzigen…", "Importeren…", "Handleiding (F1)",
                     "Vergrendelen", "Afmelden"]
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.user_button.text() == "Bea Beheer · Beheerder"
    assert window.user_button.focusPolicy() & Qt.FocusPolicy.TabFocus  # keyboard reachable


def test_changing_my_own_password(
    shop_db: Database, beheerder: Actor, qtbot, answer_dialog
) -> None:
    window = open_window(qtbot, shop_db, beheerder)

    def change(dialog: ChangePasswordDialog) -> None:
        assert not dialog.forced
        type_into(qtbot, dialog.current_edit, "niet-mijn-wachtwoord")
        type_into(qtbot, dialog.password_edit, "een-nieuw-wachtwoord")
        type_into(qtbot, dialog.repeat_edit, "een-nieuw-wachtwoord")
        dialog.accept()
        assert dialog.result() == 0
        assert dialog.error_label.text() == "Het huidige wachtwoord klopt niet."
        assert dialog.current_edit.text() == ""
        assert dialog.password_edit.text() == "een-nieuw-wachtwoord"  # the rest stays
        type_into(qtbot, dialog.current_edit, "geheim-wachtwoord")
        dialog.accept()

    shown = answer_dialog(ChangePasswordDialog, change)
    window.change_password_action.trigger()

    assert len(shown) == 1
    assert window.statusBar().currentMessage() == "Uw wachtwoord is gewijzigd"
    assert window.ctx.actor.data_key == beheerder.data_key  # the key stays with the new one
    with shop_db.session() as session:
        assert attempt_login(session, "beheer", "een-nieuw-wachtwoord").actor is not None


def test_a_database_on_a_network_share_is_named_at_login(
    shop_db: Database, beheerder: Actor, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite on a share is not safe for several PCs: the user is told, and can still work."""
    from kringloopdesk.gui import main_window

    seen: list[object] = []

    def on_share(engine: object) -> str:
        seen.append(engine)
        return "De database staat op een netwerkschijf. Gebruik PostgreSQL."

    monkeypatch.setattr(main_window, "network_share_warning", on_share)
    window = open_window(qtbot, shop_db, beheerder)
    assert seen == [shop_db.engine]
    box = window.share_warning
    assert box is not None and box.isVisible()
    assert "PostgreSQL" in box.text()
    box.accept()
    assert window.isEnabled()


def test_a_local_database_gets_no_share_warning(shop_db: Database, beheerder: Actor,
                                                qtbot) -> None:
    window = open_window(qtbot, shop_db, beheerder)
    assert window.share_warning is None


class TopLevelShows(QObject):
    """Records every widget shown as a window of its own (a dialog excepted): a parentless
    widget made visible in a constructor flashes as a window and takes the activation."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and not isinstance(watched, QDialog)):
            self.shown.append(type(watched).__name__)
        return False


@contextmanager
def shown_as_windows() -> Iterator[list[str]]:
    recorder = TopLevelShows()
    QApplication.instance().installEventFilter(recorder)
    try:
        yield recorder.shown
    finally:
        QApplication.instance().removeEventFilter(recorder)


def test_a_page_is_built_the_first_time_it_is_shown(
    shop_db: Database, beheerder: Actor, qtbot
) -> None:
    window = open_window(qtbot, shop_db, beheerder)
    built = [window.stack.widget(i) for i in range(window.stack.count())
             if isinstance(window.stack.widget(i), Page)]
    assert built == [window.stack.currentWidget()]
    assert isinstance(built[0], DashboardPage)

    window.show_page(rail_labels(window).index("Logboek"))
    audit = window.stack.currentWidget()
    assert isinstance(audit, AuditPage)
    assert window.page_of(AuditPage) is audit  # built once
    assert window.stack.count() == len(window.page_classes)


def test_building_a_page_later_keeps_the_window_active(
    shop_db: Database, beheerder: Actor, qtbot
) -> None:
    window = open_window(qtbot, shop_db, beheerder)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with shown_as_windows() as shown:
        for index in range(1, len(window.page_classes)):
            window.show_page(index)
    assert shown == []
    assert QApplication.activeWindow() is window
