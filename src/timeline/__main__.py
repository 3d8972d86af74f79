"""``python -m timeline``: the command line (see :mod:`timeline.cli`)."""

from timeline.cli import main

raise SystemExit(main())
