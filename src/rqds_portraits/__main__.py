"""``python -m rqds_portraits``: the command line (a summary of the bundled edition by default)."""

import sys

from rqds_portraits._cli import main

sys.exit(main())
