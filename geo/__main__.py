"""``python -m geo``: the command line (see geo/cli.py)."""

from __future__ import annotations

import sys

from geo.cli import main

sys.exit(main())
