"""The screenshots the README and the docs show are the ones the screenshot script makes.

``kringloopdesk/gui/screenshots.py`` lists what it writes in ``SCREENSHOTS``; this reads that
literal without importing the module (no Qt here) and compares it with the image links of the
Markdown files and with docs/screenshots, so that no hand-made or stale picture slips in.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "kringloopdesk" / "gui" / "screenshots.py"
SHOTS = ROOT / "docs" / "screenshots"
IMAGE_LINK = re.compile(r'!\[[^\]]*\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)')


def script_outputs() -> tuple[str, ...]:
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "SCREENSHOTS" for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError("screenshots.py has no SCREENSHOTS = (...) literal")


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def image_links() -> list[tuple[Path, str, Path]]:
    """(Markdown file, link as written, the file it points at) for every local image."""
    links = []
    for page in markdown_files():
        for target in IMAGE_LINK.findall(page.read_text(encoding="utf-8")):
            if not re.match(r"^[a-z]+:", target):  # not http(s):, data: …
                links.append((page, target, (page.parent / target.split("#")[0]).resolve()))
    return links


def test_the_link_pattern_reads_markdown_images():
    text = ('![Het dashboard](screenshots/dashboard.png), ![Balans](balance.png "De balans"), '
            "[a link](handleiding.md) and ![](https://example.org/logo.png)")
    assert IMAGE_LINK.findall(text) == [
        "screenshots/dashboard.png", "balance.png", "https://example.org/logo.png"]


def test_the_script_lists_distinct_pngs():
    outputs = script_outputs()
    assert outputs, "the script lists no screenshots"
    assert len(set(outputs)) == len(outputs)
    assert all(name.endswith(".png") and "/" not in name for name in outputs)


def test_every_image_in_the_docs_exists():
    missing = [f"{page.relative_to(ROOT)}: {target}" for page, target, path in image_links()
               if not path.is_file()]
    assert not missing


def test_every_screenshot_shown_is_made_by_the_script():
    made = set(script_outputs())
    shown = [(page, target, path) for page, target, path in image_links()
             if path.parent == SHOTS.resolve()]
    assert shown, "no Markdown file shows a screenshot: is the link pattern right?"
    not_made = [f"{page.relative_to(ROOT)}: {target}" for page, target, path in shown
                if path.name not in made]
    assert not not_made


def test_docs_screenshots_holds_exactly_what_the_script_makes():
    on_disk = {path.name for path in SHOTS.glob("*.png")}
    assert on_disk == set(script_outputs())
