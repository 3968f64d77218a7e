"""Line icons from ``resources/icons``, drawn in whatever colour the place asks for.

The SVG files draw with ``currentColor``; we put the colour in before Qt renders them, so one
file serves the rail (muted, and the accent when checked), buttons and dialogs.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kringloopdesk.paths import resource_path

ICON_SIZES = (16, 20, 24, 32, 48)
# Not ``Qt.GlobalColor.transparent``: the first ``Qt.`` enum costs a few hundredths of a
# second, and this module is imported before the login paints (``app_icon``).
TRANSPARENT = QColor(0, 0, 0, 0)


@cache
def _svg_text(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def pixmap(name: str, size: int, color: str | None = None, *, ratio: float = 2.0) -> QPixmap:
    """``name``.svg rendered at ``size`` logical pixels (sharp on high-DPI screens)."""
    text = _svg_text(name)
    if color:
        text = text.replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    side = round(size * ratio)
    image = QPixmap(side, side)
    image.fill(TRANSPARENT)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def icon(name: str, color: str, *, checked_color: str | None = None) -> QIcon:
    """An icon in ``color``; a checkable button shows it in ``checked_color`` when checked."""
    result = QIcon()
    for size in ICON_SIZES:
        result.addPixmap(pixmap(name, size, color), QIcon.Mode.Normal, QIcon.State.Off)
        if checked_color:
            on = pixmap(name, size, checked_color)
            result.addPixmap(on, QIcon.Mode.Normal, QIcon.State.On)
            result.addPixmap(on, QIcon.Mode.Active, QIcon.State.On)
    return result


@cache
def app_icon() -> QIcon:
    """KringloopDesk's own icon, set once on the application at start (windows inherit it).
    Qt's SVG icon engine draws it at each size when asked, so it costs nothing up front; the
    Windows executable gets resources/icons/kringloopdesk.ico (tools/make_icons.py)."""
    return QIcon(str(resource_path("icons", "kringloopdesk.svg")))
