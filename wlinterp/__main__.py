"""Lets ``python -m wlinterp`` work like the ``wlinterp`` command."""

import sys

from .cli import main

sys.exit(main())
