"""Values every template needs."""

from django.conf import settings
from django.http import HttpRequest

from accueil.core.http import here


def service(request: HttpRequest) -> dict:
    # Each language is named in itself (English, Français, Deutsch), never translated.
    # `here`: where the language switch and "sign in" bring the person back to.
    return {
        "service_name": settings.SERVICE_NAME,
        "language_choices": settings.LANGUAGES,
        "here": here(request),
    }
