"""The main window: the navigation rail, the pages, and a status bar that says who is logged
in, in which role, and where the data lives.

The rail holds only the pages the user's role may use (``Page.permission``, checked with
``permissions.allowed``). The user's name in the status bar opens a menu: "Mijn wachtwoord
wijzigen…", "Vergrendelen" (Ctrl+L) and "Afmelden". F1 (or "Handleiding (F1)" there) opens the
user guide, docs/handleiding.md, in a window of its own (``dialogs.help_dialog``).

After some minutes without input (the shop setting ``idle_lock_minutes``) the window locks: a
sheet covers it and any dialog open on it, and the lock dialog asks the same user's password.
Nothing beneath is closed or rebuilt, so a half-filled form is still there after unlocking.
"Afmelden" asks about unsaved changes, forgets the logged-in user (and with it the data key),
closes the window and lets the application show the login again (``logged_out``).

Language and theme are this PC's own settings (Instellingen > Weergave, for every role). A
change applies at once: ``apply_appearance`` switches the translators and the locale, or the
stylesheet, and asks (``rebuild_requested``) for a new main window for the same user, which the
application puts in place of this one, open on the same tab (``AppController``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from kringloopdesk.db.engine import network_share_warning
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import SHOP, SHOP_SETTINGS, AppContext
from kringloopdesk.gui.dialogs.change_password_dialog import ChangePasswordDialog
from kringloopdesk.gui.dialogs.help_dialog import HelpDialog
from kringloopdesk.gui.dialogs.lock_dialog import LockDialog
from kringloopdesk.gui.idle_watcher import IdleWatcher
from kringloopdesk.gui.messages import sensitive_data_closed_text, show_status
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.pages.audit_page import AuditPage
from kringloopdesk.gui.pages.balance_page import BalancePage
from kringloopdesk.gui.pages.certificates_page import CertificatesPage
from kringloopdesk.gui.pages.dashboard_page import DashboardPage
from kringloopdesk.gui.pages.exports_page import ExportsPage
from kringloopdesk.gui.pages.flows_page import FlowsPage
from kringloopdesk.gui.pages.hours_page import HoursPage
from kringloopdesk.gui.pages.items_page import ItemsPage
from kringloopdesk.gui.pages.partners_page import PartnersPage
from kringloopdesk.gui.pages.placements_page import PlacementsPage
from kringloopdesk.gui.pages.privacy_page import PrivacyPage
from kringloopdesk.gui.pages.settings_page import SettingsPage
from kringloopdesk.gui.pages.weegpost_page import WeegpostPage
from kringloopdesk.gui.pages.workers_page import WorkersPage
from kringloopdesk.gui.theme import apply_theme, current_colors, normalise_accent
from kringloopdesk.gui.widgets.lock_cover import LockCover
from kringloopdesk.gui.widgets.nav_rail import NavRail
from kringloopdesk.gui.widgets.page import Page
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.settings import get_setting
from kringloopdesk.services.setup import ShopInfo, get_shop
from kringloopdesk.settings import SETTINGS, read_local

log = logging.getLogger(__name__)

# Ctrl+1 … Ctrl+9 open the first nine pages of the rail.
MAX_PAGE_SHORTCUTS = 9

# In rail order; a page appears when the role has its ``permission`` (or it has none).
PAGE_CLASSES: tuple[type[Page], ...] = (
    DashboardPage,
    WorkersPage,
    PlacementsPage,
    HoursPage,
    WeegpostPage,
    FlowsPage,
    ItemsPage,
    BalancePage,
    PartnersPage,
    CertificatesPage,
    ExportsPage,
    PrivacyPage,
    AuditPage,
    SettingsPage,
)
IDLE_SETTING = "idle_lock_minutes"


def idle_lock_minutes(ctx: AppContext) -> int:
    """The shop's idle-lock setting (its declared default when it cannot be read)."""
    default = int(SETTINGS[IDLE_SETTING].default)
    try:
        with ctx.db.read_session() as session:
            return int(get_setting(session, IDLE_SETTING))
    except Exception:  # a lock must never fail to start; the default is safe
        log.exception("Cannot read %s; using %s minutes", IDLE_SETTING, default)
        return default


class StatusItem(QWidget):
    """An icon and a text in the status bar."""

    def __init__(self, icon_name: str, text: str, tooltip: str = "", color: str = "") -> None:
        super().__init__()
        self.icon_label = QLabel()
        self.icon_label.setPixmap(
            icons.pixmap(icon_name, 16, color or current_colors().muted_text)
        )
        self.text_label = QLabel(text)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setToolTip(tooltip or text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(0)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label)


class MainWindow(QMainWindow):
    logged_out = Signal()  # the user logged out; the window closes after this
    locked_changed = Signal(bool)
    rebuild_requested = Signal()  # the language or theme changed: build the window again

    def __init__(self, ctx: AppContext, shop: ShopInfo | None = None) -> None:
        super().__init__()
        assert ctx.actor is not None, "the main window is for a logged-in user"
        self.ctx = ctx
        self.shop: ShopInfo | None = None
        self.lock_dialog: LockDialog | None = None
        self._covers: list[LockCover] = []
        self._focus_before_lock: QWidget | None = None
        self._logging_out = False
        self.setWindowIcon(icons.app_icon())
        self.resize(1180, 780)
        self.setMinimumSize(880, 600)

        self.rail = NavRail()
        self.stack = QStackedWidget()
        # A page is built the first time it is shown (the rail needs only its title): fourteen
        # pages built up front cost about 50 MB before the first paint.
        self.page_classes: list[type[Page]] = [
            page_class
            for page_class in PAGE_CLASSES
            if page_class.permission is None or ctx.may(page_class.permission)
        ]
        self._built: dict[int, Page] = {}
        sections = {"goods": self.tr("Goederen"),
                    "partners": self.tr("Partners & certificaten")}
        for index, page_class in enumerate(self.page_classes):
            shortcut_text = ""
            if index < MAX_PAGE_SHORTCUTS:  # Ctrl+1 … Ctrl+9
                shortcut = QKeySequence(f"Ctrl+{index + 1}")
                shortcut_text = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
                QShortcut(shortcut, self).activated.connect(lambda i=index: self.show_page(i))
            section = sections.get(page_class.rail_section or "")
            self.rail.add_page(page_class.rail_title(), page_class.icon_name, shortcut_text,
                               section)
            self.stack.addWidget(self._build(index) if index == 0 else QWidget())
        self.rail.page_requested.connect(self.show_page)
        self.rail.set_current(0)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self).activated.connect(self.refresh_current)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self._make_status_bar(ctx.actor)

        if shop is None:
            shop = query(ctx, self, get_shop)
        if shop is not None:
            self.show_shop(shop)
        ctx.hub.changed.connect(self._on_changed)

        timeout = ctx.idle_lock_ms or idle_lock_minutes(ctx) * 60_000
        self.idle_watcher = IdleWatcher(timeout, self)
        self.idle_watcher.idle.connect(self.lock)
        self.idle_watcher.start()
        self.share_warning: QMessageBox | None = None
        self._warn_when_on_network_share()

    def _warn_when_on_network_share(self) -> None:
        """A SQLite file on a network drive is not safe for several PCs: say so at every
        login, without blocking (the shop may be moving to PostgreSQL; docs/reliability.md)."""
        reason = network_share_warning(self.ctx.db.engine)
        if reason is None:
            return
        log.warning("Database on a network share: %s", self.ctx.db.location)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Database op een netwerkschijf"),
                          reason, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.share_warning = box
        box.open()

    def _make_actions(self) -> None:
        muted = current_colors().muted_text
        self.change_password_action = QAction(
            icons.icon("key", muted), self.tr("Mijn wachtwoord wijzigen…"), self
        )
        self.change_password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(icons.icon("lock", muted), self.tr("Vergrendelen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.logout_action = QAction(icons.icon("logout", muted), self.tr("Afmelden"), self)
        self.logout_action.triggered.connect(self.log_out)
        self.import_action = QAction(icons.icon("download", muted), self.tr("Importeren…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.import_action.triggered.connect(self.open_import)
        self.help_action = QAction(icons.icon("info", muted), self.tr("Handleiding (F1)"), self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.help_action.triggered.connect(self.open_help)
        self.help_window: HelpDialog | None = None
        for action in (
            self.change_password_action,
            self.lock_action,
            self.logout_action,
            self.import_action,
            self.help_action,
        ):
            self.addAction(action)  # the shortcuts work wherever the focus is

    def _make_status_bar(self, actor: Actor) -> None:
        self.user_menu = QMenu(self)
        self.user_menu.addAction(self.change_password_action)
        self.user_menu.addAction(self.import_action)
        self.user_menu.addAction(self.help_action)
        self.user_menu.addSeparator()
        self.user_menu.addAction(self.lock_action)
        self.user_menu.addAction(self.logout_action)
        self.user_button = QToolButton()
        self.user_button.setObjectName("StatusUser")
        self.user_button.setIcon(icons.icon("user", current_colors().muted_text))
        self.user_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.user_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.user_button.setMenu(self.user_menu)
        self.user_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._show_user(actor)

        self.key_notice = StatusItem(
            "lock",
            self.tr("Gevoelige gegevens gesloten"),
            sensitive_data_closed_text(actor.role),
            current_colors().ochre,
        )
        self.key_notice.setObjectName("StatusNotice")
        # Hide only: shown without a parent yet, it would flash as a window.
        if not self.ctx.sensitive_data_closed:
            self.key_notice.hide()
        self.location_item = StatusItem(
            "database",
            self.tr("Gegevens: {where}").format(where=self.ctx.db.location),
            self.tr("Hier staan de gegevens van de winkel"),
        )
        self.statusBar().addPermanentWidget(self.key_notice)
        self.statusBar().addPermanentWidget(self.user_button)
        self.statusBar().addPermanentWidget(self.location_item)
        self.statusBar().setSizeGripEnabled(False)

    def _show_user(self, actor: Actor) -> None:
        self.user_button.setText(
            self.tr("{name} · {role}").format(name=actor.full_name, role=actor.role_label)
        )
        self.user_button.setToolTip(
            self.tr("Ingelogd als {user} — wachtwoord wijzigen, vergrendelen (Ctrl+L) of "
                    "afmelden").format(user=actor.username)
        )
        self.user_button.setAccessibleName(self.user_button.text())

    # -- pages ------------------------------------------------------------------------------

    def _build(self, index: int) -> Page:
        page = self.page_classes[index](self.ctx)
        self._built[index] = page
        return page

    def page_at(self, index: int) -> Page:
        """The page at ``index`` of the rail, built now if it was not shown before."""
        page = self._built.get(index)
        if page is None:
            page = self._build(index)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return page

    @property
    def pages(self) -> list[Page]:
        """Every page of the rail (builds the ones not shown yet)."""
        return [self.page_at(index) for index in range(len(self.page_classes))]

    @property
    def current_page(self) -> Page:
        return self.page_at(self.stack.currentIndex())

    def page_index(self, page_class: type[Page]) -> int | None:
        return next((i for i, c in enumerate(self.page_classes) if issubclass(c, page_class)),
                    None)

    def page_of(self, page_class: type[Page]) -> Page | None:
        index = self.page_index(page_class)
        return None if index is None else self.page_at(index)

    def show_page(self, index: int) -> None:
        if index == self.stack.currentIndex():
            self.rail.set_current(index)
            return
        if not self.current_page.may_leave():
            self.rail.set_current(self.stack.currentIndex())
            return
        self.page_at(index)
        self.stack.setCurrentIndex(index)
        self.rail.set_current(index)
        self.rail.buttons[index].setFocus()  # Tab goes on into the page from here

    def refresh_current(self) -> None:
        self.current_page.refresh()

    def open_help(self) -> None:
        """F1: the user guide beside the window (not modal), at the current page's section."""
        if self.help_window is None:
            self.help_window = HelpDialog(self)
        self.help_window.show()  # first: the scroll range is known once it is laid out
        self.help_window.show_section(self.current_page.title())
        self.help_window.raise_()
        self.help_window.activateWindow()

    # -- language and theme -----------------------------------------------------------------

    def may_rebuild(self) -> bool:
        """Whether the window may be built again (unsaved changes: the user is asked)."""
        return not self.is_locked and self.current_page.may_leave()

    def apply_appearance(self) -> None:
        """Take this PC's language and theme settings as they are now: switch what changed,
        then ask for a new window (texts, icons and charts are made when a window is built)."""
        from kringloopdesk.gui.application import switch_language
        from kringloopdesk.gui.theme import current_theme

        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        language = str(read_local("language"))
        theme = str(read_local("theme"))
        # Restyling every open widget and building the new window take about a second.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if language != app.property("kringloopdesk_language"):
                switch_language(app, language)
            if theme != current_theme(app):
                accent = self.shop.accent_color if self.shop is not None else None
                apply_theme(app, accent, theme)
            log.info("Appearance: language %s, theme %s", language, theme)
            self.rebuild_requested.emit()
        finally:
            QApplication.restoreOverrideCursor()

    def show_appearance_settings(self) -> None:
        """Instellingen > Weergave (where a rebuilt window opens)."""
        index = self.page_index(SettingsPage)
        if index is None:
            return
        self.show_page(index)
        page = self.page_at(index)
        if isinstance(page, SettingsPage):
            page.show_appearance()

    def discard(self) -> None:
        """Close for good without asking (a new window takes this one's place)."""
        self._logging_out = True
        self.idle_watcher.stop()
        if self.help_window is not None:
            self.help_window.close()
        self.close()
        self.deleteLater()

    def show_shop(self, shop: ShopInfo) -> None:
        self.shop = shop
        self.setWindowTitle(self.tr("{shop} — KringloopDesk").format(shop=shop.name))
        app = QApplication.instance()
        if (
            isinstance(app, QApplication)
            and normalise_accent(shop.accent_color) != current_colors().fill
        ):
            apply_theme(app, shop.accent_color)
            self.rail.update_icons()
        self.rail.set_shop(shop.name, shop.logo)

    def _on_changed(self, changes: frozenset[str]) -> None:
        if SHOP in changes:
            shop = query(self.ctx, self, get_shop)
            if shop is not None:
                self.show_shop(shop)
        if SHOP_SETTINGS in changes and self.ctx.idle_lock_ms is None:
            self.idle_watcher.set_timeout(idle_lock_minutes(self.ctx) * 60_000)

    # -- the user ---------------------------------------------------------------------------

    def change_password(self) -> None:
        actor = self.ctx.actor
        if actor is None or self.is_locked:
            return
        dialog = ChangePasswordDialog(self.ctx, actor, self)
        try:
            if dialog.ask():
                self.ctx.actor = dialog.actor
                self._show_user(dialog.actor)
                show_status(self, self.tr("Uw wachtwoord is gewijzigd"))
        finally:
            dialog.deleteLater()  # it holds the login (and its key) until then

    @property
    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    def open_import(self) -> None:
        from kringloopdesk.gui.dialogs.import_dialog import ImportDialog

        ImportDialog(self.ctx, self).ask()

    def lock(self) -> None:
        """Cover the window and every dialog on it; ask the password to go on."""
        if self.is_locked or self._logging_out or self.ctx.actor is None:
            return
        log.info("Locked after %s ms idle or on request", self.idle_watcher.timeout_ms)
        self.idle_watcher.stop()
        self._focus_before_lock = QApplication.focusWidget()
        title = self.shop.name if self.shop is not None else "KringloopDesk"
        self._covers = [LockCover(self, title)]
        self._covers += [LockCover(dialog) for dialog in self._open_dialogs()]
        dialog = LockDialog(self.ctx, self)
        dialog.unlocked.connect(self.unlock)
        dialog.logout_requested.connect(self.log_out)
        self.lock_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.password_edit.setFocus()
        self.locked_changed.emit(True)

    def unlock(self, _actor: Actor | None = None) -> None:
        """The same user gave the password: everything is as it was."""
        if self.lock_dialog is None:
            return
        self.lock_dialog.close_for_good()
        self.lock_dialog = None
        self._remove_covers()
        focus = self._focus_before_lock
        self._focus_before_lock = None
        self.activateWindow()
        if focus is not None:
            focus.window().activateWindow()
            focus.setFocus()
        self.idle_watcher.start()
        self.locked_changed.emit(False)

    def _remove_covers(self) -> None:
        for cover in self._covers:
            cover.remove()
        self._covers = []

    def _open_dialogs(self) -> list[QDialog]:
        """The dialogs open on this window (a half-filled new user, a question)."""
        return [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QDialog)
            and widget.isVisible()
            and widget is not self.lock_dialog
            and _belongs_to(widget, self)
        ]

    def log_out(self) -> None:
        """Afmelden: ask about unsaved changes, forget the user and close the window."""
        if self._logging_out:
            return
        if not self.current_page.may_leave():
            return  # the user chose to stay (still locked, when locked)
        self._logging_out = True
        log.info("Logged out: %s", self.ctx.actor.username if self.ctx.actor else "?")
        self.idle_watcher.stop()
        for dialog in self._open_dialogs():
            dialog.reject()
        if self.lock_dialog is not None:
            self.lock_dialog.close_for_good()
            self.lock_dialog = None
        self._remove_covers()
        self.ctx.actor = None  # and with it the data key
        self.logged_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._logging_out:
            event.accept()
        elif self.is_locked or not self.current_page.may_leave():
            event.ignore()
        else:
            self.idle_watcher.stop()
            event.accept()


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False
