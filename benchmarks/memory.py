"""Scenario 7: peak memory (RSS) with the demo shop open on the Stromen list, against a bare
PySide6 window.

    python benchmarks/memory.py                  # the large demo shop (1,000,000 flows)
    python benchmarks/memory.py --scale tiny     # the small one (the CI smoke run)

Ours runs in a fresh process as the app runs after a login: the theme, the database opened as
the app opens it, the logged-in user (``beheer``), ``MainWindow`` with every page the
beheerder may see in its rail (a page is built the first time it is shown), shown, then the
Stromen page (it counts and loads its first window of rows), then the list scrolled down a
screenful at a time through a few thousand rows and back to the top. The baseline process
imports PySide6 and shows an empty ``QMainWindow``. Both sample their own resident memory
every 10 ms while they work (psutil) and report the highest sample and, on Linux/macOS, the
kernel's peak (``ru_maxrss``); the larger of the two counts.
The goal is on the difference: ours may use less than 150 MB more than the bare window.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import PASSWORD, ROOT, USERNAME, Bench, Result, child_env, run_alone

GOAL_MB = 150
BASELINE_NAME = "bare PySide6 QMainWindow"
TIMEOUT = 600
SCROLL_ROWS = 5_000  # how far down the list is scrolled, a screenful at a time

# Shared by both children: RSS samples on a timer, and the report as one JSON line.
SAMPLER = textwrap.dedent('''\
    import json, sys
    import psutil
    from PySide6.QtCore import QTimer

    _process = psutil.Process()
    _peak = [_process.memory_info().rss]

    def sample():
        _peak[0] = max(_peak[0], _process.memory_info().rss)

    def start_sampling(parent):
        timer = QTimer(parent)
        timer.setInterval(10)
        timer.timeout.connect(sample)
        timer.start()
        return timer

    def report(**extra):
        sample()
        kernel_peak = 0
        try:
            import resource
            maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            kernel_peak = maxrss if sys.platform == "darwin" else maxrss * 1024
        except ImportError:  # Windows
            pass
        print(json.dumps({"sampled": _peak[0], "kernel": kernel_peak, **extra}), flush=True)
''')

BARE_WINDOW = SAMPLER + textwrap.dedent('''\
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    timer = start_sampling(app)
    window = QMainWindow()
    window.resize(1180, 780)
    window.show()
    QTimer.singleShot(500, lambda: (report(), app.exit(0)))
    sys.exit(app.exec())
''')

OURS = SAMPLER + textwrap.dedent('''\
    db_path, username, password, scroll_rows = sys.argv[1], sys.argv[2], sys.argv[3], \\
        int(sys.argv[4])
    from PySide6.QtWidgets import QApplication

    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.db.migrate import open_database
    from kringloopdesk.gui.application import create_application
    from kringloopdesk.gui.context import AppContext
    from kringloopdesk.gui.theme import apply_theme
    from kringloopdesk.services.auth import attempt_login
    from kringloopdesk.services.setup import get_shop

    app = create_application("nl")
    timer = start_sampling(app)
    db = open_database(resolve_url(db_path))
    with db.read_session() as session:
        shop = get_shop(session)
    apply_theme(app, shop.accent_color)
    with db.session() as session:
        actor = attempt_login(session, username, password).actor_or_raise()
    from kringloopdesk.gui.main_window import MainWindow
    from kringloopdesk.gui.pages.flows_page import FlowsPage

    window = MainWindow(AppContext(db, actor=actor), shop)
    window.show()
    app.processEvents()
    window.show_page(window.page_index(FlowsPage))
    page = window.page_of(FlowsPage)
    app.processEvents()
    view = page.view
    bar = view.verticalScrollBar()
    rows_seen = 0
    for _ in range(200):  # a screenful at a time, as a user pages down
        if rows_seen >= scroll_rows or bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        rows_seen = view.rowAt(view.viewport().height() - 1)
    bar.setValue(0)
    app.processEvents()
    report(rows=page.proxy.rowCount(), scrolled_to=rows_seen)
    window.close()
    db.dispose()
''')


def peak_rss(script: Path, args: list[str], home: Path) -> tuple[float, dict]:
    """The child's peak resident memory in MB (the larger of its samples and the kernel's
    figure), and everything it reported."""
    home.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, str(script), *args], cwd=ROOT, env=child_env(home),
                          capture_output=True, text=True, timeout=TIMEOUT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{script.name} exited {done.returncode}: {done.stderr[-600:]}")
    report = json.loads(lines[-1])
    return max(report["sampled"], report["kernel"]) / 1_000_000, report


def run(bench: Bench) -> list[Result]:
    work = bench.work_dir / "memory"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        db = work / "shop.sqlite"
        shutil.copyfile(bench.db_path, db)
        ours_script, bare_script = work / "ours.py", work / "bare.py"
        ours_script.write_text(OURS, encoding="utf-8")
        bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        home = work / "home"
        ours_args = [str(db), USERNAME, PASSWORD, str(SCROLL_ROWS)]
        peak_rss(ours_script, ours_args, home)  # untimed: theme cache, bytecode, file cache
        ours, report = peak_rss(ours_script, ours_args, home)
        bare, _ = peak_rss(bare_script, [], home)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [Result(
        "peak memory: Stromen list open", ours, bare, GOAL_MB, unit="MB", kind="above",
        baseline_name=BASELINE_NAME,
        note=(f"main window, {report['rows']:,} flows in the list, scrolled to row "
              f"{report['scrolled_to']:,} and back; peak RSS"))]


def main(argv: list[str] | None = None) -> int:
    results = run_alone(run, __doc__.split("\n\n")[0], argv)
    for r in results:
        goal = f"< {r.goal:g} MB above ({'met' if r.met else 'MISSED'})"
        print(f"{r.scenario}: ours {r.ours:.1f} MB, {r.baseline_name} {r.baseline:.1f} MB, "
              f"{r.figure:+.1f} MB; goal {goal}\n  {r.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
