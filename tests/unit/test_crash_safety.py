"""Crash safety: the program is killed (SIGKILL) during an import and during a stream of edits.

Afterwards the database is sound, everything the program reported as saved is there, an import
is all or nothing, and a new write works at once (tests/crash_worker.py does the killing and the
checking; tools/killtest.py does the same fifty times). These tests start real programs, so they
take a few seconds each: the point is a real process that dies without any cleanup.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from kringloopdesk.db.models import GoodsFlow, ProductGroup
from tests.conftest import throwaway_database
from tests.crash_worker import (
    DAY,
    IMPORT_NOTE,
    KillResult,
    _open,
    kill_run,
    prepare,
    read_state,
    verify,
)

IMPORT_ROWS = 5_000
SEED = 20251128


@pytest.fixture(scope="module")
def killing_ground(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[URL, Path]]:
    """One prepared shop for the whole module (an empty database, a worker, the import file):
    the kills in this module build on each other's leftovers, as a real shop would."""
    folder = tmp_path_factory.mktemp("kill")
    try:
        with throwaway_database(folder, "kill") as url:
            prepare(url, folder, rows=IMPORT_ROWS)
            yield url, folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _explain(results: list[KillResult]) -> str:
    return f"seed {SEED}: " + "; ".join(
        f"{r.mode} killed after {r.delay:.2f} s: {r.problems or 'ok'}" for r in results)


def test_a_killed_import_is_all_or_nothing(killing_ground: tuple[URL, Path]) -> None:
    url, folder = killing_ground
    # Once just after the commit (which also tells how long an import takes), once at once,
    # and once at a random moment while it reads, checks, writes or commits.
    finished = kill_run(url, folder, "import", None, SEED)
    assert finished.ok and finished.imports_committed == 1, _explain([finished])
    rng = random.Random(SEED)
    results = [kill_run(url, folder, "import", delay, SEED)
               for delay in (0.0, rng.uniform(0.3, 1.0) * finished.delay)]
    assert all(r.ok for r in results), _explain([finished, *results])
    assert results[0].imports_committed == 0, _explain(results)  # killed before it could commit


def test_killed_edits_keep_every_saved_action(killing_ground: tuple[URL, Path]) -> None:
    url, folder = killing_ground
    rng = random.Random(SEED + 1)
    results = [kill_run(url, folder, "edits", rng.uniform(0.15, 0.5), SEED + n)
               for n in range(3)]
    assert all(r.ok for r in results), _explain(results)
    assert all(r.actions_checked > 0 for r in results), _explain(results)


def test_the_checks_find_a_lost_action_and_a_partial_import(
    killing_ground: tuple[URL, Path],
) -> None:
    """The verdicts above can fail: a journal that claims more than the database holds, and
    a few rows of an import, are both reported."""
    url, folder = killing_ground
    db = _open(url)
    try:
        before = read_state(db, json.loads((folder / "setup.json").read_text())["worker_id"])
        note = "killtest-e999-0"
        lie = {"kind": "flow_new", "key": f"flow:{note}", "note": note,
               "values": {"kg": "1.000", "version": 1}}
        (folder / "journal-edits.log").write_text(f"BEGIN {json.dumps(lie)}\nDONE\n",
                                                  encoding="utf-8")
        claimed = KillResult("edits", 0.0)
        verify(url, folder, "edits", before, 0, claimed)
        assert claimed.actions_checked == 1
        assert any("missing" in p and note in p for p in claimed.problems), claimed.problems

        (folder / "journal-import.log").write_text("", encoding="utf-8")
        with db.read_session() as session:
            imported = session.scalar(select(func.count()).select_from(GoodsFlow)
                                      .where(GoodsFlow.note == IMPORT_NOTE))
        with db.session() as session:
            group_id = session.scalar(select(ProductGroup.id).limit(1))
            session.add_all(GoodsFlow(flow_date=DAY, direction="in", product_group_id=group_id,
                                      kg=Decimal(2), channel="brengen", note=IMPORT_NOTE)
                            for _ in range(3))
        partial = KillResult("import", 0.0)
        verify(url, folder, "import", {}, imported, partial)
        assert any("partial import: 3 of" in p for p in partial.problems), partial.problems
    finally:
        db.dispose()
