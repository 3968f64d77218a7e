"""The navigation rail on the left: the shop's logo and name on top, then one button (icon
and Dutch label) per page the user's role may open."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.logo_picker import logo_pixmap

RAIL_WIDTH = 232
LOGO_SIZE = 44


class NavRail(QFrame):
    page_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavRail")
        self.setFixedWidth(RAIL_WIDTH)
        self._icon_names: list[str] = []
        self._section: str | None = None
        self.buttons: list[QToolButton] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.page_requested)

        self.logo_label = QLabel()
        self.logo_label.setFixedSize(LOGO_SIZE, LOGO_SIZE)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shop_label = QLabel()
        self.shop_label.setObjectName("RailShopName")
        self.shop_label.setWordWrap(True)
        app_label = QLabel("KringloopDesk")
        app_label.setObjectName("RailAppName")
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addStretch(1)
        names.addWidget(self.shop_label)
        names.addWidget(app_label)
        names.addStretch(1)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.logo_label, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(names, 1)

        self._items = QVBoxLayout()
        self._items.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 20, 12, 16)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addSpacing(16)
        # The pages scroll when the window is lower than the rail (13 pages on an 800 px screen).
        items = QWidget()
        items.setObjectName("RailItems")
        items_layout = QVBoxLayout(items)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.setSpacing(0)
        items_layout.addLayout(self._items)
        items_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(items)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll_area, 1)

    def add_page(self, label: str, icon_name: str, shortcut: str = "",
                 section: str | None = None) -> QToolButton:
        """A button for a page; pages with a ``section`` title follow that title, indented."""
        if section != self._section and section is not None:
            header = QLabel(section.upper())
            header.setObjectName("RailSection")
            self._items.addWidget(header)
        self._section = section
        button = QToolButton()
        button.setProperty("inSection", section is not None)
        button.setText(label)
        button.setCheckable(True)
        button.setIconSize(QSize(20, 20))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setToolTip(f"{label} ({shortcut})" if shortcut else label)
        button.setAccessibleName(label)
        self._group.addButton(button, len(self.buttons))
        self._items.addWidget(button)
        self.buttons.append(button)
        self._icon_names.append(icon_name)
        self.update_icons()
        return button

    def set_current(self, index: int) -> None:
        self.buttons[index].setChecked(True)
        self.scroll_area.ensureWidgetVisible(self.buttons[index], 0, 8)

    def set_shop(self, name: str, logo: bytes | None) -> None:
        self.shop_label.setText(name)
        self.shop_label.setToolTip(name)
        image = logo_pixmap(logo, LOGO_SIZE)
        if image is None:
            image = icons.pixmap("kringloopdesk", LOGO_SIZE)
        self.logo_label.setPixmap(image)

    def update_icons(self) -> None:
        """Draw the icons in the theme's colours (again, after the accent changed)."""
        colors = current_colors()
        for button, name in zip(self.buttons, self._icon_names, strict=True):
            button.setIcon(icons.icon(name, colors.muted_text, checked_color=colors.primary))
