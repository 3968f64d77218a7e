"""What every benchmark scenario shares: the demo shop it runs on, timing, and its result row.

A scenario module exposes ``run(bench: Bench) -> list[Result]``; ``benchmarks/run.py`` builds
(or reuses) the demo shop for the chosen scale, calls every module and prints one table.
Each ``Result`` holds our figure and the baseline's, measured in the same run on the same data,
and the goal: ``ratio`` goals are on ours / baseline (lower is better), ``above`` goals on
ours - baseline (for memory, in MB). Nothing here asserts: a missed goal is reported.
"""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CACHE = ROOT / "benchmarks" / ".cache"
USERNAME = "beheer"
PASSWORD = "benchmark-123"
# "tiny" is the CI smoke run (the small demo, small batches: it proves the benchmarks still
# run, its figures mean little); "large" is ten years of a big shop (1,000,000 flows).
SCALES = {"tiny": "small", "large": "large"}


@dataclass
class Result:
    scenario: str
    ours: float
    baseline: float
    goal: float | None  # the most ours may be: a ratio, or MB above the baseline
    unit: str = "s"
    kind: str = "ratio"  # "ratio" or "above"
    baseline_name: str = ""
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    @property
    def figure(self) -> float:
        """What the goal is about: the ratio, or the difference for "above" goals."""
        return self.ours - self.baseline if self.kind == "above" else self.ratio

    @property
    def met(self) -> bool | None:
        if self.goal is None:
            return None
        return self.figure <= self.goal if self.kind == "ratio" else self.figure < self.goal


@dataclass
class Bench:
    """The shop a run uses: ``scale`` is "tiny" or "large"; ``db_path`` its SQLite file."""

    scale: str
    db_path: Path
    work_dir: Path  # a scratch folder for this run (emptied by run.py)
    seed: int = 2025
    extra: dict[str, object] = field(default_factory=dict)
    quick: bool = False  # ``run.py --quick``: fewer repetitions (the CI smoke run)

    @property
    def large(self) -> bool:
        return self.scale == "large"

    def runs(self, wanted: int) -> int:
        """How often to repeat a measurement: ``wanted``, or once in a quick run."""
        return 1 if self.quick else wanted

    def url(self) -> str:
        return str(self.db_path)

    def open(self):
        """The demo database, opened as the app opens it."""
        from kringloopdesk.db.engine import resolve_url
        from kringloopdesk.db.migrate import open_database

        return open_database(resolve_url(str(self.db_path)))

    def login(self, db):
        from kringloopdesk.services.auth import attempt_login

        with db.session() as session:
            return attempt_login(session, USERNAME, PASSWORD).actor_or_raise()

    def writable_copy(self, name: str) -> Path:
        """A copy of the demo database in ``work_dir`` for a scenario that writes, so that the
        cached demo stays as it was built (``name``: a file name, unique within the run)."""
        target = self.work_dir / name
        copy_database(self.db_path, target)
        return target


def timed(work: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def best_of(work: Callable[[], object], runs: int = 3) -> float:
    """The fastest of ``runs`` (after the first, which warms caches): the least noisy figure
    on a shared machine, used for ours and the baseline alike."""
    work()
    return min(timed(work) for _ in range(runs))


def median_of(work: Callable[[], object], runs: int = 5) -> float:
    work()
    return statistics.median(timed(work) for _ in range(runs))


def build_demo(path: Path, scale: str) -> None:
    """A fresh demo shop at ``path`` (``SCALES[scale]`` of services.demo)."""
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.db.migrate import open_database
    from kringloopdesk.services.auth import attempt_login
    from kringloopdesk.services.demo import generate_demo
    from kringloopdesk.services.setup import ShopInfo, initialise_shop

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(resolve_url(str(path)))
    try:
        with db.session() as session:
            initialise_shop(session, ShopInfo(name="Kringloop Benchmark",
                                              certificate_prefix="KB", city="Utrecht"),
                            username=USERNAME, full_name="Bea Beheer", password=PASSWORD)
        with db.session() as session:
            actor = attempt_login(session, USERNAME, PASSWORD).actor_or_raise()
        with db.session() as session:
            generate_demo(session, actor, scale=SCALES[scale])
    finally:
        db.dispose()


def demo_path(scale: str) -> Path:
    return CACHE / f"{SCALES[scale]}_demo.sqlite"


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite file (its WAL folded in) via SQLite's backup API."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src:
        src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)


def demo_problem(path: Path) -> str | None:
    """Why the cached demo at ``path`` cannot be reused (missing, an older schema, tables that
    differ from the models, no benchmark login), or None when it can."""
    if not path.exists():
        return "not built yet"
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from kringloopdesk.db.base import Base
    from kringloopdesk.db.engine import create_db_engine, resolve_url
    from kringloopdesk.db.migrate import schema_state

    engine = create_db_engine(resolve_url(str(path)))
    try:
        with engine.connect() as connection:
            state = schema_state(connection)
            if not state.up_to_date:
                return f"schema {state.current}, the code is at {state.head}"
            import kringloopdesk.db.models  # noqa: F401  (the tables on Base.metadata)

            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            if diff:
                return f"{len(diff)} differences from the models, e.g. {diff[0]!r}"[:200]
    finally:
        engine.dispose()
    bench = Bench("large", path, path.parent)
    db = bench.open()
    try:
        bench.login(db)
    except Exception as exc:  # any reason means: build it again
        return f"cannot log in as {USERNAME}: {exc}"
    finally:
        db.dispose()
    return None


def ensure_demo(scale: str, rebuild: bool = False, say: Callable[[str], None] = print) -> Path:
    """The demo database for ``scale``: the cached one when it is current, else built anew."""
    path = demo_path(scale)
    problem = "--rebuild" if rebuild else demo_problem(path)
    if problem is not None:
        say(f"Building the {SCALES[scale]} demo shop at {path} ({problem}); the large one "
            "takes minutes ...")
        started = time.perf_counter()
        build_demo(path, scale)
        say(f"  built in {time.perf_counter() - started:.0f} s")
    return path


def child_env(home: Path) -> dict[str, str]:
    """The environment of a measured child process: its own data folder ``home``, offscreen,
    and compiled bytecode kept in the cache, as an installed app has it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("KRINGLOOPDESK_DB", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    env["KRINGLOOPDESK_HOME"] = str(home)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def megabytes(n_bytes: float) -> float:
    return n_bytes / 1_000_000


def run_alone(run: Callable[[Bench], list[Result]], description: str,
              argv: list[str] | None = None) -> list[Result]:
    """A scenario module run on its own (``python benchmarks/x.py [--scale tiny|large]``): the
    demo shop of that scale (built when missing) and a scratch folder, as run.py gives it."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--scale", choices=("tiny", "large"), default="large")
    args = parser.parse_args(argv)
    db_path = demo_path(args.scale)
    if not db_path.is_file():
        db_path = ensure_demo(args.scale)
    with tempfile.TemporaryDirectory(prefix="kld-bench-") as scratch:
        return run(Bench(args.scale, db_path, Path(scratch)))
