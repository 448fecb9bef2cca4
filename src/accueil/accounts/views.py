"""Signing in and out with a password (staff and candidates alike), and staff's second
factor: setting up an authenticator app, the code step after the password, the
recovery codes shown once.

The audit trail records sign-ins, sign-outs and failed attempts (a wrong code
included) through Django's authentication signals (`accueil.audit.receivers`), and the
second factor's set-up and recovery codes used through `services.account_changed`.
django-axes counts a wrong code as a failed sign-in of that account (the code step is
refused while the account or the address is locked out), so guessing codes is no
easier than guessing passwords. Issue 14, point 7: "Staff sign in with a second factor
(TOTP, with recovery codes); sessions expire; passwords are checked by Django's
validators"."""

from urllib.parse import urlencode

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.util import random_hex

from accueil.accounts import selectors, services
from accueil.accounts.forms import SecondFactorForm, SecondFactorSetupForm, SignInForm
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.signin import locked_out

# The secret offered on the set-up page, kept in the session until the app confirms it,
# and the recovery codes, kept until the page that shows them once is opened.
SETUP_KEY = "accueil.second_factor_key"
CODES_KEY = "accueil.recovery_codes"


def next_url(request) -> str:
    """Where to go after the code step: the page asked for, if it is one of ours."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if wanted and safe else resolve_url(settings.LOGIN_REDIRECT_URL)


def with_next(name: str, wanted: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': wanted})}"


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
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

    def get_success_url(self) -> str:
        """Staff go on to the code step (or to set up their app), then where they were
        going; staff already signed in with their code (the sign-in page asked again)
        go straight there."""
        wanted = super().get_success_url()
        user = self.request.user
        if selectors.needs_second_factor(user) and not selectors.second_factor_verified(user):
            return with_next("accounts:second_factor", wanted)
        return wanted


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have signed out"))
        return response


def code_failed(request, form, credentials: dict) -> None:
    """A wrong code: said next to the field, counted by django-axes and audited."""
    form.add_error(
        "code",
        _(
            "The security code is not right or has already been used: "
            "enter the code your app shows now"
        ),
    )
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)


def staff_only(request: AuthenticatedHttpRequest) -> HttpResponse | None:
    """Where someone who has no code step to take goes instead, or None."""
    user = request.user
    if not selectors.needs_second_factor(user) or selectors.second_factor_verified(user):
        return redirect(next_url(request))
    return None


@sensitive_post_parameters("code")
@never_cache
@login_required
def second_factor(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The code step after the password: the app's code, or a recovery code."""
    elsewhere = staff_only(request)
    if elsewhere is not None:
        return elsewhere
    user = request.user
    wanted = next_url(request)
    if not selectors.has_second_factor(user):
        return redirect(with_next("accounts:second_factor_setup", wanted))
    form = SecondFactorForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        credentials = {"username": user.email, "second_factor": True}
        if AxesProxyHandler.is_locked(request, credentials):
            return locked_out(request)
        device = services.second_factor_verify(user, form.cleaned_data["code"], request=request)
        if device is None:
            code_failed(request, form, credentials)
        else:
            otp_login(request, device)
            request.session.cycle_key()  # a new session key for the verified session
            if isinstance(device, StaticDevice):
                left = selectors.recovery_codes_left(user)
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code. You have %(left)d left: "
                        "ask your administrator to reset your second factor if you have "
                        "lost your phone."
                    )
                    % {"left": left},
                )
            return redirect(wanted)
    return render(request, "accounts/second_factor.html", {"form": form, "next": wanted})


@sensitive_post_parameters("code")
@never_cache
@login_required
def second_factor_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The first sign-in of a member of staff (or the first after a reset): set up an
    authenticator app with the QR code or the secret typed by hand, confirmed by its
    first code; then the recovery codes, shown once."""
    elsewhere = staff_only(request)
    if elsewhere is not None:
        return elsewhere
    user = request.user
    wanted = next_url(request)
    if selectors.has_second_factor(user):
        return redirect(with_next("accounts:second_factor", wanted))
    key = request.session.get(SETUP_KEY) or random_hex(20)
    request.session[SETUP_KEY] = key
    form = SecondFactorSetupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        credentials = {"username": user.email, "second_factor": True}
        if AxesProxyHandler.is_locked(request, credentials):
            return locked_out(request)
        done = services.second_factor_enrol(user, key, form.cleaned_data["code"], request=request)
        if done is None:
            code_failed(request, form, credentials)
        else:
            device, codes = done
            otp_login(request, device)
            request.session.cycle_key()
            del request.session[SETUP_KEY]
            request.session[CODES_KEY] = codes
            return redirect(with_next("accounts:recovery_codes", wanted))
    context = {"form": form, "next": wanted, **selectors.totp_setup(user, key)}
    return render(request, "accounts/second_factor_setup.html", context)


@never_cache
@login_required
def recovery_codes(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The recovery codes just made, shown this once (taken out of the session)."""
    codes = request.session.pop(CODES_KEY, None)
    if not codes:
        return redirect(next_url(request))
    return render(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url(request)}
    )
