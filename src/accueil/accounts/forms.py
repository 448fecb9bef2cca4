"""The sign-in form: email and password, with messages in the reader's language."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accueil.core.govuk import NamedErrors


class SignInForm(NamedErrors, AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": _("Enter your password")},
    )
    error_messages = {
        "invalid_login": _("The email address or password is not right"),
        "inactive": _("This account has been closed"),
    }

    @property
    def first_field_id(self) -> str:
        return self["username"].id_for_label

    def clean_username(self) -> str:
        return self.cleaned_data["username"].lower()
