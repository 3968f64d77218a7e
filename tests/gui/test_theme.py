"""The theme: built once per accent and qt-material version, read from the cache after."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication

from kringloopdesk.gui import theme
from kringloopdesk.paths import cache_dir


def test_the_stylesheet_is_built_once_then_read_from_the_cache(qapp: QApplication) -> None:
    try:
        assert theme.apply_theme(qapp, "#2E7D32") is False  # built
        built = qapp.styleSheet()
        assert theme.apply_theme(qapp, "#2e7d32") is True  # cached
        assert qapp.styleSheet() == built
        assert "#2e7d32" in built
        [icon_dir] = QDir.searchPaths("icon")
        assert (cache_dir() / "theme").as_posix() in icon_dir.replace("\\", "/")
        assert (theme.Path(icon_dir) / "primary" / "checkbox_checked.svg").is_file()
        assert theme.current_colors().primary == "#2e7d32"

        # Without its icons folder the cache is not trusted: built again.
        shutil.rmtree(icon_dir)
        assert theme.apply_theme(qapp, "#2e7d32") is False
        assert theme.apply_theme(qapp, "#2e7d32") is True

        # Another accent is another stylesheet.
        assert theme.apply_theme(qapp, "#1e5a99") is False
        assert "#1e5a99" in qapp.styleSheet()
        assert QDir.searchPaths("icon")[0].endswith("icons-1e5a99")
    finally:
        qapp.setStyleSheet("")


def test_a_bad_accent_falls_back_to_the_deep_green() -> None:
    assert theme.normalise_accent("groen") == "#2e7d32"
    assert theme.normalise_accent(None) == "#2e7d32"
    assert theme.normalise_accent("#A66F00") == "#a66f00"
