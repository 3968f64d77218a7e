"""The embedded TrueType fonts, registered once for ReportLab, so every PDF looks the same on
every PC and every accent renders (ReportLab's built-in Helvetica lacks Ł and ĳ)."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kringloopdesk.paths import resource_path

SANS = "KLD-Sans"
SANS_BOLD = "KLD-Sans-Bold"
SANS_MEDIUM = "KLD-Sans-Medium"
SANS_ITALIC = "KLD-Sans-Italic"
SERIF = "KLD-Serif"
SERIF_BOLD = "KLD-Serif-Bold"
MONO = "KLD-Mono"

_FILES = {
    SANS: "Roboto-Regular.ttf",
    SANS_BOLD: "Roboto-Bold.ttf",
    SANS_MEDIUM: "Roboto-Medium.ttf",
    SANS_ITALIC: "Roboto-Italic.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
}


@cache
def register_fonts() -> None:
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD)
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
