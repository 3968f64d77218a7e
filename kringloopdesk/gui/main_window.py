"""The main window: the navigation rail, the pages, and a status bar that says who is logged
in, in which role, and where the data lives.

Only pages that exist are in the rail; later pages add themselves to ``_page_classes``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.context import SHOP, AppContext
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.pages.dashboard_page import DashboardPage
from kringloopdesk.gui.pages.settings_page import SettingsPage
from kringloopdesk.gui.theme import apply_theme, current_colors, normalise_accent
from kringloopdesk.gui.widgets.nav_rail import NavRail
from kringloopdesk.gui.widgets.page import Page
from kringloopdesk.services.setup import ShopInfo, get_shop


class StatusItem(QWidget):
    """An icon and a text in the status bar."""

    def __init__(self, icon_name: str, text: str, tooltip: str = "") -> None:
        super().__init__()
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icons.pixmap(icon_name, 16, current_colors().muted_text))
        self.text_label = QLabel(text)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setToolTip(tooltip or text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(0)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, shop: ShopInfo | None = None) -> None:
        super().__init__()
        assert ctx.actor is not None, "the main window is for a logged-in user"
        self.ctx = ctx
        self.shop: ShopInfo | None = None
        self.setWindowIcon(icons.app_icon())
        self.resize(1180, 780)
        self.setMinimumSize(880, 600)

        self.rail = NavRail()
        self.stack = QStackedWidget()
        self.pages: list[Page] = [DashboardPage(ctx), SettingsPage(ctx)]
        for index, page in enumerate(self.pages):
            shortcut = QKeySequence(f"Ctrl+{index + 1}")
            shortcut_text = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            self.rail.add_page(page.title(), page.icon_name, shortcut_text)
            self.stack.addWidget(page)
            QShortcut(shortcut, self).activated.connect(lambda i=index: self.show_page(i))
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

        actor = ctx.actor
        self.user_item = StatusItem(
            "user",
            self.tr("{name} · {role}").format(name=actor.full_name, role=actor.role_label),
            self.tr("Ingelogd als {user}").format(user=actor.username),
        )
        self.location_item = StatusItem(
            "database",
            self.tr("Gegevens: {where}").format(where=ctx.db.location),
            self.tr("Hier staan de gegevens van de winkel"),
        )
        self.statusBar().addPermanentWidget(self.user_item)
        self.statusBar().addPermanentWidget(self.location_item)
        self.statusBar().setSizeGripEnabled(False)

        if shop is None:
            shop = query(ctx, self, get_shop)
        if shop is not None:
            self.show_shop(shop)
        ctx.hub.changed.connect(self._on_changed)

    @property
    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def show_page(self, index: int) -> None:
        if index == self.stack.currentIndex():
            self.rail.set_current(index)
            return
        if not self.current_page.may_leave():
            self.rail.set_current(self.stack.currentIndex())
            return
        self.stack.setCurrentIndex(index)
        self.rail.set_current(index)
        self.rail.buttons[index].setFocus()  # Tab goes on into the page from here

    def refresh_current(self) -> None:
        self.current_page.refresh()

    def show_shop(self, shop: ShopInfo) -> None:
        self.shop = shop
        self.setWindowTitle(self.tr("{shop} — KringloopDesk").format(shop=shop.name))
        app = QApplication.instance()
        if (
            isinstance(app, QApplication)
            and normalise_accent(shop.accent_color) != current_colors().primary
        ):
            apply_theme(app, shop.accent_color)
            self.rail.update_icons()
        self.rail.set_shop(shop.name, shop.logo)

    def _on_changed(self, changes: frozenset[str]) -> None:
        if SHOP in changes:
            shop = query(self.ctx, self, get_shop)
            if shop is not None:
                self.show_shop(shop)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.current_page.may_leave():
            event.accept()
        else:
            event.ignore()
