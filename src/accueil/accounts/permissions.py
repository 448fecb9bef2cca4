"""What an administrator may do on the admin site, by role rather than as a superuser.

A superuser passes every permission check, so every model any app or library
registers on the admin site (task payloads, sign-in attempts, authenticator secrets)
would be theirs to read. An administrator (Role.ADMIN, staff) has instead exactly the
permissions below: staff accounts and organisations (issue 14, point 6: "The
administrator manages users, organisations and parameters, and cannot read
candidates' files nor take over their accounts"), and the schedule of the background
jobs. Anything else on the admin site is refused to them (403): the audit trail (read
on its own page, `/audit/`), authenticator devices, task payloads, sign-in attempts.
"""

from django.contrib.auth.backends import BaseBackend

from accueil.accounts.models import Role

ADMINISTRATOR_PERMISSIONS = frozenset(
    {
        *(
            f"accounts.{action}_{model}"
            for action in ("view", "add", "change", "delete")
            for model in ("user", "organisation")
        ),
        "django_q.view_schedule",
        "django_q.change_schedule",
    }
)


class AdministratorPermissions(BaseBackend):
    """An authentication backend that authenticates no one and grants administrators
    their permissions (AUTHENTICATION_BACKENDS)."""

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not (
            user_obj.is_active and user_obj.is_staff and getattr(user_obj, "role", "") == Role.ADMIN
        ):
            return set()
        return set(ADMINISTRATOR_PERMISSIONS)

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        return perm in self.get_all_permissions(user_obj, obj)

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return any(p.startswith(f"{app_label}.") for p in self.get_all_permissions(user_obj))
