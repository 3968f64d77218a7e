"""A program that is killed on purpose, and the checks afterwards (docs/reliability.md).

The worker (``python -m tests.crash_worker MODE FOLDER``, database from ``KRINGLOOPDESK_DB``)
uses the real services on a real database, each user action in its own
``Database.session()`` as the GUI does:

- ``import``: imports ``FOLDER/flows.csv`` (all rows carry the note :data:`IMPORT_NOTE`) in
  one unit of work, and appends ``COMMITTED <rows>`` to the journal once the commit returned;
- ``edits``: a stream of user actions (record, change and delete a weighing, register an item,
  change a worker) from a seeded generator. Before each action it appends ``BEGIN <action>``
  to the journal and after the commit ``DONE``, each written with flush + fsync: a ``DONE``
  line is what the program told its user ("opgeslagen").

The parent (:func:`kill_run`) starts the worker, waits until it says ``READY``, waits a seeded
random time, kills it with SIGKILL (on Windows: TerminateProcess) and then checks with a new
engine (:func:`verify`): ``check`` finds the database sound (SQLite: ``PRAGMA integrity_check``
is ``ok``, no broken foreign key; PostgreSQL: it opens and every table reads), every ``DONE``
action is in the database with its values (only the one action in flight may be there or
not), the import is all or nothing (the flow count grew by 0 or by all rows) and a new write
succeeds at once, so the killed program left no lock behind.

Used by tests/unit/test_crash_safety.py (a few kills) and tools/killtest.py (fifty).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import URL

from kringloopdesk.db.engine import Database, create_db_engine, is_sqlite
from kringloopdesk.db.models import GoodsFlow, ProductGroup, TaggedItem, Worker
from kringloopdesk.services import auth, crypto, flows, items, workers
from kringloopdesk.services.auth import Actor, attempt_login

ROOT = Path(__file__).resolve().parents[1]
USER = "beheer"
PASSWORD = "kill-test-wachtwoord"
IMPORT_NOTE = "killtest-import"
EDIT_PREFIX = "killtest-"
PROBE_NOTE = "killtest-probe"
CSV_NAME = "flows.csv"
SETUP_NAME = "setup.json"
DAY = dt.date(2025, 3, 3)
WORKER = workers.WorkerInput(number="K-0001", first_name="Kees", last_name="Kill",
                             doelgroep="participatiewet", start_date=DAY, phone="0612345678")
MODES = ("import", "edits")

# -- preparing ---------------------------------------------------------------------------------


def flows_csv(rows: int, seed: int = 1) -> bytes:
    """A valid flows file of ``rows`` rows, every row with the note :data:`IMPORT_NOTE`."""
    rng = random.Random(seed)
    lines = ["datum;richting;productgroep;kg;herkomst_bestemming;opmerking"]
    for i in range(rows):
        day = DAY + dt.timedelta(days=i % 200)
        if rng.random() < 0.55:
            direction, channel = "in", rng.choice(("brengen", "ophalen", "ontruiming"))
        else:
            direction, channel = "uit", rng.choice(("hergebruik", "recycling", "restafval"))
        kg = f"{rng.randint(1, 250_000) / 1000:.3f}".replace(".", ",")
        group = rng.choice(("meubels", "textiel", "kleingoed", "boeken_media"))
        lines.append(f"{day:%d-%m-%Y};{direction};{group};{kg};{channel};{IMPORT_NOTE}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def quick_key_derivation() -> None:
    """A cheap argon2 for the login (as in tests/conftest.py): the password hash and the data
    key are made with it in :func:`prepare`, and every worker logs in with it. The login is
    not what is tested, and each kill starts a new program that logs in."""
    from argon2 import PasswordHasher

    auth._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    crypto.KDF_TIME_COST, crypto.KDF_MEMORY_KIB, crypto.KDF_PARALLELISM = 1, 1024, 1


def prepare(url: URL, folder: Path, *, rows: int) -> None:
    """A shop with one worker in an empty database, and the import file in ``folder``."""
    from kringloopdesk.db.migrate import open_database
    from kringloopdesk.services.setup import ShopInfo, initialise_shop

    quick_key_derivation()
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(url)
    try:
        with db.session() as session:
            initialise_shop(session, ShopInfo(name="Kringloop Killtest",
                                              certificate_prefix="KIL"),
                            username=USER, full_name="Bea Beheer", password=PASSWORD)
        actor = login(db)
        with db.session() as session:
            worker = workers.create_worker(session, actor, WORKER)
        (folder / SETUP_NAME).write_text(json.dumps({"worker_id": worker.id, "rows": rows}),
                                         encoding="utf-8")
        (folder / CSV_NAME).write_bytes(flows_csv(rows))
    finally:
        db.dispose()


def login(db: Database) -> Actor:
    with db.session() as session:
        return attempt_login(session, USER, PASSWORD).actor_or_raise()


def _setup(folder: Path) -> dict[str, int]:
    return json.loads((folder / SETUP_NAME).read_text(encoding="utf-8"))


# -- the state that the journal promises -------------------------------------------------------

State = dict[str, dict[str, Any]]


def read_state(db: Database, worker_id: int) -> State:
    """What the edits stream touches: its flows (by note), items (by description), the
    worker's phone and version. Ids are kept for the worker's next action, not compared."""
    state: State = {}
    with db.read_session() as session:
        for flow in session.scalars(select(GoodsFlow).where(
                GoodsFlow.note.like(f"{EDIT_PREFIX}e%"))):
            state[f"flow:{flow.note}"] = {"id": flow.id, "kg": _kg(flow.kg),
                                          "version": flow.version}
        for item in session.scalars(select(TaggedItem).where(
                TaggedItem.description.like(f"{EDIT_PREFIX}e%"))):
            state[f"item:{item.description}"] = {"id": item.id, "version": item.version}
        worker = session.get(Worker, worker_id)
        assert worker is not None
        state["worker"] = {"id": worker_id, "phone": worker.phone, "version": worker.version}
    return state


def apply(state: State, action: dict[str, Any]) -> State:
    """``state`` after ``action`` (a journal entry)."""
    new = dict(state)
    key = action["key"]
    if action["kind"] == "flow_delete":
        del new[key]
    else:
        new[key] = {**state.get(key, {}), **action["values"]}
    return new


def comparable(state: State) -> dict[str, dict[str, Any]]:
    return {key: {k: v for k, v in values.items() if k != "id"} for key, values in state.items()}


# -- the worker --------------------------------------------------------------------------------


class Journal:
    """Append-only lines that are on disk before the next action starts."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("a", encoding="utf-8")

    def write(self, line: str) -> None:
        self.handle.write(line + "\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())


def _flow_input(group_id: int, kg: str, note: str) -> flows.FlowInput:
    return flows.FlowInput(flow_date=DAY, direction="in", product_group_id=group_id, kg=kg,
                           channel="brengen", note=note)


def _kg(value: Decimal | str) -> str:
    return str(Decimal(value).quantize(Decimal("0.001")))


def _next_action(rng: random.Random, state: State, run: int, seq: int) -> dict[str, Any]:
    """A random next user action, with the values it will store. A change always changes
    something (an unchanged save keeps the version, and the check expects a new one)."""
    flow_keys = sorted(k for k in state if k.startswith("flow:"))
    roll = rng.random()
    kg = _kg(Decimal(rng.randint(1, 99_999)).scaleb(-3))
    if roll < 0.35 or not flow_keys:
        note = f"{EDIT_PREFIX}e{run}-{seq}"
        return {"kind": "flow_new", "key": f"flow:{note}", "note": note,
                "values": {"kg": kg, "version": 1}}
    if roll < 0.60:
        key = rng.choice(flow_keys)
        if kg == state[key]["kg"]:
            kg = _kg(Decimal(kg) + Decimal("0.001"))
        return {"kind": "flow_edit", "key": key, "id": state[key]["id"],
                "expected": state[key]["version"], "note": key[5:],
                "values": {"kg": kg, "version": state[key]["version"] + 1}}
    if roll < 0.70:
        key = rng.choice(flow_keys)
        return {"kind": "flow_delete", "key": key, "id": state[key]["id"],
                "expected": state[key]["version"], "values": {}}
    if roll < 0.85:
        description = f"{EDIT_PREFIX}e{run}-{seq}"
        return {"kind": "item_new", "key": f"item:{description}", "description": description,
                "values": {"version": 1}}
    worker = state["worker"]
    phone = f"06{rng.randint(10_000_000, 99_999_999)}"
    if phone == worker["phone"]:
        phone = "0600000000"
    return {"kind": "worker_edit", "key": "worker", "id": worker["id"],
            "expected": worker["version"],
            "values": {"phone": phone,
                       "version": worker["version"] + 1}}


def _perform(db: Database, actor: Actor, action: dict[str, Any], group_id: int) -> int | None:
    """Run one action in its own unit of work; the new record's id, if any."""
    kind = action["kind"]
    with db.session() as session:
        if kind == "flow_new":
            return flows.record_flow(session, actor, _flow_input(
                group_id, action["values"]["kg"], action["note"])).id
        if kind == "flow_edit":
            flows.update_flow(session, actor, action["id"], _flow_input(
                group_id, action["values"]["kg"], action["note"]), action["expected"])
        elif kind == "flow_delete":
            flows.delete_flow(session, actor, action["id"], action["expected"])
        elif kind == "item_new":
            return items.create_item(session, actor, items.ItemInput(
                product_group="kleingoed", description=action["description"],
                intake_date=DAY)).id
        elif kind == "worker_edit":
            workers.update_worker(session, actor, action["id"],
                                  replace(WORKER, phone=action["values"]["phone"]),
                                  action["expected"])
    return None


def run_edits(db: Database, actor: Actor, folder: Path, journal: Journal, seed: int) -> None:
    state = read_state(db, _setup(folder)["worker_id"])
    with db.read_session() as session:
        group_id = session.scalar(select(ProductGroup.id).where(ProductGroup.code == "kleingoed"))
    rng = random.Random(seed)
    print("READY", flush=True)
    for seq in range(1_000_000):
        action = _next_action(rng, state, seed, seq)
        journal.write("BEGIN " + json.dumps(action))
        new_id = _perform(db, actor, action, group_id)
        journal.write("DONE")
        state = apply(state, action)
        if new_id is not None:
            state[action["key"]]["id"] = new_id


def run_import(db: Database, actor: Actor, folder: Path, journal: Journal) -> None:
    from kringloopdesk.services.imports import import_flows

    data = (folder / CSV_NAME).read_bytes()
    print("READY", flush=True)
    with db.session() as session:
        summary = import_flows(session, actor, data)
    journal.write(f"COMMITTED {summary.rows}")
    print("FINISHED", flush=True)
    time.sleep(3600)  # wait to be killed: the parent decides when


def worker_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=MODES)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from kringloopdesk.db.engine import resolve_url

    quick_key_derivation()
    db = Database.from_engine(create_db_engine(resolve_url(None)))
    actor = login(db)
    journal = Journal(args.folder / f"journal-{args.mode}.log")
    if args.mode == "import":
        run_import(db, actor, args.folder, journal)
    else:
        run_edits(db, actor, args.folder, journal, args.seed)
    return 0


# -- the parent --------------------------------------------------------------------------------


@dataclass
class KillResult:
    mode: str
    delay: float
    killed: bool = True  # False: the worker had already stopped (a failure in itself)
    actions_checked: int = 0
    imports_committed: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.killed and not self.problems


def _open(url: URL) -> Database:
    """A new engine, as a freshly started program would have."""
    return Database.from_engine(create_db_engine(url))


def _import_count(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(GoodsFlow)
                              .where(GoodsFlow.note == IMPORT_NOTE)) or 0


def _journal(folder: Path, mode: str) -> list[str]:
    path = folder / f"journal-{mode}.log"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def kill_run(url: URL, folder: Path, mode: str, delay: float | None, seed: int) -> KillResult:
    """Start the worker, kill it ``delay`` seconds after it is ready, and verify.

    ``delay`` None (import only): kill it just after it reported the commit; the result's
    ``delay`` is then how long the import took, to aim the other kills with.
    """
    journal = folder / f"journal-{mode}.log"
    journal.unlink(missing_ok=True)
    db = _open(url)
    try:
        before = read_state(db, _setup(folder)["worker_id"]) if mode == "edits" else {}
        imported_before = _import_count(db)
    finally:
        db.dispose()
    env = {**os.environ, "KRINGLOOPDESK_DB": url.render_as_string(hide_password=False),
           "KRINGLOOPDESK_HOME": str(folder), "KRINGLOOPDESK_LANG": "nl",
           "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_worker", mode, str(folder), "--seed", str(seed)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    result = KillResult(mode, delay or 0.0)
    try:
        ready = process.stdout.readline() if process.stdout else ""
        if ready.strip() != "READY":
            process.wait(timeout=30)
            err = process.stderr.read() if process.stderr else ""
            result.killed = False
            result.problems.append(f"worker did not start: {ready!r} {err[-2000:]}")
            return result
        started = time.monotonic()
        if delay is None:
            finished = process.stdout.readline() if process.stdout else ""
            result.delay = time.monotonic() - started
            if finished.strip() != "FINISHED":
                result.problems.append(f"the import did not finish: {finished!r}")
        else:
            time.sleep(delay)
        if process.poll() is not None:
            result.killed = False
            err = process.stderr.read() if process.stderr else ""
            result.problems.append(f"worker stopped by itself ({process.returncode}): "
                                   f"{err[-2000:]}")
        _kill(process)
    finally:
        if process.poll() is None:
            _kill(process)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()
    verify(url, folder, mode, before, imported_before, result)
    return result


def _kill(process: subprocess.Popen[str]) -> None:
    if os.name == "nt":
        process.kill()  # TerminateProcess: as abrupt as SIGKILL
    else:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def verify(url: URL, folder: Path, mode: str, before: State, imported_before: int,
           result: KillResult) -> None:
    """The checks after a kill, with a new engine; problems go into ``result``."""
    from kringloopdesk.services.health import check_database

    db = _open(url)
    try:
        report = check_database(db)
        if not report.integrity_ok:
            result.problems.append("integrity: " + "; ".join(report.integrity_messages))
        lines = _journal(folder, mode)
        if mode == "import":
            _verify_import(db, folder, lines, imported_before, result)
        else:
            _verify_edits(db, folder, lines, before, result)
        _probe_write(db, result)
    finally:
        db.dispose()


def _verify_import(db: Database, folder: Path, lines: list[str], imported_before: int,
                   result: KillResult) -> None:
    rows = _setup(folder)["rows"]
    committed = sum(1 for line in lines if line.startswith("COMMITTED"))
    result.imports_committed = committed
    now = _import_count(db)
    allowed = {imported_before + rows} if committed else {imported_before,
                                                          imported_before + rows}
    if now not in allowed:
        what = "partial import" if (now - imported_before) % rows else "lost import"
        result.problems.append(f"{what}: {now - imported_before} of {rows} rows "
                               f"(journal: {committed} committed)")


def _verify_edits(db: Database, folder: Path, lines: list[str], before: State,
                  result: KillResult) -> None:
    expected, pending = before, None
    for line in lines:
        if line.startswith("BEGIN "):
            pending = json.loads(line[6:])
        elif line == "DONE" and pending is not None:
            expected = apply(expected, pending)
            result.actions_checked += 1
            pending = None
    actual = comparable(read_state(db, _setup(folder)["worker_id"]))
    if actual == comparable(expected):
        return
    if pending is not None and actual == comparable(apply(expected, pending)):
        return  # the action in flight was committed just before the kill: allowed
    missing = sorted(k for k in comparable(expected).items() if k not in actual.items())
    extra = sorted(k for k in actual.items() if k not in comparable(expected).items())
    result.problems.append(f"edits differ from the journal: missing/changed {missing[:5]}, "
                           f"unexpected {extra[:5]} (in flight: {pending})")


def _probe_write(db: Database, result: KillResult) -> None:
    """A new write right after the kill: no lock may be left behind."""
    started = time.monotonic()
    try:
        with db.session() as session:
            if not is_sqlite(db.engine):
                session.execute(text("SET LOCAL lock_timeout = '5s'"))
            group = session.scalar(select(ProductGroup).where(ProductGroup.code == "kleingoed"))
            session.add(GoodsFlow(flow_date=DAY, direction="in", product_group_id=group.id,
                                  kg=Decimal(1), channel="brengen", note=PROBE_NOTE))
    except Exception as exc:  # any failure is the finding
        result.problems.append(f"a new write failed after the kill: {exc}")
        return
    if time.monotonic() - started > 5:
        result.problems.append("a new write had to wait for a lock after the kill")


if __name__ == "__main__":
    raise SystemExit(worker_main(sys.argv[1:]))
