"""The `accueil` console script: Django's management commands, with Accueil's settings.

`accueil migrate`, `accueil runserver`, `accueil demo`, `accueil rules` ... all go
through here, so nobody needs a manage.py or to export DJANGO_SETTINGS_MODULE.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accueil.settings")
    if len(argv) > 1 and argv[1] == "demo":
        # The demo is a local, single-user showcase: debug pages and a throwaway
        # key are acceptable there and nowhere else.
        os.environ.setdefault("DEBUG", "true")
        os.environ.setdefault("SECRET_KEY", "demo-only-not-secret")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
