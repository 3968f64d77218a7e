"""Back-ups: make, verify, list, rotate and restore them (docs/backup.md).

SQLite is copied with the online backup API only; PostgreSQL as a logical zip of every table
(and a ``pg_dump`` custom-format file next to it when ``pg_dump`` is installed). Every back-up
is checked right after writing — a copy that cannot be read back is no back-up — and written
under a ``.part`` name first, so a full disk or a pulled USB stick leaves no half file.

Restoring first backs up what is there now (kind ``voor-terugzetten``), then replaces the
contents: SQLite through the backup API into the live file, PostgreSQL in one transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import Connection, MetaData, func, insert, select, text
from sqlalchemy import types as sqltypes
from sqlalchemy.exc import DBAPIError

from kringloopdesk import __version__
from kringloopdesk.db import backup as lowlevel
from kringloopdesk.db.engine import Database, is_sqlite
from kringloopdesk.db.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    prepare_schema,
    script_directory,
)
from kringloopdesk.db.models import ShopProfile, User
from kringloopdesk.errors import JobCancelledError, SchemaTooNewError, UserError
from kringloopdesk.i18n import _
from kringloopdesk.paths import backup_dir
from kringloopdesk.services import audit
from kringloopdesk.services.permissions import Permission, requires
from kringloopdesk.services.progress import Progress
from kringloopdesk.settings import read_local

log = logging.getLogger(__name__)

MANUAL = "handmatig"
DAILY = "dagelijks"
ON_EXIT = "afsluiten"
BEFORE_RESTORE = "voor-terugzetten"
BEFORE_UPGRADE = "voor-upgrade"
KINDS = (MANUAL, DAILY, ON_EXIT, BEFORE_RESTORE)
AUTOMATIC_KINDS = frozenset({DAILY, ON_EXIT})
KIND_LABELS = {
    MANUAL: "Handmatig",
    DAILY: "Dagelijks",
    ON_EXIT: "Bij afsluiten",
    BEFORE_RESTORE: "Voor terugzetten",
    BEFORE_UPGRADE: "Voor upgrade",
}

PREFIX = "kringloopdesk"
SQLITE_SUFFIX = ".sqlite"
ZIP_SUFFIX = ".zip"
PG_DUMP_SUFFIX = ".dump"
_SQLITE_HEADER = b"SQLite format 3\x00"
_NAME = re.compile(
    rf"^{PREFIX}-(\d{{8}})-(\d{{6}})-({'|'.join(KINDS)})(?:-\d+)?\.(sqlite|zip)$"
)
_UPGRADE_NAME = re.compile(r"^voor-upgrade-.+-(\d{8})-(\d{6})\.(sqlite|zip)$")
_INSERT_BATCH = 1000

# The tables the preview names, with their Dutch label, in the order shown.
MAIN_TABLES = (
    ("workers", "Deelnemers"),
    ("placements", "Plaatsingen"),
    ("hour_entries", "Urenregels"),
    ("goods_flows", "Weegregels"),
    ("tagged_items", "Artikelen"),
    ("partners", "Partners"),
    ("certificates", "Certificaten"),
    ("users", "Gebruikers"),
)


@dataclass(frozen=True)
class BackupFile:
    """A back-up in the folder, known from its name."""

    path: Path
    kind: str
    created: dt.datetime  # local time, from the name
    size: int

    @property
    def automatic(self) -> bool:
        return self.kind in AUTOMATIC_KINDS

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS.get(self.kind, self.kind))


@dataclass(frozen=True)
class BackupInfo:
    """What a back-up file holds, for the preview before restoring."""

    path: Path
    engine: str  # "sqlite" or "postgresql" (the logical zip)
    shop_name: str | None
    created: dt.datetime
    schema_revision: str | None
    counts: dict[str, int] = field(default_factory=dict)

    def main_counts(self) -> list[tuple[str, int]]:
        """(Dutch label, rows) of the main tables, for the preview."""
        return [(_(label), self.counts.get(name, 0)) for name, label in MAIN_TABLES]

    @property
    def engine_label(self) -> str:
        return _("SQLite-bestand") if self.engine == "sqlite" else _("PostgreSQL (zip)")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    kind: str
    counts: dict[str, int]
    pg_dump_path: Path | None = None


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    before: BackupResult  # the back-up of what was there before


# -- where and what ---------------------------------------------------------------------------


def backup_folder() -> Path:
    """The folder for automatic back-ups: the local setting, else the standard folder."""
    chosen = str(read_local("backup.folder") or "").strip()
    return Path(chosen) if chosen else backup_dir()


def _suffix(db: Database) -> str:
    return SQLITE_SUFFIX if is_sqlite(db.engine) else ZIP_SUFFIX


def backup_name(kind: str, now: dt.datetime, suffix: str) -> str:
    """The file name of a back-up: kind and moment can be read back from it."""
    return f"{PREFIX}-{now:%Y%m%d-%H%M%S}-{kind}{suffix}"


def suggested_name(db: Database, now: dt.datetime | None = None) -> str:
    return backup_name(MANUAL, now or dt.datetime.now(), _suffix(db))


def parse_backup_name(path: Path) -> tuple[str, dt.datetime] | None:
    """(kind, created) from a back-up's file name, or None for any other file."""
    match = _NAME.match(path.name)
    if match:
        stamp = dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
        return match[3], stamp
    match = _UPGRADE_NAME.match(path.name)
    if match:
        return BEFORE_UPGRADE, dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
    return None


def list_backups(folder: Path | None = None) -> list[BackupFile]:
    """The back-ups in the folder, newest first (other files are ignored)."""
    folder = folder or backup_folder()
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_backup_name(path)
        if parsed is None or not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(path, parsed[0], parsed[1], size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


# -- making one -------------------------------------------------------------------------------


def _free_destination(folder: Path, kind: str, now: dt.datetime, suffix: str) -> Path:
    path = folder / backup_name(kind, now, suffix)
    number = 2
    while path.exists() or path.with_name(path.name + ".part").exists():
        path = folder / f"{PREFIX}-{now:%Y%m%d-%H%M%S}-{kind}-{number}{suffix}"
        number += 1
    return path


def _write_error(path: Path, exc: BaseException) -> UserError:
    problem = getattr(exc, "strerror", None) or str(exc)
    return UserError(
        _(
            "De back-up kan niet worden geschreven naar '{path}': {problem}. Er is geen half "
            "bestand achtergebleven; kies een andere plek of maak ruimte vrij.",
            path=path,
            problem=problem,
        )
    )


def make_backup(
    db: Database,
    kind: str = MANUAL,
    *,
    destination: Path | None = None,
    folder: Path | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> BackupResult:
    """Write a verified back-up to ``destination``, or into the back-up folder with a name
    that tells kind and moment. Raises ``UserError`` (in Dutch) when it cannot be written
    or does not pass the check; then no file is left behind. ``progress`` follows the copy
    and may cancel it (``JobCancelledError``): then no back-up file is left either."""
    if kind not in KINDS:
        raise ValueError(kind)
    now = now or dt.datetime.now()
    if destination is None:
        folder = folder or backup_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _write_error(folder, exc) from exc
        destination = _free_destination(folder, kind, now, _suffix(db))
    elif destination.is_dir():
        raise UserError(_("'{path}' is een map; geef een bestandsnaam, bijvoorbeeld {name}.",
                          path=destination, name=suggested_name(db, now)))
    elif not destination.parent.is_dir():
        raise UserError(_("De map '{folder}' bestaat niet.", folder=destination.parent))
    progress = Progress.ensure(progress)
    progress.label(_("Back-up maken…"))
    try:
        if is_sqlite(db.engine):
            result = _backup_sqlite(db, kind, destination, progress)
        else:
            result = _backup_postgresql(db, kind, destination, progress)
    except (OSError, sqlite3.Error) as exc:
        raise _write_error(destination, exc) from exc
    progress.finish()
    log.info("Back-up (%s) written to %s", kind, result.path)
    return result


def _live_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return current_revision(connection)


def _backup_sqlite(db: Database, kind: str, destination: Path,
                   progress: Progress) -> BackupResult:
    revision = _live_revision(db)
    counts = lowlevel.snapshot_sqlite(db.engine, destination, progress=progress.part(0, 0.8))
    # The file is in place: checking it is no longer stopped half-way.
    progress.step(0, 1, _("Back-up controleren…"), check=False)
    _verify_or_delete(destination, lambda: _check_sqlite_copy(destination, counts, revision))
    return BackupResult(destination, kind, counts)


def _backup_postgresql(db: Database, kind: str, destination: Path,
                       progress: Progress) -> BackupResult:
    with db.engine.connect() as connection:
        connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        revision = current_revision(connection)
        shop_name = _shop_name(connection)
        counts = lowlevel.dump_logical(
            connection,
            destination,
            {"schema_revision": revision, "shop_name": shop_name, "app_version": __version__,
             "kind": kind},
            progress=progress.part(0, 0.7),
        )
        connection.rollback()
    progress.part(0.7, 0.8).step(0, 1, _("Back-up controleren…"), check=False)
    _verify_or_delete(destination, lambda: _check_zip(destination, counts, revision))
    try:
        extra = _pg_dump(db, destination, progress.part(0.8, 1.0))
    except JobCancelledError:
        destination.unlink(missing_ok=True)  # stopped before the back-up was complete
        raise
    return BackupResult(destination, kind, counts, extra)


def _shop_name(connection: Connection) -> str | None:
    try:
        return connection.scalar(select(ShopProfile.name).limit(1))
    except DBAPIError:
        return None


def _pg_dump(db: Database, destination: Path, progress: Progress | None = None) -> Path | None:
    """A ``pg_dump`` custom-format file next to the zip, when pg_dump is installed. An extra
    for the server's administrator (pg_restore); the app restores from the zip, so a failure
    here is logged, not raised. A cancel stops pg_dump and removes its ``.part`` file."""
    progress = Progress.ensure(progress)
    progress.label(_("Extra kopie met pg_dump maken…"))
    program = shutil.which("pg_dump")
    if program is None:
        return None
    url = db.engine.url
    target = destination.with_suffix(PG_DUMP_SUFFIX)
    partial = target.with_name(target.name + ".part")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    command = [program, "--format=custom", "--no-owner", f"--file={partial}",
               f"--dbname={url.database}"]
    if url.host:
        command.append(f"--host={url.host}")
    if url.port:
        command.append(f"--port={url.port}")
    if url.username:
        command.append(f"--username={url.username}")
    try:
        _run_cancellable(command, env, progress)
        os.replace(partial, target)
    except JobCancelledError:
        partial.unlink(missing_ok=True)
        raise
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("pg_dump next to %s failed: %s", destination, exc)
        partial.unlink(missing_ok=True)
        return None
    return target


def _run_cancellable(command: list[str], env: dict[str, str], progress: Progress,
                     timeout: float = 3600) -> None:
    """Run ``command`` to its end, looking for a cancel a few times a second (then it is
    killed); raises ``CalledProcessError`` on a non-zero exit."""
    started = time.monotonic()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as process:
        while True:
            try:
                code = process.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                if progress.cancelled or time.monotonic() - started > timeout:
                    process.kill()
                    process.wait()
                    progress.check()
                    raise
    if code != 0:
        raise subprocess.CalledProcessError(code, command[0])


# -- checking ---------------------------------------------------------------------------------


class _CheckFailed(Exception):
    """A back-up file that does not hold what it should (reason in English, for the log)."""


def _verify_or_delete(path: Path, check) -> None:
    try:
        check()
    except (_CheckFailed, sqlite3.Error, zipfile.BadZipFile, OSError, ValueError,
            KeyError) as exc:
        log.error("Back-up %s failed its check: %s", path, exc)
        path.unlink(missing_ok=True)
        raise UserError(
            _(
                "De back-up is geschreven, maar bij de controle bleek het bestand niet goed "
                "({problem}). Het is verwijderd; probeer het opnieuw of kies een andere plek.",
                problem=exc,
            )
        ) from exc


def _open_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_integrity(connection: sqlite3.Connection) -> None:
    result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise _CheckFailed("integrity check: " + "; ".join(result[:3]))


def _sqlite_revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _check_sqlite_copy(path: Path, counts: dict[str, int], revision: str | None) -> None:
    connection = _open_readonly(path)
    try:
        _sqlite_integrity(connection)
        if _sqlite_revision(connection) != revision:
            raise _CheckFailed("schema revision differs")
        if lowlevel.sqlite_counts(connection) != counts:
            raise _CheckFailed("row counts differ")
    finally:
        connection.close()


def _check_zip(path: Path, counts: dict[str, int], revision: str | None) -> None:
    manifest = lowlevel.read_manifest(path)
    if manifest.get("schema_revision") != revision:
        raise _CheckFailed("schema revision differs")
    if manifest.get("tables") != counts:
        raise _CheckFailed("manifest counts differ")
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            raise _CheckFailed(f"damaged member {bad}")
        for table, expected in counts.items():
            with archive.open(f"tables/{table}.jsonl") as handle:
                lines = sum(1 for line in handle if line.strip())
            if lines != expected:
                raise _CheckFailed(f"{table}: {lines} lines, manifest says {expected}")


# -- reading one back -------------------------------------------------------------------------


def _not_a_backup(path: Path) -> UserError:
    return UserError(
        _("'{name}' is geen back-up van KringloopDesk. Kies een bestand dat KringloopDesk "
          "als back-up heeft gemaakt (.sqlite of .zip).", name=path.name)
    )


def _damaged(path: Path, problem: object) -> UserError:
    return UserError(
        _("De back-up '{name}' is beschadigd ({problem}) en kan niet worden teruggezet. "
          "Kies een andere back-up.", name=path.name, problem=problem)
    )


def read_backup_info(path: Path) -> BackupInfo:
    """What the back-up holds (shop, moment, schema, counts), after checking that it is a
    sound KringloopDesk back-up; a clear Dutch ``UserError`` otherwise."""
    if not path.is_file():
        raise UserError(_("Het bestand '{path}' bestaat niet.", path=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise UserError(_("Het bestand '{path}' kan niet worden gelezen: {problem}",
                          path=path, problem=exc.strerror or exc)) from exc
    if header == _SQLITE_HEADER:
        return _sqlite_info(path)
    if zipfile.is_zipfile(path):
        return _zip_info(path)
    raise _not_a_backup(path)


def _created(path: Path) -> dt.datetime:
    parsed = parse_backup_name(path)
    if parsed is not None:
        return parsed[1]
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def _sqlite_info(path: Path) -> BackupInfo:
    try:
        connection = _open_readonly(path)
    except sqlite3.Error as exc:
        raise _damaged(path, exc) from exc
    try:
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "shop_profile"} <= tables:
            raise _not_a_backup(path)
        _sqlite_integrity(connection)
        revision = _sqlite_revision(connection)
        row = connection.execute("SELECT name FROM shop_profile LIMIT 1").fetchone()
        counts = lowlevel.sqlite_counts(connection)
    except (sqlite3.Error, _CheckFailed) as exc:
        raise _damaged(path, exc) from exc
    finally:
        connection.close()
    return BackupInfo(path, "sqlite", row[0] if row else None, _created(path), revision,
                      counts)


def _zip_info(path: Path) -> BackupInfo:
    try:
        manifest = lowlevel.read_manifest(path)
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise _not_a_backup(path) from exc
    try:
        counts = {str(k): int(v) for k, v in manifest["tables"].items()}
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
        if bad is not None:
            raise _CheckFailed(f"{bad}")
        created = dt.datetime.fromisoformat(manifest["created_at"]).astimezone().replace(
            tzinfo=None)
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, _CheckFailed) as exc:
        raise _damaged(path, exc) from exc
    return BackupInfo(path, "postgresql", manifest.get("shop_name"), created,
                      manifest.get("schema_revision"), counts)


def _check_schema_known(info: BackupInfo) -> None:
    """The same refusal as opening a database from a newer version (db/migrate.py)."""
    if info.schema_revision is None:
        raise _not_a_backup(info.path)
    try:
        script_directory().get_revision(info.schema_revision)
    except Exception as exc:
        raise SchemaTooNewError(
            _(
                "Deze back-up is gemaakt met een nieuwere versie van KringloopDesk "
                "(schema {revision}). Installeer de nieuwste versie; er is niets veranderd.",
                revision=info.schema_revision,
            )
        ) from exc


# -- rotation ---------------------------------------------------------------------------------


def _previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def plan_rotation(
    backups: list[BackupFile],
    now: dt.datetime,
    keep_daily: int,
    keep_weekly: int,
    keep_monthly: int,
) -> tuple[list[BackupFile], list[BackupFile]]:
    """(keep, delete) among the automatic back-ups: grandfather-father-son. The newest
    back-up of each of the last ``keep_daily`` days, of each of the last ``keep_weekly`` ISO
    weeks and of each of the last ``keep_monthly`` months stays; other automatic back-ups
    go. Manual, pre-restore and pre-upgrade back-ups are never in either list."""
    today = now.date()
    days = {today - dt.timedelta(days=i) for i in range(keep_daily)}
    weeks = {(today - dt.timedelta(weeks=i)).isocalendar()[:2] for i in range(keep_weekly)}
    months: set[tuple[int, int]] = set()
    month = (today.year, today.month)
    for _i in range(keep_monthly):
        months.add(month)
        month = _previous_month(*month)
    automatic = sorted((b for b in backups if b.automatic),
                       key=lambda b: (b.created, b.path.name), reverse=True)
    keep: dict[Path, BackupFile] = {}
    seen: set[tuple] = set()
    for backup in automatic:
        day = backup.created.date()
        if day > today:
            keep[backup.path] = backup  # from the future (a clock that was wrong): leave it
            continue
        buckets = (("d", day, day in days),
                   ("w", day.isocalendar()[:2], day.isocalendar()[:2] in weeks),
                   ("m", (day.year, day.month), (day.year, day.month) in months))
        for name, bucket, wanted in buckets:
            if wanted and (name, bucket) not in seen:
                seen.add((name, bucket))
                keep[backup.path] = backup
    delete = [b for b in automatic if b.path not in keep]
    return list(keep.values()), delete


def rotate(folder: Path | None = None, now: dt.datetime | None = None) -> list[Path]:
    """Delete the automatic back-ups the rotation rule no longer keeps; returns them."""
    folder = folder or backup_folder()
    _keep, delete = plan_rotation(
        list_backups(folder), now or dt.datetime.now(), int(read_local("backup.keep_daily")),
        int(read_local("backup.keep_weekly")), int(read_local("backup.keep_monthly")),
    )
    removed: list[Path] = []
    for backup in delete:
        for path in (backup.path, backup.path.with_suffix(PG_DUMP_SUFFIX)):
            try:
                if path.exists():
                    path.unlink()
                    removed.append(path)
            except OSError:
                log.warning("Could not remove the old back-up %s", path)
    if removed:
        log.info("Rotation removed %d old back-up files", len(removed))
    return removed


def should_make_daily(now: dt.datetime, folder: Path | None = None) -> bool:
    """True when the daily back-up is on and there is no automatic back-up of today yet."""
    if not read_local("backup.daily"):
        return False
    return not any(b.automatic and b.created.date() == now.date()
                   for b in list_backups(folder))


def automatic_backup(
    db: Database, kind: str, *, folder: Path | None = None, now: dt.datetime | None = None
) -> BackupResult:
    """A daily or on-exit back-up into the folder, then the rotation."""
    if kind not in AUTOMATIC_KINDS:
        raise ValueError(kind)
    now = now or dt.datetime.now()
    result = make_backup(db, kind, folder=folder, now=now)
    rotate(folder, now)
    return result


@requires(Permission.MANAGE_BACKUPS)
def manual_backup(
    db: Database, actor: object, destination: Path | None = None, *,
    progress: Progress | None = None,
) -> BackupResult:
    """"Nu een back-up maken": to a chosen file (a USB stick) or into the folder."""
    return make_backup(db, MANUAL, destination=destination, progress=progress)


# -- restoring --------------------------------------------------------------------------------


def check_restorable(db: Database, info: BackupInfo) -> None:
    """Refuse, before anything changes, a back-up this database cannot take."""
    _check_schema_known(info)
    if is_sqlite(db.engine) and info.engine != "sqlite":
        raise UserError(_(
            "Deze back-up komt van een PostgreSQL-server (zip) en kan alleen in een "
            "PostgreSQL-database worden teruggezet. Er is niets veranderd."))
    if not is_sqlite(db.engine) and info.engine != "postgresql":
        raise UserError(_(
            "Deze back-up is een SQLite-bestand en kan niet in een PostgreSQL-database worden "
            "teruggezet. Open het bestand zelf met --db, of kies een zip-back-up van de "
            "server. Er is niets veranderd."))


@requires(Permission.MANAGE_BACKUPS)
def restore_backup(
    db: Database, actor: object, path: Path, *, folder: Path | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """Replace the database with the back-up at ``path`` (a beheerder, logged in).

    ``progress`` follows the back-up made first and the restore itself; a cancel during
    either leaves the database as it was (the restore is one transaction on PostgreSQL and
    rolled back by SQLite's backup API), and the back-up made first stays in the folder."""
    return _restore(db, path, actor, folder, progress)


def restore_into_empty(db: Database, path: Path, *, folder: Path | None = None,
                       progress: Progress | None = None) -> RestoreResult:
    """Restore into a database without a shop (a new or emptied one): there is no one to
    log in yet, and nothing of anyone's is replaced."""
    if database_has_shop(db):
        raise UserError(_("Deze database heeft al een winkel; terugzetten mag dan alleen een "
                          "ingelogde beheerder."))
    return _restore(db, path, None, folder, progress)


def database_has_shop(db: Database) -> bool:
    """Whether a shop is set up (then restoring needs a logged-in beheerder)."""
    try:
        with db.engine.connect() as connection:
            return bool(connection.scalar(select(func.count()).select_from(ShopProfile)))
    except DBAPIError:
        return False


def _restore(db: Database, path: Path, actor: object | None,
             folder: Path | None, progress: Progress | None = None) -> RestoreResult:
    progress = Progress.ensure(progress)
    info = read_backup_info(path)
    check_restorable(db, info)
    before = make_backup(db, BEFORE_RESTORE, folder=folder, progress=progress.part(0, 0.4))
    restoring = progress.part(0.4, 1.0)
    restoring.label(_("Back-up terugzetten…"))
    try:
        if is_sqlite(db.engine):
            _restore_sqlite(db, info, before, folder, restoring)
        else:
            _restore_postgresql(db, info, restoring)
    except JobCancelledError:
        log.info("Restore of %s cancelled; nothing changed", path)
        raise JobCancelledError(_("Geannuleerd. Er is niets veranderd.")) from None
    except UserError as error:
        raise UserError(_("{problem} De back-up van daarvoor staat in {path}.",
                          problem=error.message, path=before.path)) from error
    _record_restore(db, info, before, actor)
    progress.finish()
    log.info("Restored %s (before: %s)", path, before.path)
    return RestoreResult(info, before)


def _restore_sqlite(db: Database, info: BackupInfo, before: BackupResult,
                    folder: Path | None, progress: Progress | None = None) -> None:
    try:
        # Cancelled before the last page: SQLite rolls the live file back (db/backup.py).
        lowlevel.restore_sqlite(db.engine, info.path,
                                progress=progress.part(0, 0.9) if progress else None)
    except sqlite3.Error as exc:
        raise UserError(_("Terugzetten lukte niet: {problem}. Sluit andere programma's die de "
                          "database open hebben en probeer het opnieuw.",
                          problem=exc)) from exc
    try:
        if info.schema_revision != head_revision():
            prepare_schema(db.engine, backup_folder=folder or backup_folder())
        with db.engine.connect() as connection:
            raw = connection.connection.driver_connection
            _sqlite_integrity(raw)
            if info.schema_revision == head_revision() and lowlevel.sqlite_counts(raw) != \
                    info.counts:
                raise _CheckFailed("row counts differ from the back-up")
    except (_CheckFailed, sqlite3.Error) as exc:
        log.error("Restored database failed its check (%s); putting back %s", exc,
                  before.path)
        lowlevel.restore_sqlite(db.engine, before.path)
        raise UserError(_("Na het terugzetten klopte de database niet ({problem}); de vorige "
                          "toestand is teruggezet.", problem=exc)) from exc


def _decoder(column):
    """Turn a JSON value from the zip back into what the column takes."""
    kind = column.type
    if isinstance(kind, sqltypes.LargeBinary):
        return lambda v: bytes.fromhex(v["$bytes"]) if isinstance(v, dict) else v
    if isinstance(kind, sqltypes.DateTime):
        return lambda v: dt.datetime.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(kind, sqltypes.Date):
        return lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(kind, sqltypes.Time):
        return lambda v: dt.time.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(kind, sqltypes.Numeric) and not isinstance(kind, sqltypes.Float):
        from decimal import Decimal

        return lambda v: Decimal(v) if isinstance(v, str) else v
    return None


def _load_table(connection: Connection, archive: zipfile.ZipFile, table) -> int:
    decoders = {c.name: d for c in table.columns if (d := _decoder(c)) is not None}
    batch: list[dict] = []
    total = 0
    for row in lowlevel.logical_rows(archive, table.name):
        for name, decode in decoders.items():
            if row.get(name) is not None:
                row[name] = decode(row[name])
        batch.append(row)
        if len(batch) >= _INSERT_BATCH:
            connection.execute(insert(table), batch)
            total += len(batch)
            batch = []
    if batch:
        connection.execute(insert(table), batch)
        total += len(batch)
    return total


def _reset_sequences(connection: Connection, tables) -> None:
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                         {"t": table.name, "c": column.name})
            if sequence:
                connection.execute(
                    text(f'SELECT setval(:s, COALESCE((SELECT max("{column.name}") FROM '
                         f'"{table.name}"), 0) + 1, false)'), {"s": sequence})


def _restore_postgresql(db: Database, info: BackupInfo,
                        progress: Progress | None = None) -> None:
    """Everything in one transaction: bring the schema to the back-up's revision, empty
    every table, load the rows in dependency order, set the sequences, upgrade again."""
    from alembic import command

    try:
        with db.engine.connect() as connection, connection.begin():
            # Other PCs still working would block TRUNCATE for ever; give up clearly.
            connection.execute(text("SET LOCAL lock_timeout = '15s'"))
            live = current_revision(connection)
            if live != info.schema_revision:
                command.downgrade(alembic_config(connection), info.schema_revision)
            metadata = MetaData()
            metadata.reflect(connection)
            tables = metadata.sorted_tables
            names = ", ".join(f'"{t.name}"' for t in tables)
            # TRUNCATE, not DELETE: the audit log's append-only trigger is for rows.
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            progress = Progress.ensure(progress)
            with zipfile.ZipFile(info.path) as archive:
                for number, table in enumerate(tables):
                    progress.step(number, len(tables))  # a cancel rolls everything back
                    if table.name not in info.counts:
                        continue
                    loaded = _load_table(connection, archive, table)
                    if loaded != info.counts[table.name]:
                        raise _CheckFailed(f"{table.name}: {loaded} rows loaded")
            _reset_sequences(connection, tables)
            progress.check()  # the last moment to stop: the commit follows
            if info.schema_revision != head_revision():
                command.upgrade(alembic_config(connection), "head")
    except _CheckFailed as exc:
        raise UserError(_("Terugzetten is mislukt en teruggedraaid ({problem}); er is niets "
                          "veranderd.", problem=exc)) from exc
    except DBAPIError as exc:
        problem = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise UserError(_("Terugzetten is mislukt en teruggedraaid; er is niets veranderd. "
                          "Werkt iemand op een andere pc nog met KringloopDesk? Sluit het daar "
                          "en probeer opnieuw. ({problem})", problem=problem)) from exc


def _record_restore(db: Database, info: BackupInfo, before: BackupResult,
                    actor: object | None) -> None:
    """The audit entry, in the restored database; the user is linked only if that account
    exists there too (its id may differ or be gone)."""
    username = getattr(actor, "username", None)
    with db.session() as session:
        user_id = None
        if username:
            user_id = session.scalar(select(User.id).where(User.username == username))
        who = SimpleNamespace(user_id=user_id, username=username)
        audit.record(session, who, "restore", "database", None, [],
                     summary=_("Back-up van {date} teruggezet ({name}); de database van "
                               "daarvoor staat in {before}.",
                               date=f"{info.created:%d-%m-%Y %H:%M}", name=info.path.name,
                               before=before.path.name))
