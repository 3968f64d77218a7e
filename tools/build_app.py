"""Build the one-folder app with PyInstaller and smoke-test what was built.

    python tools/build_app.py            # build, then run the smoke test
    python tools/build_app.py --no-build # only the smoke test of an existing dist/

The smoke test runs the built program on a fresh, temporary data folder: ``--version``,
``init`` + ``check``, and a start of the GUI (offscreen) that quits after the first paint.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ROOT / "dist" / "KringloopDesk" / (
    "KringloopDesk.exe" if sys.platform == "win32" else "KringloopDesk")


def _run(args: list[str], env: dict[str, str], stdin: str | None = None) -> str:
    result = subprocess.run([str(EXE), *args], env=env, input=stdin, capture_output=True,
                            text=True, timeout=120)
    print(f"$ KringloopDesk {' '.join(args)}  -> exit {result.returncode}")
    print(result.stdout.rstrip())
    if result.returncode != 0:
        print(result.stderr.rstrip())
        raise SystemExit(f"smoke test failed: {' '.join(args)}")
    return result.stdout


def smoke_test() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "KRINGLOOPDESK_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("KRINGLOOPDESK_DB", None)
        _run(["--version"], env)
        _run(["init", "--shop", "Rooktest Kringloop", "--user", "beheer", "--password-stdin"],
             env, stdin="rooktest-wachtwoord\n")
        _run(["check"], env)
        millis = _run(["--quit-after-paint"], env).strip().splitlines()[-1]
        print(f"first window painted after {millis} ms")


def main(argv: list[str]) -> int:
    if "--no-build" not in argv:
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm",
                        str(ROOT / "installer.spec")], cwd=ROOT, check=True)
    smoke_test()
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
