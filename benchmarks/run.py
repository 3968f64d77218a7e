"""Every benchmark scenario in one run, on one demo shop, with its baseline beside it.

    python benchmarks/run.py                          # the large demo (1,000,000 flows)
    python benchmarks/run.py --scale tiny --quick     # the CI smoke run
    python benchmarks/run.py --only exports certificates
    python benchmarks/run.py --rebuild                # build the demo shop again
    python benchmarks/run.py --markdown benchmarks/RESULTS.md

The demo shop is built once into ``benchmarks/.cache`` and reused while its schema matches
the code (``common.ensure_demo``). Each scenario runs in a process of its own (``--child``),
so that none measures the memory or the garbage left by another. Scenarios that write (the
import, the exports, the certificates) work on copies in a scratch folder, so the cached shop
stays as it was built. A scenario module that is missing or fails becomes an ERROR row and
the run goes on; the exit status is 1 when any row is an ERROR, 0 otherwise: a missed goal is
reported in the table, never a failure of the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, SCALES, Bench, Result, ensure_demo, megabytes

# The fixed order of the table (issue #9): scenario modules in benchmarks/.
SCENARIOS = ("startup", "flows_list", "workers_search", "import_flows", "exports",
             "certificates", "memory", "db_size")
HEADER = ("scenario", "ours", "baseline", "ratio", "goal", "met")


@dataclass
class Row:
    """One line of the table: a result, or the error of a scenario module."""

    module: str
    result: Result | None = None
    error: str = ""
    seconds: float = 0.0

    def cells(self) -> tuple[str, ...]:
        if self.result is None:
            return (self.module, "ERROR", "", "", "", "✗")
        r = self.result
        met = {True: "✓", False: "✗", None: "–"}[r.met]
        return (r.scenario, show(r.ours, r.unit), show(r.baseline, r.unit), show_figure(r),
                show_goal(r), met)


def show(value: float, unit: str) -> str:
    """A measured value for the table: seconds as s or ms, bytes as MB."""
    if unit == "s":
        return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.1f} ms"
    if unit == "B":
        return f"{megabytes(value):,.1f} MB"
    if unit == "MB":
        return f"{value:,.1f} MB"
    return f"{value:,.3g} {unit}".strip()


def show_figure(result: Result) -> str:
    if result.kind == "above":
        figure = result.figure
        return f"{figure:+,.1f} {result.unit}" if result.unit != "B" else \
            f"{megabytes(figure):+,.1f} MB"
    return f"{result.ratio:.2f}x"


def show_goal(result: Result) -> str:
    if result.goal is None:
        return "report"
    if result.kind == "above":
        return f"< {result.goal:g} {'MB' if result.unit == 'B' else result.unit}"
    return f"<= {result.goal:g}x"


def run_module(name: str, bench: Bench) -> list[Result]:
    """Import ``benchmarks.NAME`` and run it (in the child process)."""
    module = importlib.import_module(f"benchmarks.{name}")
    results = list(module.run(bench))
    if not results:
        raise RuntimeError("the scenario gave no results")
    return results


def run_child(args: argparse.Namespace) -> int:
    """``--child NAME``: one scenario in this process; its results (or its error) as JSON in
    ``work_dir/result.json`` for the parent."""
    bench = Bench(args.scale, Path(args.db), Path(args.work_dir), quick=args.quick)
    out = bench.work_dir / "result.json"
    try:
        results = run_module(args.child, bench)
    except Exception as exc:  # reported by the parent as an ERROR row
        traceback.print_exc()
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        out.write_text(json.dumps({"error": detail.splitlines()[-1] if detail else repr(exc)}))
        return 1
    out.write_text(json.dumps({"results": [asdict(result) for result in results]}))
    return 0


def run_scenario(name: str, bench: Bench, say) -> list[Row]:
    """The rows of one scenario module, run in a process of its own (so that no scenario
    measures the memory or the garbage of the one before); its failure as an ERROR row."""
    started = time.perf_counter()
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name,
               "--scale", bench.scale, "--db", str(bench.db_path),
               "--work-dir", str(bench.work_dir)]
    if bench.quick:
        command.append("--quick")
    returncode = subprocess.run(command, check=False).returncode
    seconds = time.perf_counter() - started
    out = bench.work_dir / "result.json"
    try:
        answer = json.loads(out.read_text())
    except (OSError, ValueError):
        answer = {"error": f"the scenario process ended with status {returncode} and no result"}
    if "results" not in answer:
        say(f"  {name}: ERROR {answer['error']}")
        return [Row(name, error=answer["error"], seconds=seconds)]
    results = [Result(**fields) for fields in answer["results"]]
    say(f"  {name}: {len(results)} result(s) in {seconds:.1f} s")
    return [Row(name, result, seconds=seconds) for result in results]


def scenario_bench(name: str, scale: str, db_path: Path, work_root: Path,
                   quick: bool = False) -> Bench:
    """A Bench with a scratch folder of its own (emptied before the scenario runs)."""
    work_dir = work_root / name
    shutil.rmtree(work_dir, ignore_errors=True)
    work_dir.mkdir(parents=True)
    return Bench(scale, db_path, work_dir, quick=quick)


def text_table(rows: list[Row]) -> str:
    lines = [HEADER, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                             for i, (cell, width) in enumerate(zip(line, widths, strict=True))))
        if n == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def notes(rows: list[Row]) -> list[str]:
    """The notes and baselines under the table: what each row compares, errors in full."""
    lines = []
    for row in rows:
        if row.result is None:
            lines.append(f"{row.module}: ERROR {row.error}")
            continue
        r = row.result
        text = f"baseline: {r.baseline_name}" if r.baseline_name else ""
        if r.note:
            text = f"{text}. {r.note}" if text else r.note
        if text:
            lines.append(f"{r.scenario}: {text}")
    return lines


def markdown_table(rows: list[Row]) -> str:
    def line(cells) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    out = [line(HEADER), line(["---"] + ["--:"] * (len(HEADER) - 2) + [":-:"])]
    out += [line(row.cells()) for row in rows]
    return "\n".join(out)


# -- the machine ------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gb() -> str:
    try:
        import psutil

        return f"{psutil.virtual_memory().total / 2**30:.0f} GB"
    except ImportError:  # pragma: no cover - psutil is a dependency of the benchmarks
        return "?"


def versions() -> dict[str, str]:
    import sqlite3

    import reportlab
    import sqlalchemy

    found = {"Python": platform.python_version(), "SQLite": sqlite3.sqlite_version,
             "SQLAlchemy": sqlalchemy.__version__, "ReportLab": reportlab.Version}
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        found["PySide6"] = PySide6.__version__
        found["Qt"] = qVersion()
    except ImportError:
        found["Qt"] = "not installed"
    return found


def commit() -> str:
    """The short commit and whether the work tree differs from it. ``KLD_BENCH_COMMIT``
    overrides both (for a run outside a git checkout)."""
    given = os.environ.get("KLD_BENCH_COMMIT")
    if given:
        return given
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                cwd=ROOT, check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (with uncommitted changes)" if status.strip() else head


def machine_lines() -> list[str]:
    v = versions()
    return [
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Commit: {commit()}",
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores; RAM {ram_gb()}",
        f"- OS: {platform.platform()}",
        "- " + ", ".join(f"{name} {version}" for name, version in v.items()),
    ]


def write_markdown(path: Path, rows: list[Row], scale: str, db_path: Path,
                   seconds: float) -> None:
    text = [
        "# Benchmark results",
        "",
        f"Made by `python benchmarks/run.py --scale {scale} --markdown {path}` "
        f"({seconds:.0f} s); see README.md in this folder for what each row measures.",
        "",
        *machine_lines(),
        f"- Demo shop: `{db_path.name}` (scale {scale}: {SCALES[scale]} demo)",
        "",
        markdown_table(rows),
        "",
        "ratio: ours ÷ baseline (lower is better); for memory: MB above the baseline. "
        "met: ✓ goal met, ✗ missed, – no goal (reported only).",
        "",
        "## Notes",
        "",
        *(f"- {line}" for line in notes(rows)),
        "",
    ]
    path.write_text("\n".join(text), encoding="utf-8")


# -- the run ----------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="large",
                        help="tiny: the CI smoke run; large: 1,000,000 flows (default)")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=SCENARIOS,
                        help="run these scenarios only: " + ", ".join(SCENARIOS))
    parser.add_argument("--rebuild", action="store_true", help="build the demo shop again")
    parser.add_argument("--quick", action="store_true",
                        help="measure each figure once (the CI smoke run: does it still run?)")
    parser.add_argument("--markdown", type=Path, metavar="FILE",
                        help="also write the table, the machine and the commit to FILE")
    # Internal: run.py starts itself with these for each scenario.
    parser.add_argument("--child", choices=SCENARIOS, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--work-dir", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.child:
        return run_child(args)
    started = time.perf_counter()

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    names = [name for name in SCENARIOS if not args.only or name in args.only]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kld-bench-") as scratch:
        # Keep the app's own files (settings, logs, backups) out of the user's data folder.
        os.environ.setdefault("KRINGLOOPDESK_HOME", str(Path(scratch) / "home"))
        db_path = ensure_demo(args.scale, args.rebuild, say)
        for name in names:
            say(f"{name} ...")
            bench = scenario_bench(name, args.scale, db_path, Path(scratch), args.quick)
            rows += run_scenario(name, bench, say)
            shutil.rmtree(bench.work_dir, ignore_errors=True)
    seconds = time.perf_counter() - started
    print(f"\nKringloopDesk benchmarks, scale {args.scale} ({db_path.name}), "
          f"{seconds:.0f} s\n")
    print(text_table(rows))
    for line in notes(rows):
        print(f"  {line}")
    if args.markdown:
        write_markdown(args.markdown, rows, args.scale, db_path, seconds)
        print(f"\nWritten to {args.markdown}")
    return 1 if any(row.result is None for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
