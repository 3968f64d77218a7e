"""Importeren from the app: the kinds a role may import, the template, a good file, a bad one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kringloopdesk.db.models import Worker
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.file_dialog import FileDialog
from kringloopdesk.gui.dialogs.import_dialog import ImportDialog


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    chosen = {"save": tmp_path / "sjabloon.xlsx", "open": tmp_path / "deelnemers.csv"}
    monkeypatch.setattr(FileDialog, "save_file", classmethod(lambda cls, *a: chosen["save"]))
    monkeypatch.setattr(FileDialog, "open_file", classmethod(lambda cls, *a: chosen["open"]))
    return chosen


def _workers(ctx: AppContext) -> int:
    with ctx.db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Worker))


def test_the_invoer_may_import_hours_and_flows_only(shop_db, invoer, qtbot) -> None:
    dialog = ImportDialog(AppContext(shop_db, actor=invoer))
    qtbot.addWidget(dialog)
    kinds = [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())]
    assert kinds == ["hours", "flows"]


def test_save_template_then_import_a_good_file(ctx: AppContext, qtbot, files) -> None:
    dialog = ImportDialog(ctx, kind="workers")
    qtbot.addWidget(dialog)
    assert dialog.kind() == "workers"
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert files["save"].exists() and files["save"].stat().st_size > 0
    files["open"].write_text(
        "nummer;voornaam;achternaam;doelgroep;startdatum\n"
        "D-0100;Zoë;Bakker;wsw;15-3-2025\n"
        "D-0101;Łukasz;Nowak;vrijwilliger;2025-03-16\n",
        encoding="utf-8",
    )
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "2 regels geïmporteerd" in dialog.outcome.toPlainText()
    assert _workers(ctx) == 2


def test_a_bad_file_lists_every_problem_and_writes_nothing(ctx: AppContext, qtbot,
                                                           files) -> None:
    dialog = ImportDialog(ctx, kind="workers")
    qtbot.addWidget(dialog)
    files["open"].write_text(
        "nummer;voornaam;achternaam;doelgroep;startdatum\n"
        "D-0100;Zoë;Bakker;wsw;31-02-2025\n"
        "D-0101;Łukasz;Nowak;onbekend;2025-03-16\n",
        encoding="utf-8",
    )
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    text = dialog.outcome.toPlainText()
    assert "er is niets geïmporteerd" in text
    assert "rij 2, kolom startdatum" in text and "rij 3, kolom doelgroep" in text
    assert _workers(ctx) == 0
