"""Request types for type checking."""

from django.http import HttpRequest

from accueil.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request behind `login_required`: its user is signed in (django-stubs' recipe).

    Only an annotation for views: Django still passes its own request objects."""

    user: User
