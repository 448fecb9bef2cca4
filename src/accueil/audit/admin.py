from django.contrib import admin

from accueil.audit import access as audit_access
from accueil.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail is only ever added to, by the services. What a user reads
    here is what `audit.access.audit_events_for_user` gives them, as on the trail's
    page: an administrator does not read candidates' events through the admin site."""

    list_display = ["at", "actor", "actor_role", "action", "target_type", "target_id"]
    list_filter = ["action", "actor_role"]
    search_fields = ["target_id"]

    def get_queryset(self, request):
        return audit_access.audit_events_for_user(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
