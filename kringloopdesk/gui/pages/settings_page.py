"""Instellingen, in tabs. "Winkel": the shop's profile (name, address, certificate code,
mission, logo, accent) and the shop-wide security settings (idle lock, retention period).
"Gebruikers" (beheerder only): see ``users_page``. "CO₂-factoren" (every role, a beheerder
edits): see ``widgets.factor_sets_editor``. "Back-ups" (beheerder only): the automatic back-ups
of this PC (local settings, saved as they change), the back-ups in the folder, a back-up to a
chosen place and restoring one (``BackupsTab``, services/backups.py). "Weergave" (every role):
this PC's language and theme, applied at once (``AppearanceTab``).

A beheerder edits and saves the first tab (Ctrl+S) in one unit of work; other roles see it
read-only. Leaving the page with unsaved changes asks first; a failed save keeps everything
that was typed.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, SHOP, SHOP_SETTINGS, AppContext
from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
from kringloopdesk.gui.dialogs.file_dialog import FileDialog
from kringloopdesk.gui.dialogs.restore_dialog import RestoreDialog
from kringloopdesk.gui.formatting import LOCALES
from kringloopdesk.gui.messages import MessageBox, UnsavedChoice, show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.pages.users_page import UsersPage
from kringloopdesk.gui.theme import DARK, LIGHT, current_colors
from kringloopdesk.gui.widgets.accent_picker import AccentPicker
from kringloopdesk.gui.widgets.factor_sets_editor import FactorSetsEditor
from kringloopdesk.gui.widgets.form import ValidatedForm
from kringloopdesk.gui.widgets.logo_picker import LogoPicker
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.paths import backup_dir
from kringloopdesk.services import backups
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.settings import get_setting, set_setting
from kringloopdesk.services.setup import ShopInfo, get_shop, update_shop, validate_shop
from kringloopdesk.settings import SETTINGS, read_local, write_local

log = logging.getLogger(__name__)

FORM_MAX_WIDTH = 760
LABEL_WIDTH = 150
# The shop-wide settings on the first tab, in the order shown.
SHOP_SETTING_KEYS = ("idle_lock_minutes", "retention_years")


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class SettingsPage(Page):
    icon_name = "settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.saved: ShopInfo | None = None
        self.saved_settings: dict[str, int] = {}
        self.editable = ctx.is_beheerder

        self.name_edit = QLineEdit()
        self.street_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaximumWidth(140)
        self.city_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.website_edit = QLineEdit()
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setMaximumWidth(180)
        self.mission_edit = QLineEdit()
        self.mission_edit.setPlaceholderText(
            self.tr("Bijvoorbeeld: Mensen en spullen een tweede kans")
        )
        self.logo_picker = LogoPicker()
        self.accent_picker = AccentPicker()

        self.shop_form = ValidatedForm(self._validate, label_width=LABEL_WIDTH)
        self.shop_form.add_field(
            "name", self.tr("Naam van de winkel"), self.name_edit, required=True
        )
        self.shop_form.add_field("street", self.tr("Straat en huisnummer"), self.street_edit)
        self.shop_form.add_field("postcode", self.tr("Postcode"), self.postcode_edit)
        self.shop_form.add_field("city", self.tr("Plaats"), self.city_edit)
        self.shop_form.add_field("phone", self.tr("Telefoon"), self.phone_edit)
        self.shop_form.add_field("email", self.tr("E-mail"), self.email_edit)
        self.shop_form.add_field("website", self.tr("Website"), self.website_edit)

        self.certificate_form = ValidatedForm(self._validate, label_width=LABEL_WIDTH)
        self.certificate_form.add_field(
            "certificate_prefix",
            self.tr("Certificaatcode"),
            self.prefix_edit,
            required=True,
            hint=self.tr("Het begin van elk certificaatnummer, zoals KAL in KAL-2025-0001"),
        )
        self.certificate_form.add_field(
            "mission",
            self.tr("Missie"),
            self.mission_edit,
            hint=self.tr("Eén zin over waar de winkel voor staat; komt op de certificaten"),
        )

        self.look_form = ValidatedForm(self._validate, label_width=LABEL_WIDTH)
        self.look_form.add_field("logo", self.tr("Logo"), self.logo_picker)
        self.look_form.add_field(
            "accent_color",
            self.tr("Accentkleur"),
            self.accent_picker,
            hint=self.tr("De kleur van knoppen en de navigatie"),
        )

        self.idle_spin = _spin_box(SHOP_SETTING_KEYS[0], self.tr(" minuten"))
        self.retention_spin = _spin_box(SHOP_SETTING_KEYS[1], self.tr(" jaar"))
        self.security_form = ValidatedForm(lambda: {}, label_width=LABEL_WIDTH)
        self.security_form.add_field(
            "idle_lock_minutes",
            self.tr("Vergrendelen na"),
            self.idle_spin,
            hint=self.tr(
                "Zo lang zonder toetsaanslag of muisklik, dan vraagt KringloopDesk het wachtwoord "
                "opnieuw. Wat open staat, blijft staan."
            ),
        )
        self.security_form.add_field(
            "retention_years",
            self.tr("Bewaartermijn"),
            self.retention_spin,
            hint=self.tr(
                "Na zoveel jaar na de laatste plaatsing komt een deelnemer op de lijst om te "
                "anonimiseren (Privacy)."
            ),
        )
        self.forms = (self.shop_form, self.certificate_form, self.look_form, self.security_form)
        for form in self.forms:
            form.changed.connect(self._update_buttons)

        self.revert_button = QPushButton(self.tr("Ongedaan maken"))
        self.revert_button.setFlat(True)
        self.revert_button.setToolTip(self.tr("Terug naar de opgeslagen gegevens"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Opslaan"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.setIcon(icons.icon("save", "#ffffff"))
        self.save_button.setToolTip(self.tr("Opslaan (Ctrl+S)"))
        self.save_button.clicked.connect(self._save_requested)
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("BlockedReason")
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.blocked_label.setMinimumWidth(220)
        self.blocked_label.setMaximumWidth(380)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self._save_requested)

        self.subtitle = QLabel()
        header = self.make_header(
            self.subtitle, [self.blocked_label, self.revert_button, self.save_button]
        )

        body = QWidget()
        body.setMaximumWidth(FORM_MAX_WIDTH + 2 * PAGE_MARGIN)
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 20, PAGE_MARGIN, 24)
        column.setSpacing(12)
        if not self.editable:
            note = QLabel(self.tr("Alleen een beheerder kan deze gegevens wijzigen."))
            note.setObjectName("FormNote")
            column.addWidget(note)
        for title, form in (
            (self.tr("Winkel"), self.shop_form),
            (self.tr("Certificaten"), self.certificate_form),
            (self.tr("Uiterlijk"), self.look_form),
            (self.tr("Beveiliging en privacy"), self.security_form),
        ):
            column.addWidget(_section_title(title))
            column.addWidget(_card(form))
        required_note = QLabel(self.tr("* verplicht"))
        required_note.setObjectName("FormNote")
        column.addWidget(required_note)
        column.addStretch(1)
        self.shop_scroll = QScrollArea()
        self.shop_scroll.setWidgetResizable(True)
        self.shop_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.shop_scroll.setWidget(body)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("PageTabs")
        self.tabs.setDocumentMode(True)
        muted = current_colors().muted_text
        self.tabs.addTab(self.shop_scroll, icons.icon("settings", muted), self.tr("Winkel"))
        self.users_page: UsersPage | None = None
        if ctx.may(Permission.MANAGE_USERS):
            self.users_page = UsersPage(ctx)
            self.tabs.addTab(self.users_page, icons.icon("users", muted), self.tr("Gebruikers"))
        # Every role sees the CO2 factors (the dashboard names the set); a beheerder edits.
        self.factor_editor = FactorSetsEditor(ctx)
        self.factor_scroll = QScrollArea()
        self.factor_scroll.setWidgetResizable(True)
        self.factor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.factor_scroll.setWidget(self.factor_editor)
        self.tabs.addTab(self.factor_scroll, icons.icon("flag", muted), self.tr("CO₂-factoren"))
        self.backups_tab: BackupsTab | None = None
        if ctx.may(Permission.MANAGE_BACKUPS):
            self.backups_tab = BackupsTab(ctx)
            self.backups_tab.restored.connect(self._restored)
            self.backups_scroll = QScrollArea()
            self.backups_scroll.setWidgetResizable(True)
            self.backups_scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.backups_scroll.setWidget(self.backups_tab)
            self.tabs.addTab(self.backups_scroll, icons.icon("save", muted), self.tr("Back-ups"))
        # Every role: language and theme belong to this PC, not to the shop.
        self.appearance_tab = AppearanceTab()
        self.appearance_scroll = QScrollArea()
        self.appearance_scroll.setWidgetResizable(True)
        self.appearance_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.appearance_scroll.setWidget(self.appearance_tab)
        self.tabs.addTab(self.appearance_scroll, icons.icon("dashboard", muted),
                         self.tr("Weergave"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.set_content(header, self.tabs, scroll=False)

        for form in self.forms:
            form.set_read_only(not self.editable)
        self.revert_button.setVisible(False)
        self.save_button.setVisible(self.editable)
        self.save_shortcut.setEnabled(self.editable)
        self._tab_changed(0)
        ctx.hub.changed.connect(self._on_changed)

    def title(self) -> str:
        return self.tr("Instellingen")

    def show_users(self) -> None:
        if self.users_page is not None:
            self.tabs.setCurrentWidget(self.users_page)

    def show_factors(self) -> None:
        self.tabs.setCurrentWidget(self.factor_scroll)

    def _restored(self, result: backups.RestoreResult) -> None:
        """Users and keys may differ now: say where the old database went, then back to the
        login (through the main window's Afmelden)."""
        RestoreDialog.show_done(self, self.tr(
            "De back-up van {date} is teruggezet. De database van daarvoor is bewaard als "
            "{path}. Log opnieuw in, met de gebruikers en wachtwoorden van de back-up."
        ).format(date=f"{result.info.created:%d-%m-%Y %H:%M}", path=result.before.path))
        if self.saved is not None:
            self.revert()  # edits made before the restore are of the old database
        window = self.window()
        log_out = getattr(window, "log_out", None)
        if callable(log_out):
            log_out()

    def show_backups(self) -> None:
        if self.backups_tab is not None:
            self.tabs.setCurrentWidget(self.backups_scroll)

    def show_appearance(self) -> None:
        self.tabs.setCurrentWidget(self.appearance_scroll)
        self.appearance_tab.language_combo.setFocus()

    def _tab_changed(self, index: int) -> None:
        on_shop = self.tabs.widget(index) is self.shop_scroll
        if on_shop:
            self.subtitle.setText(
                self.tr("De gegevens van de winkel, voor het venster en de certificaten")
            )
        elif self.tabs.widget(index) is self.factor_scroll:
            self.subtitle.setText(
                self.tr("Hoeveel CO₂ hergebruik per productgroep vermijdt, in versies")
            )
            self.factor_editor.refresh()
        elif self.backups_tab is not None and self.tabs.widget(index) is self.backups_scroll:
            self.subtitle.setText(
                self.tr("Kopieën van de database: automatisch, op een USB-stick, terugzetten")
            )
            self.backups_tab.refresh()
        elif self.tabs.widget(index) is self.appearance_scroll:
            self.subtitle.setText(self.tr("Taal en kleuren van KringloopDesk op deze pc"))
        else:
            self.subtitle.setText(self.tr("Wie met KringloopDesk werkt, en wat ieder mag"))
        for widget in (self.blocked_label, self.save_button):
            widget.setVisible(on_shop and self.editable)
        self.revert_button.setVisible(on_shop and self.editable and self.is_dirty())
        self.save_shortcut.setEnabled(on_shop and self.editable)

    # -- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.is_dirty():
            self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & {SHOP, SHOP_SETTINGS} and not self.is_dirty():
            self.refresh()

    def refresh(self) -> None:
        if self.users_page is not None and self.tabs.currentWidget() is self.users_page:
            self.users_page.refresh()
        if self.tabs.currentWidget() is self.factor_scroll:
            self.factor_editor.refresh()
        if self.is_dirty():
            return  # F5 never throws away what was typed
        loaded = query(
            self.ctx,
            self,
            lambda s: (get_shop(s), {key: get_setting(s, key) for key in SHOP_SETTING_KEYS}),
        )
        if loaded is not None:
            self.load(*loaded)

    def load(self, shop: ShopInfo, settings: dict[str, int] | None = None) -> None:
        self.saved = shop
        if settings is not None:
            self.saved_settings = dict(settings)
        for form in self.forms:
            form.blockSignals(True)
        self.name_edit.setText(shop.name)
        self.street_edit.setText(shop.street or "")
        self.postcode_edit.setText(shop.postcode or "")
        self.city_edit.setText(shop.city or "")
        self.phone_edit.setText(shop.phone or "")
        self.email_edit.setText(shop.email or "")
        self.website_edit.setText(shop.website or "")
        self.prefix_edit.setText(shop.certificate_prefix)
        self.mission_edit.setText(shop.mission or "")
        self.logo_picker.set_logo(shop.logo)
        self.accent_picker.set_color(shop.accent_color)
        for key, spin in self._setting_spins().items():
            spin.setValue(int(self.saved_settings.get(key, SETTINGS[key].default)))
        for form in self.forms:
            form.blockSignals(False)
            form.reset()
        self._update_buttons()

    # -- editing ----------------------------------------------------------------------------

    def current_info(self) -> ShopInfo:
        base = self.saved or ShopInfo(name="", certificate_prefix="")
        return replace(
            base,
            name=self.name_edit.text().strip(),
            street=_text(self.street_edit),
            postcode=_text(self.postcode_edit),
            city=_text(self.city_edit),
            phone=_text(self.phone_edit),
            email=_text(self.email_edit),
            website=_text(self.website_edit),
            certificate_prefix=self.prefix_edit.text().strip(),
            mission=_text(self.mission_edit),
            logo=self.logo_picker.logo,
            accent_color=self.accent_picker.color,
        )

    def _setting_spins(self) -> dict[str, QSpinBox]:
        return {"idle_lock_minutes": self.idle_spin, "retention_years": self.retention_spin}

    def changed_settings(self) -> dict[str, int]:
        if not self.saved_settings:
            return {}
        return {
            key: spin.value()
            for key, spin in self._setting_spins().items()
            if spin.value() != self.saved_settings.get(key)
        }

    def _shop_dirty(self) -> bool:
        if self.saved is None:
            return False
        current = self.current_info()
        return any(
            getattr(current, name) != getattr(self.saved, name)
            for name in (
                "name",
                "street",
                "postcode",
                "city",
                "phone",
                "email",
                "website",
                "certificate_prefix",
                "mission",
                "logo",
                "accent_color",
            )
        )

    def _validate(self) -> dict[str, str]:
        try:
            validate_shop(self.current_info())
        except ValidationError as error:
            return error.field_errors
        return {}

    def is_dirty(self) -> bool:
        return self._shop_dirty() or bool(self.changed_settings())

    def first_problem(self) -> str | None:
        for form in self.forms:
            problem = form.first_problem()
            if problem:
                return problem
        return None

    def _update_buttons(self) -> None:
        if not self.editable:
            return
        dirty = self.is_dirty()
        problem = self.first_problem() if dirty else None
        self.save_button.setEnabled(dirty and problem is None)
        self.revert_button.setVisible(dirty and self.tabs.currentWidget() is self.shop_scroll)
        if not dirty:
            reason = self.tr("Alles is opgeslagen")
        elif problem:
            reason = self.tr("Opslaan kan nog niet — {problem}").format(problem=problem)
        else:
            reason = self.tr("Niet opgeslagen wijzigingen")
        self.blocked_label.setText(reason)

    def revert(self) -> None:
        if self.saved is not None:
            self.load(self.saved)

    def _save_requested(self) -> None:
        # A slot must not return a bool: PySide6 6.12.0 then releases True or False once too
        # often, until Python aborts (see the report in this issue).
        self.save()

    def save(self) -> bool:
        if not self.editable or not self.is_dirty():
            return not self.is_dirty()
        for form in self.forms:
            form.touch_all()
        if self.first_problem():
            return False
        actor = self.ctx.actor
        assert actor is not None
        info = self.current_info() if self._shop_dirty() else None
        settings = self.changed_settings()
        saved_settings = {**self.saved_settings, **settings}

        def save(session) -> ShopInfo | None:
            shop = update_shop(session, actor, info) if info is not None else None
            for key, value in settings.items():
                set_setting(session, actor, key, value)
            return shop

        message = (
            self.tr("Winkelgegevens opgeslagen")
            if not settings
            else self.tr("Instellingen opgeslagen")
        )
        return (
            DatabaseOp(self.ctx, self, save, changes={SHOP, SHOP_SETTINGS, AUDIT})
            .success(lambda shop: self.load(shop or self.saved, saved_settings))
            .failure(self._save_failed)
            .message(message)
            .run()
        )

    def _save_failed(self, error: UserError) -> None:
        # Everything typed stays; the reasons go next to the fields where we can.
        if isinstance(error, ValidationError):
            shown = [form.show_validation_error(error) for form in self.forms]
            if any(shown):
                self._update_buttons()
                return
        MessageBox.show_user_error(self, error)

    def may_leave(self) -> bool:
        if not self.factor_editor.may_leave():
            return False
        if not self.editable or not self.is_dirty():
            return True
        what = (
            self.tr("de winkelgegevens") if self._shop_dirty() else self.tr("de instellingen")
        )
        choice = MessageBox.ask_unsaved_changes(self, what)
        if choice is UnsavedChoice.SAVE:
            return self.save()
        if choice is UnsavedChoice.DISCARD:
            self.revert()
            return True
        return False


class AppearanceTab(QWidget):
    """Taal (Nederlands / English) and Thema (Licht / Donker) of this PC, for every role:
    local settings, saved as they change and applied at once. The main window is then built
    again in the new language or theme (``MainWindow.apply_appearance``); it asks first when
    the page has unsaved changes, and the choice goes back when the user stays."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(FORM_MAX_WIDTH + 2 * PAGE_MARGIN)
        self.language_combo = QComboBox()
        for code, (language, country) in LOCALES.items():
            # Each language in its own words (Qt's "Nederlands", "English"), untranslated:
            # findable by someone who cannot read the language the window is in now.
            self.language_combo.addItem(QLocale(language, country).nativeLanguageName(), code)
        self.theme_combo = QComboBox()
        for code, name in ((LIGHT, self.tr("Licht")), (DARK, self.tr("Donker"))):
            self.theme_combo.addItem(name, code)
        for combo in (self.language_combo, self.theme_combo):
            combo.setMinimumWidth(220)  # room for the text beside the arrow
            combo.setMaximumWidth(260)
        self.form = ValidatedForm(lambda: {}, label_width=LABEL_WIDTH)
        self.form.add_field("language", self.tr("Taal"), self.language_combo,
                            hint=self.tr("Schermen en meldingen. Datums en bedragen "
                                         "blijven Nederlands geschreven (15-03-2025, "
                                         "12,50)."))
        self.form.add_field("theme", self.tr("Thema"), self.theme_combo,
                            hint=self.tr("Donker is rustiger voor de ogen in een schemerige "
                                         "ruimte. De accentkleur van de winkel blijft."))
        column = QVBoxLayout(self)
        column.setContentsMargins(PAGE_MARGIN, 20, PAGE_MARGIN, 24)
        column.setSpacing(12)
        column.addWidget(_section_title(self.tr("Weergave op deze pc")))
        column.addWidget(_card(self.form))
        note = QLabel(self.tr("Elke gebruiker kan dit kiezen; het geldt voor iedereen die op "
                              "deze pc werkt, en de winkelgegevens veranderen er niet door."))
        note.setObjectName("FormNote")
        note.setWordWrap(True)
        column.addWidget(note)
        column.addStretch(1)
        self._load()
        self.language_combo.currentIndexChanged.connect(
            lambda: self._chosen("language", self.language_combo))
        self.theme_combo.currentIndexChanged.connect(
            lambda: self._chosen("theme", self.theme_combo))

    def _load(self) -> None:
        """Show the stored choices (without reacting to them)."""
        for key, combo in (("language", self.language_combo), ("theme", self.theme_combo)):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(read_local(key))))
            combo.blockSignals(blocked)

    def _chosen(self, key: str, combo: QComboBox) -> None:
        value = combo.currentData()
        if value == read_local(key):
            return
        window = self.window()
        may_rebuild = getattr(window, "may_rebuild", None)
        if callable(may_rebuild) and not may_rebuild():
            self._load()  # the user stays with unsaved changes: nothing changes
            return
        try:
            write_local(key, value)
        except (OSError, ValueError) as exc:
            log.warning("Could not save the setting %s: %s", key, exc)
            self._load()
            MessageBox.show_user_error(self, UserError(
                self.tr("De instelling kon niet worden bewaard: {problem}").format(problem=exc)))
            return
        apply = getattr(window, "apply_appearance", None)
        if callable(apply):
            apply()


class BackupsTab(QWidget):
    """The automatic back-ups of this PC, the back-ups in the folder, "Nu een back-up
    maken…" and "Terugzetten…". ``restored`` carries the result after a restore: the main
    window then goes back to the login (users and keys may differ now)."""

    restored = Signal(object)  # services.backups.RestoreResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setMaximumWidth(FORM_MAX_WIDTH + 2 * PAGE_MARGIN)
        self.on_exit_box = QCheckBox(self.tr("Een back-up maken bij het afsluiten"))
        self.daily_box = QCheckBox(self.tr("Elke dag een back-up maken (bij de eerste keer "
                                           "inloggen, of om middernacht)"))
        self.keep_spins = {
            "backup.keep_daily": _spin_box("backup.keep_daily", self.tr(" dagen")),
            "backup.keep_weekly": _spin_box("backup.keep_weekly", self.tr(" weken")),
            "backup.keep_monthly": _spin_box("backup.keep_monthly", self.tr(" maanden")),
        }
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(str(backup_dir()))
        self.folder_button = QPushButton(self.tr("&Kiezen…"))
        self.folder_button.clicked.connect(self._choose_folder)
        folder_row = QWidget()
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_edit, 1)
        folder_layout.addWidget(self.folder_button)

        self.auto_form = ValidatedForm(lambda: {}, label_width=LABEL_WIDTH)
        self.auto_form.add_field("on_exit", self.tr("Afsluiten"), self.on_exit_box)
        self.auto_form.add_field("daily", self.tr("Dagelijks"), self.daily_box)
        self.auto_form.add_field(
            "keep_daily", self.tr("Bewaar per dag"), self.keep_spins["backup.keep_daily"],
            hint=self.tr("Van elke dag, week en maand blijft de nieuwste automatische back-up; "
                         "handmatige back-ups worden nooit weggegooid."))
        self.auto_form.add_field("keep_weekly", self.tr("Bewaar per week"),
                                 self.keep_spins["backup.keep_weekly"])
        self.auto_form.add_field("keep_monthly", self.tr("Bewaar per maand"),
                                 self.keep_spins["backup.keep_monthly"])
        self.auto_form.add_field(
            "folder", self.tr("Map"), folder_row,
            hint=self.tr("Op deze pc; leeg is de standaardmap. Een map op een andere schijf "
                         "beschermt ook tegen een kapotte schijf."))

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Datum"), self.tr("Soort"), self.tr("Grootte")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column_index in (1, 2):  # the theme writes headers in capitals: room for them
            header.setSectionResizeMode(column_index, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column_index, 150)
        self.table.setMinimumHeight(180)
        self.empty_label = QLabel(self.tr("Er staan nog geen back-ups in deze map."))
        self.empty_label.setObjectName("FormNote")

        self.backup_button = QPushButton(self.tr("Nu een &back-up maken…"))
        self.backup_button.setObjectName("PrimaryButton")
        self.backup_button.setIcon(icons.icon("save", "#ffffff"))
        self.backup_button.clicked.connect(self.make_backup)
        self.restore_button = QPushButton(self.tr("&Terugzetten…"))
        self.restore_button.setObjectName("DangerButton")
        self.restore_button.clicked.connect(self.restore)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(PAGE_MARGIN, 20, PAGE_MARGIN, 24)
        column.setSpacing(12)
        column.addWidget(_section_title(self.tr("Automatische back-ups op deze pc")))
        column.addWidget(_card(self.auto_form))
        column.addWidget(_section_title(self.tr("Back-ups in de map")))
        column.addLayout(buttons)  # above the list: visible without scrolling
        list_card = QWidget()
        list_layout = QVBoxLayout(list_card)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table)
        list_layout.addWidget(self.empty_label)
        column.addWidget(_card(list_card))
        note = QLabel(self.tr(
            "Een back-up bevat alle gegevens van de winkel; de gevoelige teksten alleen "
            "versleuteld. Na terugzetten zijn de wachtwoorden en de herstelsleutel van toen "
            "nodig. Bewaar een USB-stick met back-ups achter slot."))
        note.setObjectName("FormNote")
        note.setWordWrap(True)
        column.addWidget(note)
        column.addStretch(1)
        self._load_settings()
        self.on_exit_box.toggled.connect(lambda on: self._store("backup.on_exit", on))
        self.daily_box.toggled.connect(lambda on: self._store("backup.daily", on))
        for key, spin in self.keep_spins.items():
            spin.valueChanged.connect(lambda value, key=key: self._store(key, value))
        self.folder_edit.editingFinished.connect(self._folder_typed)

    # -- settings (local, saved as they change) ------------------------------------------

    def _load_settings(self) -> None:
        self.on_exit_box.setChecked(bool(read_local("backup.on_exit")))
        self.daily_box.setChecked(bool(read_local("backup.daily")))
        for key, spin in self.keep_spins.items():
            spin.setValue(int(read_local(key)))
        self.folder_edit.setText(str(read_local("backup.folder") or ""))

    def _store(self, key: str, value: object) -> None:
        try:
            write_local(key, value)
        except (OSError, ValueError) as exc:
            log.warning("Could not save the setting %s: %s", key, exc)
            MessageBox.show_user_error(self, UserError(
                self.tr("De instelling kon niet worden bewaard: {problem}").format(problem=exc)))
            return
        show_status(self, self.tr("Instelling bewaard"))
        if key == "backup.folder":
            self.refresh()

    def _folder_typed(self) -> None:
        text = self.folder_edit.text().strip()
        if text != str(read_local("backup.folder") or ""):
            self._store("backup.folder", text)

    @classmethod
    def ask_folder(cls, parent: QWidget, start: str) -> str | None:
        """The folder the user chose, or None. Tests replace this."""
        title = QCoreApplication.translate("BackupsTab", "Map voor back-ups")
        chosen = QFileDialog.getExistingDirectory(parent, title, start)
        return chosen or None

    def _choose_folder(self) -> None:
        chosen = type(self).ask_folder(self, str(backups.backup_folder()))
        if chosen:
            self.folder_edit.setText(chosen)
            self._store("backup.folder", chosen)

    # -- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        found = backups.list_backups()
        self.table.setRowCount(len(found))
        for row, backup in enumerate(found):
            date = QTableWidgetItem(f"{backup.created:%d-%m-%Y %H:%M}")
            date.setToolTip(str(backup.path))
            date.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            size = QTableWidgetItem(_size_text(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, date)
            self.table.setItem(row, 1, QTableWidgetItem(backup.kind_label))
            self.table.setItem(row, 2, size)
        self.table.setVisible(bool(found))
        self.empty_label.setVisible(not found)

    # -- actions ----------------------------------------------------------------------------

    def make_backup(self) -> None:
        path = FileDialog.save_file(
            self, self.tr("Back-up maken"), backups.suggested_name(self.ctx.db),
            self.tr("KringloopDesk-back-up (*.sqlite *.zip)"))
        if path is None:
            return
        from kringloopdesk.gui.long_task import LongTask

        db, actor = self.ctx.db, self.ctx.actor

        def made(result: backups.BackupResult) -> None:
            show_status(self, self.tr("Back-up gemaakt en gecontroleerd: {path}").format(
                path=result.path))
            self.refresh()

        # In a worker thread with progress and Annuleren (no back-up file is left then).
        LongTask(self.ctx, self,
                 lambda progress: backups.manual_backup(db, actor, path, progress=progress),
                 title=self.tr("Back-up maken"),
                 label=self.tr("De back-up wordt gemaakt en gecontroleerd."),
                 session=False).success(made).run()

    @classmethod
    def ask_backup_file(cls, parent: QWidget) -> Path | None:
        """The back-up to restore, or None. Tests replace this."""
        return FileDialog.open_file(
            parent, QCoreApplication.translate("BackupsTab", "Back-up kiezen"),
            QCoreApplication.translate("BackupsTab", "KringloopDesk-back-up (*.sqlite *.zip)"))

    def restore(self) -> None:
        path = type(self).ask_backup_file(self)
        if path is None:
            return
        info = self._run(lambda: backups.read_backup_info(path))
        if info is None:
            return
        dialog = RestoreDialog(self.ctx, info, self)
        if dialog.ask() and dialog.result_value is not None:
            self.restored.emit(dialog.result_value)

    def _run(self, work):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return work()
        except UserError as error:
            log.info("Back-up action refused: %s", error.message)
            MessageBox.show_user_error(self, error)
        except Exception:
            log.exception("Back-up action failed")
            ErrorDialog.show_error(self, traceback.format_exc())
        finally:
            QGuiApplication.restoreOverrideCursor()
        return None


def _size_text(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} kB"


def _spin_box(key: str, suffix: str) -> QSpinBox:
    declared = SETTINGS[key]
    spin = QSpinBox()
    spin.setRange(int(declared.minimum), int(declared.maximum))
    spin.setValue(int(declared.default))
    spin.setSuffix(suffix)
    spin.setMaximumWidth(160)
    return spin


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("SectionTitle")
    return label


def _card(form: QWidget) -> QFrame:
    card = QFrame()
    card.setObjectName("FormCard")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 18, 20, 18)
    layout.addWidget(form)
    return card
