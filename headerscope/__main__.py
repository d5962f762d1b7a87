"""`python -m headerscope`: the same as the `headerscope` command."""

import sys

from .cli import main

sys.exit(main())
