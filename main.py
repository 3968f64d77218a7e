"""Start KringloopDesk: without arguments the desktop app, with a subcommand the CLI."""

from kringloopdesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
