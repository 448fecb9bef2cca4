"""WSGI entry point for gunicorn: `gunicorn accueil.wsgi`.

Loading the application reads SECRET_KEY, so it refuses to start without one
("The SECRET_KEY setting must not be empty"); see tests/test_cli.py.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accueil.settings")
application = get_wsgi_application()
