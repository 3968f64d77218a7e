"""``backup`` and ``restore`` as a shop manager uses them: real processes, real databases.

The shop is set up in-process (``shop_db``, with the quick password hashes of the test
configuration), so each process started here stays around a second."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import URL

from kringloopdesk.db.engine import Database
from kringloopdesk.db.migrate import open_database
from kringloopdesk.db.models import User
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.users import create_user
from tests.cli.test_cli import assert_clean_failure, db_arg, run
from tests.conftest import BEHEERDER, BEHEERDER_PASSWORD

AS_BEHEER = {"KRINGLOOPDESK_USER": BEHEERDER, "KRINGLOOPDESK_PASSWORD": BEHEERDER_PASSWORD}
SHOP = "Winkel: Kringloop Amersfoort-Leusden"


def _users(db_url: URL) -> int:
    database = open_database(db_url)
    try:
        with database.read_session() as session:
            return session.scalar(select(func.count()).select_from(User))
    finally:
        database.dispose()


def test_backup_and_restore(shop_db: Database, beheerder: Actor, db_url: URL, tmp_path: Path,
                            data_home: Path) -> None:
    db = db_arg(db_url)
    default = run("--db", db, "backup")
    assert default.returncode == 0, default.stderr
    assert "Back-up gemaakt en gecontroleerd: " + str(data_home / "backups") in default.stdout
    assert "Gebruikers" in default.stdout

    suffix = ".sqlite" if db_url.get_backend_name() == "sqlite" else ".zip"
    target = tmp_path / f"usb-stick{suffix}"
    chosen = run("--db", db, "backup", "-o", str(target))
    assert chosen.returncode == 0, chosen.stderr
    assert f"Back-up gemaakt en gecontroleerd: {target}\n" in chosen.stdout
    with shop_db.session() as session:
        create_user(session, beheerder, username="ria", full_name="Ria", role="invoer",
                    password="vrijwilliger-1")
    shop_db.dispose()
    assert _users(db_url) == 2

    unasked = run("--db", db, "restore", str(target), env=AS_BEHEER)
    assert_clean_failure(unasked, 1, "gebruik --yes")
    assert SHOP in unasked.stdout
    assert _users(db_url) == 2  # nothing changed

    done = run("--db", db, "restore", str(target), "--yes", env=AS_BEHEER)
    assert done.returncode == 0, done.stderr
    assert SHOP in done.stdout
    assert "Gebruikers" in done.stdout and "Gemaakt: " in done.stdout
    assert "De database van daarvoor staat in " + str(data_home / "backups") in done.stdout
    assert _users(db_url) == 1
    assert any("voor-terugzetten" in p.name for p in (data_home / "backups").iterdir())


def test_restore_refuses_cleanly(shop_db: Database, db_url: URL, tmp_path: Path) -> None:
    shop_db.dispose()
    db = db_arg(db_url)
    not_a_backup = tmp_path / "notities.txt"
    not_a_backup.write_text("geen back-up")
    refused = run("--db", db, "restore", str(not_a_backup), "--yes", env=AS_BEHEER)
    assert_clean_failure(refused, 1, "Fout: 'notities.txt' is geen back-up van KringloopDesk")

    suffix = ".sqlite" if db_url.get_backend_name() == "sqlite" else ".zip"
    target = tmp_path / f"kopie{suffix}"
    assert run("--db", db, "backup", "-o", str(target)).returncode == 0
    wrong = run("--db", db, "restore", str(target), "--yes",
                env={"KRINGLOOPDESK_USER": BEHEERDER, "KRINGLOOPDESK_PASSWORD": "fout"})
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr
    nowhere = run("--db", db, "backup", "-o", str(tmp_path / "weg" / "kopie.sqlite"))
    assert_clean_failure(nowhere, 1, "Fout: De map", "bestaat niet")

    if suffix == ".sqlite":
        # Into a new file there is no shop and no one to log in: allowed without a login.
        fresh = tmp_path / "nieuw.sqlite"
        restored = run("--db", str(fresh), "restore", str(target), "--yes")
        assert restored.returncode == 0, restored.stderr
        assert _users(URL.create("sqlite", database=str(fresh))) == 1
