"""A candidate's account: activating it from the emailed link, and signing in with an
emailed one-time link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accueil.accounts import selectors as account_selectors
from accueil.accounts import services as account_services
from accueil.core.http import posted
from accueil.core.languages import use_their_language
from accueil.core.ratelimit import limit_posts
from accueil.registration import accounts
from accueil.registration.emails import candidate_email
from accueil.registration.forms import ActivationForm, SignInLinkForm

LINK_EXPIRED = "registration/account/link_expired.html"


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def activate(request: HttpRequest, token: str) -> HttpResponse:
    """A registered candidate creates their account from the emailed one-time link."""
    candidate = accounts.candidate_to_activate(token)
    if candidate is None:
        return render(request, LINK_EXPIRED, status=404)
    use_their_language(request, candidate.information_language)
    form = ActivationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            user = accounts.candidate_account_activate(
                candidate=candidate, password=form.cleaned_data["password1"], request=request
            )
        except ValidationError as weak:
            form.add_error("password1", weak)
        except accounts.AccountExists:
            form.add_error(None, _("An account already uses this email address: sign in"))
        except accounts.AlreadyActivated:  # another browser used the link just now
            return render(request, LINK_EXPIRED, status=404)
        else:
            account_services.sign_in(request, user, how="account activated")
            messages.success(request, _("Your account is ready"))
            return redirect("portal:home")
    context = {"form": form, "candidate": candidate}
    return render(request, "registration/account/activate.html", context)


@require_http_methods(["GET", "POST"])
@limit_posts("public")
def sign_in_link_request(request: HttpRequest) -> HttpResponse:
    form = SignInLinkForm(posted(request))
    if request.method == "POST" and form.is_valid():
        user = accounts.candidate_for_email(form.cleaned_data["email"])
        if user is not None and hasattr(user, "candidate"):
            candidate_email("sign_in", user.candidate.pk)
        # The same answer whether or not the address is known: nobody learns who is registered.
        return render(request, "registration/account/sign_in_link_sent.html")
    return render(request, "registration/account/sign_in_link_request.html", {"form": form})


@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST signs in, so that mail scanners opening the
    link do not use it up."""
    if request.method == "POST":
        user = account_services.sign_in_use(token)
        if user is None:  # used, expired, forged, or used by another browser just now
            return render(request, LINK_EXPIRED, status=404)
        account_services.sign_in(request, user, how="one-time link")
        return redirect("portal:home")
    if account_selectors.user_for_sign_in(token) is None:
        return render(request, LINK_EXPIRED, status=404)
    return render(request, "registration/account/sign_in_link_confirm.html")
