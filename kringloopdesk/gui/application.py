"""Starting the desktop app: QApplication, translations, theme, database, first window.

An empty database gets the first-run wizard, any other the login dialog; after the wizard or
a login the main window opens. The controller also makes the automatic back-ups: the daily
one after a login (and at midnight for a PC that stays on) and one when the app quits after a
login; a failure there never stops anything, it is logged and shown after the next login.

Start-up is kept lean for the first window. The usual start, a shop's SQLite file whose schema
is current, paints the login before SQLAlchemy is even imported: the shop's name, logo and
accent colour are read with the ``sqlite3`` module (read-only, two queries), and the database
is opened as always (engine, schema check, the error message when it cannot be) right after
the login has painted; a login asked for in between waits for it. Any other start (a new
file, an older schema, PostgreSQL, the wizard) opens the database first. The wizard, the main
window and their pages are imported only when they are needed.

Language and theme are this PC's settings (a small JSON file, read before the first window;
``--lang`` overrides the language for one start). ``switch_language`` swaps the translators
and the locale while the app runs; the controller then puts a new main window in place of the
old one (``rebuild_main_window``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QWidget

from kringloopdesk import APP_NAME, __version__
from kringloopdesk.errors import DatabaseOpenError
from kringloopdesk.gui import icons
from kringloopdesk.gui.formatting import set_display_language
from kringloopdesk.gui.theme import apply_theme
from kringloopdesk.i18n import set_language
from kringloopdesk.paths import default_database_path, resource_path

if TYPE_CHECKING:
    from kringloopdesk.gui.context import AppContext
    from kringloopdesk.gui.exception_hook import ExceptionHook
    from kringloopdesk.services.auth import Actor
    from kringloopdesk.services.setup import ShopInfo

log = logging.getLogger(__name__)

ORGANIZATION = "KringloopDesk"


LANGUAGES = ("nl", "en")
# The translators installed by ``_install_translators``, removed again on a switch.
_translators: list[QTranslator] = []


def _install_translators(app: QApplication, language: str) -> None:
    """Qt's own catalogue (standard buttons say Ja/Nee/Annuleren) and, for a language other
    than Dutch, our own (the source strings are Dutch). Called again with another language,
    it takes the previous ones out first: windows built after that speak the new language."""
    if app.property("kringloopdesk_language") == language:
        return
    for old in _translators:
        app.removeTranslator(old)
        old.deleteLater()
    _translators.clear()
    app.setProperty("kringloopdesk_language", language)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(f"qtbase_{language}", qt_folder)]
    if language != "nl":
        catalogues.append((f"kringloopdesk_{language}", str(resource_path("translations"))))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.info("No translation %s in %s", name, folder)


def switch_language(app: QApplication, language: str) -> str:
    """Everything that speaks: Qt's and our catalogues, the core's messages, and the locale of
    numbers, dates and day names. Windows already open keep their texts (they are rebuilt,
    see ``AppController.rebuild_main_window``). Returns the language used."""
    language = language if language in LANGUAGES else "nl"
    set_language(language)
    set_display_language(language)
    _install_translators(app, language)
    return language


def local_language() -> str:
    """This PC's language setting (a small JSON file: cheap enough for the first window)."""
    from kringloopdesk.settings import read_local

    return str(read_local("language"))


def local_theme() -> str:
    from kringloopdesk.settings import read_local

    return str(read_local("theme"))


def create_application(language: str | None = None) -> QApplication:
    """The QApplication (or the one that exists, in tests), named and translated; in this
    PC's language setting when ``language`` is None."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(icons.app_icon())
    switch_language(app, language or local_language())
    return app


class FirstPaintWatcher(QObject):
    """Calls ``callback`` once, just after the first paint of the window it watches."""

    def __init__(self, parent: QObject, callback: Callable[[], None]) -> None:
        super().__init__(parent)
        self._callback = callback
        self._seen = False

    def watch(self, window: QWidget) -> None:
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class FirstPaintReporter(FirstPaintWatcher):
    """For the start-up benchmark: once the first window has painted, print the milliseconds
    since the process started and quit with exit code 0."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app, self._report)
        self._app = app

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

    def __init__(self, ctx: AppContext | None, shop: ShopInfo | FirstScreen | None) -> None:
        super().__init__()
        self.ctx = ctx  # None while the login shows before the database is open
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

    def attach(self, ctx: AppContext) -> None:
        """The database is open (the login painted before it was): hand it to the window."""
        self.ctx = ctx
        attach = getattr(self.first_window, "attach", None)
        if attach is not None:
            attach(ctx)

    def _make_login(self, shop: ShopInfo | FirstScreen) -> QWidget:
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

    def rebuild_main_window(self) -> None:
        """After a change of language or theme: a new main window for the same user in place
        of the old one (same size and place), open on Instellingen > Weergave again. Nothing
        is lost: the old window was asked first (``MainWindow.may_rebuild``)."""
        from kringloopdesk.gui.main_window import MainWindow

        old = self.main_window
        if old is None or self.ctx is None or self.ctx.actor is None:
            return
        window = MainWindow(self.ctx)
        window.logged_out.connect(self.show_login_again)
        window.rebuild_requested.connect(self.rebuild_main_window)
        window.setGeometry(old.geometry())
        window.setWindowState(old.windowState())
        window.show_appearance_settings()
        window.show()
        self.main_window = window
        old.discard()

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
        window.rebuild_requested.connect(self.rebuild_main_window)
        window.show()
        self.main_window = window
        self.logged_in_once = True
        self._show_last_backup_problem(window)
        QTimer.singleShot(0, self.daily_backup_if_due)
        self.daily_timer.start()

    # -- automatic back-ups -----------------------------------------------------------------

    def _automatic_backup(self, kind: str) -> bool:
        """Never raises: a back-up that fails must not stop the work or the closing."""
        from PySide6.QtCore import Qt
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
        if not self.logged_in_once:  # before the imports: quitting at the login stays quick
            return
        from kringloopdesk.services.backups import ON_EXIT
        from kringloopdesk.settings import read_local

        if read_local("backup.on_exit"):
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


@dataclass(frozen=True)
class FirstScreen:
    """What the login shows of the shop, read before the database is opened."""

    name: str
    logo: bytes | None
    accent_color: str | None


_SQLITE_URL_PREFIXES = ("sqlite:///", "sqlite+pysqlite:///")


def plain_sqlite_file(db_url: str | None) -> Path | None:
    """The existing SQLite file that ``--db``, ``KRINGLOOPDESK_DB`` or the default point at,
    when that is plain to see without SQLAlchemy (``engine.resolve_url`` decides the rest):
    a path, or a ``sqlite:///`` URL without options."""
    raw = db_url or os.environ.get("KRINGLOOPDESK_DB") or ""  # engine.ENV_VAR
    for prefix in _SQLITE_URL_PREFIXES:
        if raw.startswith(prefix):
            raw = raw[len(prefix):]
            break
    if "://" in raw or "?" in raw or raw in (":memory:", ""):
        path = default_database_path() if not raw else None
    else:
        path = Path(raw).expanduser().resolve()
    return path if path is not None and path.is_file() else None


def peek_shop(path: Path) -> FirstScreen | None:
    """The shop from a SQLite file whose schema is current, read-only with ``sqlite3``; None
    when the file is anything else (no shop yet, another schema, not a database): the
    database is then opened before the first window, which explains or upgrades."""
    from kringloopdesk.db.revisions import head_from_files

    head = head_from_files()
    if head is None:
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        if connection.execute("SELECT version_num FROM alembic_version").fetchall() != [(head,)]:
            return None
        row = connection.execute(
            "SELECT name, logo, accent_color FROM shop_profile WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    if row is None or not isinstance(row[0], str):
        return None
    return FirstScreen(row[0], row[1] if isinstance(row[1], bytes) else None, row[2])


def open_context(db_url: str | None) -> AppContext:
    """Open (create, upgrade) the database; raises ``DatabaseOpenError`` when it cannot."""
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.db.migrate import open_database
    from kringloopdesk.gui.context import AppContext

    return AppContext(open_database(resolve_url(db_url)))


def _cannot_open(app: QApplication, error: DatabaseOpenError, quit_after_paint: bool) -> int:
    log.warning("Cannot open the database: %s (%s)", error.message, error.details)
    if quit_after_paint:  # a benchmark has no one to click the message away
        sys.stderr.write(f"{error.message}\n")
        return error.exit_code
    from kringloopdesk.gui.messages import MessageBox

    apply_theme(app, None, local_theme())
    MessageBox.show_user_error(
        None, error, title=app.translate("Application", "De database kan niet worden geopend"))
    return error.exit_code


def run_gui(db_url: str | None, *, quit_after_paint: bool = False,
            language: str | None = None) -> int:
    """Start the desktop app; returns the process exit code (3: the database cannot be
    opened). ``language`` None: this PC's setting (as the theme always is)."""
    app = create_application(language)
    hooks: list[ExceptionHook] = []
    try:
        path = plain_sqlite_file(db_url)
        shop = peek_shop(path) if path is not None else None
        if shop is not None:
            return _run_login_first(app, db_url, shop, quit_after_paint, hooks)
        hooks.append(install_exception_hook())
        return _run_opened(app, db_url, quit_after_paint)
    finally:
        for hook in hooks:
            hook.uninstall()


def install_exception_hook() -> ExceptionHook:
    """Bugs from here on are logged and shown. Imported only now: the error dialog uses
    ``Qt.`` enums, and the first of those costs a few hundredths of a second (see
    ``login_dialog``), which the login-first start puts after the first paint."""
    from kringloopdesk.gui.exception_hook import ExceptionHook

    hook = ExceptionHook()
    hook.install()
    return hook


def _run_opened(app: QApplication, db_url: str | None, quit_after_paint: bool) -> int:
    """The database first, then the wizard or the login."""
    try:
        ctx = open_context(db_url)
    except DatabaseOpenError as error:
        return _cannot_open(app, error, quit_after_paint)
    try:
        shop = load_first_screen_data(ctx)
        apply_theme(app, shop.accent_color if shop is not None else None, local_theme())
        controller = AppController(ctx, shop)
        if quit_after_paint:
            reporter = FirstPaintReporter(app)
            controller.on_first_window = reporter.watch
        controller.start()
        return app.exec()
    finally:
        ctx.db.dispose()


def _run_login_first(app: QApplication, db_url: str | None, shop: FirstScreen,
                     quit_after_paint: bool, hooks: list[ExceptionHook]) -> int:
    """The login first; the exception hook and the database just after it has painted."""
    apply_theme(app, shop.accent_color, local_theme())
    controller = AppController(None, shop)
    failure: list[int] = []

    def finish_opening() -> None:
        if controller.ctx is not None or failure:
            return
        if not hooks:
            hooks.append(install_exception_hook())
        try:
            ctx = open_context(db_url)
        except DatabaseOpenError as error:
            if controller.first_window is not None:
                controller.first_window.hide()
            failure.append(_cannot_open(app, error, quit_after_paint))
            app.exit(failure[0])
            return
        controller.attach(ctx)

    # Filters run last-installed first: the benchmark's report comes before the opening.
    watchers = [FirstPaintWatcher(app, finish_opening)]
    if quit_after_paint:
        watchers.append(FirstPaintReporter(app))

    def watch(window: QWidget) -> None:
        for watcher in watchers:
            watcher.watch(window)

    controller.on_first_window = watch
    try:
        controller.start()
        code = app.exec()
        if quit_after_paint:
            finish_opening()  # the run proves that the database opens, after the report
        return failure[0] if failure else code
    finally:
        if controller.ctx is not None:
            controller.ctx.db.dispose()
