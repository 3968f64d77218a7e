"""The screenshots in docs/screenshots, made from demo data, offscreen:

    python -m kringloopdesk.gui.screenshots                  # into docs/screenshots
    python -m kringloopdesk.gui.screenshots /tmp/shots --scale tiny   # CI: a quick check

Builds throwaway shops in a temporary folder (``generate_demo(scale="small")`` plus some
real use of the user and privacy tools, so that the log has something to show), opens the
screens the way a beheerder would and saves each as a PNG. Every file of :data:`SCREENSHOTS`
must then exist and show more than one colour, or the exit code is 1; the README and the
docs only show files of that list (tests/unit/test_screenshot_list.py). ``--scale tiny``
makes smaller demo shops (for CI: the same screens, less data, a few seconds faster);
``--all`` adds the dialogs and the other screens into ``review/``, for reviewing the look.
Runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise; the label needs ``pdftoppm``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SHOP = "Kringloop Amersfoort-Leusden"
BEHEERDER = ("bea", "Bea de Vries", "een-goed-wachtwoord")
WINDOW_SIZE = (1280, 800)
# What a run writes, in order: the docs may show these and only these (a test reads this
# tuple without importing the module, so keep it a literal).
SCREENSHOTS = (
    "users.png", "backups.png", "audit.png", "privacy.png", "wizard.png", "recovery_key.png",
    "hours_grid.png", "weegpost.png", "flows.png", "balance.png", "items.png", "label.png",
    "exports.png", "dashboard.png", "dashboard_goods.png", "workers_list.png",
    "worker_form.png",
)
SCALES = ("small", "tiny")
# Paths on screen (the status bar, the wizard, the back-up folder) show the data folder of
# the shop's Windows PC, not the temporary folders of this run.
DATA_FOLDER = r"C:\Users\bea\AppData\Local\KringloopDesk"
TEMP_PATH = re.compile(re.escape(tempfile.gettempdir()) + r"[/\\][^\s/\\]+((?:[/\\][^\s/\\]+)*)")


def settle(milliseconds: int = 60) -> None:
    """Let Qt lay out and paint (offscreen, nothing waits on a screen)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def local_paths(text: str) -> str:
    """``text`` with this run's temporary paths as the shop's data folder on Windows."""

    def windows(match: re.Match) -> str:
        rest = match.group(1)
        core = rest.rstrip(".,;:)")  # the end of a sentence is not part of the path
        tail = rest[len(core):]
        if core.endswith(".sqlite"):
            core = "/kringloopdesk.sqlite"
        return DATA_FOLDER + core.replace("/", "\\") + tail

    return TEMP_PATH.sub(windows, text)


def _show_local_paths(widget: QWidget) -> None:
    # Labels and the grey hints of empty fields only: a field's text may be saved.
    from PySide6.QtWidgets import QLabel, QLineEdit

    for label in widget.findChildren(QLabel):
        if TEMP_PATH.search(label.text()):
            label.setText(local_paths(label.text()))
    for edit in widget.findChildren(QLineEdit):
        if TEMP_PATH.search(edit.placeholderText()):
            edit.setPlaceholderText(local_paths(edit.placeholderText()))


def grab(widget: QWidget, path: Path) -> Path:
    settle()
    _show_local_paths(widget)
    image = widget.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"cannot write {path}")
    print(path)
    return path


def grab_window_with_dialog(window: QWidget, dialog: QWidget, path: Path) -> Path:
    """The window with a dialog centred over it, as the user would see both."""
    from PySide6.QtGui import QPainter

    settle()
    _show_local_paths(window)
    _show_local_paths(dialog)
    image = window.grab()
    painter = QPainter(image)
    shade = image.rect()
    painter.fillRect(shade, _shade())
    picture = dialog.grab()
    x = (image.width() / image.devicePixelRatio() - picture.width()) / 2
    y = (image.height() / image.devicePixelRatio() - picture.height()) / 2.4
    painter.drawPixmap(int(x), int(y), picture)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    print(path)
    return path


def _shade():
    from PySide6.QtGui import QColor

    return QColor(20, 30, 25, 70)


def fill_demo(session, actor, scale: str, today: dt.date | None = None) -> None:
    """The demo data: ``small`` as in the docs; ``tiny`` a third of the people and a tenth
    of the goods (CI: the same screens, quicker)."""
    from kringloopdesk.services import demo

    if scale == "small":
        demo.generate_demo(session, actor, scale="small", today=today)
        return
    from dataclasses import replace

    from kringloopdesk.services.auth import require_data_key

    sizes = replace(demo.SIZES["small"], workers=14, placements=20, goods_flows=800,
                    tagged_items=30)
    # generate_demo knows small and large only; _generate takes any sizes (tests use it too).
    demo._generate(session, sizes, today=today or dt.date.today(),
                   data_key=require_data_key(actor))


def build_shop(folder: Path, scale: str = "small"):
    """A demo shop with some history in the log; returns (ctx, recovery key)."""
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.db.migrate import open_database
    from kringloopdesk.gui.context import AppContext
    from kringloopdesk.services.auth import attempt_login
    from kringloopdesk.services.privacy import anonymise_worker, inzage_export, retention_candidates
    from kringloopdesk.services.setup import ShopInfo, initialise_shop
    from kringloopdesk.services.users import change_role, create_user, list_users, reset_password

    db = open_database(resolve_url(str(folder / "demo.sqlite")))
    username, full_name, password = BEHEERDER
    with db.session() as session:
        result = initialise_shop(
            session,
            ShopInfo(name=SHOP, certificate_prefix="KAL", city="Amersfoort",
                     mission="Mensen en spullen een tweede kans"),
            username=username, full_name=full_name, password=password,
        )
    actor = result.actor
    # Three years back, so that some people are past the two-year retention period.
    with db.session() as session:
        fill_demo(session, actor, scale, today=dt.date.today() - dt.timedelta(days=900))
    with db.session() as session:
        create_user(session, actor, username="sanne", full_name="Sanne Bakker",
                    role="invoer", password="tijdelijk-2025")
        create_user(session, actor, username="dirk", full_name="Dirk Mulder",
                    role="begeleider", password="tijdelijk-2025")
    with db.session() as session:
        users = {u.username: u for u in list_users(session, actor)}
        change_role(session, actor, users["sanne"].id, "begeleider", new_password="nieuw-2025!")
        reset_password(session, actor, users["ria"].id, "tijdelijk-2026")
    for name, secret in (("marieke", "kringloop-demo"), ("henk", "fout"), ("henk", "fout"),
                         ("youssef", "kringloop-demo"), (username, password)):
        with db.session() as session:
            attempt_login(session, name, secret)
    with db.session() as session:
        candidates = retention_candidates(session, actor)
    if candidates:
        with db.session() as session:
            anonymise_worker(session, actor, candidates[-1].worker_id)
        with db.session() as session:
            inzage_export(session, actor, candidates[0].worker_id)
    with db.session() as session:
        actor = attempt_login(session, username, password).actor_or_raise()
    return AppContext(db, actor=actor), result.recovery_key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--scale", choices=SCALES, default="small",
                        help="demo data: small (the docs) or tiny (a quick check in CI)")
    parser.add_argument("--all", action="store_true", help="also the dialogs, for review")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()

    with tempfile.TemporaryDirectory() as temp:
        os.environ["KRINGLOOPDESK_HOME"] = temp
        from kringloopdesk.gui.application import create_application
        from kringloopdesk.gui.theme import apply_theme

        app = create_application("nl")
        apply_theme(app, "#2e7d32")
        ctx, recovery_key = build_shop(Path(temp), args.scale)
        try:
            shots(app, ctx, recovery_key, args.folder, args.all, args.scale)
        finally:
            ctx.db.dispose()
    problems = check_written(args.folder)
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"{len(SCREENSHOTS)} screenshots in {args.folder} "
          f"({time.perf_counter() - started:.0f} s, scale {args.scale})")
    return 0


def check_written(folder: Path) -> list[str]:
    """What is wrong with the run's files: missing, unreadable or one flat colour."""
    from PySide6.QtGui import QImage

    problems = []
    for name in SCREENSHOTS:
        path = folder / name
        image = QImage(str(path))
        if not path.is_file():
            problems.append(f"{path} was not written")
        elif image.isNull():
            problems.append(f"{path} is not a readable image")
        elif len(_sampled_colours(image)) < 2:
            problems.append(f"{path} is blank (one colour)")
    return problems


def _sampled_colours(image, steps: int = 48) -> set[int]:
    """The colours on a grid of points across ``image`` (enough to tell a screen from a
    blank one, and quick)."""
    xs = {image.width() * i // steps for i in range(steps)}
    ys = {image.height() * i // steps for i in range(steps)}
    return {image.pixel(x, y) for x in xs for y in ys}


def shots(app: QApplication, ctx, recovery_key: str, folder: Path, everything: bool,
          scale: str = "small") -> None:
    from kringloopdesk.gui.dialogs.first_run_wizard import FirstRunWizard
    from kringloopdesk.gui.main_window import MainWindow
    from kringloopdesk.gui.pages.audit_page import AuditPage
    from kringloopdesk.gui.pages.privacy_page import PrivacyPage
    from kringloopdesk.gui.pages.settings_page import SettingsPage

    ctx.idle_lock_ms = 24 * 3600 * 1000  # no lock while taking pictures
    window = MainWindow(ctx)
    window.resize(*WINDOW_SIZE)
    window.show()

    def show(page_class: type) -> QWidget:
        page = window.page_of(page_class)
        assert page is not None
        window.show_page(window.pages.index(page))
        settle()
        return page

    settings = show(SettingsPage)
    settings.show_users()
    users = settings.users_page
    users.select_user(users.model.user_at(users.model.rowCount() - 2).id)
    grab(window, folder / "users.png")
    from kringloopdesk.services.backups import DAILY, MANUAL, make_backup

    for kind in (DAILY, MANUAL):  # the list is not empty on a real PC either
        make_backup(ctx.db, kind)
    settings.show_backups()
    settings.backups_tab.refresh()
    settle()
    grab(window, folder / "backups.png")
    show(AuditPage)
    grab(window, folder / "audit.png")
    privacy = show(PrivacyPage)
    privacy.view.selectRow(0)
    from kringloopdesk.services.workers import worker_names

    with ctx.db.read_session() as session:
        people = worker_names(session, ctx.actor, "")
    privacy.picker.set_worker(people[len(people) // 2])
    grab(window, folder / "privacy.png")

    wizard = FirstRunWizard(type(ctx)(ctx.db))
    wizard.resize(860, 640)
    wizard.show()
    _fill_shop_page(wizard)
    grab(wizard, folder / "wizard.png")
    wizard.key_page.show_key(SHOP, recovery_key)
    # Straight to the last page, as after "Winkel aanmaken" (no second shop is made).
    wizard.show()
    for _step in range(3):
        wizard.next() if wizard.currentPage() is not wizard.beheerder_page else None
    _show_key_page(wizard)
    grab(wizard, folder / "recovery_key.png")
    wizard.actor = ctx.actor
    wizard.key_page.view.confirm_check.setChecked(True)
    wizard.hide()

    if everything:
        review(window, ctx, recovery_key, folder / "review", show)
    window.idle_watcher.stop()
    window.close()
    hours_grid_shot(folder, scale)
    workers_shots(folder, scale)


def hours_grid_shot(folder: Path, scale: str = "small") -> None:
    """The Uren page on this week of a small demo shop made up to today (the shop above ends
    900 days ago): the department with the most people, a few hours typed in today's column and
    not yet saved, and the next cell being typed."""
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.db.migrate import open_database
    from kringloopdesk.gui.context import AppContext
    from kringloopdesk.gui.main_window import MainWindow
    from kringloopdesk.gui.models.hours_week_model import FIRST_DAY_COLUMN
    from kringloopdesk.gui.pages.hours_page import HoursPage
    from kringloopdesk.services.hours import week_grid
    from kringloopdesk.services.reference import departments
    from kringloopdesk.services.setup import ShopInfo, initialise_shop

    with tempfile.TemporaryDirectory() as temp:
        db = open_database(resolve_url(str(Path(temp) / "today.sqlite")))
        username, full_name, password = BEHEERDER
        with db.session() as session:
            actor = initialise_shop(
                session, ShopInfo(name=SHOP, certificate_prefix="KAL", city="Amersfoort"),
                username=username, full_name=full_name, password=password,
            ).actor
        with db.session() as session:
            fill_demo(session, actor, scale)
        today = dt.date.today()
        with db.read_session() as session:
            busiest = max(
                departments(session),
                key=lambda d: len(week_grid(session, actor, d.code, today).rows),
            )
        ctx = AppContext(db, actor=actor, idle_lock_ms=24 * 3600 * 1000)
        window = MainWindow(ctx)
        window.resize(*WINDOW_SIZE)
        window.show()
        page = window.page_of(HoursPage)
        assert isinstance(page, HoursPage)
        window.show_page(window.pages.index(page))
        page.choose_department(busiest.code)
        settle()
        model, view = page.model, page.view
        column = FIRST_DAY_COLUMN + today.weekday()
        open_cells = [
            model.index(row, column)
            for row in range(model.worker_count)
            if model.is_editable(model.index(row, column))
            and not model.index(row, column).data()
        ]
        for index, hours in zip(open_cells[:2], ("7,5", "4"), strict=False):
            model.setData(index, hours)
        if len(open_cells) > 2:
            view.setFocus()
            view.setCurrentIndex(open_cells[2])
            view.edit(open_cells[2])
            settle()
            editor = view.indexWidget(open_cells[2])
            if editor is not None:
                editor.setText("6,2")
        grab(window, folder / "hours_grid.png")
        page.model.set_grid(page.model.grid)  # nothing to ask on closing
        goods_shots(window, folder)
        exports_shot(window, folder)
        # The same shop of today on the dashboard: live figures and the reminders.
        window.show_page(0)
        settle()
        grab(window, folder / "dashboard.png")
        # Scrolled down: this year's goods tiles and the charts of the last twelve months.
        from PySide6.QtWidgets import QScrollArea

        area = window.current_page.findChild(QScrollArea)
        if area is not None:
            from PySide6.QtCore import QPoint

            anchor = window.current_page.year_title  # "Goederen — heel 2026"
            top = anchor.mapTo(area.widget(), QPoint(0, 0)).y() - 12
            area.verticalScrollBar().setValue(min(top, area.verticalScrollBar().maximum()))
            grab(window, folder / "dashboard_goods.png")
        window.idle_watcher.stop()
        window.close()
        db.dispose()


def goods_shots(window, folder: Path) -> None:
    """Goederen in the shop of today: the weegpost with a weight being typed, the Stromen
    list, the Balans per month of this year, the Artikelen list and a printed label."""
    from kringloopdesk.gui.pages.balance_page import BalancePage
    from kringloopdesk.gui.pages.flows_page import FlowsPage
    from kringloopdesk.gui.pages.items_page import ItemsPage
    from kringloopdesk.gui.pages.weegpost_page import WeegpostPage

    def show(page_class: type) -> QWidget:
        page = window.page_of(page_class)
        assert page is not None
        window.show_page(window.pages.index(page))
        settle(120)
        return page

    weegpost = show(WeegpostPage)
    for button in weegpost.pad.buttons[:3]:
        weegpost.choose_group(button.group)
        weegpost.kg_edit.setText("12,5")
        weegpost.book()
    weegpost.choose_group(weegpost.pad.buttons[1].group)
    weegpost.kg_edit.setText("8,35")
    grab(window, folder / "weegpost.png")
    weegpost.back_to_groups()
    show(FlowsPage)
    grab(window, folder / "flows.png")
    show(BalancePage)
    grab(window, folder / "balance.png")
    items = show(ItemsPage)
    grab(window, folder / "items.png")
    label_shot(window, items, folder / "label.png")


def exports_shot(window, folder: Path) -> None:
    """Exporteren in the shop of today: the BKN Monitor of this year as CSV, the preview
    scrolled to the first figures (past the metadata rows), one row pointed at."""
    import datetime as dt

    from kringloopdesk.gui.pages.exports_page import ExportsPage

    page = window.page_of(ExportsPage)
    assert isinstance(page, ExportsPage)
    window.show_page(window.pages.index(page))
    page.choose("bkn", year=dt.date.today().year, period="jaar", fmt="csv")
    settle(120)
    page.view.selectRow(6)
    grab(window, folder / "exports.png")


def label_shot(window, items, path: Path) -> None:
    """The 62 x 29 mm label of the first item in the list, rendered at 300 dpi."""
    import subprocess

    from kringloopdesk.reports.labels import LabelData, write_label_pdf

    row = items.model.row_at(0) if items.model.rowCount() else None
    if row is None:
        return
    with tempfile.TemporaryDirectory() as temp:
        pdf = write_label_pdf(Path(temp) / "label.pdf",
                              [LabelData(row.item_number, row.description, row.price_cents)],
                              SHOP)
        subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf),
                        str(path.with_suffix(""))], check=True)
    print(path)


def workers_shots(folder: Path, scale: str = "small") -> None:
    """Deelnemers: the list, and the record of the worker with the longest history (a time
    line of several placements, the running one with goals and werkprocessen), in a small
    demo shop made up to today."""
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.db.migrate import open_database
    from kringloopdesk.gui.context import AppContext
    from kringloopdesk.gui.main_window import MainWindow
    from kringloopdesk.gui.pages.workers_page import WorkersPage
    from kringloopdesk.services.placements import list_placements
    from kringloopdesk.services.setup import ShopInfo, initialise_shop
    from kringloopdesk.services.workers import list_workers

    with tempfile.TemporaryDirectory() as temp:
        db = open_database(resolve_url(str(Path(temp) / "workers.sqlite")))
        username, full_name, password = BEHEERDER
        with db.session() as session:
            actor = initialise_shop(
                session, ShopInfo(name=SHOP, certificate_prefix="KAL", city="Amersfoort"),
                username=username, full_name=full_name, password=password,
            ).actor
        with db.session() as session:
            fill_demo(session, actor, scale)
        with db.read_session() as session:
            people = list_workers(session, actor, limit=1000)
            history = {
                w.id: list_placements(session, actor, w.id) for w in people
                if w.status == "actief" and w.placement_id is not None
            }
        # Most placements first; then one that runs with a planned end.
        chosen = max(history, key=lambda wid: (
            len(history[wid]),
            any(p.end_date is None and p.planned_end_date for p in history[wid]),
        ))
        ctx = AppContext(db, actor=actor, idle_lock_ms=24 * 3600 * 1000)
        window = MainWindow(ctx)
        window.resize(*WINDOW_SIZE)
        window.show()
        page = window.page_of(WorkersPage)
        assert isinstance(page, WorkersPage)
        window.show_page(window.pages.index(page))
        settle()
        page.select_worker(chosen)
        grab(window, folder / "workers_list.png")
        page.open_worker(chosen)
        # Taller, so that the confidential section shows too (a 1080p screen has room).
        window.resize(WINDOW_SIZE[0], WINDOW_SIZE[1] + 170)
        settle()
        grab(window, folder / "worker_form.png")
        window.idle_watcher.stop()
        window.close()
        db.dispose()


def _fill_shop_page(wizard) -> None:
    """The wizard's first page as a new shop types it."""
    page = wizard.shop_page
    page.name_edit.setText("Kringloop De Cirkel")  # the certificate code follows: KDC
    page.street_edit.setText("Hoofdstraat 12")
    page.postcode_edit.setText("3811 AB")
    page.city_edit.setText("Amersfoort")
    page.name_edit.setFocus()
    page.name_edit.setCursorPosition(0)


def _show_key_page(wizard) -> None:
    """Put the wizard on its last page without running "Winkel aanmaken"."""
    from PySide6.QtWidgets import QWizard

    page_id = wizard.pageIds()[-1]
    # QWizard moves only forward through validated pages; a screenshot may skip them.
    wizard.beheerder_page.validatePage = lambda: True
    for _step in range(4):
        if wizard.currentId() == page_id:
            break
        wizard.next()
    wizard.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton])
    settle()


def review(window, ctx, recovery_key: str, folder: Path, show: Callable) -> None:
    from kringloopdesk.gui.dialogs.change_password_dialog import ChangePasswordDialog
    from kringloopdesk.gui.dialogs.change_role_dialog import ChangeRoleDialog
    from kringloopdesk.gui.dialogs.delete_person_dialog import DeletePersonDialog
    from kringloopdesk.gui.dialogs.login_dialog import LoginDialog
    from kringloopdesk.gui.dialogs.new_user_dialog import NewUserDialog
    from kringloopdesk.gui.dialogs.password_recovery_dialog import PasswordRecoveryDialog
    from kringloopdesk.gui.dialogs.recovery_key_dialog import RecoveryKeyDialog
    from kringloopdesk.gui.dialogs.reset_password_dialog import ResetPasswordDialog
    from kringloopdesk.gui.pages.dashboard_page import DashboardPage
    from kringloopdesk.gui.pages.settings_page import SettingsPage
    from kringloopdesk.services.setup import get_shop

    with ctx.db.read_session() as session:
        shop = get_shop(session)
    login = LoginDialog(ctx, shop)
    login.show()
    grab(login, folder / "login.png")
    login.hide()
    for name, dialog in (
        ("recovery_dialog", PasswordRecoveryDialog(ctx, None, "bea")),
        ("new_user", NewUserDialog(ctx, window)),
        ("change_password", ChangePasswordDialog(ctx, ctx.actor, window)),
        ("forced_password", ChangePasswordDialog(ctx, ctx.actor, window, current_password="x")),
        ("recovery_key_dialog", RecoveryKeyDialog(shop.name, recovery_key, window)),
    ):
        dialog.show()
        grab_window_with_dialog(window, dialog, folder / f"{name}.png")
        dialog.hide()
    settings = show(SettingsPage)
    users = settings.users_page
    everyone = [users.model.user_at(row) for row in range(users.model.rowCount())]
    invoer = next(u for u in everyone if u.role == "invoer")
    for name, dialog in (
        ("change_role", ChangeRoleDialog(ctx, invoer, window)),
        ("reset_password", ResetPasswordDialog(ctx, invoer, window)),
    ):
        if name == "change_role":
            dialog.role_combo.set_role("begeleider")
        dialog.show()
        grab_window_with_dialog(window, dialog, folder / f"{name}.png")
        dialog.hide()
    settings.tabs.setCurrentIndex(0)
    grab(window, folder / "settings.png")
    settings.shop_scroll.verticalScrollBar().setValue(10_000)
    grab(window, folder / "settings_security.png")
    from kringloopdesk.services.workers import worker_names

    with ctx.db.read_session() as session:
        found = worker_names(session, ctx.actor, "")
    dialog = DeletePersonDialog(ctx, found[0], window)
    dialog.show()
    grab_window_with_dialog(window, dialog, folder / "delete_person.png")
    dialog.hide()
    from dataclasses import replace

    from kringloopdesk.gui.main_window import MainWindow

    closed = MainWindow(type(ctx)(ctx.db, actor=replace(ctx.actor, data_key=None),
                                  idle_lock_ms=ctx.idle_lock_ms))
    closed.resize(*WINDOW_SIZE)
    closed.show()
    grab(closed, folder / "dashboard_closed.png")
    closed.idle_watcher.stop()
    closed.close()
    show(DashboardPage)
    window.lock()
    settle()
    grab_window_with_dialog(window, window.lock_dialog, folder / "lock.png")
    window.unlock()


if __name__ == "__main__":
    sys.exit(main())
