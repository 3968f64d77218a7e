"""Build the one-folder app with PyInstaller and smoke-test what was built.

    python tools/build_app.py            # build dist/KringloopDesk, then the smoke test
    python tools/build_app.py --clean    # the same from scratch (PyInstaller's cache too)
    python tools/build_app.py --no-build # only the smoke test of an existing dist/

Without PyInstaller at hand it first sets up ``.venv`` with the ``build`` and ``postgres``
extras (the same way ``tools/dev.py`` does) and runs itself there. The build is
``installer.spec``; build on Windows for Windows (docs/build.md).

The smoke test checks that the bundle holds what the app reads at run time (resources,
translations, Qt's own catalogues, the platform plugins, the migrations, the handleiding and
its screenshots, qt-material's files) and runs the built program on fresh, temporary data
folders, offscreen: ``--version``; ``init`` + ``check`` (in Dutch and in English); ``check``
on a PostgreSQL server that is not there (the driver must load and say so in Dutch); a demo
shop with its PDF, XLSX and CSV exports, a back-up, certificates and their verification; the
GUI on the initialised folder (login, first build of the stylesheet) and on an empty one
(wizard), each quitting after the first paint, in Dutch and in English. The log must hold no
warning, error or missing translation. Any failure: a line saying what, and exit code 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "KringloopDesk"
WINDOWS = sys.platform == "win32"
SUFFIX = ".exe" if WINDOWS else ""
# On Windows the shortcut's program is windowed (no output); the console twin runs commands.
GUI_EXE = DIST / f"KringloopDesk{SUFFIX}"
CLI_EXE = DIST / f"KringloopDesk-cli{SUFFIX}" if WINDOWS else GUI_EXE
NATIVE_PLATFORM = {"win32": "qwindows", "darwin": "qcocoa"}.get(sys.platform, "qxcb")
# Qt libraries the bundle must not carry: nothing the app imports needs them (installer.spec).
UNWANTED = ("Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard", "Qt6WebEngine", "qtvirtualkeyboard")
PASSWORD = "rooktest-wachtwoord"
TIMEOUT = 120


class Smoke:
    """Collects the checks: one line each, and whether any failed."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        print(f"  {'ok  ' if ok else 'FAIL'} {what}" + (f": {detail}" if detail else ""),
              flush=True)
        if not ok:
            self.failures.append(what)
        return ok


# -- the bundle's files ---------------------------------------------------------------------


def contents_dir() -> Path:
    """Where PyInstaller (6+) put everything but the programs: ``_internal``."""
    inner = DIST / "_internal"
    return inner if inner.is_dir() else DIST


def _source_files(folder: Path, *patterns: str) -> list[Path]:
    return sorted(
        path.relative_to(ROOT)
        for pattern in patterns
        for path in folder.rglob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    )


def check_bundle(smoke: Smoke) -> None:
    print("== bundle contents", flush=True)
    inner = contents_dir()
    wanted = [
        *_source_files(ROOT / "resources" / "icons", "*.svg", "*.png", "*.ico"),
        *_source_files(ROOT / "resources" / "fonts", "*.ttf"),
        *_source_files(ROOT / "resources" / "translations", "*.qm", "*.json"),
        *_source_files(ROOT / "kringloopdesk" / "db" / "migrations", "*.py", "*.mako"),
        Path("docs") / "handleiding.md",
        *_source_files(ROOT / "docs" / "screenshots", "*.png"),
    ]
    groups: dict[str, list[Path]] = {}
    for path in wanted:
        key = "/".join(path.parts[:2]) if path.parts[0] != "kringloopdesk" else "migrations"
        groups.setdefault(key, []).append(path)
    for key, paths in groups.items():
        missing = [str(p) for p in paths if not (inner / p).is_file()]
        smoke.check(not missing, f"{key}: {len(paths) - len(missing)}/{len(paths)} files",
                    ", ".join(missing[:5]))
    app_qm = _source_files(ROOT / "resources" / "translations", "*.qm")
    if not app_qm:
        print("  note resources/translations has no .qm yet (the English GUI catalogue)")

    material = inner / "qt_material"
    for name in ("material.qss.template", "fonts/roboto/Roboto-Regular.ttf",
                 "resources/source/checkbox_checked.svg", "themes/light_blue.xml"):
        smoke.check((material / name).is_file(), f"qt_material/{name}")
    smoke.check(any(inner.glob("qt_material-*.dist-info")), "qt_material's version (metadata)")

    qt_files = {path.name: path for path in (inner / "PySide6").rglob("*") if path.is_file()}
    for name in ("qtbase_nl.qm", "qtbase_en.qm"):
        smoke.check(name in qt_files, f"Qt translation {name}")
    others = [n for n in qt_files if n.endswith(".qm") and not re.match(r"qt(base)?_(nl|en)\.", n)]
    smoke.check(not others, "no Qt translations of other languages", ", ".join(others[:5]))
    for plugin in (NATIVE_PLATFORM, "qoffscreen"):
        found = [p for n, p in qt_files.items() if plugin in n and p.parent.name == "platforms"]
        smoke.check(bool(found), f"platform plugin {plugin}")
    used = sorted(qt_modules_used())
    absent = [m for m in used if not any((inner / "PySide6").glob(f"{m}.*"))]
    smoke.check(not absent, f"the Qt modules the code imports ({', '.join(used)})",
                "missing " + ", ".join(absent) if absent else "")
    heavy = sorted(n for n in qt_files if any(u in n for u in UNWANTED))
    smoke.check(not heavy, "no Qt Quick/Qml/WebEngine/virtual keyboard", ", ".join(heavy[:5]))
    real = [p for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in real)
    count = len(real)
    print(f"  size {size / 1e6:.0f} MB in {count} files ({DIST.relative_to(ROOT)})")


def qt_modules_used() -> set[str]:
    """The PySide6 modules the app's code (and qt-material's) imports: a screen that is not
    shown at the first paint must not find its module excluded."""
    sources = list((ROOT / "kringloopdesk").rglob("*.py"))
    material = importlib.util.find_spec("qt_material")
    if material is not None and material.origin:
        sources.append(Path(material.origin))
    return {
        name
        for source in sources
        for name in re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8"))
    }


# -- running the built program --------------------------------------------------------------


def _run(smoke: Smoke, exe: Path, args: list[str], env: dict[str, str],
         stdin: str | None = None) -> str | None:
    """Run the built program; None (and a failure) unless it exits 0 in time."""
    label = f"{exe.name} {' '.join(args)}"
    started = time.perf_counter()
    try:
        result = subprocess.run([str(exe), *args], env=env, input=stdin, capture_output=True,
                                text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        smoke.check(False, label, str(exc))
        return None
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        smoke.check(False, label, f"exit {result.returncode}")
        print(_indent(result.stdout + result.stderr))
        return None
    smoke.check(True, label, f"{seconds:.1f} s")
    return result.stdout


def _indent(text: str) -> str:
    return "\n".join(f"       | {line}" for line in text.rstrip().splitlines())


class LogReader:
    """The new lines of the data folder's log since the last read."""

    def __init__(self, home: Path) -> None:
        self.path = home / "logs" / "kringloopdesk.log"
        self.seen = 0

    def new_lines(self) -> list[str]:
        if not self.path.is_file():
            return []
        lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        fresh, self.seen = lines[self.seen:], len(lines)
        return fresh


def check_log(smoke: Smoke, log: LogReader, what: str, allowed: tuple[str, ...] = ()) -> None:
    bad = [
        line for line in log.new_lines()
        if re.search(r" (WARNING|ERROR|CRITICAL) |Traceback|No translation", line)
        and not any(text in line for text in allowed)
    ]
    smoke.check(not bad, f"log clean after {what}", "\n" + _indent("\n".join(bad)) if bad else "")


def _version() -> str:
    text = (ROOT / "kringloopdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    return match.group(1) if match else "?"


def gui_start(smoke: Smoke, env: dict[str, str], *args: str) -> None:
    out = _run(smoke, GUI_EXE, [*args, "--quit-after-paint"], env)
    if out is None:
        return
    lines = out.strip().splitlines()
    if lines and lines[-1].isdigit():
        print(f"       first window painted {lines[-1]} ms after the process started")
    elif not WINDOWS:  # a windowed Windows program has no output to read
        smoke.check(False, "the GUI start printed its paint time", out[-200:])


def smoke_test(smoke: Smoke) -> None:
    print("== smoke test (offscreen, fresh data folders)", flush=True)
    if not smoke.check(GUI_EXE.is_file() and CLI_EXE.is_file(), f"programs in {DIST}"):
        return
    app_qm = _source_files(ROOT / "resources" / "translations", "*.qm")
    # Until the English GUI catalogue exists, the English start may say it has none.
    english_allowed = () if app_qm else ("No translation kringloopdesk_en",)
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as empty:
        base = {key: value for key, value in os.environ.items()
                if not key.startswith("KRINGLOOPDESK_")}
        base["QT_QPA_PLATFORM"] = "offscreen"
        env = {**base, "KRINGLOOPDESK_HOME": first}
        log = LogReader(Path(first))

        out = _run(smoke, CLI_EXE, ["--version"], env)
        if out is not None:
            smoke.check(out.strip() == f"KringloopDesk {_version()}", "version", out.strip())
        out = _run(smoke, CLI_EXE, ["init", "--shop", "Rooktest Kringloop", "--user", "beheer",
                                    "--password-stdin"], env, stdin=f"{PASSWORD}\n")
        if out is not None:
            smoke.check("HERSTELSLEUTEL" in out, "init printed the recovery key")
        out = _run(smoke, CLI_EXE, ["check"], env)
        if out is not None:
            smoke.check("Integriteit: in orde" in out and "(actueel)" in out,
                        "check: schema up to date, integrity OK", _first_lines(out))
        out = _run(smoke, CLI_EXE, ["--lang", "en", "check"], env)
        if out is not None:
            smoke.check("Integrity: OK" in out, "check in English (core_en.json)",
                        _first_lines(out))
        # Port 1 refuses at once: the driver loads, connects, and the user gets the message.
        result = subprocess.run(
            [str(CLI_EXE), "--db", "postgresql+psycopg://kld:x@127.0.0.1:1/kld", "check"],
            env=env, capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=TIMEOUT)
        smoke.check(result.returncode not in (0, 70) and "niet bereikbaar" in result.stderr,
                    f"{CLI_EXE.name} --db postgresql+psycopg://… check: server not reachable",
                    f"exit {result.returncode}: {_first_lines(result.stderr)}")
        documents(smoke, env, Path(first))
        check_log(smoke, log, "the commands")

        # The first GUI start builds the qt-material stylesheet (gui/theme.py) into the cache.
        gui_start(smoke, env)
        check_log(smoke, log, "the first GUI start (login, Dutch)")
        sheets = list((Path(first) / "cache" / "theme").glob("qt-material-*.qss"))
        smoke.check(bool(sheets) and "unknown" not in sheets[0].name,
                    "stylesheet built and cached", sheets[0].name if sheets else "none")
        gui_start(smoke, env, "--lang", "en")
        check_log(smoke, log, "the GUI start in English", english_allowed)

        env = {**base, "KRINGLOOPDESK_HOME": empty}
        log = LogReader(Path(empty))
        gui_start(smoke, env)
        check_log(smoke, log, "the GUI start on an empty data folder (wizard)")


def documents(smoke: Smoke, env: dict[str, str], home: Path) -> None:
    """What the first paint does not reach: a demo shop, then the PDFs (ReportLab with our
    fonts, charts, QR codes; ReportLab loads its barcode types by name), an XLSX (openpyxl),
    a back-up and the verification of a signed certificate."""
    env = {**env, "KRINGLOOPDESK_USER": "beheer", "KRINGLOOPDESK_PASSWORD": PASSWORD}
    if _run(smoke, CLI_EXE, ["demo", "--scale", "small"], env) is None:
        return
    out = home / "rooktest"
    certificates = out / "certificaten"
    certificates.mkdir(parents=True)
    year = str(dt.date.today().year)
    for args, name, magic in (
        (["export", "impact", "--year", year, "--format", "pdf"], "impact.pdf", b"%PDF"),
        (["export", "bkn", "--year", year, "--format", "xlsx"], "bkn.xlsx", b"PK"),
        (["export", "ords", "--year", year], "ords.csv", b""),
        (["backup"], "kopie.sqlite", b"SQLite format 3"),
    ):
        path = out / name
        if _run(smoke, CLI_EXE, [*args, "-o", str(path)], env) is not None:
            smoke.check(path.is_file() and path.read_bytes().startswith(magic),
                        f"{name} written")
    batch = ["certificate", "batch", "--ended-from", "01-01-2000", "--ended-to", "31-12-2100",
             "-o", str(certificates)]
    if _run(smoke, CLI_EXE, batch, env) is None:
        return
    pdfs = sorted(certificates.glob("*.pdf"))
    if smoke.check(bool(pdfs), "certificates written", f"{len(pdfs)} PDFs"):
        verdict = _run(smoke, CLI_EXE, ["verify", str(pdfs[0])], env)
        if verdict is not None:
            smoke.check(verdict.startswith("Echt"), "the certificate verifies as genuine",
                        _first_lines(verdict))


def _first_lines(text: str) -> str:
    return " / ".join(text.strip().splitlines()[:4])


# -- building ---------------------------------------------------------------------------------


def build(clean: bool) -> float:
    """Run PyInstaller on installer.spec; returns the seconds it took."""
    print("== building with PyInstaller (installer.spec)", flush=True)
    if clean:
        for folder in (DIST, ROOT / "build" / "installer"):
            shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    if clean:
        command.append("--clean")
    subprocess.run([*command, str(ROOT / "installer.spec")], cwd=ROOT, check=True)
    return time.perf_counter() - started


def _in_build_environment(argv: list[str]) -> int | None:
    """Without PyInstaller here: set up .venv with the build extra, run this script there."""
    if importlib.util.find_spec("PyInstaller") is not None:
        return None
    sys.path.insert(0, str(ROOT / "tools"))
    from dev import ensure_environment

    # The postgres extra too: the bundle must carry the PostgreSQL driver (psycopg).
    python = ensure_environment("build,postgres")
    print(f"PyInstaller is not installed here; running in {python}", flush=True)
    return subprocess.call([str(python), str(Path(__file__).resolve()), *argv], cwd=ROOT)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="only the smoke test")
    parser.add_argument("--clean", action="store_true", help="build from scratch")
    args = parser.parse_args(argv)
    if not args.no_build:
        delegated = _in_build_environment(argv)
        if delegated is not None:
            return delegated
    started = time.perf_counter()
    build_seconds = None
    if not args.no_build:
        try:
            build_seconds = build(args.clean)
        except subprocess.CalledProcessError as exc:
            print(f"BUILD FAILED: PyInstaller exited {exc.returncode}")
            return 1
        print(f"  built in {build_seconds:.0f} s")
    smoke = Smoke()
    check_bundle(smoke)
    smoke_test(smoke)
    total = time.perf_counter() - started
    timing = f"build {build_seconds:.0f} s, " if build_seconds is not None else ""
    if smoke.failures:
        print(f"SMOKE TEST FAILED ({len(smoke.failures)}): " + "; ".join(smoke.failures))
        return 1
    print(f"smoke test passed ({timing}total {total:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
