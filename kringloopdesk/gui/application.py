"""Starting the desktop app: QApplication, translations, theme, database, first window.

An empty database gets the first-run wizard, any other the login dialog; after the wizard or
a login the main window opens. The controller also makes the automatic back-ups: the daily
one after a login (and at midnight for a PC that stays on) and one when the app quits after a
login; a failure there never stops anything, it is logged and shown after the next login.
Start-up is kept lean for the first window: the wizard, the
main window and their pages are imported only when they are needed, and the only query
before the first paint is the shop's profile (name, logo, accent colour).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QWidget

from kringloopdesk import APP_NAME, __version__
from kringloopdesk.db.engine import resolve_url
from kringloopdesk.errors import DatabaseOpenError
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.exception_hook import ExceptionHook
from kringloopdesk.gui.messages import MessageBox
from kringloopdesk.gui.theme import apply_theme
from kringloopdesk.i18n import set_language
from kringloopdesk.paths import resource_path
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.setup import ShopInfo

log = logging.getLogger(__name__)

ORGANIZATION = "KringloopDesk"


def _install_translators(app: QApplication, language: str) -> None:
    """Qt's own catalogue (standard buttons say Ja/Nee/Annuleren) and, for a language other
    than Dutch, our own (the source strings are Dutch)."""
    if app.property("kringloopdesk_language") == language:
        return
    app.setProperty("kringloopdesk_language", language)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(f"qtbase_{language}", qt_folder)]
    if language != "nl":
        catalogues.append((f"kringloopdesk_{language}", str(resource_path("translations"))))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
        else:
            log.info("No translation %s in %s", name, folder)
    if language == "nl":
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))


def create_application(language: str = "nl") -> QApplication:
    """The QApplication (or the one that exists, in tests), named and translated."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    set_language(language)
    _install_translators(app, language)
    return app


class FirstPaintReporter(QObject):
    """For the start-up benchmark: once the first window has painted, print the milliseconds
    since the process started and quit with exit code 0."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._seen = False

    def watch(self, window: QWidget) -> None:
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(int(process_age_seconds() * 1000), flush=True)
        self._app.exit(0)


def process_age_seconds() -> float:
    """Seconds since this process was created.

    psutil's ``create_time()`` adds the boot time, which Linux gives in whole seconds, so
    ``time.time() - create_time()`` is off by a constant between 0 and 1 s that changes with
    every boot. On Linux the start tick in /proc/self/stat and the clock since boot are both
    counted from the same moment, which is exact to a clock tick (10 ms).
    """
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        try:
            with open("/proc/self/stat", encoding="ascii") as handle:
                # Field 22 (starttime), counted after the ")" that ends the command name.
                start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
            started = start_ticks / os.sysconf("SC_CLK_TCK")
            return time.clock_gettime(time.CLOCK_BOOTTIME) - started
        except (OSError, ValueError, IndexError):
            pass
    import psutil  # only now: it is no part of a normal start

    return time.time() - psutil.Process().create_time()


DAILY_CHECK_MS = 30 * 60_000  # how often a PC that stays on looks for a new day


class AppController(QObject):
    """Leads from the first window (wizard or login) to the main window."""

    def __init__(self, ctx: AppContext, shop: ShopInfo | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.shop = shop
        self.first_window: QWidget | None = None
        self.main_window: QWidget | None = None
        # Called with the first window before it is shown (the start-up benchmark's hook).
        self.on_first_window: Callable[[QWidget], None] | None = None
        self.logged_in_once = False
        self.daily_timer = QTimer(self)
        self.daily_timer.setInterval(DAILY_CHECK_MS)
        self.daily_timer.timeout.connect(self.daily_backup_if_due)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.backup_on_exit)

    def start(self) -> QWidget:
        window = self._make_wizard() if self.shop is None else self._make_login(self.shop)
        self.first_window = window
        if self.on_first_window is not None:
            self.on_first_window(window)
        window.show()
        return window

    def _make_wizard(self) -> QWidget:
        from kringloopdesk.gui.dialogs.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(self.ctx)
        wizard.shop_created.connect(self.open_main_window)
        wizard.already_initialised.connect(self._login_after_wizard)
        return wizard

    def _make_login(self, shop: ShopInfo) -> QWidget:
        from kringloopdesk.gui.dialogs.login_dialog import LoginDialog

        dialog = LoginDialog(self.ctx, shop)
        dialog.logged_in.connect(self.open_main_window)
        return dialog

    def show_login_again(self) -> None:
        """After "Afmelden": the login (with the shop's current name and logo) in place of
        the main window; the old windows, and what they held of the user, are let go."""
        from kringloopdesk.gui.operations import query
        from kringloopdesk.services.setup import get_shop

        self.ctx.actor = None
        shop = query(self.ctx, None, get_shop) or self.shop
        if shop is None:
            return
        self.shop = shop
        previous = self.first_window
        self.first_window = self._make_login(shop)
        self.first_window.show()  # before the main window closes: the app keeps a window
        if previous is not None:
            previous.deleteLater()
        window = self.main_window
        self.main_window = None
        if window is not None:
            window.close()
            window.deleteLater()

    def _login_after_wizard(self) -> None:
        from kringloopdesk.gui.operations import query
        from kringloopdesk.services.setup import get_shop

        shop = query(self.ctx, None, get_shop)
        if shop is not None:
            self.shop = shop
            self.first_window = self._make_login(shop)
            self.first_window.show()

    def open_main_window(self, actor: Actor) -> None:
        from kringloopdesk.gui.main_window import MainWindow

        self.ctx.actor = actor
        log.info("Logged in: %s (%s)", actor.username, actor.role)
        window = MainWindow(self.ctx)
        window.logged_out.connect(self.show_login_again)
        window.show()
        self.main_window = window
        self.logged_in_once = True
        self._show_last_backup_problem(window)
        QTimer.singleShot(0, self.daily_backup_if_due)
        self.daily_timer.start()

    # -- automatic back-ups -----------------------------------------------------------------

    def _automatic_backup(self, kind: str) -> bool:
        """Never raises: a back-up that fails must not stop the work or the closing."""
        from PySide6.QtGui import QGuiApplication

        from kringloopdesk.services.backups import automatic_backup
        from kringloopdesk.settings import write_local

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = automatic_backup(self.ctx.db, kind)
        except Exception as exc:
            log.exception("Automatic back-up (%s) failed", kind)
            problem = getattr(exc, "message", None) or str(exc)
            try:
                write_local("backup.last_problem", problem)
            except Exception:
                log.exception("Could not note the failed back-up")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        log.info("Automatic back-up (%s): %s", kind, result.path)
        return True

    def daily_backup_if_due(self) -> None:
        import datetime as dt

        from kringloopdesk.services.backups import DAILY, should_make_daily

        try:
            due = should_make_daily(dt.datetime.now())
        except Exception:
            log.exception("Could not check for today's back-up")
            return
        if due and not self._automatic_backup(DAILY) and self.main_window is not None:
            self._show_last_backup_problem(self.main_window)

    def backup_on_exit(self) -> None:
        """When the app quits after a login, and the setting is on."""
        from kringloopdesk.services.backups import ON_EXIT
        from kringloopdesk.settings import read_local

        if self.logged_in_once and read_local("backup.on_exit"):
            self._automatic_backup(ON_EXIT)

    def _show_last_backup_problem(self, window: QWidget) -> None:
        from kringloopdesk.settings import read_local, write_local

        problem = str(read_local("backup.last_problem") or "")
        if not problem or not hasattr(window, "statusBar"):
            return
        window.statusBar().showMessage(
            self.tr("De laatste automatische back-up is mislukt: {problem}").format(
                problem=problem))
        try:
            write_local("backup.last_problem", "")
        except OSError:
            log.warning("Could not clear the note of the failed back-up")


def load_first_screen_data(ctx: AppContext) -> ShopInfo | None:
    """The shop's profile when there is one; the first screen needs nothing else."""
    from kringloopdesk.services.setup import get_shop, is_initialised

    with ctx.db.read_session() as session:
        return get_shop(session) if is_initialised(session) else None


def run_gui(db_url: str | None, *, quit_after_paint: bool = False, language: str = "nl") -> int:
    """Start the desktop app; returns the process exit code (3: the database cannot be
    opened)."""
    from kringloopdesk.db.migrate import open_database

    app = create_application(language)
    hook = ExceptionHook()
    hook.install()
    try:
        try:
            db = open_database(resolve_url(db_url))
        except DatabaseOpenError as error:
            log.warning("Cannot open the database: %s (%s)", error.message, error.details)
            if quit_after_paint:  # a benchmark has no one to click the message away
                sys.stderr.write(f"{error.message}\n")
                return error.exit_code
            apply_theme(app)
            MessageBox.show_user_error(
                None,
                error,
                title=app.translate("Application", "De database kan niet worden geopend"),
            )
            return error.exit_code
        try:
            ctx = AppContext(db, language=language)
            shop = load_first_screen_data(ctx)
            apply_theme(app, shop.accent_color if shop is not None else None)
            controller = AppController(ctx, shop)
            if quit_after_paint:
                reporter = FirstPaintReporter(app)
                controller.on_first_window = reporter.watch
            controller.start()
            return app.exec()
        finally:
            db.dispose()
    finally:
        hook.uninstall()
