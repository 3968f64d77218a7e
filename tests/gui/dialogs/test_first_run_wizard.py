"""The first start: the wizard, filled in as a person would, creates the shop and the
beheerder, shows the recovery key once (and saves it as a PDF), and opens the main window
without a second login."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QWizard

from kringloopdesk.db.engine import Database
from kringloopdesk.gui.application import AppController
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.first_run_wizard import FirstRunWizard
from kringloopdesk.gui.widgets.logo_picker import LogoPicker
from kringloopdesk.services.auth import attempt_login
from kringloopdesk.services.keys import recover_with_key
from kringloopdesk.services.setup import get_shop, is_initialised
from tests.gui.helpers import pdf_text


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{which} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def logo_file(tmp_path: Path) -> Path:
    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def controller(db: Database, qtbot) -> AppController:
    controller = AppController(AppContext(db), shop=None)
    return controller


def test_the_wizard_creates_shop_and_beheerder_and_opens_the_main_window(
    controller: AppController,
    db: Database,
    qtbot,
    logo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages,
) -> None:
    wizard = controller.start()
    qtbot.addWidget(wizard)
    assert isinstance(wizard, FirstRunWizard)
    shop_page = wizard.shop_page

    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_into(qtbot, shop_page.name_edit, "Kringloop De Cirkel")
    assert shop_page.prefix_edit.text() == "KDC"  # suggested from the name
    type_into(qtbot, shop_page.street_edit, "Hoofdstraat 12")
    type_into(qtbot, shop_page.postcode_edit, "3811ab")
    type_into(qtbot, shop_page.city_edit, "Amersfoort")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentPage() is wizard.identity_page
    monkeypatch.setattr(LogoPicker, "ask_file_name", classmethod(lambda cls, p: str(logo_file)))
    picker = wizard.identity_page.logo_picker
    qtbot.mouseClick(picker.choose_button, Qt.MouseButton.LeftButton)
    assert picker.logo == logo_file.read_bytes()
    assert picker.preview.pixmap() is not None and not picker.preview.pixmap().isNull()
    type_into(qtbot, wizard.identity_page.mission_edit, "Mensen en spullen een tweede kans")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    page = wizard.beheerder_page
    assert wizard.currentPage() is page
    type_into(qtbot, page.username_edit, "bea")
    type_into(qtbot, page.full_name_edit, "Bea de Vries")
    type_into(qtbot, page.password_edit, "een-goed-wachtwoord")
    type_into(qtbot, page.repeat_edit, "een-goed-wachtwoord")
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Winkel aanmaken"
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)

    # The shop exists now; the last page shows the recovery key, once.
    key_page = wizard.key_page
    assert wizard.currentPage() is key_page
    with db.read_session() as session:
        assert is_initialised(session)
    key = key_page.view.key_label.text()
    assert len(key) == 39 and key.count("-") == 7  # 8 groups of 4
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assert "herstelsleutel" in key_page.blocked_label.text()
    wizard.reject()  # Esc does not leave the key unseen
    assert wizard.isVisible() and controller.main_window is None
    assert messages.user_errors == []
    assert controller.ctx.actor is None

    key_page.view.confirm_check.setFocus()
    qtbot.keyClick(key_page.view.confirm_check, Qt.Key.Key_Space)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.shop_created) as created:
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    actor = created.args[0]
    assert (actor.username, actor.full_name, actor.role) == ("bea", "Bea de Vries", "beheerder")
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert not wizard.isVisible()
    assert controller.ctx.actor == actor
    assert "Bea de Vries" in window.user_button.text()
    assert messages.user_errors == [] and messages.bug_reports == []

    with db.read_session() as session:
        shop = get_shop(session)
    assert shop.name == "Kringloop De Cirkel"
    assert shop.certificate_prefix == "KDC"
    assert (shop.street, shop.postcode, shop.city) == ("Hoofdstraat 12", "3811 AB", "Amersfoort")
    assert shop.mission == "Mensen en spullen een tweede kans"
    assert shop.logo == logo_file.read_bytes() and shop.logo_mime == "image/png"
    with db.session() as session:
        assert attempt_login(session, "bea", "een-goed-wachtwoord").actor is not None
    with db.session() as session:  # the key shown is the shop's recovery key
        recovered = recover_with_key(session, "bea", key.lower(), "nog-een-wachtwoord")
    assert recovered.data_key == actor.data_key


def test_the_recovery_key_is_saved_as_a_pdf(
    controller: AppController, qtbot, tmp_path: Path, messages
) -> None:
    wizard = controller.start()
    qtbot.addWidget(wizard)
    fill_in_everything(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    view = wizard.key_page.view
    key = view.key_label.text()

    messages.save_paths.append(tmp_path / "herstelsleutel")  # the user typed no .pdf
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)

    assert messages.save_questions == ["Herstelsleutel Kringloop Zeist.pdf"]
    pdf = tmp_path / "herstelsleutel.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert view.saved_path == pdf
    assert "herstelsleutel.pdf" in view.saved_label.text()
    assert key in pdf_text(pdf)

    messages.save_paths.append(tmp_path / "bestaat-niet" / "sleutel.pdf")
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert len(messages.user_errors) == 1
    assert "kan niet worden opgeslagen" in messages.texts[0]


def fill_in_everything(qtbot, wizard: FirstRunWizard) -> None:
    type_into(qtbot, wizard.shop_page.name_edit, "Kringloop Zeist")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.beheerder_page
    type_into(qtbot, page.username_edit, "bea")
    type_into(qtbot, page.password_edit, "een-goed-wachtwoord")
    type_into(qtbot, page.repeat_edit, "een-goed-wachtwoord")


def test_next_stays_disabled_and_says_why(controller: AppController, qtbot) -> None:
    wizard = controller.start()
    qtbot.addWidget(wizard)
    wizard.activateWindow()  # focus moves (and errors show) only in the active window
    qtbot.waitUntil(wizard.isActiveWindow)
    page = wizard.shop_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    assert not next_button.isEnabled()
    assert "Naam van de winkel" in page.blocked_label.text()

    type_into(qtbot, page.name_edit, "Kringloop Zeist")
    type_into(qtbot, page.postcode_edit, "38")
    page.city_edit.setFocus()  # leaving the field shows its error next to it
    assert not next_button.isEnabled()
    assert "4 cijfers en 2 letters" in page.blocked_label.text()
    assert page.form._fields["postcode"].error_label.text().startswith("Postcode")

    type_into(qtbot, page.postcode_edit, "11 AB")
    assert next_button.isEnabled()
    assert page.blocked_label.text() == ""


def test_a_typed_certificate_code_is_kept_when_the_name_changes(
    controller: AppController, qtbot
) -> None:
    wizard = controller.start()
    qtbot.addWidget(wizard)
    page = wizard.shop_page
    type_into(qtbot, page.name_edit, "Kringloop Zeist")
    assert page.prefix_edit.text() == "KZ"
    page.prefix_edit.selectAll()
    type_into(qtbot, page.prefix_edit, "KLZ")
    type_into(qtbot, page.name_edit, " Centrum")
    assert page.prefix_edit.text() == "KLZ"


def test_the_passwords_must_match(controller: AppController, qtbot) -> None:
    wizard = controller.start()
    qtbot.addWidget(wizard)
    type_into(qtbot, wizard.shop_page.name_edit, "Kringloop Zeist")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.beheerder_page
    type_into(qtbot, page.username_edit, "bea")
    type_into(qtbot, page.password_edit, "een-goed-wachtwoord")
    type_into(qtbot, page.repeat_edit, "een-ander-wachtwoord")
    create = wizard.button(QWizard.WizardButton.CommitButton)
    assert not create.isEnabled()
    assert "Niet gelijk" in page.blocked_label.text()
    assert page.blocked_label.text().startswith("Aanmaken kan nog niet")

    page.repeat_edit.clear()
    type_into(qtbot, page.repeat_edit, "een-goed-wachtwoord")
    assert create.isEnabled()


def test_a_shop_created_meanwhile_elsewhere_leads_to_the_login(
    controller: AppController, db: Database, qtbot, messages
) -> None:
    from kringloopdesk.gui.dialogs.login_dialog import LoginDialog
    from kringloopdesk.services.setup import ShopInfo, initialise_shop

    wizard = controller.start()
    qtbot.addWidget(wizard)
    type_into(qtbot, wizard.shop_page.name_edit, "Kringloop Zeist")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.beheerder_page
    type_into(qtbot, page.username_edit, "bea")
    type_into(qtbot, page.password_edit, "een-goed-wachtwoord")
    type_into(qtbot, page.repeat_edit, "een-goed-wachtwoord")
    with db.session() as session:  # another PC was quicker
        initialise_shop(
            session,
            ShopInfo(name="Kringloop Elders", certificate_prefix="KE"),
            username="ander",
            full_name="Ander",
            password="nog-een-wachtwoord",
        )

    click(qtbot, wizard, QWizard.WizardButton.CommitButton)

    assert len(messages.texts) == 1 and "Kringloop Elders" in messages.texts[0]
    assert isinstance(controller.first_window, LoginDialog)
    qtbot.addWidget(controller.first_window)
    assert controller.first_window.shop_label.text() == "Kringloop Elders"
    assert controller.main_window is None
    with db.read_session() as session:
        assert is_initialised(session)
