"""``certificate …`` and ``verify`` as a shop manager uses them: real processes, real databases.

Exit codes of verify: 0 genuine, 1 altered, 2 revoked, 3 unknown, 4 could not check."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sqlalchemy.engine import URL

from kringloopdesk.db.migrate import open_database
from kringloopdesk.services.auth import attempt_login
from kringloopdesk.services.users import create_user
from tests.cli.test_cli import AS_BEHEER, PASSWORD, assert_clean_failure, db_arg, run
from tests.unit.test_certificates import add_agreement, add_placement, tamper

AS_INVOER = {"KRINGLOOPDESK_USER": "ria", "KRINGLOOPDESK_PASSWORD": "vrijwilliger-1"}
YEAR = dt.date.today().year


def _shop(db_url: URL) -> tuple[str, dict[str, int]]:
    db = db_arg(db_url)
    init = run("--db", db, "init", "--shop", "Kringloop De Cirkel", "--prefix", "KDC",
               "--city", "Leusden", "--user", "beheer", "--password-stdin", stdin=PASSWORD)
    assert init.returncode == 0, init.stderr
    database = open_database(db_url)
    try:
        with database.session() as session:
            actor = attempt_login(session, "beheer", PASSWORD).actor_or_raise()
        with database.session() as session:
            create_user(session, actor, username="ria", full_name="Ria", role="invoer",
                        password="vrijwilliger-1")
            ids = {
                "jan": add_placement(session, number="D-0001", skills=("Kassa",)),
                "kees": add_placement(session, number="D-0002", first="Kees",
                                      last="de Vries", end=dt.date(2025, 6, 20)),
                "agreement": add_agreement(session),
            }
    finally:
        database.dispose()
    return db, ids


def _serial_and_code(stdout: str) -> tuple[str, str]:
    match = re.search(rf"(KDC-{YEAR}-\d{{4}}).*Controlecode: (\S+)", stdout)
    assert match, stdout
    return match.group(1), match.group(2)


def test_issue_verify_revoke_and_reissue(db_url: URL, tmp_path: Path) -> None:
    db, ids = _shop(db_url)
    jan = tmp_path / "jan.pdf"
    done = run("--db", db, "certificate", "participation", "--placement", str(ids["jan"]),
               "-o", str(jan), env=AS_BEHEER)
    assert done.returncode == 0, done.stderr
    serial, code = _serial_and_code(done.stdout)
    assert serial == f"KDC-{YEAR}-0001" and f"(Jan Jansen) geschreven naar {jan}" in done.stdout
    # No login needed to verify.
    for what in (str(jan), code, code.lower().replace("-", ""), serial):
        genuine = run("--db", db, "verify", what)
        assert genuine.returncode == 0, genuine.stdout + genuine.stderr
        assert genuine.stdout.startswith(f"Echt: certificaat {serial}")
        assert "Certificaat van deelname: Jan Jansen" in genuine.stdout
    changed = tmp_path / "jan-veranderd.pdf"
    changed.write_bytes(tamper(jan.read_bytes(), b"(Jan Jansen)", b"(Jan Janssen)"))
    altered = run("--db", db, "verify", str(changed))
    assert altered.returncode == 1 and altered.stdout.startswith("Veranderd")
    unknown = run("--db", db, "verify", "2345-6789")
    assert unknown.returncode == 3 and unknown.stdout.startswith("Onbekend")
    not_ours = tmp_path / "brief.pdf"
    not_ours.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert run("--db", db, "verify", str(not_ours)).returncode == 3
    missing = run("--db", db, "verify", str(tmp_path / "weg.pdf"))
    assert_clean_failure(missing, 4, "Fout: Het bestand", "bestaat niet")

    revoked = run("--db", db, "certificate", "revoke", serial, "--reason",
                  "Uren verkeerd geteld", env=AS_BEHEER)
    assert revoked.returncode == 0, revoked.stderr
    assert revoked.stdout == f"Certificaat {serial} is ingetrokken. Reden: Uren verkeerd geteld\n"
    for what in (str(jan), code):
        check = run("--db", db, "verify", what)
        assert check.returncode == 2 and check.stdout.startswith("Ingetrokken"), check.stdout
    no_reason = run("--db", db, "certificate", "revoke", serial, env=AS_BEHEER)
    assert_clean_failure(no_reason, 2, "--reason")

    new = tmp_path / "jan-2.pdf"
    reissued = run("--db", db, "certificate", "reissue", serial, "-o", str(new), env=AS_BEHEER)
    assert reissued.returncode == 0, reissued.stderr
    new_serial, _code = _serial_and_code(reissued.stdout)
    assert new_serial == f"KDC-{YEAR}-0002" and f"Het vervangt {serial}" in reissued.stdout
    assert run("--db", db, "verify", str(new)).returncode == 0

    listing = run("--db", db, "certificate", "list", env=AS_BEHEER)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert lines[0].startswith(new_serial) and "geldig" in lines[0]
    assert lines[1].startswith(serial) and "ingetrokken" in lines[1] and "Jan Jansen" in lines[1]
    assert lines[-1] == "2 certificaten"
    assert run("--db", db, "certificate", "list", "--year", str(YEAR - 1),
               env=AS_BEHEER).stdout == "0 certificaten\n"


def test_partnership_public_key_and_offline_verify(db_url: URL, tmp_path: Path) -> None:
    db, ids = _shop(db_url)
    target = tmp_path / "amfors.pdf"
    done = run("--db", db, "certificate", "partnership", "--agreement", str(ids["agreement"]),
               "-o", str(target), "--lang", "en", "--portrait", env=AS_BEHEER)
    assert done.returncode == 0, done.stderr
    assert "(Amfors)" in done.stdout  # messages stay Dutch: --lang here is the certificate's
    pem = tmp_path / "winkel.pem"
    exported = run("--db", db, "certificate", "public-key", "-o", str(pem))
    assert exported.returncode == 0, exported.stderr
    assert pem.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    # Offline: no database at all (a --db that does not exist is never opened).
    offline = run("--db", str(tmp_path / "geen.sqlite"), "verify", str(target),
                  "--public-key", str(pem))
    assert offline.returncode == 0, offline.stdout + offline.stderr
    assert "alleen de winkel" in offline.stdout
    assert not (tmp_path / "geen.sqlite").exists()
    changed = tmp_path / "veranderd.pdf"
    changed.write_bytes(tamper(target.read_bytes(), b"(Amfors)", b"(Amf0rs)"))
    assert run("verify", str(changed), "--public-key", str(pem)).returncode == 1
    code_offline = run("verify", "2345-6789", "--public-key", str(pem))
    assert_clean_failure(code_offline, 4, "alleen een PDF-bestand")


def test_batch_per_file_and_as_one_pdf(db_url: URL, tmp_path: Path) -> None:
    db, _ids = _shop(db_url)
    folder = tmp_path / "juni"
    folder.mkdir()
    batch = run("--db", db, "certificate", "batch", "--ended-from", "2025-06-01",
                "--ended-to", "30-06-2025", "-o", str(folder), env=AS_BEHEER)
    assert batch.returncode == 0, batch.stderr
    assert batch.stdout.startswith(f"2 certificaten uitgegeven (KDC-{YEAR}-0001 t/m "
                                   f"KDC-{YEAR}-0002)")
    assert sorted(p.name for p in folder.iterdir()) == [
        f"KDC-{YEAR}-0001 Kees de Vries.pdf", f"KDC-{YEAR}-0002 Jan Jansen.pdf"]
    for path in folder.iterdir():
        assert run("--db", db, "verify", str(path)).returncode == 0
    # Those two have a certificate now: a second run skips them.
    again = run("--db", db, "certificate", "batch", "--ended-from", "2025-06-01",
                "--ended-to", "2025-06-30", "--one-pdf", "-o", str(tmp_path / "alles.pdf"),
                env=AS_BEHEER)
    assert again.returncode == 0 and "niets uitgegeven" in again.stdout
    revoke = run("--db", db, "certificate", "revoke", f"KDC-{YEAR}-0001", "--reason", "x",
                 env=AS_BEHEER)
    assert revoke.returncode == 0
    one = run("--db", db, "certificate", "batch", "--ended-from", "2025-06-01",
              "--ended-to", "2025-06-30", "--one-pdf", "-o", str(tmp_path / "alles.pdf"),
              env=AS_BEHEER)
    assert one.returncode == 0, one.stderr
    assert "1 plaatsingen hadden al een geldig certificaat" in one.stdout
    assert run("--db", db, "verify", str(tmp_path / "alles.pdf")).returncode == 0
    bad_date = run("--db", db, "certificate", "batch", "--ended-from", "juni",
                   "--ended-to", "2025-06-30", "-o", str(folder), env=AS_BEHEER)
    assert_clean_failure(bad_date, 2, "2025-12-31")


def test_an_unwritable_target_leaves_nothing_and_issues_nothing(db_url: URL,
                                                                tmp_path: Path) -> None:
    db, ids = _shop(db_url)
    nowhere = run("--db", db, "certificate", "participation", "--placement", str(ids["jan"]),
                  "-o", str(tmp_path / "bestaat-niet" / "c.pdf"), env=AS_BEHEER)
    assert_clean_failure(nowhere, 1, "Fout: De map", "bestaat niet")
    # A folder nobody can write in (even root cannot create files in /proc).
    readonly = run("--db", db, "certificate", "participation", "--placement", str(ids["jan"]),
                   "-o", "/proc/c.pdf", env=AS_BEHEER)
    assert_clean_failure(readonly, 1, "Fout: Het bestand kan niet worden geschreven naar "
                         "'/proc/c.pdf'", "Er is niets uitgegeven")
    assert not Path("/proc/c.pdf").exists()
    batch = run("--db", db, "certificate", "batch", "--ended-from", "2025-01-01",
                "--ended-to", "2025-12-31", "-o", "/proc", env=AS_BEHEER)
    assert_clean_failure(batch, 1, "Fout: De certificaten kunnen niet worden geschreven")
    assert run("--db", db, "certificate", "list", env=AS_BEHEER).stdout == "0 certificaten\n"
    done = run("--db", db, "certificate", "participation", "--placement", str(ids["jan"]),
               "-o", str(tmp_path / "c.pdf"), env=AS_BEHEER)
    assert _serial_and_code(done.stdout)[0] == f"KDC-{YEAR}-0001"  # no number was used
    assert sorted(p.name for p in tmp_path.glob("*.pdf*")) == ["c.pdf"]


def test_an_invoer_issues_nothing_but_may_verify(db_url: URL, tmp_path: Path) -> None:
    db, ids = _shop(db_url)
    target = tmp_path / "c.pdf"
    refused = run("--db", db, "certificate", "participation", "--placement", str(ids["jan"]),
                  "-o", str(target), env=AS_INVOER)
    assert_clean_failure(refused, 1, "Fout: U hebt geen toestemming hiervoor")
    assert not target.exists()
    for command in (("list",), ("revoke", f"KDC-{YEAR}-0001", "--reason", "x")):
        assert_clean_failure(run("--db", db, "certificate", *command, env=AS_INVOER), 1,
                             "Fout: U hebt geen toestemming hiervoor")
    assert run("--db", db, "verify", "2345-6789").returncode == 3
