"""Who may see the statistics (docs/roles.md).

Integration officers, who run the CAI, and administrators, who run the service, see
the statistics pages and may download their anonymised export (every count under 5
suppressed: the one meant to leave the department). The full export (exact counts,
however small) is the officers' alone, and is audited. Training providers, social
workers, candidates and the data-protection officer have no use for them: 403.
"""

from accueil.accounts.access import has_role
from accueil.accounts.models import Role, User

SEES_STATISTICS = {Role.OFFICER, Role.ADMIN}
EXPORTS_FULL_STATISTICS = {Role.OFFICER}


def can_see_statistics(user: User) -> bool:
    return has_role(user, *SEES_STATISTICS)


def can_export_full_statistics(user: User) -> bool:
    return has_role(user, *EXPORTS_FULL_STATISTICS)
