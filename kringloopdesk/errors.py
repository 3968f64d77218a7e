"""Errors the user can act on, as opposed to bugs.

A ``UserError`` carries a message in the user's language that says what happened and what to
do; the GUI shows it in a dialog, the CLI prints it and exits non-zero. Anything else that
escapes is a bug: it is logged with its traceback and shown with a "copy details" button.
"""

from __future__ import annotations


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
