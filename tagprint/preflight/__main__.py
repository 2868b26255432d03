"""`python -m tagprint.preflight check FILE…` / `read FILE` — the preflight on its own."""

import sys

from . import main

sys.exit(main())
