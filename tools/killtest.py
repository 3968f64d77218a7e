"""Kill KringloopDesk fifty times at random moments and check that nothing was lost.

    python tools/killtest.py                       # a fresh SQLite file in a temporary folder
    python tools/killtest.py --kills 50 --seed 7
    python tools/killtest.py --db postgresql+psycopg://kld:kld@localhost/kld_kill

``--db`` names an empty database (on PostgreSQL: one you created for the run). Every kill
starts a real program (tests/crash_worker.py) that either imports a large flows file in one
unit of work or saves a stream of user actions, and kills it with SIGKILL at a seeded random
moment. Then a new connection checks: the database is sound (SQLite: integrity_check ok), every
action the program reported as saved is there with its values, the import is all or nothing,
and a new write succeeds at once. Prints a table; exits 1 on any loss or damage.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kringloopdesk.db.engine import resolve_url
from kringloopdesk.errors import UserError
from tests.crash_worker import KillResult, kill_run, prepare


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="how many kills (default 50)")
    parser.add_argument("--db", help="an empty database (default: a temporary SQLite file)")
    parser.add_argument("--rows", type=int, default=30_000, help="rows in the import file")
    parser.add_argument("--seed", type=int, default=2025, help="seed for modes and moments")
    parser.add_argument("--verbose", action="store_true", help="a line for every kill")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kld-kill-") as temp:
        folder = Path(temp)
        os.environ["KRINGLOOPDESK_HOME"] = str(folder)
        url = resolve_url(args.db or str(folder / "killtest.sqlite"))
        started = time.monotonic()
        try:
            prepare(url, folder, rows=args.rows)
        except UserError as exc:
            print(f"killtest: {exc.message}", file=sys.stderr)
            return 2
        results = run(url, folder, args.kills, args.seed, args.verbose)
        seconds = time.monotonic() - started
    report(results, url.get_backend_name(), args.seed, args.rows, seconds)
    return 0 if all(r.ok for r in results) else 1


def run(url, folder: Path, kills: int, seed: int, verbose: bool) -> list[KillResult]:
    """Half the kills during imports, half during edits, in a seeded order. The first import
    is allowed to finish (and killed just after): its duration aims the other import kills,
    from "at once" to a little after the commit."""
    rng = random.Random(seed)
    modes = ["import", "edits"] * (kills // 2) + ["import"] * (kills % 2)
    rng.shuffle(modes)
    import_seconds: float | None = None
    results = []
    for n, mode in enumerate(modes, 1):
        if mode == "import" and import_seconds is None:
            delay = None
        elif mode == "import":
            delay = rng.uniform(0.0, 1.1 * import_seconds)
        else:
            delay = rng.uniform(0.1, 1.5)
        result = kill_run(url, folder, mode, delay, seed + n)
        if delay is None:
            import_seconds = result.delay
        results.append(result)
        if verbose or not result.ok:
            state = "ok" if result.ok else "FOUT: " + "; ".join(result.problems)
            print(f"{n:3} {mode:6} killed after {result.delay:5.2f} s  "
                  f"actions {result.actions_checked:4}  {state}", flush=True)
    return results


def report(results: list[KillResult], engine: str, seed: int, rows: int,
           seconds: float) -> None:
    imports = [r for r in results if r.mode == "import"]
    partial = sum(1 for r in imports if any("partial" in p or "lost import" in p
                                            for p in r.problems))
    missing = sum(1 for r in results if r.mode == "edits" and any("edits differ" in p
                                                                   for p in r.problems))
    damaged = sum(1 for r in results if any(p.startswith("integrity") for p in r.problems))
    locked = sum(1 for r in results if any("new write" in p for p in r.problems))
    rows_out = [
        ("engine", engine),
        ("seed", seed),
        ("kills", len(results)),
        ("survived (all checks ok)", sum(r.ok for r in results)),
        (f"kills during an import of {rows:,} rows", len(imports)),
        ("  of which after the commit", sum(r.imports_committed for r in imports)),
        ("kills during edits", len(results) - len(imports)),
        ("journaled actions checked", sum(r.actions_checked for r in results)),
        ("kills with a missing or changed action", missing),
        ("partial or lost imports", partial),
        ("integrity not ok", damaged),
        ("a lock left behind", locked),
        ("seconds", f"{seconds:.0f}"),
    ]
    width = max(len(name) for name, _ in rows_out)
    for name, value in rows_out:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
