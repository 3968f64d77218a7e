"""Storage: models, engine and sessions, migrations. No Qt here."""
