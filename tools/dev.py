"""Set up a virtual environment with the pinned dependencies, then start the app or the tests.

    python tools/dev.py run  [app arguments]     # the desktop app on the default database
    python tools/dev.py test [pytest arguments]  # the test suite, headless, on every CPU

Works the same on Windows (``py tools\\dev.py run``) and Linux. The environment lives in
``.venv`` next to this repository and is reinstalled only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".kringloopdesk-installed"


def _python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def ensure_environment(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036  (this script may run on an old Python)
        sys.exit("KringloopDesk needs Python 3.11 or newer.")
    if not _python().exists():
        print(f"Creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("Installing the pinned dependencies …", flush=True)
        subprocess.run([_python(), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        target = f".[{extras}]" if extras else "."
        subprocess.run([_python(), "-m", "pip", "install", "-q", "-e", target], cwd=ROOT,
                       check=True)
        STAMP.write_text(wanted)
    return _python()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        python = ensure_environment("")
        return subprocess.call([python, ROOT / "main.py", *rest], cwd=ROOT)
    python = ensure_environment("test")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    return subprocess.call([python, "-m", "pytest", *_workers(rest), *rest], cwd=ROOT, env=env)


def _workers(pytest_args: list[str]) -> list[str]:
    """One pytest-xdist worker per CPU (at most four) unless the caller chose: every test has
    its own data folder and database, so they run side by side; ``-n 0`` runs in one process
    (for ``--pdb`` or a single test)."""
    chosen = any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in pytest_args)
    if chosen or "--version" in pytest_args:
        return []
    return ["-n", str(max(1, min(4, os.cpu_count() or 1)))]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
