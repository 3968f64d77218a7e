"""Dialogs: one per file, each with a class method that tests can replace."""
