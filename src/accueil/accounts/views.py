"""Signing in and out, and each role's home page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accueil.accounts import access, links, services
from accueil.accounts.forms import ActivationForm, SignInForm, SignInLinkForm
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.middleware import use_their_language
from accueil.accounts.models import Role
from accueil.audit.models import Action
from accueil.audit.service import audit_record
from accueil.contracts.models import ContractStatus
from accueil.contracts.selectors import candidate_path, feed_ended, feed_url
from accueil.core import clock
from accueil.core.ratelimit import limit_posts
from accueil.portal.selectors import candidate_summary
from accueil.registration import links as registration_links
from accueil.social.views import open_requests


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

    # A failed attempt is audited by accounts/signin.py, for the admin site's too.


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            audit_record(action=Action.SIGN_OUT, target=request.user, request=request)
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have signed out"))
        return response


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Each role lands on a page showing what it may do."""
    user = request.user
    context: dict = {"role": user.role}
    if user.role == Role.CANDIDATE:
        candidate = access.candidates_for_user(user).first()
        context["candidate"] = candidate
        if candidate:
            context.update(candidate_summary(candidate))
            context["path"] = candidate_path(candidate, clock.today())
            ended = feed_ended(candidate, clock.today())
            context["feed_url"] = "" if ended else feed_url(candidate)
            context["booking_url"] = registration_links.access_url(candidate)
    if user.role in (Role.OFFICER, Role.DPO):
        counts = access.contracts_for_user(user).values("status").annotate(n=Count("pk"))
        by_status = {row["status"]: row["n"] for row in counts}
        context["status_counts"] = [
            (status, by_status.get(status.value, 0)) for status in ContractStatus
        ]
        context["candidate_count"] = access.candidates_for_user(user).count()
    if user.role == Role.OFFICER:
        from accueil.notifications.views import undelivered_emails

        context["undelivered_count"] = undelivered_emails().count()
    if user.role == Role.SOCIAL_WORKER:
        context["open_requests"] = open_requests(access.interview_requests_for_user(user)).count()
    if user.role in (Role.PROVIDER, Role.SOCIAL_WORKER, Role.ADMIN):
        context["organisations"] = access.organisations_for_user(user).prefetch_related("staff")
    return render(request, f"accounts/home_{user.role}.html", context)


BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def activate(request: HttpRequest, token: str) -> HttpResponse:
    """A registered candidate creates their account from the emailed one-time link."""
    candidate = links.candidate_to_activate(token)
    if candidate is None:
        return render(request, "accounts/link_expired.html", status=404)
    use_their_language(request, candidate.information_language)
    form = ActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.candidate_account_activate(
                candidate=candidate, password=form.cleaned_data["password1"], request=request
            )
        except ValidationError as weak:
            form.add_error("password1", weak)
        except services.AccountExists:
            form.add_error(None, _("An account already uses this email address: sign in"))
        except services.AlreadyActivated:  # another browser used the link just now
            return render(request, "accounts/link_expired.html", status=404)
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, _("Your account is ready"))
            return redirect("accounts:home")
    return render(request, "accounts/activate.html", {"form": form, "candidate": candidate})


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def sign_in_link_request(request: HttpRequest) -> HttpResponse:
    form = SignInLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.candidate_for_email(form.cleaned_data["email"])
        if user is not None and hasattr(user, "candidate"):
            from accueil.notifications.tasks import candidate_email

            candidate_email("sign_in", user.candidate.pk)
        # The same answer whether or not the address is known: nobody learns who is registered.
        return render(request, "accounts/sign_in_link_sent.html")
    return render(request, "accounts/sign_in_link_request.html", {"form": form})


@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST signs in, so that mail scanners opening the
    link do not use it up."""
    if request.method == "POST":
        user = links.sign_in_use(token)
        if user is None:  # used, expired, forged, or used by another browser just now
            return render(request, "accounts/link_expired.html", status=404)
        login(request, user, backend=BACKEND)
        audit_record(
            action=Action.SIGN_IN, actor=user, target=user, request=request, reason="one-time link"
        )
        return redirect("accounts:home")
    if links.user_for_sign_in(token) is None:
        return render(request, "accounts/link_expired.html", status=404)
    return render(request, "accounts/sign_in_link_confirm.html")
