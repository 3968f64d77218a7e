"""What is wrong with an import file: every bad row, with its row number, column and reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kringloopdesk.errors import UserError
from kringloopdesk.i18n import _


@dataclass(frozen=True)
class RowError:
    """One problem: ``row`` as the spreadsheet numbers it (the header is row 1), ``column``
    the column's name (None for the row or the file as a whole), ``reason`` in the user's
    language."""

    row: int
    column: str | None
    reason: str

    def __str__(self) -> str:
        if self.column is None:
            return _("rij {row}: {reason}", row=self.row, reason=self.reason)
        return _("rij {row}, kolom {column}: {reason}", row=self.row, column=self.column,
                 reason=self.reason)


class ImportFileError(UserError):
    """An import file with problems; nothing was imported. ``errors`` lists every one, in
    row order (the problems of the file as a whole come first, as row 1)."""

    def __init__(self, errors: Iterable[RowError]) -> None:
        self.errors = sorted(errors, key=lambda error: error.row)
        count = len(self.errors)
        message = (_("1 fout; er is niets geïmporteerd.") if count == 1 else
                   _("{count} fouten; er is niets geïmporteerd.", count=count))
        super().__init__(message, details="\n".join(str(error) for error in self.errors))

    @property
    def lines(self) -> list[str]:
        return [str(error) for error in self.errors]
