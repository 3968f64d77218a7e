"""ORDS exporteren: which year's repairs go into the Open Repair Data Standard file. The page
asks for the file next and writes it through the same service and report code as
``python main.py export ords`` (docs/ords.md)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QSpinBox, QWidget

from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.services.repairs import FIRST_YEAR


def default_year(today: dt.date | None = None) -> int:
    """Last year in January to March (the annual report is made then), else this year."""
    today = today or dt.date.today()
    return today.year - 1 if today.month <= 3 else today.year


class OrdsExportDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("ORDS exporteren"),
            heading=self.tr("Reparaties exporteren (ORDS)"),
            intro=self.tr(
                "Alle reparaties van het gekozen jaar, in de Open Repair Data Standard, om te "
                "delen met de Open Repair Alliance. Zonder persoonsgegevens: niet wie "
                "repareerde en niet de notities."
            ),
            submit_text=self.tr("Bestand kiezen…"),
        )
        today = today or dt.date.today()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, today.year)
        self.year_spin.setValue(default_year(today))
        self.year_spin.setMaximumWidth(120)
        self.form.add_field("year", self.tr("Jaar"), self.year_spin, required=True,
                            hint=self.tr("Reparaties met een datum in dit jaar"))
        self.year_spin.setFocus()

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def submit(self) -> None:
        self.finish()
