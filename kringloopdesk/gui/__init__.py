"""The desktop app (PySide6). Only this package imports Qt; it calls the services with a
session it opens per user action and gets plain data back."""
