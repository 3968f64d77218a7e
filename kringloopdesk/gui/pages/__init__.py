"""The pages of the main window's navigation rail, one screen per file."""
