"""The app icon: the committed PNG and ICO are what tools/make_icons.py renders from the SVG,
and the application carries the icon from the start."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

from kringloopdesk.paths import resource_path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_icons.py"


def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(size, image bytes) of every entry of an ICO file."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for n in range(count):
        width, height, _colors, _zero, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * n)
        assert width == height and planes == 1 and bits == 32
        entries.append((width or 256, data[offset:offset + length]))
    return entries


def test_the_committed_ico_holds_every_size_drawn_from_the_svg(qapp: QApplication) -> None:
    tool = make_icons()
    ico = resource_path("icons", "kringloopdesk.ico").read_bytes()
    entries = ico_entries(ico)
    assert [size for size, _png in entries] == list(tool.ICO_SIZES)
    for size, png in entries:
        image = QImage.fromData(png, "PNG")
        assert (image.width(), image.height()) == (size, size)
    # Qt (and so Windows' loader, which reads the same container) reads it back.
    reader = QImageReader(str(resource_path("icons", "kringloopdesk.ico")))
    assert reader.imageCount() == len(tool.ICO_SIZES)
    png = QImage(str(resource_path("icons", "kringloopdesk.png")))
    assert (png.width(), png.height()) == (256, 256)
    assert png.pixelColor(128, 20).green() > png.pixelColor(128, 20).red()  # the green tile


def test_the_container_is_written_as_windows_reads_it(qapp: QApplication) -> None:
    tool = make_icons()
    svg = resource_path("icons", "kringloopdesk.svg").read_bytes()
    images = {16: tool.render_png(svg, 16), 256: tool.render_png(svg, 256)}
    data = tool.ico_container(images)
    assert ico_entries(data) == [(16, images[16]), (256, images[256])]
    assert data[6 + 16] == 0  # 256 px is written as 0 in the one-byte width


def test_the_application_has_the_icon(qapp: QApplication) -> None:
    from kringloopdesk.gui.application import create_application

    app = create_application("nl")
    assert not app.windowIcon().isNull()
    assert not app.windowIcon().pixmap(32, 32).isNull()
