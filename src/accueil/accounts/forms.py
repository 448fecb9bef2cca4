"""The sign-in forms: email and password, then staff's security code, with messages in
the reader's language."""

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


class SecondFactorForm(NamedErrors, forms.Form):
    """The code step after the password: the app's 6-digit code, or a recovery code."""

    code = forms.CharField(
        label=_("Security code"),
        help_text=_(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes"
        ),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        error_messages={
            "required": _("Enter the security code"),
            "max_length": _("Enter the security code"),
        },
    )

    @property
    def first_field_id(self) -> str:
        return self["code"].id_for_label

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())


class SecondFactorSetupForm(SecondFactorForm):
    """Setting up the app: the code it shows once it has the secret."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.help_text = _("The 6-digit code your authenticator app shows now")
        code.widget.attrs["inputmode"] = "numeric"
