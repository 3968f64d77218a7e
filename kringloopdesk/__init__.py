"""KringloopDesk: offline administration for Dutch kringloop (reuse) shops."""

__version__ = "0.1.0"
APP_NAME = "KringloopDesk"
