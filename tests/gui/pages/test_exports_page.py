"""Exporteren: the preview is exactly the rows of the file (``preview_rows`` of the same
choice), with each figure's definition as its tooltip; it follows every change of kind,
period and format; saving writes the CSV, XLSX or PDF, says so in the status bar, records the
export in the log and remembers the folder; cancelling writes nothing; an invoer has no such
page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, ProductGroup
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.pages.exports_page import CUSTOM, ExportsPage
from kringloopdesk.services import flows
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.exports import build_export, period_for, preview_rows
from kringloopdesk.services.flows import FlowInput
from kringloopdesk.settings import read_local

D = dt.date
YEAR = dt.date.today().year - 1  # a whole year in the past
ROLE_TIP = Qt.ItemDataRole.ToolTipRole


def weigh(db: Database, actor: Actor) -> None:
    with db.session() as session:
        groups = dict(session.execute(select(ProductGroup.code, ProductGroup.id)).all())
        for day, direction, group, kg, channel in [
            (D(YEAR, 1, 5), "in", "meubels", "5", "brengen"),
            (D(YEAR, 1, 20), "uit", "meubels", "3", "hergebruik"),
            (D(YEAR, 5, 2), "in", "textiel", "30,25", "brengen"),
            (D(YEAR, 5, 3), "uit", "textiel", "1", "restafval"),
        ]:
            flows.record_flow(session, actor,
                              FlowInput(day, direction, groups[group], kg, channel))


def open_exports(qtbot, db: Database, actor: Actor) -> tuple[MainWindow, ExportsPage]:
    window = MainWindow(AppContext(db, actor=actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.page_of(ExportsPage)
    assert isinstance(page, ExportsPage)
    window.show_page(window.pages.index(page))
    return window, page


def shown(page: ExportsPage) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def expected(db: Database, actor: Actor, kind: str, **period) -> list[tuple[str, ...]]:
    with db.read_session() as session:
        rows = preview_rows(build_export(session, actor, kind, period_for(**period)))
    return [(r.section, r.indicator, r.categorie, r.waarde, r.eenheid) for r in rows]


def export_entries(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.action == "export")) or 0


def test_the_preview_is_what_will_be_written_with_definitions(
    shop_db: Database, beheerder: Actor, qtbot, qtmodeltester
) -> None:
    weigh(shop_db, beheerder)
    _window, page = open_exports(qtbot, shop_db, beheerder)
    assert page.title() == "Exporteren"
    assert page.kind == "bkn" and page.fmt == "csv"
    page.choose(year=YEAR, period="jaar")
    qtmodeltester.check(page.model)
    rows = shown(page)
    assert rows == expected(shop_db, beheerder, "bkn", year=YEAR)
    assert len(rows) == 105  # 5 metadata rows and 100 figures (docs/figures.md)
    assert [r[1] for r in rows[:5]] == ["winkel", "periode_van", "periode_tot",
                                        "co2_factorset", "app_versie"]
    assert rows[1][3] == f"{YEAR}-01-01" and rows[2][3] == f"{YEAR}-12-31"
    assert ("BKN Monitor", "ingezameld_kg", "textiel", "30,250", "kg") in rows
    assert ("BKN Monitor", "ingezameld_kg", "totaal", "35,250", "kg") in rows
    assert ("BKN Monitor", "hergebruik_pct", "totaal", "75,0", "%") in rows
    # The definition of the figure is the tooltip of every cell of its row.
    with shop_db.read_session() as session:
        definitions = [r.definition for r in preview_rows(
            build_export(session, beheerder, "bkn", period_for(YEAR)))]
    assert all(definitions)
    for row, definition in enumerate(definitions):
        for column in range(page.model.columnCount()):
            assert page.model.index(row, column).data(ROLE_TIP) == definition
    assert page.model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) & \
        Qt.AlignmentFlag.AlignRight
    assert page.count_label.text() == "105 regels"
    assert page.preview_title.text().startswith(f"Voorbeeld van bkn-{YEAR}.csv")
    assert page.privacy_label.text() == "Alleen totalen — geen namen, nummers of notities"
    # Looking is not exporting: nothing in the log until a file is saved.
    assert export_entries(shop_db) == 0


def test_kind_period_and_format_update_the_preview(
    shop_db: Database, begeleider: Actor, qtbot, qtmodeltester
) -> None:
    weigh(shop_db, begeleider)
    _window, page = open_exports(qtbot, shop_db, begeleider)
    page.choose("cedris", year=YEAR, period="jaar")
    assert shown(page) == expected(shop_db, begeleider, "cedris", year=YEAR)
    assert {r[0] for r in shown(page)} == {"Metadata", "Cedris"}
    qtmodeltester.check(page.model)

    page.choose(period="K2")
    assert shown(page) == expected(shop_db, begeleider, "cedris", year=YEAR, quarter=2)
    assert shown(page)[1][3] == f"{YEAR}-04-01" and shown(page)[2][3] == f"{YEAR}-06-30"
    assert page.file_name() == f"cedris-{YEAR}-K2.csv"

    # The impact report is a PDF unless chosen otherwise, and holds both sets.
    page.choose("impact")
    assert page.fmt == "pdf" and page.format_combo.value == "pdf"
    assert page.file_name() == f"impactrapport-{YEAR}-K2.pdf"
    assert shown(page) == expected(shop_db, begeleider, "impact", year=YEAR, quarter=2)
    assert [r[0] for r in shown(page)].index("Cedris") > \
        [r[0] for r in shown(page)].index("BKN Monitor")
    page.choose(fmt="xlsx")
    assert page.file_name() == f"impactrapport-{YEAR}-K2.xlsx"
    assert "beide reeksen" in page.preview_note.text()
    qtmodeltester.check(page.model)
    # Each kind keeps its own format.
    page.choose("bkn")
    assert page.fmt == "csv"
    page.choose("impact")
    assert page.fmt == "xlsx"

    # A period of one's own starts from the one chosen so far.
    page.choose("bkn", period=CUSTOM)
    assert not page.from_edit.isHidden() and page.year_combo.isHidden()
    assert page.from_edit.date() == D(YEAR, 4, 1) and page.to_edit.date() == D(YEAR, 6, 30)
    with qtbot.waitSignal(page.model.modelReset):
        page.from_edit.setText(f"15-1-{YEAR}")
    with qtbot.waitSignal(page.model.modelReset):
        page.to_edit.setText(f"2-5-{YEAR}")
    assert shown(page) == expected(shop_db, begeleider, "bkn", start=D(YEAR, 1, 15),
                                   end=D(YEAR, 5, 2))
    assert page.file_name() == f"bkn-{YEAR}-01-15-{YEAR}-05-02.csv"
    assert ("BKN Monitor", "ingezameld_kg", "totaal", "30,250", "kg") in shown(page)
    assert page.period_error.isHidden() and page.save_button.isEnabled()

    # A period that ends before it begins: said in Dutch, nothing to save.
    with qtbot.waitSignal(page.model.modelReset):
        page.to_edit.setText(f"1-1-{YEAR}")
    assert page.model.rowCount() == 0 and not page.save_button.isEnabled()
    assert not page.period_error.isHidden()
    assert page.period_error.text().startswith(f"De periode begint ({YEAR}-01-15) na de "
                                               "einddatum")
    page.to_edit.setText("31-2")
    page.load()
    assert page.period_error.text().startswith("Geen geldige datum")
    page.to_edit.setText("")
    page.load()
    assert page.period_error.text() == "Vul beide datums in: van en tot en met."
    # Back to a year: the dates hide and the preview is there again.
    page.choose(period="jaar")
    assert page.from_edit.isHidden() and page.period_error.isHidden()
    assert shown(page) == expected(shop_db, begeleider, "bkn", year=YEAR)


def test_saving_a_csv_remembers_the_folder_and_cancel_writes_nothing(
    shop_db: Database, beheerder: Actor, qtbot, messages, tmp_path: Path
) -> None:
    weigh(shop_db, beheerder)
    folder = tmp_path / "exports"
    folder.mkdir()
    window, page = open_exports(qtbot, shop_db, beheerder)
    page.choose("bkn", year=YEAR, period="jaar", fmt="csv")
    # Cancelled: nothing written, nothing in the log.
    page.save_button.click()
    assert messages.save_questions == [f"bkn-{YEAR}.csv"]
    assert list(folder.iterdir()) == [] and export_entries(shop_db) == 0

    messages.save_paths = [folder / "monitor"]  # the extension is added
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    target = folder / "monitor.csv"
    assert len(messages.save_questions) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["monitor.csv"]  # no temporary file
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfindicator;categorie;waarde;eenheid\r\n")
    written = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert written[0] == ["indicator", "categorie", "waarde", "eenheid"]
    assert [tuple(r) for r in written[1:]] == [row[1:] for row in shown(page)]
    assert window.statusBar().currentMessage() == f"BKN-export opgeslagen: {target}"
    assert messages.user_errors == [] and messages.bug_reports == []
    assert export_entries(shop_db) == 1
    assert read_local("export_folder") == str(folder)

    # The next time the dialog opens in that folder.
    page.choose("cedris", period="K1")
    page.save_button.click()  # cancelled
    assert messages.save_questions[-1] == str(folder / f"cedris-{YEAR}-K1.csv")
    assert sorted(p.name for p in folder.iterdir()) == ["monitor.csv"]
    assert export_entries(shop_db) == 1


def test_saving_an_xlsx(shop_db: Database, begeleider: Actor, qtbot, messages,
                        tmp_path: Path) -> None:
    weigh(shop_db, begeleider)
    window, page = open_exports(qtbot, shop_db, begeleider)
    page.choose("impact", year=YEAR, period="jaar", fmt="xlsx")
    messages.save_paths = [tmp_path / "impact.xlsx"]
    page.save_button.click()
    assert messages.save_questions == [f"impactrapport-{YEAR}.xlsx"]
    book = openpyxl.load_workbook(tmp_path / "impact.xlsx")
    assert book.sheetnames == ["Metadata", "BKN Monitor", "Cedris"]
    assert window.statusBar().currentMessage() == (
        f"Impactrapport opgeslagen: {tmp_path / 'impact.xlsx'}")
    assert messages.user_errors == [] and messages.bug_reports == []


def test_saving_a_pdf(shop_db: Database, beheerder: Actor, qtbot, messages,
                      tmp_path: Path) -> None:
    weigh(shop_db, beheerder)
    window, page = open_exports(qtbot, shop_db, beheerder)
    page.choose("cedris", year=YEAR, period="jaar", fmt="pdf")
    messages.save_paths = [tmp_path / "cedris.pdf"]
    page.save_button.click()
    assert messages.user_errors == [] and messages.bug_reports == []
    target = tmp_path / "cedris.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    subprocess.run(["qpdf", "--check", str(target)], check=True, capture_output=True)
    assert window.statusBar().currentMessage() == f"Cedris-export opgeslagen: {target}"


def test_a_folder_that_cannot_be_written_is_said_in_dutch(
    shop_db: Database, beheerder: Actor, qtbot, messages, tmp_path: Path
) -> None:
    _window, page = open_exports(qtbot, shop_db, beheerder)
    page.choose("bkn", year=YEAR)
    target = tmp_path / "weg" / "bkn.csv"
    messages.save_paths = [target]
    page.save_button.click()
    assert messages.bug_reports == []
    assert messages.texts == [
        f"BKN-export kan niet worden opgeslagen in {target}: No such file or directory. Er "
        "is niets half geschreven; kies een andere map."]
    assert not (tmp_path / "weg").exists()
    assert export_entries(shop_db) == 0  # the log entry went with the failed write
    assert read_local("export_folder") == ""


@pytest.mark.parametrize("role, has_page", [("invoer", False), ("begeleider", True),
                                            ("beheerder", True)])
def test_only_coaches_and_managers_export(shop_db: Database, request: pytest.FixtureRequest,
                                          role: str, has_page: bool, qtbot) -> None:
    actor = request.getfixturevalue(role)
    window = MainWindow(AppContext(shop_db, actor=actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    assert (window.page_of(ExportsPage) is not None) is has_page
    assert ("Exporteren" in [b.text() for b in window.rail.buttons]) is has_page


def test_a_cancelled_pdf_export_leaves_no_file_and_no_log_entry(
        shop_db: Database, beheerder: Actor, qtbot, messages, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Annuleren while the PDF is written (in the worker thread): no file, no .part, and the
    export is not in the log; the status bar says so."""
    from kringloopdesk.gui.pages import exports_page
    from kringloopdesk.services.exports import write_export

    def cancelled_while_writing(data, fmt, path, *, progress):
        progress.cancel()  # the user clicks Annuleren
        return write_export(data, fmt, path, progress=progress)

    monkeypatch.setattr(exports_page, "write_export", cancelled_while_writing)
    weigh(shop_db, beheerder)
    window, page = open_exports(qtbot, shop_db, beheerder)
    page.choose("impact", year=YEAR, period="jaar", fmt="pdf")
    folder = tmp_path / "uit"
    folder.mkdir()
    messages.save_paths = [folder / "impact.pdf"]
    page.save_button.click()
    assert list(folder.iterdir()) == [] and export_entries(shop_db) == 0
    assert window.statusBar().currentMessage() == "Geannuleerd. Er is niets opgeslagen."
    assert messages.user_errors == [] and messages.bug_reports == []
