"""Values every template needs."""

from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict:
    # Each language is named in itself (English, Français, Deutsch), never translated.
    return {"service_name": settings.SERVICE_NAME, "language_choices": settings.LANGUAGES}
