"""The sign-in form: email and password, with messages in the reader's language."""

from typing import Any, cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
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


class ActivationForm(forms.Form):
    password1 = forms.CharField(
        label=_("Create a password"),
        help_text=_("At least 12 characters. Avoid common words and your name."),
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": _("Enter a password")},
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": _("Type the password again")},
    )

    @property
    def first_field_id(self) -> str:
        return self["password1"].id_for_label

    def clean(self):
        cleaned = cast("dict[str, Any]", super().clean())
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same"))
        return cleaned


class SignInLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The email address you registered with"),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )

    @property
    def first_field_id(self) -> str:
        return self["email"].id_for_label
