#!/usr/bin/env python3
"""Builds every layout in layouts/ into tagged PDFs in output/. See `python render.py --help`."""

import sys

from tagprint.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
