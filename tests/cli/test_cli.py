"""The command line as a shop manager uses it: real processes, real databases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "wachtwoord-123"
AS_BEHEER = {"KRINGLOOPDESK_USER": "beheer", "KRINGLOOPDESK_PASSWORD": PASSWORD}


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin,
                          capture_output=True, text=True, env=environment, timeout=300)


def db_arg(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int,
                         *fragments: str) -> None:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in result.stderr


def test_version() -> None:
    from kringloopdesk import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"KringloopDesk {__version__}"


def test_help_in_dutch_and_english() -> None:
    dutch = run("--help")
    assert dutch.returncode == 0
    assert "richt een nieuwe winkel in" in dutch.stdout and "opties" in dutch.stdout
    english = run("--lang", "en", "--help")
    assert "set up a new shop" in english.stdout and "options" in english.stdout
    init_help = run("init", "--help")
    assert "--password-stdin" in init_help.stdout


def test_init_demo_check(db_url: URL) -> None:
    db = db_arg(db_url)
    init = run("--db", db, "init", "--shop", "Kringloop Amersfoort-Leusden", "--user", "beheer",
               "--full-name", "Bea Beheer", "--password-stdin", stdin=PASSWORD + "\n")
    assert init.returncode == 0, init.stderr
    assert "Kringloop Amersfoort-Leusden" in init.stdout
    assert "HERSTELSLEUTEL" in init.stdout
    demo = run("--db", db, "demo", "--scale", "small", "--seed", "7", env=AS_BEHEER)
    assert demo.returncode == 0, demo.stderr
    assert "deelnemers" in demo.stdout
    check = run("--db", db, "check")
    assert check.returncode == 0, check.stderr
    assert "Integriteit: in orde" in check.stdout
    assert "(actueel)" in check.stdout
    counts = dict(line.split() for line in check.stdout.splitlines()
                  if line.startswith("  ") and len(line.split()) == 2)
    assert int(counts["workers"].replace(".", "")) >= 30
    assert int(counts["goods_flows"].replace(".", "")) > 1000


def test_init_twice_keeps_the_first_shop(db_url: URL) -> None:
    db = db_arg(db_url)
    assert run("--db", db, "init", "--shop", "Eerste", "--user", "a", "--password-stdin",
               stdin=PASSWORD).returncode == 0
    again = run("--db", db, "init", "--shop", "Tweede", "--user", "b", "--password-stdin",
                stdin=PASSWORD)
    assert_clean_failure(again, 1, "hoort al bij de winkel 'Eerste'")
    assert "Winkel: Eerste" in run("--db", db, "check").stdout


def test_password_is_never_an_argument_and_short_ones_are_refused(db_url: URL) -> None:
    db = db_arg(db_url)
    short = run("--db", db, "init", "--shop", "X", "--user", "a", "--password-stdin",
                stdin="kort\n")
    assert_clean_failure(short, 1, "minstens 8 tekens")
    no_tty = run("--db", db, "init", "--shop", "X", "--user", "a", stdin="")
    assert_clean_failure(no_tty, 1, "--password-stdin")
    as_argument = run("--db", db, "init", "--shop", "X", "--user", "a", "--password", "geheim")
    assert as_argument.returncode == 2


def test_text_file_as_database(tmp_path: Path) -> None:
    path = tmp_path / "notities.txt"
    path.write_text("dit is geen database\n", encoding="utf-8")
    result = run("--db", str(path), "check")
    assert_clean_failure(result, 3, "geen KringloopDesk-database")
    result = run("--db", str(path), "init", "--shop", "X", "--user", "a", "--password-stdin",
                 stdin=PASSWORD)
    assert_clean_failure(result, 3, "geen KringloopDesk-database")
    assert path.read_text(encoding="utf-8") == "dit is geen database\n"


def test_newer_schema(db_url: URL) -> None:
    from sqlalchemy import create_engine, text

    db = db_arg(db_url)
    assert run("--db", db, "init", "--shop", "X", "--user", "a", "--password-stdin",
               stdin=PASSWORD).returncode == 0
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    for args in (("check",), ("demo",)):
        result = run("--db", db, *args)
        assert_clean_failure(result, 3, "nieuwere versie")


def test_postgres_server_not_running() -> None:
    result = run("--db", "postgresql+psycopg://kld:kld@127.0.0.1:1/winkel", "check")
    assert_clean_failure(result, 3, "niet bereikbaar")


def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs",
                                  str(folder)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip("cannot mount a read-only tmpfs here")
    else:
        folder.chmod(0o555)
    try:
        result = run("--db", str(folder / "winkel.sqlite"), "init", "--shop", "X", "--user", "a",
                     "--password-stdin", stdin=PASSWORD)
        assert_clean_failure(result, 3, "alleen-lezen")
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(folder)], check=False)


def test_demo_needs_a_shop(db_url: URL) -> None:
    result = run("--db", db_arg(db_url), "demo")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "winkel" in result.stderr


def _init(db: str) -> str:
    init = run("--db", db, "init", "--shop", "Kringloop De Cirkel", "--user", "beheer",
               "--password-stdin", stdin=PASSWORD)
    assert init.returncode == 0, init.stderr
    return next(line.split(": ", 1)[1] for line in init.stdout.splitlines()
                if line.startswith("HERSTELSLEUTEL"))


def test_user_administration(db_url: URL, tmp_path: Path) -> None:
    db = db_arg(db_url)
    _init(db)
    added = run("--db", db, "user", "add", "--name", "marieke", "--full-name", "Marieke Jansen",
                "--role", "begeleider", "--password-stdin", stdin="tijdelijk-1\n", env=AS_BEHEER)
    assert added.returncode == 0, added.stderr
    listed = run("--db", db, "user", "list", env=AS_BEHEER)
    assert listed.returncode == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if line.startswith("marieke"))
    assert "Begeleider" in line and "gevoelige gegevens: ja" in line
    as_coach = {"KRINGLOOPDESK_USER": "marieke", "KRINGLOOPDESK_PASSWORD": "tijdelijk-1"}
    refused = run("--db", db, "user", "list", env=as_coach)
    assert_clean_failure(refused, 1, "geen toestemming")
    assert run("--db", db, "user", "disable", "marieke", env=AS_BEHEER).returncode == 0
    disabled = run("--db", db, "user", "list", env=as_coach)
    assert_clean_failure(disabled, 1, "uitgeschakeld")
    assert run("--db", db, "user", "enable", "marieke", env=AS_BEHEER).returncode == 0
    reset = run("--db", db, "user", "reset-password", "marieke", "--password-stdin",
                stdin="nieuw-tijdelijk\n", env=AS_BEHEER)
    assert reset.returncode == 0, reset.stderr
    wrong = run("--db", db, "user", "list", env={**AS_BEHEER, "KRINGLOOPDESK_PASSWORD": "fout"})
    assert_clean_failure(wrong, 1, "klopt niet")
    no_user = run("--db", db, "user", "list", env={"KRINGLOOPDESK_USER": "",
                                                    "KRINGLOOPDESK_PASSWORD": ""})
    assert_clean_failure(no_user, 1, "KRINGLOOPDESK_USER")


def test_recovery_key_restores_a_forgotten_password(db_url: URL) -> None:
    db = db_arg(db_url)
    key = _init(db)
    wrong = run("--db", db, "user", "recover", "beheer", "--stdin",
                stdin="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH\nnieuw-wachtwoord\n")
    assert_clean_failure(wrong, 1, "herstelsleutel klopt niet")
    recovered = run("--db", db, "user", "recover", "beheer", "--stdin",
                    stdin=f"{key.lower().replace('-', ' ')}\nnieuw-wachtwoord\n")
    assert recovered.returncode == 0, recovered.stderr
    listed = run("--db", db, "user", "list",
                 env={"KRINGLOOPDESK_USER": "beheer", "KRINGLOOPDESK_PASSWORD": "nieuw-wachtwoord"})
    assert listed.returncode == 0, listed.stderr
    assert "gevoelige gegevens: ja" in listed.stdout


def test_init_writes_the_recovery_key_pdf(db_url: URL, tmp_path: Path) -> None:
    pdf = tmp_path / "herstelsleutel.pdf"
    init = run("--db", db_arg(db_url), "init", "--shop", "Kringloop Łódź", "--user", "beheer",
               "--password-stdin", "--recovery-pdf", str(pdf), stdin=PASSWORD)
    assert init.returncode == 0, init.stderr
    key = next(line.split(": ", 1)[1] for line in init.stdout.splitlines()
               if line.startswith("HERSTELSLEUTEL"))
    assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert key in text and "Kringloop Łódź" in text
