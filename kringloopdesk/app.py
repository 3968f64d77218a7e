"""Composition root: with a subcommand the CLI runs, without one the desktop app starts.

Kept free of heavy imports: Qt is loaded only when the GUI starts, SQLAlchemy only when a
command needs the database, so that ``--version`` and the first window are quick.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kringloopdesk.cli import run

    return run(sys.argv[1:] if argv is None else argv)
