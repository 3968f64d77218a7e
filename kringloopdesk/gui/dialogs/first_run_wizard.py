"""The first start on an empty database: the shop's details, its logo and mission, and the
first beheerder. "Winkel aanmaken" creates all of it in one unit of work; the last page then
shows the shop's recovery key, once, and "Klaar" (only after the user ticked that the key is
kept safe) logs the beheerder in.

Each page checks its fields with the services' own rules (``validate_shop``,
``validate_username``, ``validate_password``); Next stays disabled, with the reason shown,
until the page is right.

A shop manager who first wants to look around clicks "Eerst proberen met een voorbeeldwinkel…"
on the first page: the small demo shop (services/demo.py, as the CLI's ``demo``) is made in a
worker thread with progress and Annuleren (``LongTask``; cancelled, nothing is kept), then the
wizard closes, the login opens and the user is told the demo log-in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kringloopdesk.errors import AlreadyInitialisedError, UserError, ValidationError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import SHOP, USERS, AppContext
from kringloopdesk.gui.long_task import LongTask
from kringloopdesk.gui.messages import MessageBox
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.gui.widgets.form import ValidatedForm
from kringloopdesk.gui.widgets.logo_picker import LogoPicker
from kringloopdesk.gui.widgets.recovery_key_view import RecoveryKeyView
from kringloopdesk.services.auth import Actor, validate_password, validate_username
from kringloopdesk.services.setup import (
    InitResult,
    ShopInfo,
    initialise_shop,
    suggest_prefix,
    validate_shop,
)

LABEL_WIDTH = 160
# The demo shop of the wizard; its beheerder logs in with the demo users' password.
DEMO_SHOP = ShopInfo(name="Kringloop De Voorbeeldwinkel", certificate_prefix="VBW",
                     city="Amersfoort", mission="Mensen en spullen een tweede kans")
DEMO_BEHEERDER = ("beheerder", "Bea de Beheerder")


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("FormNote")
    label.setWordWrap(True)
    return label


class _FormPage(QWizardPage):
    """A wizard page around one ``ValidatedForm``; complete when the form has no errors."""

    creates_shop = False  # its button creates the shop ("Aanmaken kan nog niet …")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ValidatedForm(self.validate, label_width=LABEL_WIDTH)
        self.form.changed.connect(self._on_form_changed)
        self.heading = QLabel()
        self.heading.setObjectName("DialogTitle")
        self.intro = QLabel()
        self.intro.setObjectName("DialogSubtitle")
        self.intro.setWordWrap(True)
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("BlockedReason")
        self.blocked_label.setWordWrap(True)
        self.page_layout = QVBoxLayout(self)
        self.page_layout.setContentsMargins(8, 4, 8, 0)
        self.page_layout.setSpacing(12)
        self.page_layout.addWidget(self.heading)
        self.page_layout.addWidget(self.intro)
        self.page_layout.addSpacing(12)
        self.page_layout.addWidget(self.form)

    def set_heading(self, title: str, intro: str) -> None:
        # Our own heading rather than QWizard's header, so that it follows the theme.
        self.heading.setText(title)
        self.intro.setText(intro)

    def finish_layout(self, *notes: QLabel) -> None:
        for note in notes:
            self.page_layout.addWidget(note)
        self.page_layout.addStretch(1)
        self.page_layout.addWidget(self.blocked_label)

    def validate(self) -> dict[str, str]:
        raise NotImplementedError

    def initializePage(self) -> None:
        self.form.revalidate()

    def isComplete(self) -> bool:
        return not self.form.errors

    def _on_form_changed(self) -> None:
        problem = self.form.first_problem()
        if problem:
            reason = (
                self.tr("Aanmaken kan nog niet — {problem}")
                if self.creates_shop
                else self.tr("Verder kan nog niet — {problem}")
            )
            self.blocked_label.setText(reason.format(problem=problem))
        else:
            self.blocked_label.clear()
        self.completeChanged.emit()


class ShopPage(_FormPage):
    demo_requested = Signal()

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_heading(
            self.tr("Welkom bij KringloopDesk"),
            self.tr(
                "Vul eerst de gegevens van uw winkel in. Ze staan in het venster en op "
                "certificaten; u kunt ze later wijzigen bij Instellingen."
            ),
        )
        self._prefix_typed = False
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Bijvoorbeeld: Kringloop De Cirkel"))
        self.street_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaximumWidth(140)
        self.postcode_edit.setPlaceholderText("3811 AB")
        self.city_edit = QLineEdit()
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setMaximumWidth(180)
        form = self.form
        form.add_field("name", self.tr("Naam van de winkel"), self.name_edit, required=True)
        form.add_field("street", self.tr("Straat en huisnummer"), self.street_edit)
        form.add_field("postcode", self.tr("Postcode"), self.postcode_edit)
        form.add_field("city", self.tr("Plaats"), self.city_edit)
        form.add_field(
            "certificate_prefix",
            self.tr("Certificaatcode"),
            self.prefix_edit,
            required=True,
            hint=self.tr("Het begin van elk certificaatnummer, zoals KAL in KAL-2025-0001"),
        )
        self.name_edit.textChanged.connect(self._suggest_prefix)
        self.prefix_edit.textEdited.connect(self._prefix_edited)
        self.finish_layout(
            _note(self.tr("* verplicht")),
            _note(self.tr("De gegevens worden bewaard in: {where}").format(where=location)),
        )
        self.page_layout.insertWidget(self.page_layout.count() - 1, self._demo_row())

    def _demo_row(self) -> QWidget:
        """Below the form: first look around in a made-up shop."""
        row = QFrame()
        row.setObjectName("DemoRow")
        row.setFrameShape(QFrame.Shape.NoFrame)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)
        text = _note(self.tr("Eerst rondkijken? Probeer alles uit in een winkel met "
                             "verzonnen gegevens."))
        self.demo_button = QPushButton(self.tr("Eerst &proberen met een voorbeeldwinkel…"))
        self.demo_button.clicked.connect(self.demo_requested)
        layout.addWidget(text, 1)
        layout.addWidget(self.demo_button)
        self.demo_note = _note("")
        self.demo_note.hide()
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(4)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setObjectName("DemoLine")
        column_layout.addWidget(line)
        column_layout.addWidget(row)
        column_layout.addWidget(self.demo_note)
        return column

    def show_demo_note(self, text: str) -> None:
        self.demo_note.setText(text)
        self.demo_note.setVisible(bool(text))

    def _prefix_edited(self, text: str) -> None:
        # Once the user typed a code, it is theirs; an emptied field follows the name again.
        self._prefix_typed = bool(text.strip())

    def _suggest_prefix(self, name: str) -> None:
        if not self._prefix_typed:
            self.prefix_edit.setText(suggest_prefix(name) if name.strip() else "")

    def shop_info(self) -> ShopInfo:
        return ShopInfo(
            name=self.name_edit.text().strip(),
            certificate_prefix=self.prefix_edit.text().strip(),
            street=_text(self.street_edit),
            postcode=_text(self.postcode_edit),
            city=_text(self.city_edit),
        )

    def validate(self) -> dict[str, str]:
        try:
            validate_shop(self.shop_info())
        except ValidationError as error:
            return error.field_errors
        return {}


class IdentityPage(_FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_heading(
            self.tr("Logo en missie"),
            self.tr("Beide mogen leeg blijven. Ze komen in het venster en op certificaten."),
        )
        self.logo_picker = LogoPicker()
        self.mission_edit = QLineEdit()
        self.mission_edit.setPlaceholderText(
            self.tr("Bijvoorbeeld: Mensen en spullen een tweede kans")
        )
        self.form.add_field("logo", self.tr("Logo"), self.logo_picker)
        self.form.add_field(
            "mission",
            self.tr("Missie"),
            self.mission_edit,
            hint=self.tr("Eén zin over waar de winkel voor staat"),
        )
        self.finish_layout()

    def validate(self) -> dict[str, str]:
        # The service's logo rule (type and size), on a profile that is otherwise valid.
        try:
            validate_shop(ShopInfo(name="x", certificate_prefix="XX", logo=self.logo_picker.logo))
        except ValidationError as error:
            return {k: v for k, v in error.field_errors.items() if k == "logo"}
        return {}


class BeheerderPage(_FormPage):
    creates_shop = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Once the shop exists there is no way back: a commit page.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Winkel aanmaken"))
        self.set_heading(
            self.tr("De eerste beheerder"),
            self.tr(
                "De beheerder mag alles: instellingen, gebruikers, exporten en certificaten. "
                "Met dit account logt u voortaan in."
            ),
        )
        self.username_edit = QLineEdit()
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setPlaceholderText(self.tr("Bijvoorbeeld: Bea de Vries"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = self.form
        form.add_field("username", self.tr("Gebruikersnaam"), self.username_edit, required=True)
        form.add_field("full_name", self.tr("Volledige naam"), self.full_name_edit)
        form.add_field(
            "password",
            self.tr("Wachtwoord"),
            self.password_edit,
            required=True,
            hint=self.tr("Minstens 8 tekens. Schrijf het op een veilige plek op."),
        )
        form.add_field(
            "password_repeat", self.tr("Wachtwoord herhalen"), self.repeat_edit, required=True
        )
        self.finish_layout(_note(self.tr("* verplicht")))

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        try:
            validate_username(self.username_edit.text())
        except ValidationError as error:
            errors.update(error.field_errors)
        try:
            validate_password(self.password_edit.text())
        except ValidationError as error:
            errors.update(error.field_errors)
        if self.repeat_edit.text() != self.password_edit.text():
            errors["password_repeat"] = self.tr("Niet gelijk aan het wachtwoord hierboven")
        return errors

    def validatePage(self) -> bool:
        wizard = self.wizard()
        return isinstance(wizard, FirstRunWizard) and wizard.create_shop()


class RecoveryKeyPage(QWizardPage):
    """The recovery key, shown once; "Klaar" waits for the tick that it is kept safe."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Klaar"))
        heading = QLabel(self.tr("Bewaar uw herstelsleutel"))
        heading.setObjectName("DialogTitle")
        intro = QLabel(
            self.tr(
                "De winkel is aangemaakt. Nog één ding: de herstelsleutel. Daarmee komt een "
                "beheerder weer bij de gevoelige gegevens als niemand zijn wachtwoord meer weet."
            )
        )
        intro.setObjectName("DialogSubtitle")
        intro.setWordWrap(True)
        self.view = RecoveryKeyView("")
        self.view.confirmed_changed.connect(self._on_confirmed)
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("BlockedReason")
        self.blocked_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 0)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.view)
        layout.addStretch(1)
        layout.addWidget(self.blocked_label)
        self._on_confirmed(False)

    def show_key(self, shop_name: str, recovery_key: str) -> None:
        self.view.set_key(recovery_key, shop_name)

    def isComplete(self) -> bool:
        return self.view.confirmed

    def _on_confirmed(self, confirmed: bool) -> None:
        self.blocked_label.setText(
            ""
            if confirmed
            else self.tr("Klaar kan nog niet — vink aan dat u de herstelsleutel veilig bewaart")
        )
        self.completeChanged.emit()


class StepList(QFrame):
    """The steps of the wizard down the left side, the current one marked."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WizardSteps")
        self.setFixedWidth(190)
        logo = QLabel()
        logo.setPixmap(icons.pixmap("kringloopdesk", 40))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 24, 16, 24)
        layout.setSpacing(6)
        layout.addWidget(logo)
        layout.addSpacing(20)
        self.page_ids: list[int] = []
        self.labels: list[QLabel] = []
        for number, name in enumerate(names, start=1):
            label = QLabel(f"{number}   {name}")
            label.setObjectName("WizardStep")
            layout.addWidget(label)
            self.labels.append(label)
        layout.addStretch(1)

    def show_page(self, page_id: int) -> None:
        if page_id in self.page_ids:  # -1 while the wizard is taken down
            self.set_current(self.page_ids.index(page_id))

    def set_current(self, index: int) -> None:
        for position, label in enumerate(self.labels):
            label.setProperty(
                "state",
                "current" if position == index else ("done" if position < index else "todo"),
            )
            label.style().unpolish(label)
            label.style().polish(label)


class FirstRunWizard(QWizard):
    shop_created = Signal(object)  # Actor: the new beheerder, logged in
    already_initialised = Signal()  # another PC set the shop up meanwhile

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None  # set once the shop exists
        self.setWindowTitle(self.tr("KringloopDesk inrichten"))
        self.setWindowIcon(icons.app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Volgende"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Vorige"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuleren"))
        self.setMinimumSize(820, 600)
        self.shop_page = ShopPage(ctx.db.location)
        self.identity_page = IdentityPage()
        self.beheerder_page = BeheerderPage()
        self.key_page = RecoveryKeyPage()
        pages = (self.shop_page, self.identity_page, self.beheerder_page, self.key_page)
        for page in pages:
            self.addPage(page)
        # Owned by the wizard from the start, so that Qt alone decides when it goes.
        self.steps = StepList(
            [
                self.tr("Winkel"),
                self.tr("Logo en missie"),
                self.tr("Beheerder"),
                self.tr("Herstelsleutel"),
            ],
            self,
        )
        self.setSideWidget(self.steps)
        self.steps.page_ids = self.pageIds()
        # Connected to the step list itself, so Qt drops the connection when the list goes.
        self.currentIdChanged.connect(self.steps.show_page)
        self.currentIdChanged.connect(self._page_shown)
        self.steps.set_current(0)
        self.shop_page.demo_requested.connect(self.create_demo_shop)

    def _page_shown(self, page_id: int) -> None:
        # On the last page the shop exists: no Back, no Cancel, only Klaar.
        if self.page(page_id) is self.key_page:
            self.setButtonLayout(
                [QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton]
            )

    def shop_info(self) -> ShopInfo:
        info = self.shop_page.shop_info()
        return ShopInfo(
            name=info.name,
            certificate_prefix=info.certificate_prefix,
            street=info.street,
            postcode=info.postcode,
            city=info.city,
            mission=_text(self.identity_page.mission_edit),
            logo=self.identity_page.logo_picker.logo,
        )

    def create_shop(self) -> bool:
        """Create the shop and its first beheerder ("Winkel aanmaken"); True when done."""
        page = self.beheerder_page
        info = self.shop_info()
        username = page.username_edit.text().strip()
        full_name = page.full_name_edit.text().strip()
        password = page.password_edit.text()

        def create(session) -> InitResult:
            return initialise_shop(
                session, info, username=username, full_name=full_name, password=password
            )

        return (
            DatabaseOp(self.ctx, self, create, changes={SHOP, USERS})
            .success(lambda result: self._created(info.name, result))
            .failure(self._failed)
            .run()
        )

    def create_demo_shop(self) -> bool:
        """"Eerst proberen met een voorbeeldwinkel…": ask, make the small demo shop in the
        background, then go to the login with the demo log-in; True when it was made."""
        from kringloopdesk.services.demo import DEMO_PASSWORD, generate_demo

        if not MessageBox.confirm(
            self,
            self.tr("Een voorbeeldwinkel maken?"),
            self.tr("KringloopDesk maakt de winkel '{shop}' met verzonnen deelnemers, "
                    "plaatsingen, uren, weegregels en artikelen, zodat u alles kunt "
                    "uitproberen. Dat duurt even.\n\nDe voorbeeldwinkel komt in {where}. "
                    "Wilt u daarna echt beginnen: sluit KringloopDesk en verwijder of hernoem "
                    "dat bestand; bij de volgende start begint deze wizard opnieuw.").format(
                        shop=DEMO_SHOP.name, where=self.ctx.db.location),
            self.tr("Voorbeeldwinkel maken"),
        ):
            return False
        username, full_name = DEMO_BEHEERDER

        def create(session, progress):
            result = initialise_shop(session, DEMO_SHOP, username=username,
                                     full_name=full_name, password=DEMO_PASSWORD)
            generate_demo(session, result.actor, scale="small", progress=progress)

        self.shop_page.show_demo_note("")
        return (
            LongTask(self.ctx, self, create, title=self.tr("Voorbeeldwinkel maken"),
                     label=self.tr("De voorbeeldwinkel wordt gemaakt."),
                     changes={SHOP, USERS})
            .success(lambda _result: self._demo_created(username, DEMO_PASSWORD))
            .failure(self._failed)
            .cancelled(lambda error: self.shop_page.show_demo_note(error.message))
            .run()
        )

    def _demo_created(self, username: str, password: str) -> None:
        text = self.tr(
            "De voorbeeldwinkel staat klaar. Meld u aan als beheerder met gebruikersnaam "
            "'{username}' en wachtwoord '{password}'.\n\nOok te proberen, met hetzelfde "
            "wachtwoord: begeleider 'marieke' en vrijwilliger 'ria' (invoer)."
        ).format(username=username, password=password)
        type(self).show_demo_login(self, text)
        # On to the login, as when another PC set the shop up meanwhile.
        self.already_initialised.emit()
        super().reject()

    @classmethod
    def show_demo_login(cls, parent: QWidget | None, text: str) -> None:
        """Tells the demo log-in. Tests replace this."""
        QMessageBox.information(
            parent, QCoreApplication.translate("FirstRunWizard", "Voorbeeldwinkel"), text)

    def _created(self, shop_name: str, result: InitResult) -> None:
        self.actor = result.actor
        self.key_page.show_key(shop_name, result.recovery_key)

    def _failed(self, error: UserError) -> None:
        MessageBox.show_user_error(self, error)
        if isinstance(error, AlreadyInitialisedError):
            self.already_initialised.emit()
            super().reject()

    def accept(self) -> None:
        """Klaar: the key is kept safe; log the new beheerder in."""
        if self.actor is None or not self.key_page.view.confirmed:
            return
        self.ctx.actor = self.actor
        # The main window is shown before the wizard closes, so the app never has no window.
        self.shop_created.emit(self.actor)
        super().accept()

    def reject(self) -> None:
        # Once the shop exists, the only way on is past the recovery key (Esc does nothing).
        if self.actor is None:
            super().reject()
