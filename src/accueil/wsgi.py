"""WSGI entry point for gunicorn: `gunicorn accueil.wsgi`."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accueil.settings")
application = get_wsgi_application()

# Django checks SECRET_KEY only when something first signs with it; reading it here
# makes a server without one fail at start-up ("The SECRET_KEY setting must not be
# empty") rather than on its first request.
settings.SECRET_KEY  # noqa: B018
