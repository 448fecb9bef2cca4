"""Who may call the staff operations of the API (enrolment, attendance): training-provider
staff, signed in as on the site (the session cookie, `ninja.security.SessionAuth`).

The role is checked with the session, before the body is read: someone not signed in
gets 401, a signed-in user of another role 403, whatever they sent, so a refusal never
depends on (nor says anything about) the body. Which courses are theirs is then
`training.access`'s answer (404 for another provider's)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.security import SessionAuth

from accueil.accounts.access import has_role
from accueil.accounts.models import Role, User


class ProviderStaff(SessionAuth):
    """The session's user if they are training-provider staff; 401 (None) for no one
    signed in; 403 (PermissionDenied) for any other role."""

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = super().authenticate(request, key)
        if user is None:
            return None
        if not has_role(user, Role.PROVIDER):
            raise PermissionDenied
        return user


provider_staff = ProviderStaff()
