#!/usr/bin/env python
"""Django's manage.py, for tools that expect one; `accueil` is the same thing."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from accueil.cli import main

if __name__ == "__main__":
    main()
