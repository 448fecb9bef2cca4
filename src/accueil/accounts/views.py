"""Signing in and out with a password (staff and candidates alike).

The audit trail records both, and failed attempts, through Django's authentication
signals (`accueil.audit.receivers`)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from accueil.accounts.forms import SignInForm


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


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have signed out"))
        return response
