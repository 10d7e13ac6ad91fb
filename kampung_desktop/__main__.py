from kampung_desktop.cli import main

raise SystemExit(main())
