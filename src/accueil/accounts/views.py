"""Signing in and out, and each role's home page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accueil.accounts import access
from accueil.accounts.forms import SignInForm
from accueil.accounts.models import Role
from accueil.audit.models import Action
from accueil.audit.service import audit_record
from accueil.contracts.models import ContractStatus
from accueil.registration import selectors as candidate_selectors


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        audit_record(action=Action.SIGN_IN, actor=user, target=user, request=self.request)
        chosen = self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen in dict(settings.LANGUAGES) and chosen != user.language:
            # A language chosen in this browser just now wins and becomes the saved one.
            user.language = chosen
            user.save(update_fields=["language"])
        elif not chosen and user.language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def form_invalid(self, form):
        # No email in the trail: a failed attempt may be someone else's address.
        audit_record(action=Action.SIGN_IN_FAILED, request=self.request)
        return super().form_invalid(form)


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            audit_record(action=Action.SIGN_OUT, target=request.user, request=request)
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have signed out"))
        return response


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each role lands on a page showing what it may do."""
    user = request.user
    context: dict = {"role": user.role}
    if user.role == Role.CANDIDATE:
        context["candidate"] = access.candidates_for_user(user).first()
        if context["candidate"]:
            context.update(candidate_selectors.candidate_summary(context["candidate"]))
    if user.role in (Role.OFFICER, Role.DPO):
        counts = access.contracts_for_user(user).values("status").annotate(n=Count("pk"))
        by_status = {row["status"]: row["n"] for row in counts}
        context["status_counts"] = [
            (status, by_status.get(status.value, 0)) for status in ContractStatus
        ]
        context["candidate_count"] = access.candidates_for_user(user).count()
    if user.role in (Role.PROVIDER, Role.SOCIAL_WORKER, Role.ADMIN):
        context["organisations"] = access.organisations_for_user(user).prefetch_related("staff")
    return render(request, f"accounts/home_{user.role}.html", context)
