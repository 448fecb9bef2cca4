"""The admin site: administrators manage staff accounts and organisations, nothing of
candidates (issue 14, point 6: "The administrator manages users, organisations and
parameters, and cannot read candidates' files nor take over their accounts").

- Candidates' accounts are not listed, and cannot be opened, changed, given a
  password or deleted here (their pages answer 404); no account can be given the
  candidate role here either. Candidates manage their own account (activation, sign-in
  links); officers handle their files.
- Every change is written to the audit trail with the names of the fields changed
  (never their values): a user or organisation added, changed (role, organisation,
  deactivated), deleted; a password set; a second factor reset
  (`accounts.services.record_save`, `record_delete`, `password_set`,
  `second_factor_reset`).
- django-otp's own device pages are taken off the site: they would show the secrets
  and let an administrator give someone a device they hold. A lost phone is handled
  by the action "Reset the second factor", after which the person sets up a new app.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accueil.accounts import services
from accueil.accounts.models import Organisation, Role, User

for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)


class AuditedAdmin(admin.ModelAdmin):
    """Saves and deletes through the audited services."""

    def save_model(self, request, obj, form, change) -> None:
        services.record_save(
            actor=request.user,
            record=obj,
            fields=form.changed_data,
            created=not change,
            request=request,
        )

    def delete_model(self, request, obj) -> None:
        services.record_delete(actor=request.user, record=obj, request=request)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            services.record_delete(actor=request.user, record=obj, request=request)


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "name_fr", "name_de", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "name_fr", "name_de"]


@admin.action(description=_("Reset the second factor of the selected users"))
def reset_second_factor(modeladmin, request: HttpRequest, queryset: QuerySet[User]) -> None:
    for user in queryset:
        services.second_factor_reset(actor=request.user, user=user, request=request)  # type: ignore[arg-type]
    count = queryset.count()
    modeladmin.message_user(
        request,
        ngettext(
            "The second factor of %(count)d user was reset: they set up a new app "
            "when they next sign in.",
            "The second factor of %(count)d users was reset: they set up a new app "
            "when they next sign in.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    actions = [reset_second_factor]

    def get_deleted_objects(self, objs, request):
        """The page to delete an account lists what goes with it by kind and number, not
        by name: Django's list names each record, and records a member of staff made are
        named after candidates (an interview request: "Request for <candidate>"), whom
        the administrator may not read about (issue 14, point 6)."""
        _named, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        own = [str(obj) for obj in objs]
        return own, counts, perms_needed, ([_("records that must stay")] if protected else [])

    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "language")}),
        (_("Role"), {"fields": ("role", "organisation", "is_active", "is_staff")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("email", "role", "organisation", "password1", "password2")}),
    )
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request):
        """Staff accounts only: a candidate's account is no administrator's business."""
        return super().get_queryset(request).exclude(role=Role.CANDIDATE)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role":
            kwargs["choices"] = [(v, label) for v, label in Role.choices if v != Role.CANDIDATE]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def user_change_password(self, request, id, form_url=""):
        """Setting a password (Django's form checks AUTH_PASSWORD_VALIDATORS): audited
        once the form has been accepted (the page then redirects)."""
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            if user is not None:
                services.password_set(actor=request.user, user=user, request=request)
        return response
