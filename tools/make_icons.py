"""Render the app icon, resources/icons/kringloopdesk.svg, into the files a build needs.

    python tools/make_icons.py

writes resources/icons/kringloopdesk.png (256 px, the Linux desktop file and the README) and
resources/icons/kringloopdesk.ico (16, 20, 24, 32, 40, 48, 64, 128 and 256 px; the Windows
executable and installer via installer.spec). Both are committed: the build does not need Qt's
SVG module to make them, and the outputs only change when the SVG does.

The ICO is written by hand as a container of PNG images (allowed since Windows Vista): Qt's
ICO plug-in writes one size per file, and a blurry 16 px icon scaled down from 256 px is just
what each size drawn from the vector avoids.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
SVG = ICON_DIR / "kringloopdesk.svg"
PNG = ICON_DIR / "kringloopdesk.png"
ICO = ICON_DIR / "kringloopdesk.ico"
PNG_SIZE = 256
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn at ``size`` × ``size`` pixels, antialiased, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the SVG cannot be read")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"cannot encode the {size} px image as PNG")
    buffer.close()
    return bytes(data.data())


def ico_container(images: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG of ``images`` (size -> PNG bytes) as one entry.

    Layout: ICONDIR (reserved 0, type 1, count), one 16-byte ICONDIRENTRY per image (width
    and height as a byte, 0 meaning 256; colour count 0; planes 1; 32 bits per pixel; the
    data's length and offset), then the PNG data in the same order.
    """
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO entry is 1 to 256 px, not {size}")
        data = images[size]
        side = 0 if size == 256 else size
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(f"{path.name}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    svg = SVG.read_bytes()
    _write_atomically(PNG, render_png(svg, PNG_SIZE))
    _write_atomically(ICO, ico_container({size: render_png(svg, size) for size in ICO_SIZES}))
    print(f"Wrote {PNG.relative_to(ROOT)} and {ICO.relative_to(ROOT)} "
          f"({', '.join(str(s) for s in ICO_SIZES)} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
