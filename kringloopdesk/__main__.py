from kringloopdesk.app import main

raise SystemExit(main())
