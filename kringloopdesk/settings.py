"""Every setting, declared once: key, type, default, label and where it lives.

``shop`` settings are stored in the database (the same for every PC of the shop) and changed
by a beheerder through services/settings.py; ``local`` settings belong to this PC and user
(language, theme) and live in a small JSON file in the data folder.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from kringloopdesk.paths import data_dir

log = logging.getLogger(__name__)

Scope = Literal["shop", "local"]


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    label_nl: str
    label_en: str
    scope: Scope = "shop"
    minimum: Any = None
    maximum: Any = None
    choices: tuple[Any, ...] = ()

    def label(self, language: str = "nl") -> str:
        return self.label_en if language == "en" else self.label_nl

    def parse(self, value: Any) -> Any:
        """The value as its declared type, or ``ValueError`` when it does not fit."""
        if self.type is bool:
            if isinstance(value, bool):
                parsed: Any = value
            elif str(value).lower() in {"1", "true", "ja", "yes"}:
                parsed = True
            elif str(value).lower() in {"0", "false", "nee", "no"}:
                parsed = False
            else:
                raise ValueError(value)
        elif self.type is Decimal:
            parsed = Decimal(str(value).replace(",", "."))
        else:
            parsed = self.type(value)
        if self.choices and parsed not in self.choices:
            raise ValueError(value)
        if self.minimum is not None and parsed < self.minimum:
            raise ValueError(value)
        if self.maximum is not None and parsed > self.maximum:
            raise ValueError(value)
        return parsed


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("retention_years", int, 2, "Bewaartermijn persoonsgegevens (jaren na de "
                    "laatste plaatsing)", "Retention of personal data (years after the last "
                    "placement)", minimum=1, maximum=50),
        SettingSpec("idle_lock_minutes", int, 10, "Vergrendelen na zoveel minuten zonder "
                    "gebruik", "Lock after this many idle minutes", minimum=1, maximum=240),
        SettingSpec("safety_pe_max_ohm", Decimal, Decimal("0.3"), "Beschermingsleiding: "
                    "hoogstens (Ω)", "Protective conductor: at most (Ω)", minimum=Decimal(0)),
        SettingSpec("safety_insulation_min_mohm_class1", Decimal, Decimal("1"),
                    "Isolatieweerstand klasse I: minstens (MΩ)",
                    "Insulation resistance class I: at least (MΩ)", minimum=Decimal(0)),
        SettingSpec("safety_insulation_min_mohm_class2", Decimal, Decimal("2"),
                    "Isolatieweerstand klasse II: minstens (MΩ)",
                    "Insulation resistance class II: at least (MΩ)", minimum=Decimal(0)),
        SettingSpec("safety_pe_current_max_ma", Decimal, Decimal("3.5"),
                    "Beschermingsleiderstroom: hoogstens (mA)",
                    "Protective conductor current: at most (mA)", minimum=Decimal(0)),
        SettingSpec("safety_touch_current_max_ma", Decimal, Decimal("0.5"),
                    "Aanraakstroom: hoogstens (mA)", "Touch current: at most (mA)",
                    minimum=Decimal(0)),
        SettingSpec("language", str, "nl", "Taal", "Language", scope="local",
                    choices=("nl", "en")),
        SettingSpec("theme", str, "light", "Thema", "Theme", scope="local",
                    choices=("light", "dark")),
        SettingSpec("export_folder", str, "", "Map van de laatste export",
                    "Folder of the last export", scope="local"),
        # Back-ups are made by this PC into a folder on this PC (or a share), so they are
        # local: with PostgreSQL one PC (the one that stays on) is enough to make them.
        SettingSpec("backup.folder", str, "", "Map voor automatische back-ups (leeg: de "
                    "standaardmap)", "Folder for automatic backups (empty: the standard "
                    "folder)", scope="local"),
        SettingSpec("backup.on_exit", bool, True, "Back-up bij afsluiten",
                    "Backup on exit", scope="local"),
        SettingSpec("backup.daily", bool, True, "Dagelijkse back-up", "Daily backup",
                    scope="local"),
        SettingSpec("backup.keep_daily", int, 7, "Bewaar dagelijkse back-ups (dagen)",
                    "Keep daily backups (days)", scope="local", minimum=1, maximum=365),
        SettingSpec("backup.keep_weekly", int, 4, "Bewaar wekelijkse back-ups (weken)",
                    "Keep weekly backups (weeks)", scope="local", minimum=0, maximum=520),
        SettingSpec("backup.last_problem", str, "", "Laatste mislukte automatische back-up",
                    "Last failed automatic backup", scope="local"),
        SettingSpec("backup.keep_monthly", int, 12, "Bewaar maandelijkse back-ups (maanden)",
                    "Keep monthly backups (months)", scope="local", minimum=0, maximum=600),
    )
}


def spec(key: str) -> SettingSpec:
    return SETTINGS[key]


def _local_file():
    return data_dir() / "instellingen.json"


def read_local(key: str) -> Any:
    """A per-PC setting; the default when the file is missing or damaged."""
    declared = SETTINGS[key]
    try:
        stored = json.loads(_local_file().read_text(encoding="utf-8")).get(key, declared.default)
        return declared.parse(stored)
    except FileNotFoundError:
        return declared.default
    except (ValueError, TypeError, json.JSONDecodeError):
        log.warning("Ignoring an unreadable local setting %s", key)
        return declared.default


def write_local(key: str, value: Any) -> None:
    declared = SETTINGS[key]
    parsed = declared.parse(value)
    path = _local_file()
    try:
        current = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        current = {}
    current[key] = str(parsed) if isinstance(parsed, Decimal) else parsed
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(current, indent=2), encoding="utf-8")
    os.replace(partial, path)
