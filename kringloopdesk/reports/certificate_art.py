"""The certificates' ornament, drawn as vector paths: a thin double rule with a small sprig of
leaves and a seed in each corner, a divider with a seedling, and the leaf used as a bullet.

The motif follows the seed of the partnership ("wat je aandacht geeft, groeit en komt tot
bloei"): restrained, in the accent colour with an ochre seed, never a bitmap."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas


def _leaf_path(canvas: Canvas, length: float, width: float):
    """A leaf from (0, 0) to (length, 0), ``width`` at its widest, pointing along +x."""
    path = canvas.beginPath()
    path.moveTo(0, 0)
    path.curveTo(length * 0.25, width * 0.9, length * 0.7, width * 0.75, length, 0)
    path.curveTo(length * 0.7, -width * 0.75, length * 0.25, -width * 0.9, 0, 0)
    path.close()
    return path


def draw_leaf(canvas: Canvas, x: float, y: float, size: float, leaf: Color,
              seed: Color) -> None:
    """A small leaf at (x, y) leaning up and to the right (a bullet, ``size`` tall)."""
    canvas.saveState()
    canvas.translate(x - size * 0.35, y - size * 0.4)
    canvas.rotate(40)
    canvas.setFillColor(leaf)
    canvas.drawPath(_leaf_path(canvas, size * 1.05, size * 0.42), stroke=0, fill=1)
    canvas.restoreState()


def _sprig(canvas: Canvas, unit: float, leaf: Color, seed: Color) -> None:
    """The corner sprig in its own coordinates: the corner at (0, 0), growing along the two
    rules (+x and +y) — a curved stem with three leaves and a seed at the corner."""
    canvas.setStrokeColor(leaf)
    canvas.setLineWidth(0.6)
    canvas.setLineCap(1)
    stem = canvas.beginPath()
    stem.moveTo(unit * 1.2, unit * 1.2)
    stem.curveTo(unit * 3.2, unit * 2.0, unit * 5.2, unit * 2.2, unit * 7.5, unit * 1.9)
    canvas.drawPath(stem, stroke=1, fill=0)
    stem = canvas.beginPath()
    stem.moveTo(unit * 1.2, unit * 1.2)
    stem.curveTo(unit * 2.0, unit * 3.2, unit * 2.2, unit * 5.2, unit * 1.9, unit * 7.5)
    canvas.drawPath(stem, stroke=1, fill=0)
    canvas.setFillColor(leaf)
    for x, y, angle, length in ((3.6, 2.15, 35, 2.6), (5.6, 2.15, -28, 2.2),
                                (2.15, 3.6, 55, 2.6), (2.15, 5.6, 118, 2.2),
                                (7.5, 1.9, 8, 1.9), (1.9, 7.5, 82, 1.9)):
        canvas.saveState()
        canvas.translate(unit * x, unit * y)
        canvas.rotate(angle)
        canvas.drawPath(_leaf_path(canvas, unit * length, unit * 0.95), stroke=0, fill=1)
        canvas.restoreState()
    canvas.setFillColor(seed)
    canvas.saveState()
    canvas.translate(unit * 1.15, unit * 1.15)
    canvas.rotate(45)
    canvas.ellipse(-unit * 0.95, -unit * 0.62, unit * 0.95, unit * 0.62, stroke=0, fill=1)
    canvas.restoreState()


def draw_border(canvas: Canvas, width: float, height: float, margin: float, accent: Color,
                ochre: Color) -> None:
    """The double rule ``margin`` from the paper's edge and a sprig in each corner."""
    canvas.saveState()
    canvas.setStrokeColor(accent)
    canvas.setLineWidth(1.1)
    canvas.rect(margin, margin, width - 2 * margin, height - 2 * margin, stroke=1, fill=0)
    inset = margin + 1.6 * mm
    canvas.setLineWidth(0.35)
    canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset, stroke=1, fill=0)
    unit = 1.15 * mm
    corner = inset + 1.2 * mm
    for x, y, sx, sy in ((corner, corner, 1, 1), (width - corner, corner, -1, 1),
                         (corner, height - corner, 1, -1),
                         (width - corner, height - corner, -1, -1)):
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(sx, sy)
        _sprig(canvas, unit, accent, ochre)
        canvas.restoreState()
    canvas.restoreState()


def draw_divider(canvas: Canvas, cx: float, y: float, half_width: float, accent: Color,
                 ochre: Color) -> None:
    """A thin rule either side of a seedling: two leaves on a short stem over a seed."""
    canvas.saveState()
    gap = 5 * mm
    canvas.setStrokeColor(ochre)
    canvas.setLineWidth(0.5)
    canvas.line(cx - half_width, y, cx - gap, y)
    canvas.line(cx + gap, y, cx + half_width, y)
    canvas.setStrokeColor(accent)
    canvas.setLineWidth(0.7)
    canvas.setLineCap(1)
    canvas.line(cx, y - 1.2 * mm, cx, y + 1.4 * mm)
    canvas.setFillColor(accent)
    for angle in (28, 152):
        canvas.saveState()
        canvas.translate(cx, y + 1.2 * mm)
        canvas.rotate(angle)
        canvas.drawPath(_leaf_path(canvas, 3.0 * mm, 1.15 * mm), stroke=0, fill=1)
        canvas.restoreState()
    canvas.setFillColor(ochre)
    canvas.ellipse(cx - 1.3 * mm, y - 2.2 * mm, cx + 1.3 * mm, y - 0.9 * mm, stroke=0, fill=1)
    canvas.restoreState()
