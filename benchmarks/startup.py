"""Scenario 1: start-up to the first painted window, against a bare PySide6 window.

    python benchmarks/startup.py                  # on the large demo shop
    python benchmarks/startup.py --scale tiny     # on the small one (the CI smoke run)

Ours is ``python main.py --db <copy of the demo shop> --quit-after-paint``: the login dialog
paints, the app prints the milliseconds since the process started and quits. The baseline is
a script that imports PySide6, shows an empty ``QMainWindow`` and reports its first paint the
same way. Both figures are the child's own report: the process age at the first paint,
counted from the kernel's record of when the process was created (``/proc/self/stat`` on
Linux, exact to a clock tick; see ``gui.application.process_age_seconds``), so interpreter
start-up is in both and the time to quit is in neither.

Every start runs in a fresh process with a fresh data folder (``KRINGLOOPDESK_HOME``); the
shop's theme cache is warmed by one untimed start, so the main row is "every start but the
first". Each row runs its command once untimed (the cold file cache) and then ``RUNS`` times,
ours and the baseline in turns; the median counts. Both load their Python modules from
bytecode, as an installed app does: the children run with a private ``PYTHONPYCACHEPREFIX``
under ``benchmarks/.cache`` (a checkout run with ``PYTHONDONTWRITEBYTECODE`` would compile
our sources at every start). Two rows only report: the very first start (an empty theme
cache: qt-material's stylesheet and icons are built) and a new shop (a new database file:
the schema is created, then the wizard paints).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, Bench, Result, child_env, run_alone

RUNS = 7  # timed starts per row, after one untimed
FIRST_START_RUNS = 3  # the rows that build a cache or a database each time
GOAL = 1.5
BASELINE_NAME = "bare PySide6 QMainWindow"
TIMEOUT = 120

# The baseline: nothing but PySide6, an empty main window, and the same report of the first
# paint as ``gui.application.FirstPaintReporter`` (process age from /proc, or psutil).
BARE_WINDOW = textwrap.dedent('''\
    import os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    def process_age_seconds():
        if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
            with open("/proc/self/stat", encoding="ascii") as handle:
                start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
            started = start_ticks / os.sysconf("SC_CLK_TCK")
            return time.clock_gettime(time.CLOCK_BOOTTIME) - started
        import psutil
        return time.time() - psutil.Process().create_time()

    class FirstPaint(QObject):
        seen = False
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, self.report)
            return False
        def report(self):
            print(int(process_age_seconds() * 1000), flush=True)
            app.exit(0)

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    reporter = FirstPaint()
    window.installEventFilter(reporter)
    window.show()
    sys.exit(app.exec())
''')


def first_paint_seconds(command: list[str], home: Path) -> float:
    """One start in a new process: the process age at its first paint, as it reports it."""
    home.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(command, cwd=ROOT, env=child_env(home), capture_output=True,
                          text=True, timeout=TIMEOUT)
    lines = done.stdout.split()
    if done.returncode != 0 or not lines or not lines[-1].isdigit():
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: "
                           f"{done.stdout.strip()} {done.stderr.strip()[-400:]}")
    return int(lines[-1]) / 1000


class Starts:
    """The commands of one run: ours on a copy of the demo shop, and the bare window."""

    def __init__(self, bench: Bench) -> None:
        self.work = bench.work_dir / "startup"
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        self.db = self.work / "shop.sqlite"
        shutil.copyfile(bench.db_path, self.db)
        self.bare_script = self.work / "bare_window.py"
        self.bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        self.warm_home = self.work / "home-warm"
        self._fresh = 0

    def ours(self, db: Path | None = None) -> list[str]:
        return [sys.executable, str(ROOT / "main.py"), "--db", str(db or self.db),
                "--quit-after-paint"]

    def bare(self) -> list[str]:
        return [sys.executable, str(self.bare_script)]

    def fresh(self, name: str) -> Path:
        self._fresh += 1
        return self.work / f"{name}-{self._fresh}"

    def bare_seconds(self) -> float:
        return first_paint_seconds(self.bare(), self.warm_home)

    def login_seconds(self) -> float:
        """Every start but the first: a data folder whose theme cache is warm."""
        return first_paint_seconds(self.ours(), self.warm_home)

    def first_start_seconds(self) -> float:
        """The very first start on this PC: an empty data folder, so no theme cache."""
        return first_paint_seconds(self.ours(), self.fresh("home-cold"))

    def new_shop_seconds(self) -> float:
        """A new database file: the schema is created, the wizard paints."""
        folder = self.fresh("new-shop")
        folder.mkdir(parents=True)
        return first_paint_seconds(self.ours(folder / "new.sqlite"), self.warm_home)


def medians(ours, baseline, runs: int) -> tuple[float, float]:
    """One untimed start of each, then ``runs`` of each in turns; the medians."""
    ours()
    baseline()
    timed_ours, timed_baseline = [], []
    for _ in range(runs):
        timed_ours.append(ours())
        timed_baseline.append(baseline())
    return statistics.median(timed_ours), statistics.median(timed_baseline)


def run(bench: Bench) -> list[Result]:
    starts = Starts(bench)
    try:
        starts.login_seconds()  # warms the theme cache (and the bytecode) of warm_home
        login, bare = medians(starts.login_seconds, starts.bare_seconds, RUNS)
        first, bare_first = medians(starts.first_start_seconds, starts.bare_seconds,
                                    FIRST_START_RUNS)
        wizard, bare_wizard = medians(starts.new_shop_seconds, starts.bare_seconds,
                                      FIRST_START_RUNS)
    finally:
        shutil.rmtree(starts.work, ignore_errors=True)
    note = f"median of {RUNS} starts after one untimed; process age at the first paint"
    return [
        Result("start-up: login painted", login, bare, GOAL, baseline_name=BASELINE_NAME,
               note=note),
        Result("start-up: first start (no theme cache)", first, bare_first, None,
               baseline_name=BASELINE_NAME,
               note="builds qt-material's stylesheet and icons once per PC and accent"),
        Result("start-up: new shop (wizard)", wizard, bare_wizard, None,
               baseline_name=BASELINE_NAME,
               note="creates the schema in a new file, then the wizard paints"),
    ]


def main(argv: list[str] | None = None) -> int:
    results = run_alone(run, __doc__.split("\n\n")[0], argv)
    for r in results:
        goal = "report" if r.goal is None else f"<= {r.goal:g}x ({'met' if r.met else 'MISSED'})"
        print(f"{r.scenario:42} ours {r.ours * 1000:6.0f} ms  {r.baseline_name} "
              f"{r.baseline * 1000:5.0f} ms  {r.ratio:5.2f}x  goal {goal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
