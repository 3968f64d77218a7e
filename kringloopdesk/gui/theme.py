"""The look: qt-material's light theme (or, per PC, a dark one) in the shop's accent colour,
plus our own few rules.

Building the qt-material stylesheet (a Jinja template of 1,500 lines, and the SVG icons it
refers to) costs about a tenth of a second, so the result is kept in the cache folder, keyed by
the qt-material version, our theme (light or dark), the accent colour and the platform (the
template differs per platform). A cached start reads one file and points the ``icon:`` search
path at the icons folder written by the first build; when either is missing, it is built again.

``qt_material`` is imported only on a build, and always after PySide6 (it picks its Qt binding
from what is already imported).

The dark theme keeps the shop's accent: filled buttons use it as it is (with white text, as in
the light theme); text, outlines and the rail's selection use it lightened just enough to be
read on the dark background (a deep green on near-black would not be).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from kringloopdesk.paths import cache_dir, resource_path

log = logging.getLogger(__name__)

THEME_NAME = "kringloop_light"
LIGHT, DARK = "light", "dark"  # the local setting "theme"
THEMES = (LIGHT, DARK)
# Raise when the colours below change, so that cached stylesheets are rebuilt.
THEME_REVISION = 2
OCHRE = "#b8822a"
DANGER = "#b3261e"
ON_FILL = "#ffffff"  # text and icons on a filled (accent or danger) button, in both themes
ICON_CHECK_FILE = Path("primary") / "checkbox_checked.svg"
# The Roboto faces the stylesheet uses (qt-material would load all eighteen).
ROBOTO_FACES = ("Regular", "Medium", "Bold", "Italic", "Light")
MONO_FAMILY = "DejaVu Sans Mono"  # shipped in resources/fonts, also used by the PDFs
_HEX_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class ThemeColors:
    """The colours of a theme, in qt-material's names, for one accent (light by default)."""

    primary: str  # text, outlines, focus: the accent, lightened in the dark theme
    primary_light: str  # selection background
    secondary: str = "#f2f0ea"  # input fields
    secondary_light: str = "#dcd8ce"  # borders, disabled
    secondary_dark: str = "#fbfaf7"  # window background (warm white)
    primary_text: str = "#1d2521"
    secondary_text: str = "#39423d"
    ochre: str = OCHRE
    danger: str = DANGER
    muted_text: str = "#6b716c"
    card: str = "#ffffff"
    rail: str = "#f3f1ea"
    theme: str = LIGHT
    accent: str = ""  # the shop's accent as chosen: filled buttons (white text)

    @property
    def is_dark(self) -> bool:
        return self.theme == DARK

    @property
    def fill(self) -> str:
        return self.accent or self.primary

    def theme_xml(self) -> str:
        colors = {
            "primaryColor": self.primary,
            "primaryLightColor": self.primary_light,
            "secondaryColor": self.secondary,
            "secondaryLightColor": self.secondary_light,
            "secondaryDarkColor": self.secondary_dark,
            "primaryTextColor": self.primary_text,
            "secondaryTextColor": self.secondary_text,
        }
        lines = "\n".join(f'  <color name="{k}">{v}</color>' for k, v in colors.items())
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<resources>\n{lines}\n</resources>\n'


def normalise_accent(accent: str | None) -> str:
    if accent and _HEX_RE.match(accent):
        return accent.lower()
    # Only now: services.setup brings the ORM, which the login (always given the shop's
    # accent) must not wait for.
    from kringloopdesk.services.setup import DEFAULT_ACCENT

    return DEFAULT_ACCENT


def mix(color: str, other: str, amount: float) -> str:
    a, b = QColor(color), QColor(other)
    mixed = QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
    return mixed.name()


def luminance(color: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(color)
    return 0.2126 * linear(q.red()) + 0.7152 * linear(q.green()) + 0.0722 * linear(q.blue())


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio, 1 to 21 (4.5 is enough for ordinary text)."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(color: str, background: str, minimum: float = 4.5) -> str:
    """``color`` mixed with white in small steps until it reads on ``background``."""
    for step in range(21):
        candidate = mix(color, "#ffffff", step / 20)
        if contrast(candidate, background) >= minimum:
            return candidate
    return "#ffffff"


DARK_WINDOW = "#1e2321"
DARK_FIELD = "#2b312e"  # the lightest surface text stands on (input fields)


def dark_colors(accent: str) -> ThemeColors:
    """Dark greys with a green hint, light text; the accent lightened where it is text."""
    primary = readable_on(accent, DARK_FIELD)
    return ThemeColors(
        primary=primary,
        primary_light=mix(accent, DARK_WINDOW, 0.35),
        secondary=DARK_FIELD,  # input fields
        secondary_light="#4a534e",  # borders, disabled
        secondary_dark=DARK_WINDOW,  # window background
        primary_text="#eef1ef",
        secondary_text="#d3d9d5",
        ochre="#d9a441",
        danger="#f28b82",
        muted_text="#a3aca6",
        card="#262c29",
        rail="#191d1b",
        theme=DARK,
        accent=accent,
    )


@lru_cache(maxsize=32)
def colors_for(accent: str | None, theme: str = LIGHT) -> ThemeColors:
    """The colours for ``accent`` in ``theme``; cached (frozen, so safe to share): table
    models ask ``current_colors()`` for every cell they colour."""
    accent = normalise_accent(accent)
    if theme == DARK:
        return dark_colors(accent)
    return ThemeColors(primary=accent, primary_light=mix(accent, "#ffffff", 0.72), accent=accent)


def _qt_material_folder() -> Path | None:
    # Found without importing qt_material, which would pull in Jinja on every start.
    spec = importlib.util.find_spec("qt_material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _qt_material_version() -> str:
    """The installed version, from its ``dist-info`` folder's name: ``importlib.metadata``
    would cost a few hundredths of a second at every start (it imports the email package)."""
    folder = _qt_material_folder()
    if folder is not None:
        for info in sorted(folder.parent.glob("qt_material-*.dist-info")):
            return info.name.removeprefix("qt_material-").removesuffix(".dist-info")
    return "unknown"  # frozen without metadata


def _theme_name(theme: str) -> str:
    return THEME_NAME if theme != DARK else "kringloop_dark"


def _cache_key(accent: str, theme: str = LIGHT) -> str:
    return "-".join(
        (
            f"qt-material-{_qt_material_version()}",
            f"{_theme_name(theme)}.{THEME_REVISION}",
            accent.lstrip("#"),
            sys.platform,  # not the ``platform`` module: it compiles regexes at import
        )
    )


def _theme_folder() -> Path:
    path = cache_dir() / "theme"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _build_stylesheet(colors: ThemeColors, icon_dir: Path) -> str:
    import qt_material  # after PySide6, see the module docstring

    theme_file = _theme_folder() / f"{_theme_name(colors.theme)}-{colors.fill.lstrip('#')}.xml"
    theme_file.write_text(colors.theme_xml(), encoding="utf-8")
    extra = {"danger": colors.danger, "warning": colors.ochre, "success": colors.primary}
    # export=True: we load the fonts ourselves (a few faces, not all eighteen).
    stylesheet = qt_material.build_stylesheet(
        theme=str(theme_file), extra=extra, parent=str(icon_dir), export=True
    )
    if stylesheet is None:
        raise RuntimeError(f"qt-material could not read the theme {theme_file}")
    return stylesheet


def material_stylesheet(accent: str, theme: str = LIGHT) -> tuple[str, Path, bool]:
    """qt-material's stylesheet for ``accent`` in ``theme``, its icons folder (the icons are
    drawn in the theme's colours), and whether it was cached."""
    accent = normalise_accent(accent)
    key = _cache_key(accent, theme)
    folder = _theme_folder()
    qss_file = folder / f"{key}.qss"
    prefix = "icons-dark-" if theme == DARK else "icons-"
    icon_dir = folder / f"{prefix}{accent.lstrip('#')}"
    if qss_file.is_file() and (icon_dir / ICON_CHECK_FILE).is_file():
        try:
            return qss_file.read_text(encoding="utf-8"), icon_dir, True
        except OSError as exc:
            log.warning("Cannot read the cached stylesheet %s: %s", qss_file, exc)
    stylesheet = _build_stylesheet(colors_for(accent, theme), icon_dir)
    try:
        _write_atomically(qss_file, stylesheet)
    except OSError as exc:  # a read-only cache only costs start-up time
        log.warning("Cannot cache the stylesheet in %s: %s", qss_file, exc)
    return stylesheet, icon_dir, False


_fonts_loaded = False


def _load_fonts() -> None:
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    # The recovery key's monospace face, the same on every PC (and in its PDF).
    if QFontDatabase.addApplicationFont(str(resource_path("fonts", "DejaVuSansMono.ttf"))) < 0:
        log.warning("Font DejaVuSansMono could not be loaded")
    package = _qt_material_folder()
    if package is None:
        log.warning("qt_material is not installed; the default font is used")
        return
    folder = package / "fonts" / "roboto"
    for face in ROBOTO_FACES:
        if QFontDatabase.addApplicationFont(str(folder / f"Roboto-{face}.ttf")) < 0:
            log.warning("Font Roboto-%s could not be loaded", face)


def _apply_palette(app: QApplication, colors: ThemeColors) -> None:
    """Fusion's palette, dark for the dark theme: what the stylesheet leaves to the palette
    (rich text, tool tips, the calendar pop-up, message boxes) follows the theme."""
    palette = app.style().standardPalette()
    if colors.is_dark:
        role = QPalette.ColorRole
        for name, color in (
            (role.Window, colors.secondary_dark), (role.WindowText, colors.primary_text),
            (role.Base, colors.secondary), (role.AlternateBase, colors.card),
            (role.Button, colors.card), (role.ButtonText, colors.primary_text),
            (role.ToolTipBase, colors.card), (role.ToolTipText, colors.primary_text),
            (role.PlaceholderText, colors.muted_text), (role.BrightText, "#ffffff"),
            (role.Highlight, colors.primary_light), (role.HighlightedText, colors.primary_text),
            (role.Link, colors.primary), (role.LinkVisited, colors.primary),
            (role.Light, colors.secondary_light), (role.Midlight, colors.secondary_light),
            (role.Mid, colors.secondary), (role.Dark, colors.rail), (role.Shadow, "#000000"),
        ):
            palette.setColor(name, QColor(color))
        for name in (role.WindowText, role.Text, role.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, name, QColor(colors.muted_text))
    # What qt-material's build_stylesheet does to the palette, done on a cached start too so
    # that both starts look the same.
    text = QColor(colors.primary)
    text.setAlpha(92)
    palette.setColor(QPalette.ColorRole.Text, text)
    QGuiApplication.setPalette(palette)


def app_stylesheet(colors: ThemeColors) -> str:
    """Our own rules on top of qt-material: the rail, page headers, figure cards, forms."""
    c = colors
    tint = mix(c.primary, c.secondary_dark, 0.88)
    selected = mix(c.primary, c.card, 0.8)
    hover = mix(c.primary, c.secondary_dark, 0.94)
    # Text on a disabled filled button: white on light grey, light grey on dark grey.
    disabled_on_fill = c.card if not c.is_dark else c.muted_text
    return f"""
QMainWindow, QDialog, QWizard, QWizardPage {{ background-color: {c.secondary_dark}; }}
QWizard QFrame, QWizard QLabel {{ border: none; }}
QStatusBar {{ background-color: {c.rail}; border-top: 1px solid {c.secondary_light}; }}
QStatusBar QLabel {{ color: {c.muted_text}; padding: 0 8px; }}
QStatusBar::item {{ border: none; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}

#NavRail {{ background-color: {c.rail}; border: none;
    border-right: 1px solid {c.secondary_light}; border-radius: 0; }}
#NavRail QLabel {{ color: {c.primary_text}; }}
#RailShopName {{ font-size: 15px; font-weight: bold; color: {c.primary_text}; }}
#RailAppName {{ font-size: 11px; color: {c.muted_text}; }}
#NavRail QToolButton {{
    background: transparent; border: none; border-left: 3px solid transparent;
    border-radius: 6px; margin: 1px 0; padding: 4px 12px 4px 10px; height: 24px;
    color: {c.secondary_text}; text-align: left; font-size: 14px; }}
#NavRail QToolButton[inSection="true"] {{ padding-left: 22px; }}
#RailSection {{ font-size: 11px; font-weight: bold; color: {c.muted_text};
    padding: 8px 12px 2px 13px; letter-spacing: 1px; }}
#NavRail QToolButton:hover {{ background: {hover}; border-left: 3px solid transparent; }}
#NavRail QToolButton:focus {{ background: {hover}; }}
#NavRail QToolButton:checked {{ background: {tint}; color: {c.primary};
    border-left: 3px solid {c.ochre}; font-weight: bold; }}

#PageHeader {{ background: transparent; border: none;
    border-bottom: 1px solid {c.secondary_light}; border-radius: 0; }}
#PageTitle {{ font-size: 24px; color: {c.primary_text}; }}
#PageSubtitle {{ font-size: 13px; color: {c.muted_text}; }}
#SectionTitle {{ font-size: 13px; font-weight: bold; color: {c.muted_text};
    padding-top: 6px; }}

#FigureCard {{ background-color: {c.card}; border: 1px solid {c.secondary_light};
    border-radius: 10px; }}
#FigureCard[accent="ochre"] {{ border-top: 3px solid {c.ochre}; }}
#FigureCard[accent="primary"] {{ border-top: 3px solid {c.primary}; }}
#FigureCaption {{ font-size: 14px; color: {c.secondary_text}; }}
#FigureValue {{ font-size: 36px; color: {c.primary_text}; }}
#FigureUnit {{ font-size: 16px; color: {c.muted_text}; }}
#FigureNote {{ font-size: 12px; color: {c.muted_text}; }}

#FormCard {{ background-color: {c.card}; border: 1px solid {c.secondary_light};
    border-radius: 10px; }}
#FormCard QLabel {{ background: transparent; }}
#FieldError {{ color: {c.danger}; font-size: 12px; }}
#FieldHint, #FormNote {{ color: {c.muted_text}; font-size: 12px; }}
#BlockedReason {{ color: {c.muted_text}; font-size: 12px; }}
#LoginError {{ color: {c.danger}; background-color: {mix(c.danger, c.card, 0.9)};
    border-radius: 6px; padding: 8px 10px; }}
#DialogTitle {{ font-size: 20px; color: {c.primary_text}; }}
QLabel[centered="true"] {{ qproperty-alignment: AlignCenter; }}
#DialogSubtitle {{ color: {c.muted_text}; }}
#LogoPreview {{ background-color: {c.card}; border: 1px dashed {c.secondary_light};
    border-radius: 8px; color: {c.muted_text}; }}
QPushButton#Swatch {{ border: 3px solid {c.card}; border-radius: 15px; height: 24px;
    min-width: 24px; max-width: 24px; min-height: 24px; max-height: 24px; padding: 0;
    margin: 0; }}
QPushButton#Swatch:focus {{ border: 3px solid {c.secondary_light}; }}
QPushButton#Swatch:checked {{ border: 3px solid {c.primary_text}; }}
QPushButton#PrimaryButton {{ color: {ON_FILL}; background-color: {c.fill};
    border-color: {c.fill}; }}
QPushButton#PrimaryButton:focus {{ background-color: {mix(c.fill, "#000000", 0.15)};
    border-color: {c.primary}; }}
QPushButton#PrimaryButton:disabled {{ color: {disabled_on_fill};
    background-color: {c.secondary_light};
    border-color: {c.secondary_light}; }}
QPushButton {{ text-transform: none; font-weight: 500; padding: 1px 18px; }}
QPushButton#DangerButton {{ color: {c.danger}; border-color: {mix(c.danger, c.card, 0.5)}; }}
QPushButton#DangerButton:disabled {{ color: {c.secondary_light};
    border-color: {c.secondary_light}; }}
QPushButton#DangerPrimaryButton {{ color: {ON_FILL}; background-color: {DANGER};
    border-color: {DANGER}; }}
QPushButton#DangerPrimaryButton:disabled {{ color: {disabled_on_fill};
    background-color: {c.secondary_light}; border-color: {c.secondary_light}; }}
QWizard QPushButton {{ min-width: 72px; }}
#WizardSteps {{ background-color: {c.rail}; border: 1px solid {c.secondary_light};
    border-radius: 10px; }}
#WizardStep {{ font-size: 14px; padding: 8px 10px; border-radius: 6px;
    border-left: 3px solid transparent; color: {c.muted_text}; }}
#WizardStep[state="current"] {{ color: {c.primary}; background: {tint}; font-weight: bold;
    border-left: 3px solid {c.ochre}; }}
#WizardStep[state="done"] {{ color: {c.secondary_text}; }}
QPlainTextEdit#Details {{ font-family: monospace; font-size: 11px; }}

#DialogError {{ color: {c.danger}; background-color: {mix(c.danger, c.card, 0.9)};
    border-radius: 6px; padding: 8px 10px; }}
QPushButton#LinkButton {{ color: {c.primary}; background: transparent; border: none;
    padding: 2px 0; min-height: 0; height: 20px; text-align: left; }}
QPushButton#LinkButton:hover, QPushButton#LinkButton:focus {{ text-decoration: underline; }}

#RecoveryKeyCard {{ background-color: {c.card}; border: 1px solid {c.primary};
    border-radius: 10px; }}
#RecoveryKeyCaption {{ color: {c.muted_text}; font-size: 12px; }}
#RecoveryKey {{ font-family: "{MONO_FAMILY}", "Consolas", monospace; font-size: 22px;
    color: {c.primary_text}; padding: 6px 0; }}
#RecoveryKeyOnce {{ color: {c.secondary_text}; font-weight: bold; }}

#NoticeBanner {{ background-color: {mix(c.ochre, c.card, 0.86)};
    border: 1px solid {mix(c.ochre, c.card, 0.6)}; border-left: 4px solid {c.ochre};
    border-radius: 8px; }}
#NoticeBanner QLabel {{ background: transparent; color: {c.primary_text}; }}
#NoticeTitle {{ font-weight: bold; }}
#StatusNotice QLabel {{ color: {mix(c.ochre, c.primary_text, 0.35)}; }}
QToolButton#StatusUser {{ background: transparent; border: none; border-radius: 4px;
    padding: 2px 8px; color: {c.muted_text}; }}
QToolButton#StatusUser:hover, QToolButton#StatusUser:focus {{ background: {hover}; }}
QToolButton#StatusUser::menu-indicator {{ image: none; width: 0; }}

#LockCover {{ background-color: {c.secondary_dark}; }}
#LockCover QLabel {{ background: transparent; }}
#LockTitle {{ font-size: 22px; color: {c.primary_text}; }}
#LockNote {{ color: {c.muted_text}; }}

QTableView#ListView {{ background-color: {c.card};
    alternate-background-color: {mix(c.secondary, c.card, 0.55)};
    border: 1px solid {c.secondary_light}; border-radius: 8px; gridline-color: transparent;
    selection-background-color: {selected}; selection-color: {c.primary_text}; }}
QTableView#ListView::item {{ padding: 0 8px; border: none; }}
QTableView#ListView::item:selected {{ background-color: {selected}; color: {c.primary_text}; }}
QTableView#ListView QHeaderView {{ background-color: {c.card}; border: none;
    border-bottom: 1px solid {c.secondary_light}; border-top-left-radius: 8px;
    border-top-right-radius: 8px; }}
QTableView#ListView QHeaderView::section {{ background-color: {c.card}; color: {c.muted_text};
    border: none; padding: 0 8px; height: 34px; font-weight: bold; text-transform: none; }}
QTabBar {{ text-transform: none; }}
QTabWidget#PageTabs QTabBar::tab {{ font-size: 14px; padding: 0 14px; height: 34px;
    margin-right: 8px; }}
#ListCount {{ color: {c.muted_text}; font-size: 12px; }}
#FilterLabel {{ color: {c.muted_text}; }}
QTabWidget#PageTabs::pane {{ border: none; }}
QTabWidget#PageTabs::tab-bar {{ left: 22px; }}
"""


def apply_theme(app: QApplication, accent: str | None = None, theme: str | None = None) -> bool:
    """Style ``app`` in ``theme`` ("light" or "dark"; None keeps the one applied before, light
    at first) for ``accent``; returns whether the cache was used. Windows that are open take
    the new stylesheet at once; what they drew themselves (icons, charts) when they were built
    keeps its colours until they are built again."""
    if theme not in THEMES:
        theme = current_theme(app)
    colors = colors_for(accent, theme)
    app.setStyle("Fusion")
    _load_fonts()
    stylesheet, icon_dir, cached = material_stylesheet(colors.fill, theme)
    QDir.setSearchPaths("icon", [str(icon_dir)])
    _apply_palette(app, colors)
    app.setStyleSheet(stylesheet + app_stylesheet(colors))
    app.setProperty("kringloopdesk_accent", colors.fill)
    app.setProperty("kringloopdesk_theme", theme)
    return cached


def current_theme(app: QApplication | None = None) -> str:
    app = app or QApplication.instance()
    theme = app.property("kringloopdesk_theme") if app is not None else None
    return theme if theme in THEMES else LIGHT


def current_colors() -> ThemeColors:
    app = QApplication.instance()
    accent = app.property("kringloopdesk_accent") if app is not None else None
    return colors_for(accent if isinstance(accent, str) else None, current_theme(app))
