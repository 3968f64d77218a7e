"""Progress and cancel of long work (services/progress.py) through the real services: a cancel
at a given step saves nothing and leaves no file; the reported values only go up and end at
the total."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kringloopdesk.db import backup as lowlevel
from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import AuditEntry, GoodsFlow, User, Worker
from kringloopdesk.errors import JobCancelledError, UserError
from kringloopdesk.services import backups, exports, imports
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.demo import generate_demo
from kringloopdesk.services.figures import Period
from kringloopdesk.services.imports import reading
from kringloopdesk.services.progress import SCALE, Progress
from kringloopdesk.services.users import create_user

Step = tuple[int, int, str]


def recorder(cancel_at: Callable[[list[Step]], bool] | None = None
             ) -> tuple[Progress, list[Step]]:
    """A Progress that records every report and cancels (as the user would) once
    ``cancel_at(reports)`` is true."""
    steps: list[Step] = []
    holder: dict[str, Progress] = {}

    def report(value: int, total: int, text: str) -> None:
        steps.append((value, total, text))
        if cancel_at is not None and cancel_at(steps):
            holder["progress"].cancel()

    holder["progress"] = Progress(report)
    return holder["progress"], steps


def count(db: Database, model) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def flows_file(rows: int) -> bytes:
    lines = ["datum;richting;productgroep;kg;herkomst_bestemming"]
    lines += [f"2025-03-{1 + i % 28:02d};in;textiel;1,5;brengen" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


# -- the object itself --------------------------------------------------------------------------


def test_parts_move_the_bar_forward_once_and_never_back() -> None:
    progress, steps = recorder()
    first, second = progress.part(0, 0.5), progress.part(0.5, 1)
    first.step(1, 2, "een")
    first.step(2, 2)
    second.step(0, 4, "twee")
    first.step(0, 2)  # a part that reports late does not move the bar back
    second.step(4, 4)
    values = [value for value, _total, _text in steps]
    assert values == [250, 500, 500, 1000]  # the third is the new text
    assert {total for _v, total, _t in steps} == {SCALE}
    assert steps[-1][2] == "twee"


def test_check_raises_the_dutch_cancel_message_once_cancelled() -> None:
    progress = Progress()
    progress.check()
    progress.part(0.2, 0.4).cancel()  # a part shares the flag
    assert progress.cancelled
    with pytest.raises(JobCancelledError, match=r"Geannuleerd\. Er is niets opgeslagen\."):
        progress.step(1, 2)
    progress.step(2, 2, check=False)  # the last steps may finish without a check
    assert isinstance(JobCancelledError(), UserError)


def test_iterate_reports_every_n_items_and_ends_at_the_total() -> None:
    progress, steps = recorder()
    assert list(progress.iterate(range(10), 10, every=4)) == list(range(10))
    assert [value for value, _t, _x in steps] == [0, 400, 800, 1000]


def test_without_a_progress_nothing_is_reported() -> None:
    silent = Progress.ensure(None)
    silent.step(1, 2, "x")
    assert not silent.cancelled


# -- imports --------------------------------------------------------------------------------


def test_an_import_reports_up_to_the_total(shop_db: Database, beheerder: Actor,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "REPORT_EVERY", 10)
    progress, steps = recorder()
    with shop_db.session() as session:
        summary = imports.import_flows(session, beheerder, flows_file(45), progress=progress)
    assert summary.rows == 45
    values = [value for value, _total, _text in steps]
    assert values == sorted(values) and values[-1] == SCALE and len(values) >= 5
    texts = {text for _v, _t, text in steps}
    assert {"Regels controleren…", "Regels opslaan…"} <= texts


@pytest.mark.parametrize("phase", ["Bestand lezen…", "Regels controleren…",
                                   "Regels opslaan…"])
def test_a_cancelled_import_writes_no_rows(shop_db: Database, beheerder: Actor,
                                           monkeypatch: pytest.MonkeyPatch, phase: str) -> None:
    monkeypatch.setattr(reading, "REPORT_EVERY", 10)
    audit_before = count(shop_db, AuditEntry)
    progress, _steps = recorder(lambda steps: steps[-1][2] == phase)
    with pytest.raises(JobCancelledError), shop_db.session() as session:
        imports.import_flows(session, beheerder, flows_file(45), progress=progress)
    assert count(shop_db, GoodsFlow) == 0
    assert count(shop_db, AuditEntry) == audit_before


# -- exports --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_a_cancelled_export_leaves_no_file_and_no_part(shop_db: Database, beheerder: Actor,
                                                       tmp_path: Path, fmt: str) -> None:
    with shop_db.read_session() as session:
        data = exports.build_export(session, beheerder, "impact", Period.year(2025))
    folder = tmp_path / "uit"
    folder.mkdir()
    # The PDF is stopped after its first page, the others once their bytes are made.
    progress, _steps = recorder(lambda steps: len(steps) >= (2 if fmt == "pdf" else 1))
    with pytest.raises(JobCancelledError):
        exports.write_export(data, fmt, folder / f"impact.{fmt}", progress=progress)
    assert list(folder.iterdir()) == []


def test_an_export_reports_up_to_the_total(shop_db: Database, beheerder: Actor,
                                           tmp_path: Path) -> None:
    progress, steps = recorder()
    with shop_db.read_session() as session:
        data = exports.build_export(session, beheerder, "bkn", Period.year(2025),
                                    progress=progress.part(0, 0.3))
    exports.write_export(data, "pdf", tmp_path / "bkn.pdf", progress=progress.part(0.3, 1))
    values = [value for value, _total, _text in steps]
    assert values == sorted(values) and values[-1] == SCALE
    assert (tmp_path / "bkn.pdf").stat().st_size > 0


# -- back-ups -------------------------------------------------------------------------------


def test_a_cancelled_backup_leaves_no_file(shop_db: Database, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lowlevel, "PAGES_PER_STEP", 1)  # many steps on a small database
    progress, steps = recorder(lambda steps: len(steps) >= 3)
    folder = tmp_path / "b"
    with pytest.raises(JobCancelledError):
        backups.make_backup(shop_db, folder=folder, progress=progress)
    assert list(folder.iterdir()) == []
    assert len(steps) >= 3  # it was under way


def test_a_backup_reports_up_to_the_total(shop_db: Database, tmp_path: Path) -> None:
    progress, steps = recorder()
    made = backups.make_backup(shop_db, folder=tmp_path / "b", progress=progress)
    values = [value for value, _total, _text in steps]
    assert values == sorted(values) and values[-1] == SCALE
    assert made.path.exists()


def test_a_cancelled_restore_changes_nothing(shop_db: Database, beheerder: Actor,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    made = backups.make_backup(shop_db, folder=tmp_path / "b")
    with shop_db.session() as session:
        create_user(session, beheerder, username="ria", full_name="Ria", role="invoer",
                    password="vrijwilliger-1")
    monkeypatch.setattr(lowlevel, "PAGES_PER_STEP", 1)
    # Cancelled in the restore itself, after the back-up made first.
    progress, _steps = recorder(lambda steps: steps[-1][2] == "Back-up terugzetten…"
                                and steps[-1][0] > 450)
    with pytest.raises(JobCancelledError, match="Er is niets veranderd"):
        backups.restore_backup(shop_db, beheerder, made.path, folder=tmp_path / "b",
                               progress=progress)
    assert count(shop_db, User) == 2  # ria is still there: nothing was restored
    kinds = sorted(b.kind for b in backups.list_backups(tmp_path / "b"))
    assert kinds == sorted([made.kind, backups.BEFORE_RESTORE])
    assert not list((tmp_path / "b").glob("*.part"))


# -- demo data ------------------------------------------------------------------------------


def test_a_cancelled_demo_keeps_nothing(shop_db: Database, beheerder: Actor) -> None:
    progress, steps = recorder(lambda steps: len({text for _v, _t, text in steps}) >= 3)
    with pytest.raises(JobCancelledError), shop_db.session() as session:
        generate_demo(session, beheerder, scale="small", today=dt.date(2025, 6, 30),
                      progress=progress)
    assert count(shop_db, Worker) == 0 and count(shop_db, User) == 1
    values = [value for value, _total, _text in steps]
    assert values == sorted(values)

