"""A form whose fields say what is wrong right under them, once the user has left them.

The owner gives a ``validate`` function that returns ``{field name: message}`` (usually the
``field_errors`` of the service's ``ValidationError``, so the rules live in one place) and
reads ``first_problem()`` to say why Save or Next is disabled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kringloopdesk.errors import ValidationError

Validator = Callable[[], dict[str, str]]

QWIDGETSIZE_MAX = (1 << 24) - 1

# Signals that mean "the value changed", in the order they are looked for.
_CHANGE_SIGNALS = ("textChanged", "changed", "currentIndexChanged", "toggled")


@dataclass
class _Field:
    name: str
    label: str
    widget: QWidget
    error_label: QLabel
    row_label: QLabel
    hint_label: QLabel | None = None
    touched: bool = False
    touches_on_change: bool = False


class ValidatedForm(QWidget):
    """A ``QFormLayout`` of labelled fields, each with an error line that shows when needed."""

    changed = Signal()  # after every edit, with ``errors`` up to date

    def __init__(
        self, validate: Validator, parent: QWidget | None = None, *, label_width: int = 0
    ) -> None:
        super().__init__(parent)
        self._validate = validate
        self._label_width = label_width
        self._fields: dict[str, _Field] = {}
        self._external: dict[str, str] = {}
        self.errors: dict[str, str] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setHorizontalSpacing(16)
        self.layout_.setVerticalSpacing(10)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def add_field(
        self,
        name: str,
        label: str,
        widget: QWidget,
        *,
        required: bool = False,
        hint: str | None = None,
    ) -> QWidget:
        """Add a field; ``label`` without colon or star (those are added here)."""
        error_label = QLabel()
        error_label.setObjectName("FieldError")
        error_label.setWordWrap(True)
        error_label.hide()
        column = QVBoxLayout()
        column.setSpacing(3)
        column.setContentsMargins(0, 0, 0, 0)
        if widget.maximumWidth() < QWIDGETSIZE_MAX:
            # A narrow field (a postcode) keeps its width; its hint and error use the row's.
            narrow = QHBoxLayout()
            narrow.setContentsMargins(0, 0, 0, 0)
            narrow.addWidget(widget)
            narrow.addStretch(1)
            column.addLayout(narrow)
        else:
            column.addWidget(widget)
        hint_label = None
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("FieldHint")
            hint_label.setWordWrap(True)
            column.addWidget(hint_label)
        column.addWidget(error_label)
        row_label = QLabel(f"{label} *" if required else label)
        row_label.setBuddy(widget)
        if self._label_width:
            # Forms shown one under the other line up their fields.
            row_label.setMinimumWidth(self._label_width)
        self.layout_.addRow(row_label, column)
        self._fields[name] = _Field(name, label, widget, error_label, row_label, hint_label)
        for signal_name in _CHANGE_SIGNALS:
            signal = getattr(widget, signal_name, None)
            if signal is not None:
                signal.connect(partial(self._on_edited, name))
                break
        # A line edit is "left" when it loses the focus (or Enter is pressed); from then on
        # its error shows. Other fields (a logo, a colour) change by a deliberate choice.
        left = getattr(widget, "editingFinished", None)
        if left is not None:
            left.connect(partial(self._on_left, name))
        else:
            self._fields[name].touches_on_change = True
        return widget

    def add_row(self, label: str, widget: QWidget) -> None:
        """A row without validation (a note, a read-only value)."""
        self.layout_.addRow(label, widget)

    def widget(self, name: str) -> QWidget:
        return self._fields[name].widget

    def hint_label(self, name: str) -> QLabel | None:
        return self._fields[name].hint_label

    def set_field_visible(self, name: str, visible: bool) -> None:
        """Show or hide a whole row (a field that only some choices need)."""
        self.layout_.setRowVisible(self._fields[name].row_label, visible)

    def is_field_visible(self, name: str) -> bool:
        return not self._fields[name].row_label.isHidden()

    def _on_left(self, name: str) -> None:
        field = self._fields[name]
        if not field.touched:
            field.touched = True
            self._show_errors()

    def _on_edited(self, name: str, *_args: object) -> None:
        field = self._fields[name]
        if field.touches_on_change:
            field.touched = True
        self._external.pop(name, None)
        self.revalidate()

    def revalidate(self) -> dict[str, str]:
        self.errors = {**self._validate(), **self._external}
        self._show_errors()
        self.changed.emit()
        return self.errors

    def touch_all(self) -> None:
        for field in self._fields.values():
            field.touched = True
        self._show_errors()

    def reset(self) -> None:
        """Forget what was touched (after loading fresh values)."""
        for field in self._fields.values():
            field.touched = False
        self._external.clear()
        self.revalidate()

    def show_validation_error(self, error: ValidationError) -> bool:
        """Put a failed save's field errors next to the fields; False if none is ours."""
        ours = {k: v for k, v in error.field_errors.items() if k in self._fields}
        self._external.update(ours)
        for name in ours:
            self._fields[name].touched = True
        self.revalidate()
        return bool(ours)

    def first_problem(self) -> str | None:
        """The first error in reading order, as "Label: message"."""
        for field in self._fields.values():
            message = self.errors.get(field.name)
            if message:
                # Some service messages already start with the field's name.
                if message.lower().startswith(field.label.lower()):
                    return message
                return f"{field.label}: {message}"
        return next(iter(self.errors.values()), None)

    def _show_errors(self) -> None:
        for field in self._fields.values():
            message = self.errors.get(field.name) if field.touched else None
            field.error_label.setText(message or "")
            field.error_label.setVisible(bool(message))

    def set_read_only(self, read_only: bool) -> None:
        for field in self._fields.values():
            widget = field.widget
            # Our own widgets have set_read_only; Qt's line edits setReadOnly.
            setter = getattr(widget, "set_read_only", None) or getattr(widget, "setReadOnly", None)
            if setter is not None:
                setter(read_only)
            else:
                widget.setEnabled(not read_only)
