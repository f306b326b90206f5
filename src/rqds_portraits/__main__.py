"""``python -m rqds_portraits``: the command line (a summary of the bundled edition by default)."""

import sys

from .cli import main

sys.exit(main())
