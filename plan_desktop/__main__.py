from __future__ import annotations

import sys

from plan_desktop.cli import main

sys.exit(main())
