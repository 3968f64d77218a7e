"""The GUI's translation catalogue: Qt's .ts source and the compiled .qm that ships.

    python tools/translations.py update        # lupdate: add new strings, drop gone ones
    python tools/translations.py fill FILE.json # fill open entries from {dutch: english}
    python tools/translations.py compile       # lrelease: .ts -> .qm
    python tools/translations.py check         # what the test checks (exit 1 on a problem)

The source strings are Dutch (``self.tr("Opslaan")``); ``resources/translations/
kringloopdesk_en.ts`` holds the English per context (the class name). ``update`` runs Qt's
``lupdate`` over every module in ``kringloopdesk/gui`` without line numbers, so the file only
changes when a string does. ``check`` finds strings the .ts lacks, entries without a
translation, translations whose ``{placeholders}`` differ from the source, and a .qm that was
not compiled from the current .ts. ``tests/unit/test_gui_catalogue.py`` runs it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
SOURCE_LANGUAGE = "nl_NL"
TARGET = {"en": "en_GB"}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%[0-9n]")


def ts_file(language: str) -> Path:
    return FOLDER / f"kringloopdesk_{language}.ts"


def qm_file(language: str) -> Path:
    return FOLDER / f"kringloopdesk_{language}.qm"


def gui_sources() -> list[Path]:
    return sorted((ROOT / "kringloopdesk" / "gui").rglob("*.py"))


def _tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` next to this Python, or on the PATH."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (local, local.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def lupdate(target: Path, language: str) -> None:
    """Bring ``target`` up to date with the source; keeps existing translations."""
    subprocess.run(
        [_tool("lupdate"), *map(str, gui_sources()), "-ts", str(target), "-no-obsolete",
         "-locations", "none", "-source-language", SOURCE_LANGUAGE,
         "-target-language", TARGET[language], "-silent"],
        check=True, cwd=ROOT,
    )


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(source), "-qm", str(target)],
                   check=True, cwd=ROOT)


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    finished: bool


def read_ts(path: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text or "" if translation is not None else ""
            unfinished = translation is not None and translation.get("type") in (
                "unfinished", "vanished", "obsolete")
            entries.append(Entry(name, message.findtext("source") or "", text,
                                 bool(text) and not unfinished))
    return entries


def fill(path: Path, translations: dict[str, str]) -> int:
    """Fill every open entry whose source ``translations`` knows; returns how many."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        english = translations.get(source)
        if english:
            translation.text = english
            del translation.attrib["type"]
            filled += 1
    _write_ts(tree, path)
    return filled


def _write_ts(tree: ET.ElementTree, path: Path) -> None:
    # lupdate's own layout: a doctype line, two-space indent; lupdate rewrites it anyway.
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def problems(language: str) -> list[str]:
    """Everything wrong with the catalogue of ``language``; empty when it is complete."""
    found: list[str] = []
    committed, compiled = ts_file(language), qm_file(language)
    if not committed.is_file():
        return [f"{committed.relative_to(ROOT)} is missing: run `tools/translations.py update`"]
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / committed.name
        shutil.copy(committed, fresh)
        lupdate(fresh, language)
        known = {(e.context, e.source) for e in read_ts(committed)}
        for entry in read_ts(fresh):
            if (entry.context, entry.source) not in known:
                found.append(f"not in the catalogue: [{entry.context}] {entry.source!r}")
        current = {(e.context, e.source) for e in read_ts(fresh)}
        for context, source in sorted(known - current):
            found.append(f"no longer in the code: [{context}] {source!r}")
        for entry in read_ts(committed):
            if not entry.finished:
                found.append(f"no translation: [{entry.context}] {entry.source!r}")
            elif sorted(PLACEHOLDER.findall(entry.source)) != sorted(
                    PLACEHOLDER.findall(entry.translation)):
                found.append(f"placeholders differ: [{entry.context}] {entry.source!r} -> "
                             f"{entry.translation!r}")
        rebuilt = Path(scratch) / compiled.name
        lrelease(committed, rebuilt)
        if not compiled.is_file() or compiled.read_bytes() != rebuilt.read_bytes():
            found.append(f"{compiled.relative_to(ROOT)} is not compiled from the current .ts: "
                         "run `tools/translations.py compile`")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    for language in LANGUAGES:
        if command == "update":
            lupdate(ts_file(language), language)
        elif command == "fill":
            pairs = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
            print(f"{language}: {fill(ts_file(language), pairs)} entries filled")
            lupdate(ts_file(language), language)  # back to lupdate's own layout
        elif command == "compile":
            lrelease(ts_file(language), qm_file(language))
        elif command == "check":
            found = problems(language)
            print("\n".join(found) or f"{language}: catalogue complete")
            if found:
                return 1
        else:
            raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
