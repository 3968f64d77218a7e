"""The certificate screens around one certificate: the preview (draft, issue, print, save, the
question before an unsaved one is closed), the Certificaat… button of a placement, the verify
dialog (Echt / Ingetrokken / Gewijzigd / Onbekend) and the batch in its worker thread (cancel
leaves nothing behind; one file per certificate, or one PDF)."""

from __future__ import annotations

import datetime as dt
import secrets
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select, update

from kringloopdesk.db.models import Agreement, Certificate, Partner, Signatory
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs import certificate_batch_dialog
from kringloopdesk.gui.dialogs.certificate_batch_dialog import CertificateBatchDialog
from kringloopdesk.gui.dialogs.certificate_preview_dialog import CertificatePreviewDialog
from kringloopdesk.gui.dialogs.file_dialog import FileDialog
from kringloopdesk.gui.dialogs.print_dialog import PrintDialog
from kringloopdesk.gui.dialogs.verify_dialog import VerifyDialog
from kringloopdesk.gui.messages import UnsavedChoice
from kringloopdesk.gui.widgets.placement_panel import PlacementPanel
from kringloopdesk.services import placements, workers
from kringloopdesk.services.certificates import (
    issue_participation,
    list_certificates,
    revoke_certificate,
)
from kringloopdesk.services.placements import get_placement, list_placements
from kringloopdesk.services.privacy import anonymise_worker
from kringloopdesk.services.workers import WorkerInput
from tests.gui.helpers import pdf_text
from tests.gui.workers_data import Shop, make_people

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def people(ctx: AppContext) -> Shop:
    return make_people(ctx.db, ctx.actor)


def registry(ctx: AppContext) -> list:
    with ctx.db.read_session() as session:
        return list_certificates(session, ctx.actor)


def qpdf_accepts(path: Path) -> bool:
    return subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0


def page_count(path: Path) -> int:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    try:
        return document.pageCount()
    finally:
        document.close()


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """The system print dialog, answered: print to a PDF file (one per print)."""
    files: list[Path] = []

    def choose_printer(cls, parent, printer: QPrinter, title: str) -> bool:
        path = tmp_path / f"printed-{len(files) + 1}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        files.append(path)
        return True

    monkeypatch.setattr(PrintDialog, "choose_printer", classmethod(choose_printer))
    return files


@dataclass
class CloseQuestions:
    answers: list[UnsavedChoice] = field(default_factory=list)  # in order
    asked: list[str] = field(default_factory=list)  # the serials asked about


@pytest.fixture
def close_questions(monkeypatch: pytest.MonkeyPatch) -> CloseQuestions:
    """Stand in for the user at "save the certificate before closing?"."""
    questions = CloseQuestions()

    def ask(cls, parent, serial: str) -> UnsavedChoice:
        questions.asked.append(serial)
        return questions.answers.pop(0)

    monkeypatch.setattr(CertificatePreviewDialog, "ask_save_before_close", classmethod(ask))
    return questions


# -- the preview ----------------------------------------------------------------------------


def test_preview_issue_print_and_save(ctx: AppContext, people: Shop, qtbot, answer_dialog,
                                      messages, printed, tmp_path: Path) -> None:
    target = tmp_path / "gekozen naam"  # without .pdf: it is added
    messages.save_paths.append(target)
    checks: dict[str, object] = {}

    def drive(dialog: CertificatePreviewDialog) -> None:
        # The draft: one page, portrait, nothing in the registry yet.
        assert dialog.document.pageCount() == 1
        size = dialog.document.pagePointSize(0)
        assert size.height() > size.width()
        assert "CONCEPT" in dialog.document.getAllText(0).text().upper()
        assert dialog.issue_button.isEnabled()
        assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
        # Landscape and English: the draft is made again.
        dialog.orientation_combo.setCurrentIndex(dialog.orientation_combo.findData("landscape"))
        size = dialog.document.pagePointSize(0)
        assert size.width() > size.height()
        dialog.orientation_combo.setCurrentIndex(dialog.orientation_combo.findData("portrait"))
        assert registry(ctx) == []

        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        assert messages.confirmations == ["Dit certificaat uitgeven?"]
        issued = dialog.issued
        assert issued is not None and issued.serial == f"KAL-{YEAR}-0001"
        assert dialog.document.pageCount() == 1
        assert "CONCEPT" not in dialog.document.getAllText(0).text().upper()
        assert [row.serial for row in registry(ctx)] == [issued.serial]
        assert not dialog.language_combo.isEnabled() and dialog.issue_button.isHidden()
        assert issued.serial in dialog.state_label.text()

        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        assert dialog.printed
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        checks["issued"] = issued
        checks["suggested"] = list(messages.save_questions)
        checks["saved"] = dialog.saved_path
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    shown = answer_dialog(CertificatePreviewDialog, drive)
    opened = CertificatePreviewDialog.for_placement(ctx, people.anais_placement)
    assert opened is shown[0]
    issued = checks["issued"]
    assert checks["suggested"] == [f"KAL-{YEAR}-0001 Anaïs Çelik.pdf"]
    saved = tmp_path / "gekozen naam.pdf"
    assert checks["saved"] == saved
    assert saved.read_bytes() == issued.pdf
    assert qpdf_accepts(saved)
    assert "Anaïs Çelik" in pdf_text(saved)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    # The print went through QtPdf onto the printer: one page, a PDF qpdf accepts.
    assert len(printed) == 1 and printed[0].exists()
    assert qpdf_accepts(printed[0])
    assert page_count(printed[0]) == 1
    assert messages.user_errors == [] and messages.bug_reports == []


def test_closing_an_issued_unsaved_certificate_asks_first(
        ctx: AppContext, people: Shop, qtbot, close_questions, messages, tmp_path: Path
) -> None:
    asked = close_questions.asked
    dialog = CertificatePreviewDialog(ctx, "deelname", people.anais_placement)
    qtbot.addWidget(dialog)
    closed: list[int] = []
    dialog.rejected.connect(lambda: closed.append(1))
    assert dialog.load_draft()
    dialog.reject()  # a draft closes without a question
    assert closed == [1] and asked == []

    closed.clear()
    dialog.issue()
    assert dialog.issued is not None
    # Annuleren: the dialog stays open.
    close_questions.answers.append(UnsavedChoice.CANCEL)
    dialog.reject()
    assert closed == [] and asked == [dialog.issued.serial]
    # Opslaan, but the file dialog is cancelled: still open.
    close_questions.answers.append(UnsavedChoice.SAVE)
    dialog.reject()
    assert closed == [] and dialog.saved_path is None
    # Opslaan with a file: saved, then closed.
    close_questions.answers.append(UnsavedChoice.SAVE)
    messages.save_paths.append(tmp_path / "cert.pdf")
    dialog.reject()
    assert closed == [1] and (tmp_path / "cert.pdf").read_bytes() == dialog.issued.pdf
    assert len(asked) == 3


def test_closing_without_saving_keeps_the_registry_row(
        ctx: AppContext, people: Shop, qtbot, close_questions) -> None:
    dialog = CertificatePreviewDialog(ctx, "deelname", people.anais_placement)
    qtbot.addWidget(dialog)
    assert dialog.load_draft()
    dialog.issue()
    close_questions.answers.append(UnsavedChoice.DISCARD)
    closed: list[int] = []
    dialog.rejected.connect(lambda: closed.append(1))
    dialog.reject()
    assert closed == [1]
    assert [row.serial for row in registry(ctx)] == [dialog.issued.serial]


def test_a_failed_save_says_so_and_writes_nothing(
        ctx: AppContext, people: Shop, qtbot, messages, tmp_path: Path) -> None:
    dialog = CertificatePreviewDialog(ctx, "deelname", people.anais_placement)
    qtbot.addWidget(dialog)
    assert dialog.load_draft()
    dialog.issue()
    messages.save_paths.append(tmp_path / "bestaat-niet" / "cert.pdf")
    assert not dialog.save_pdf()
    assert dialog.saved_path is None
    [(error, _title)] = messages.user_errors
    assert error.message.startswith("Het certificaat kan niet worden opgeslagen in")
    assert "staat wel in het register" in error.message


def test_a_partnership_certificate_from_an_agreement(ctx: AppContext, qtbot, answer_dialog,
                                                    messages, tmp_path: Path) -> None:
    with ctx.db.session() as session:
        partner = Partner(name="Gemeente Amersfoort", kind="gemeente")
        agreement = Agreement(partner=partner, title="Samen werken aan werk",
                              signed_date=TODAY - dt.timedelta(days=20), place="Amersfoort")
        agreement.signatories = [
            Signatory(side="winkel", name="Bea Beheer", function="Directeur", sort_order=0),
            Signatory(side="partner", name="Karin de Boer", function="Wethouder",
                      sort_order=1),
        ]
        session.add(agreement)
        session.flush()
        agreement_id = agreement.id
    messages.save_paths.append(tmp_path / "samenwerking.pdf")
    seen: list[tuple] = []

    def issue_and_save(dialog: CertificatePreviewDialog) -> None:
        size = dialog.document.pagePointSize(0)
        seen.append(("landscape", size.width() > size.height(), dialog.document.pageCount()))
        dialog.issue()
        dialog.save_pdf()
        dialog.reject()

    answer_dialog(CertificatePreviewDialog, issue_and_save)
    CertificatePreviewDialog.for_agreement(ctx, agreement_id)
    assert seen == [("landscape", True, 1)]
    [row] = registry(ctx)
    assert (row.kind, row.subject) == ("samenwerking", "Gemeente Amersfoort")
    assert messages.save_questions == [f"{row.serial} Gemeente Amersfoort.pdf"]
    assert qpdf_accepts(tmp_path / "samenwerking.pdf")


# -- the placement's button -----------------------------------------------------------------


def panel_for(ctx: AppContext, qtbot, placement_id: int) -> PlacementPanel:
    panel = PlacementPanel(ctx)
    qtbot.addWidget(panel)
    with ctx.db.read_session() as session:
        panel.show_placement(get_placement(session, ctx.actor, placement_id))
    return panel


def test_the_placement_offers_a_certificate(ctx: AppContext, people: Shop, qtbot,
                                            answer_dialog) -> None:
    shown = answer_dialog(CertificatePreviewDialog,
                          lambda dialog: dialog.reject())  # looked, not issued
    panel = panel_for(ctx, qtbot, people.anais_placement)
    assert not panel.certificate_button.isHidden() and panel.certificate_button.isEnabled()
    qtbot.mouseClick(panel.certificate_button, Qt.MouseButton.LeftButton)
    assert [(d.kind, d.subject_id) for d in shown] == [("deelname", people.anais_placement)]
    assert shown[0].draft_loaded and registry(ctx) == []


def test_no_certificate_for_an_anonymised_worker(ctx: AppContext, people: Shop, qtbot) -> None:
    with ctx.db.session() as session:
        [ended] = list_placements(session, ctx.actor, people.lukasz)
        anonymise_worker(session, ctx.actor, people.lukasz)
    panel = panel_for(ctx, qtbot, ended.id)
    assert not panel.certificate_button.isEnabled()
    assert "geanonimiseerd" in panel.certificate_button.toolTip()
    panel.issue_certificate()  # does nothing (a dialog would fail the test)


def test_the_coach_has_the_button_the_volunteer_does_not(
        shop_db, begeleider, invoer, qapp, qtbot) -> None:
    coach = PlacementPanel(AppContext(shop_db, actor=begeleider))
    volunteer = PlacementPanel(AppContext(shop_db, actor=invoer))
    qtbot.addWidget(coach)
    qtbot.addWidget(volunteer)
    assert not coach.certificate_button.isHidden()
    assert volunteer.certificate_button.isHidden()


# -- verify ---------------------------------------------------------------------------------


@pytest.fixture
def saved_certificate(ctx: AppContext, people: Shop, tmp_path: Path):
    with ctx.db.session() as session:
        issued = issue_participation(session, ctx.actor, people.anais_placement)
    path = tmp_path / f"{issued.serial}.pdf"
    path.write_bytes(issued.pdf)
    return issued, path


def test_verify_genuine_then_revoked(ctx: AppContext, saved_certificate, qtbot) -> None:
    issued, path = saved_certificate
    dialog = VerifyDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.result_frame.isHidden()
    assert dialog.check_file(path) == "genuine"
    assert dialog.verdict_label.text() == "Echt"
    assert not dialog.result_frame.isHidden()
    assert issued.serial in dialog.details_label.text()
    assert "Anaïs Çelik" in dialog.details_label.text()
    assert dialog.explanation_label.text()  # one sentence from the service

    with ctx.db.session() as session:
        revoke_certificate(session, ctx.actor, issued.serial, "Uren verkeerd opgeteld")
    assert dialog.check_file(path) == "revoked"
    assert dialog.verdict_label.text() == "Ingetrokken"
    assert "Uren verkeerd opgeteld" in dialog.details_label.text()
    # The code on the paper says the same.
    dialog.code_edit.setText(issued.code.lower().replace("-", ""))
    qtbot.mouseClick(dialog.code_button, Qt.MouseButton.LeftButton)
    assert dialog.verdict == "revoked" and dialog.verdict_label.text() == "Ingetrokken"


def test_verify_unknown_and_altered(ctx: AppContext, saved_certificate, qtbot,
                                   tmp_path: Path) -> None:
    issued, _path = saved_certificate
    dialog = VerifyDialog(ctx)
    qtbot.addWidget(dialog)
    alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
    random_code = "".join(secrets.choice(alphabet) for _ in range(8))
    assert random_code != issued.code.replace("-", "")
    dialog.code_edit.setText(random_code)
    assert dialog.check_code() == "unknown"
    assert dialog.verdict_label.text() == "Onbekend"
    # A PDF that is not one of ours.
    other = tmp_path / "ander.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(other))
    painter = QPainter(printer)
    painter.drawText(100, 100, "Certificaat van iemand anders")
    painter.end()
    assert dialog.check_file(other) == "unknown"
    assert dialog.verdict_label.text() == "Onbekend"
    assert "geen certificaat van deze winkel" in dialog.explanation_label.text()
    # Someone changed the registry row: the signature no longer fits.
    with ctx.db.session() as session:
        session.execute(update(Certificate).where(Certificate.serial == issued.serial)
                        .values(content_hash="0" * 64))
    dialog.code_edit.setText(issued.serial)
    assert dialog.check_code() == "altered"
    assert dialog.verdict_label.text() == "Gewijzigd"
    # A file that cannot be read is said in the dialog.
    assert dialog.check_file(tmp_path / "weg.pdf") is None
    assert dialog.verdict_label.text() == "Niet gecontroleerd"
    assert "weg.pdf kan niet worden gelezen" in dialog.explanation_label.text()


def test_verify_through_the_file_dialog(ctx: AppContext, saved_certificate, qtbot,
                                        monkeypatch: pytest.MonkeyPatch, answer_dialog) -> None:
    _issued, path = saved_certificate
    monkeypatch.setattr(FileDialog, "open_file", classmethod(lambda cls, p, t, f: path))
    verdicts: list[str] = []

    def check(dialog: VerifyDialog) -> None:
        qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
        verdicts.append(dialog.verdict_label.text())

    answer_dialog(VerifyDialog, check)
    VerifyDialog.open_for(ctx)
    assert verdicts == ["Echt"]


# -- batch ----------------------------------------------------------------------------------

PERIOD = (TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=1))


@pytest.fixture
def ended(ctx: AppContext, people: Shop) -> list[int]:
    """Three placements that ended in PERIOD: Łukasz (from workers_data) and two more."""
    with ctx.db.session() as session:
        [lukasz] = list_placements(session, ctx.actor, people.lukasz)
        ids = [lukasz.id]
        for number, first, last in (("D-0101", "Sanne", "de Wit"),
                                    ("D-0102", "Yusuf", "Demir")):
            worker = workers.create_worker(session, ctx.actor, WorkerInput(
                number=number, first_name=first, last_name=last, doelgroep="wsw",
                start_date=TODAY - dt.timedelta(days=300)))
            placement = placements.create_placement(
                session, ctx.actor, worker.id, "winkel", TODAY - dt.timedelta(days=300), 16)
            placements.end_placement(session, ctx.actor, placement.id,
                                     TODAY - dt.timedelta(days=10), "betaald_werk")
            ids.append(placement.id)
    return ids


def batch_dialog(ctx: AppContext, qtbot) -> CertificateBatchDialog:
    dialog = CertificateBatchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.from_edit.set_date(PERIOD[0])
    dialog.to_edit.set_date(PERIOD[1])
    dialog.prepare()
    return dialog


def test_the_batch_lists_ended_placements_checked_without_certificate(
        ctx: AppContext, ended: list[int], qtbot) -> None:
    with ctx.db.session() as session:
        issue_participation(session, ctx.actor, ended[0])
    dialog = batch_dialog(ctx, qtbot)
    assert sorted(p.placement_id for p in dialog.placements) == sorted(ended)
    assert sorted(dialog.checked_ids()) == sorted(ended[1:])
    assert dialog.checked_label.text() == "2 van 3 aangevinkt"
    dialog.set_all_checked(False)
    assert not dialog.start_button.isEnabled()
    assert dialog.blocked_label.text() == "Vink ten minste één plaatsing aan"
    # A period without endings says so.
    dialog.from_edit.set_date(dt.date(2001, 1, 1))
    dialog.to_edit.set_date(dt.date(2001, 12, 31))
    assert dialog.placements == [] and not dialog.empty_label.isHidden()


@pytest.mark.parametrize("one_pdf", [False, True], ids=["files", "one-pdf"])
def test_a_cancelled_batch_leaves_no_rows_and_no_files(
        ctx: AppContext, ended: list[int], qtbot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, one_pdf: bool) -> None:
    dialog = batch_dialog(ctx, qtbot)
    real = certificate_batch_dialog.issue_batch
    seen: list[int] = []

    def cancelled_after_the_first(session, actor, ids, *, progress, **kwargs):
        def first_then_cancel(done: int, total: int) -> None:
            seen.append(done)
            progress(done, total)
            dialog.request_cancel()  # as Annuleren does, while the batch runs

        return real(session, actor, ids, progress=first_then_cancel, **kwargs)

    monkeypatch.setattr(certificate_batch_dialog, "issue_batch", cancelled_after_the_first)
    folder = tmp_path / "uit"
    folder.mkdir()
    if one_pdf:
        dialog.one_pdf_radio.setChecked(True)
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as outcome:
        dialog.start(folder / "alles.pdf" if one_pdf else folder)
        assert dialog.running and not dialog.cancel_button.isHidden()
    assert outcome.args == ["cancelled"]
    assert seen and seen[0] == 1
    assert registry(ctx) == []
    assert list(folder.iterdir()) == []
    assert dialog.message_label.text() == (
        "Geannuleerd: er is niets uitgegeven en er is geen bestand achtergelaten.")
    assert dialog.start_button.isEnabled() and dialog.cancel_button.isHidden()


def test_cancel_button_stops_a_running_batch(ctx: AppContext, ended: list[int], qtbot,
                                             monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    dialog = batch_dialog(ctx, qtbot)
    real = certificate_batch_dialog.issue_batch

    def wait_for_cancel(session, actor, ids, *, cancelled, **kwargs):
        # Hold the batch until the user's Annuleren set the flag.
        for _ in range(2000):
            if cancelled():
                break
            time.sleep(0.005)
        return real(session, actor, ids, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(certificate_batch_dialog, "issue_batch", wait_for_cancel)
    folder = tmp_path / "uit"
    folder.mkdir()
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as outcome:
        dialog.start(folder)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.cancel_button.text() == "Wordt geannuleerd…"
    assert outcome.args == ["cancelled"]
    assert registry(ctx) == [] and list(folder.iterdir()) == []


def test_closing_during_a_batch_rolls_it_back_first(ctx: AppContext, ended: list[int], qtbot,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    dialog = batch_dialog(ctx, qtbot)
    real = certificate_batch_dialog.issue_batch
    started = []

    def slow(session, actor, ids, *, progress, **kwargs):
        def step(done: int, total: int) -> None:
            started.append(done)
            progress(done, total)
            time.sleep(0.2)  # Esc comes while this batch is busy

        return real(session, actor, ids, progress=step, **kwargs)

    monkeypatch.setattr(certificate_batch_dialog, "issue_batch", slow)
    folder = tmp_path / "uit"
    folder.mkdir()
    dialog.start(folder)
    qtbot.waitUntil(lambda: bool(started), timeout=60_000)
    dialog.reject()
    assert not dialog.running and dialog.result() == 0
    assert registry(ctx) == [] and list(folder.iterdir()) == []


def test_a_batch_to_a_folder_writes_one_file_per_certificate(
        ctx: AppContext, ended: list[int], qtbot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, answer_dialog) -> None:
    folder = tmp_path / "certificaten"
    folder.mkdir()
    opened: list[Path] = []
    monkeypatch.setattr(CertificateBatchDialog, "choose_folder",
                        classmethod(lambda cls, parent, title: folder))
    monkeypatch.setattr(CertificateBatchDialog, "open_folder",
                        classmethod(lambda cls, path: opened.append(path)))
    changes: list[frozenset] = []
    ctx.hub.changed.connect(changes.append)
    progress: list[int] = []

    def run(dialog: CertificateBatchDialog) -> None:
        dialog.from_edit.set_date(PERIOD[0])
        dialog.to_edit.set_date(PERIOD[1])
        assert len(dialog.checked_ids()) == 3
        dialog.progress_bar.valueChanged.connect(progress.append)
        with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as outcome:
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert outcome.args == ["done"]
        assert dialog.message_label.text().startswith("3 certificaten uitgegeven")
        assert not dialog.open_folder_button.isHidden()
        qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
        # They have their certificates now: nothing is checked any more.
        assert dialog.checked_ids() == []
        dialog.reject()

    answer_dialog(CertificateBatchDialog, run)
    CertificateBatchDialog.open_for(ctx)
    rows = registry(ctx)
    assert sorted(r.serial for r in rows) == [f"KAL-{YEAR}-000{n}" for n in (1, 2, 3)]
    files = sorted(folder.iterdir())
    assert len(files) == 3
    assert {f.name for f in files} == {f"{r.serial} {r.subject}.pdf" for r in rows}
    for path in files:
        assert qpdf_accepts(path) and page_count(path) == 1
    assert opened == [folder]
    assert 3 in progress
    assert any("certificates" in change for change in changes)


def test_a_batch_as_one_pdf(ctx: AppContext, ended: list[int], qtbot, messages,
                            tmp_path: Path) -> None:
    dialog = batch_dialog(ctx, qtbot)
    dialog.set_checked(ended[2], False)
    dialog.one_pdf_radio.setChecked(True)
    folder = tmp_path / "uit"
    folder.mkdir()
    messages.save_paths.append(folder / "samen")
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as outcome:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert outcome.args == ["done"]
    target = folder / "samen.pdf"
    assert [p.name for p in folder.iterdir()] == ["samen.pdf"]
    assert qpdf_accepts(target) and page_count(target) == 2
    assert len(registry(ctx)) == 2
    with ctx.db.read_session() as session:
        placed = set(session.scalars(select(Certificate.placement_id)))
    assert placed == set(ended[:2])
