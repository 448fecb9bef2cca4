"""The forms of registration: the question pages of the online registration and
eligibility check, one form each, and a candidate's account (activation, sign-in link).

Every form reads its initial values from the answers kept in the session
(`initial_from`) and gives back its own answers as plain JSON values (`answers`),
so that nothing typed is lost between pages. The checks of what a person types
(national identification number, telephone, nationalities) are those of
`core.validation`, shared with the officers' form, the guide and the API.

`CandidateRegisterForm` is the officers' one-page form for a candidate who called or
wrote (officer_views.py).
"""

from datetime import date
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accueil.core import clock, countries, validation
from accueil.core.govuk import (
    YES_NO,
    DateGroup,
    FrontendRadios,
    GovukForm,
    Radios,
    TelInput,
    yes_no,
)
from accueil.core.text import validate_multi_line, validate_one_line
from accueil.registration.models import OFFICER_CHANNELS, InformationLanguage
from accueil.registration.services import RegistrationData

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class AnswerForm(GovukForm):
    """A question page: `keys` are the answers it fills in the session."""

    keys: tuple[str, ...] = ()

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        return {key: answers[key] for key in cls.keys if key in answers}

    @classmethod
    def is_answered(cls, answers: dict) -> bool:
        return all(key in answers for key in cls.keys)

    def answers(self) -> dict:
        return {key: self.cleaned_data[key] for key in self.keys}

    @property
    def first_field_id(self) -> str:
        return next(iter(self)).auto_id


class YesNoForm(AnswerForm):
    """One yes/no question; the answer is kept as a boolean."""

    required_message: "StrOrPromise" = ""

    def __init__(self, *args, initial=None, **kwargs):
        key = self.keys[0]
        if initial and key in initial and isinstance(initial[key], bool):
            initial = {key: "yes" if initial[key] else "no"}
        super().__init__(*args, initial=initial, **kwargs)  # type: ignore[misc]  # `initial` is keyword-only here, never in args
        self.fields[key] = forms.ChoiceField(
            choices=YES_NO,
            widget=FrontendRadios,
            error_messages={"required": self.required_message},
        )

    def answers(self) -> dict:
        return {self.keys[0]: self.cleaned_data[self.keys[0]] == "yes"}


class DateOfBirthForm(AnswerForm):
    """A GOV.UK date input: one message for the date, on the first part in error."""

    keys = ("check_birth_date",)
    day = forms.CharField(label=_("Day"), required=False)
    month = forms.CharField(label=_("Month"), required=False)
    year = forms.CharField(label=_("Year"), required=False)

    MISSING = {
        ("day",): _("Date of birth must include a day"),
        ("month",): _("Date of birth must include a month"),
        ("year",): _("Date of birth must include a year"),
        ("day", "month"): _("Date of birth must include a day and month"),
        ("day", "year"): _("Date of birth must include a day and year"),
        ("month", "year"): _("Date of birth must include a month and year"),
    }

    def __init__(self, *args, initial=None, **kwargs):
        if initial and initial.get("check_birth_date"):
            born = date.fromisoformat(initial["check_birth_date"])
            initial = {"day": born.day, "month": born.month, "year": born.year}
        super().__init__(*args, initial=initial, **kwargs)  # type: ignore[misc]  # `initial` is keyword-only here, never in args
        self.error_parts: tuple[str, ...] = ()

    def clean(self):
        parts = {name: (self.cleaned_data.get(name) or "").strip() for name in self.fields}
        missing = tuple(name for name, value in parts.items() if not value)
        if len(missing) == 3:
            return self._fail(missing, _("Enter your date of birth"))
        if missing:
            return self._fail(missing, self.MISSING[missing])
        numbers = all(value.isdigit() and len(value) <= 4 for value in parts.values())
        if not numbers or len(parts["year"]) != 4:
            return self._fail(tuple(parts), _("Date of birth must be a real date"))
        try:
            born = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        except ValueError:
            return self._fail(tuple(parts), _("Date of birth must be a real date"))
        if born >= clock.today():
            return self._fail(tuple(parts), _("Date of birth must be in the past"))
        if born.year < 1900:
            return self._fail(("year",), _("Date of birth must be after 1900"))
        self.cleaned_data["check_birth_date"] = born.isoformat()
        return self.cleaned_data

    def _fail(self, parts: tuple[str, ...], message) -> None:
        self.error_parts = parts
        self.add_error(parts[0], message)

    @property
    def date_error(self):
        for name in self.fields:
            if self[name].errors:
                return self[name].errors[0]
        return None

    @property
    def date_of_birth(self) -> DateGroup:
        """The three fields as one GOV.UK date input; only the parts in error are marked."""
        error = self.date_error
        return DateGroup(
            auto_id="dob",
            label=_("What is your date of birth?"),
            help_text=_("For example, 27 3 2007"),
            errors=[error] if error else [],
            parts=[
                {
                    "id": self[name].auto_id,
                    "name": self[name].html_name,
                    "label": self[name].label,
                    "value": self[name].value(),
                    "width": 4 if name == "year" else 2,
                    "error": name in self.error_parts,
                    "autocomplete": f"bday-{name}",
                }
                for name in self.fields
            ],
        )


class NationalitiesForm(AnswerForm):
    """Up to three nationalities, each a select of the ISO list (works without JavaScript)."""

    keys = ("nationalities",)

    def __init__(self, *args, initial=None, **kwargs):
        chosen = list((initial or {}).get("nationalities", []))
        initial = {f"nationality_{n + 1}": code for n, code in enumerate(chosen)}
        super().__init__(*args, initial=initial, **kwargs)  # type: ignore[misc]  # `initial` is keyword-only here, never in args
        choices = [("", _("Select a country")), *countries.country_choices()]
        labels = (
            _("Nationality"),
            _("Second nationality (optional)"),
            _("Third nationality (optional)"),
        )
        for n, label in enumerate(labels, start=1):
            self.fields[f"nationality_{n}"] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                error_messages={"invalid_choice": _("Select a nationality from the list")},
            )

    def clean(self):
        codes = [self.cleaned_data.get(name, "") for name in self.fields]
        if self.errors:
            return self.cleaned_data
        try:
            self.cleaned_data["nationalities"] = validation.clean_nationalities(codes)
        except ValidationError as error:
            self.add_error("nationality_1", error)
        return self.cleaned_data


class LegalResidenceForm(YesNoForm):
    keys = ("legally_resident",)
    required_message = _("Select yes if you live legally in Luxembourg")


class SettlementForm(YesNoForm):
    keys = ("wishes_to_settle",)
    required_message = _("Select yes if you wish to settle in Luxembourg permanently")


class NameForm(AnswerForm):
    keys = ("surname", "first_name")
    surname = forms.CharField(
        label=_("Surname"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name", "spellcheck": "false"}),
        validators=[validate_one_line],
        error_messages={"required": _("Enter your surname")},
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "spellcheck": "false"}),
        validators=[validate_one_line],
        error_messages={"required": _("Enter your first name")},
    )


class NationalIdForm(AnswerForm):
    """The date of birth is read from the number, so it is never asked again."""

    keys = ("national_id", "birth_date")
    national_id = forms.CharField(
        label=_("What is your national identification number?"),
        help_text=_(
            "13 digits, like 1990 0517 12345. It is on your social security card and is "
            "also called your social security number or matricule."
        ),
        max_length=20,
        error_messages={"required": _("Enter your national identification number")},
    )

    def clean_national_id(self) -> str:
        digits, born = validation.clean_national_id(self.cleaned_data["national_id"], clock.today())
        self.cleaned_data["birth_date"] = born.isoformat()
        return digits


class PhoneForm(AnswerForm):
    keys = ("phone",)
    phone = forms.CharField(
        label=_("What is your telephone number?"),
        help_text=_("For international numbers include the country code, like +33."),
        max_length=40,
        widget=TelInput,
        error_messages={"required": _("Enter your telephone number")},
    )

    def clean_phone(self) -> str:
        return validation.clean_phone(self.cleaned_data["phone"])


class ContactForm(AnswerForm):
    """Seed: "postal address or email address": at least one of them."""

    keys = ("email", "postal_address")
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    postal_address = forms.CharField(
        label=_("Postal address"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"autocomplete": "street-address"}),
        validators=[validate_multi_line],
    )

    def clean(self):
        if not self.errors and not (
            self.cleaned_data.get("email") or self.cleaned_data.get("postal_address")
        ):
            self.add_error("email", _("Enter an email address or a postal address, or both"))
        return self.cleaned_data

    def answers(self) -> dict:
        return {
            "email": self.cleaned_data["email"].lower(),
            "postal_address": self.cleaned_data["postal_address"].strip(),
        }


class LanguageForm(AnswerForm):
    keys = ("information_language",)
    information_language = forms.ChoiceField(
        choices=InformationLanguage.choices,
        widget=FrontendRadios,
        error_messages={"required": _("Select the language for information about the contract")},
    )


class InterpreterForm(YesNoForm):
    """Seed: "whether an interpreter is required during the information session".

    The language is asked on the next page, only after a "yes": GOV.UK's conditional
    reveal would put `aria-expanded` on a radio, which ARIA does not allow.
    """

    keys = ("interpreter_needed",)
    required_message = _("Select yes if you need an interpreter at the information session")

    def answers(self) -> dict:
        if self.cleaned_data["interpreter_needed"] == "yes":
            return {"interpreter_needed": True}
        return {"interpreter_needed": False, "interpreter_language": ""}


class InterpreterLanguageForm(AnswerForm):
    keys = ("interpreter_language",)
    interpreter_language = forms.CharField(
        label=_("Which language do you need an interpreter for?"),
        help_text=_("For example, Arabic, Portuguese or Ukrainian."),
        max_length=60,
        validators=[validate_one_line],
        error_messages={"required": _("Enter the language you need an interpreter for")},
    )

    @classmethod
    def is_answered(cls, answers: dict) -> bool:
        return bool(answers.get("interpreter_language"))


class ConsentForm(AnswerForm):
    keys = ("consent",)
    consent = forms.BooleanField(
        label=_("I agree that my personal data is processed to handle my registration"),
        error_messages={
            "required": _("Confirm that you agree to the processing of your personal data")
        },
    )


class LinkRequestForm(GovukForm):
    """Asking for one's private link again: both must match a registration."""

    national_id = forms.CharField(
        label=_("National identification number"),
        help_text=_("13 digits, like 1990 0517 12345"),
        max_length=20,
        error_messages={"required": _("Enter your national identification number")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The email address you gave when you registered"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )

    @property
    def first_field_id(self) -> str:
        return self["national_id"].auto_id

    def clean_national_id(self) -> str:
        digits, _born = validation.clean_national_id(
            self.cleaned_data["national_id"], clock.today()
        )
        return digits

    def clean_email(self) -> str:
        return self.cleaned_data["email"].lower()


# A candidate's account (registration.account_views).


class ActivationForm(GovukForm):
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


class SignInLinkForm(GovukForm):
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


# The officers' form: register a candidate who called or wrote.


NATIONALITY_FIELDS = ("nationality", "other_nationality", "third_nationality")


class CandidateRegisterForm(GovukForm):
    channel = forms.ChoiceField(
        label=_("How did the candidate contact you?"),
        choices=OFFICER_CHANNELS,
        widget=Radios,
        error_messages={
            "required": _("Select how the candidate contacted you"),
            "invalid_choice": _("Select how the candidate contacted you"),
        },
    )
    surname = forms.CharField(
        label=_("Surname"),
        max_length=150,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the surname"),
            "max_length": _("The surname must be 150 characters or fewer"),
        },
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the first name"),
            "max_length": _("The first name must be 150 characters or fewer"),
        },
    )
    national_id = forms.CharField(
        label=_("National identification number"),
        help_text=_("13 digits, like 1990051712345. It carries the date of birth."),
        max_length=20,
        error_messages={
            "required": _("Enter the national identification number"),
            "max_length": validation.NATIONAL_ID_ERRORS["format"],
        },
    )
    phone = forms.CharField(
        label=_("Telephone number"),
        help_text=_("For international numbers include the country code, like +33."),
        max_length=40,
        widget=TelInput,
        error_messages={
            "required": _("Enter the telephone number"),
            "max_length": _("The telephone number must be 40 characters or fewer"),
        },
    )
    email = forms.EmailField(
        label=_("Email address (optional if you give a postal address)"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    postal_address = forms.CharField(
        label=_("Postal address (optional if you give an email address)"),
        required=False,
        max_length=500,
        widget=forms.Textarea,
        validators=[validate_multi_line],
        error_messages={"max_length": _("The postal address must be 500 characters or fewer")},
    )
    nationality = forms.ChoiceField(
        label=_("Nationality"),
        required=False,
        error_messages={"invalid_choice": _("Select a nationality from the list")},
    )
    other_nationality = forms.ChoiceField(
        label=_("Second nationality (optional)"),
        required=False,
        error_messages={"invalid_choice": _("Select a nationality from the list")},
    )
    third_nationality = forms.ChoiceField(
        label=_("Third nationality (optional)"),
        required=False,
        error_messages={"invalid_choice": _("Select a nationality from the list")},
    )
    information_language = forms.ChoiceField(
        label=_("In which language should CAI information be given?"),
        choices=InformationLanguage.choices,
        widget=Radios,
        error_messages={
            "required": _("Select the language for CAI information"),
            "invalid_choice": _("Select the language for CAI information"),
        },
    )
    interpreter_needed = yes_no(
        _("Does the candidate need an interpreter at the information session?"),
        _("Select yes if the candidate needs an interpreter"),
    )
    interpreter_language = forms.CharField(
        label=_("Interpreter's language"),
        help_text=_("Only if the candidate needs an interpreter, like Arabic or Tigrinya"),
        required=False,
        max_length=60,
        validators=[validate_one_line],
        error_messages={"max_length": _("The language must be 60 characters or fewer")},
    )
    legally_resident = yes_no(
        _("Does the candidate live legally in Luxembourg?"),
        _("Select yes if the candidate lives legally in Luxembourg"),
        _("They bring the proof, like a residence card, to the information session."),
    )
    wishes_to_settle = yes_no(
        _("Does the candidate wish to settle in Luxembourg permanently?"),
        _("Select yes if the candidate wishes to settle in Luxembourg permanently"),
    )
    notice_read = forms.BooleanField(
        label=_(
            "I read the data-protection notice to the candidate and they agreed that their "
            "data is processed for their registration"
        ),
        error_messages={
            "required": _("Confirm that you read the data-protection notice to the candidate")
        },
    )
    # The form's one-time key: submitting it twice registers the person once.
    submission_id = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        choices = [("", _("Select a country")), *countries.country_choices()]
        for name in NATIONALITY_FIELDS:
            cast(forms.ChoiceField, self.fields[name]).choices = choices

    def clean_national_id(self) -> str:
        digits, self.birth_date = validation.clean_national_id(
            self.cleaned_data["national_id"], self.today
        )
        return digits

    def clean_phone(self) -> str:
        return validation.clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = cast("dict[str, Any]", super().clean())
        no_address = cleaned.get("email") == "" and cleaned.get("postal_address", "x").strip() == ""
        if no_address:
            self.add_error("email", _("Enter an email address or a postal address"))
        if cleaned.get("interpreter_needed") and cleaned.get("interpreter_language") == "":
            self.add_error("interpreter_language", _("Enter the language the interpreter speaks"))
        if all(name in cleaned for name in NATIONALITY_FIELDS):
            chosen = [cleaned[name] for name in NATIONALITY_FIELDS]
            try:
                cleaned["nationalities"] = validation.clean_nationalities(chosen)
            except ValidationError as error:
                self.add_error("nationality", error)
        return cleaned

    def registration_data(self) -> RegistrationData:
        data = self.cleaned_data
        return RegistrationData(
            surname=data["surname"],
            first_name=data["first_name"],
            national_id=data["national_id"],
            birth_date=self.birth_date,
            phone=data["phone"],
            information_language=data["information_language"],
            nationalities=data["nationalities"],
            email=data["email"].lower(),
            postal_address=data["postal_address"].strip(),
            interpreter_needed=data["interpreter_needed"],
            interpreter_language=data["interpreter_language"] if data["interpreter_needed"] else "",
            legally_resident=data["legally_resident"],
            wishes_to_settle=data["wishes_to_settle"],
        )


def one_address(text: str) -> str:
    """A postal address as stored: its lines without trailing spaces, joined by "\\n"
    (a browser sends "\\r\\n"), the empty ones left out."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class CandidateCorrectForm(GovukForm):
    """An officer corrects a candidate's details, the identity fields included (issue 11
    point 15: only an officer changes the name and the identification number), with a
    reason kept with the candidate (registration.models.Correction)."""

    birth_date: date  # read from the identification number by clean_national_id
    surname = CandidateRegisterForm.base_fields["surname"]
    first_name = CandidateRegisterForm.base_fields["first_name"]
    national_id = CandidateRegisterForm.base_fields["national_id"]
    phone = CandidateRegisterForm.base_fields["phone"]
    email = CandidateRegisterForm.base_fields["email"]
    postal_address = CandidateRegisterForm.base_fields["postal_address"]
    reason = forms.CharField(
        label=_("Why are you correcting these details?"),
        help_text=_("For example: the candidate called to give their new address."),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_multi_line],
        error_messages={
            "required": _("Enter why you are correcting these details"),
            "max_length": _("The reason must be 300 characters or fewer"),
        },
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    clean_national_id = CandidateRegisterForm.clean_national_id
    clean_phone = CandidateRegisterForm.clean_phone

    def clean(self):
        cleaned = cast("dict[str, Any]", super().clean())
        if cleaned.get("email") == "" and cleaned.get("postal_address", "x").strip() == "":
            self.add_error("email", _("Enter an email address or a postal address"))
        return cleaned

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "surname": data["surname"],
            "first_name": data["first_name"],
            "national_id": data["national_id"],
            "birth_date": self.birth_date,
            "phone": data["phone"],
            "email": data["email"].lower(),
            "postal_address": one_address(data["postal_address"]),
        }


class ContactDetailsForm(GovukForm):
    """The candidate changes how to reach them (issue 11 point 15); their name and
    identification number change only through an officer."""

    phone = CandidateRegisterForm.base_fields["phone"]
    email = forms.EmailField(
        label=_("Email address (optional if you give a postal address)"),
        help_text=_("A new address is used once you open the link we send to it."),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    postal_address = forms.CharField(
        label=_("Postal address (optional if you give an email address)"),
        required=False,
        max_length=500,
        widget=forms.Textarea,
        validators=[validate_multi_line],
        error_messages={"max_length": _("The postal address must be 500 characters or fewer")},
    )

    def __init__(self, *args, has_account: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_account = has_account

    def clean_phone(self) -> str:
        return validation.clean_phone(self.cleaned_data["phone"])

    def clean_email(self) -> str:
        return self.cleaned_data["email"].lower()

    def clean(self):
        cleaned = cast("dict[str, Any]", super().clean())
        email = cleaned.get("email")
        if email == "" and cleaned.get("postal_address", "x").strip() == "":
            self.add_error("email", _("Enter an email address or a postal address, or both"))
        elif email == "" and self.has_account:
            self.add_error(
                "email", _("You sign in to your account with your email address: enter one")
            )
        if "postal_address" in cleaned:
            cleaned["postal_address"] = one_address(cleaned["postal_address"])
        return cleaned
