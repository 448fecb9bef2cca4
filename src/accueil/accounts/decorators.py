"""One decorator for the pages of a role: `role_required(predicate)`.

Someone not signed in is sent to the sign-in page (`login_required`); someone signed
in whom the predicate refuses gets 403. The predicates are the capability checks in
`accounts.access` (e.g. `access.can_manage_sessions`), so who may do what stays there.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse

from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import User

View = Callable[..., HttpResponse]


def role_required(predicate: Callable[[User], bool]) -> Callable[[View], View]:
    """Sign-in first, then `predicate(request.user)` or 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def checked(request: AuthenticatedHttpRequest, *args, **kwargs) -> HttpResponse:
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(checked)

    return decorator
