"""Errors the user can act on, as opposed to bugs.

A ``UserError`` carries a message in the user's language that says what happened and what to
do; the GUI shows it in a dialog, the CLI prints it and exits non-zero. Anything else that
escapes is a bug: it is logged with its traceback and shown with a "copy details" button.
"""

from __future__ import annotations

import datetime as dt


class UserError(Exception):
    """Something the user can fix: a bad file, a wrong date, a missing permission."""

    exit_code = 1

    def __init__(self, message: str, details: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class DatabaseOpenError(UserError):
    """The database cannot be opened: not a database, unreachable, read-only, too new."""

    exit_code = 3


class SchemaTooNewError(DatabaseOpenError):
    """The database was written by a newer KringloopDesk."""


class AlreadyInitialisedError(UserError):
    """``init`` on a database that already has a shop."""


class NotInitialisedError(UserError):
    """A command that needs a shop, on a database without one."""


class ValidationError(UserError):
    """Input that breaks a rule; ``field_errors`` maps a field name to its message."""

    def __init__(self, message: str, field_errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.field_errors = dict(field_errors or {})


class AuthenticationError(UserError):
    """Wrong user name or password, or a disabled account."""


class PermissionDeniedError(UserError):
    """The acting user's role may not do this."""


class RecordChangedError(UserError):
    """Someone else saved (or deleted) this record since it was read: optimistic locking.

    Nothing was written. ``changed_by`` (a display name) and ``changed_at`` say who saved in
    between and when, so the GUI can offer to reload the record or to save over that change
    knowingly; both are None when the service could not tell (the clash was found only while
    writing). ``deleted`` means the record is gone, so there is nothing to reload or overwrite.
    """

    def __init__(
        self,
        message: str,
        *,
        changed_by: str | None = None,
        changed_at: dt.datetime | None = None,
        deleted: bool = False,
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.deleted = deleted


class JobCancelledError(UserError):
    """The user stopped a long job (import, export, back-up, batch, demo) while it ran.

    Raised by ``Progress.check`` (services/progress.py) between steps. It is a ``UserError``
    so that every existing error path handles it: the unit of work rolls back and every
    ``.part`` file is removed, so nothing is saved and nothing is left half.
    """

    def __init__(self, message: str | None = None) -> None:
        if message is None:
            from kringloopdesk.i18n import _

            message = _("Geannuleerd. Er is niets opgeslagen.")
        super().__init__(message)
