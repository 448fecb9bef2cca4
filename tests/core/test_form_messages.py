"""No form says what Django says in its own words (issue 11, point 9).

Every form class of the project is found (subclasses of Django's BaseForm defined in
`accueil`), built and validated on empty data, and each of its fields is checked: no
message it can give, from its `error_messages` or from one of Django's validators
it runs, is one of Django's defaults ("This field is required.", "Ensure this value has
at most 150 characters", "Enter a whole number."). The messages that replace them
name the field, in the reader's language.
"""

import importlib
import inspect
import pkgutil
from datetime import UTC, date, datetime

import pytest
from django import forms
from django.core import validators as django_validators
from django.utils import translation

import accueil
from accueil.booking.models import InformationSession
from accueil.core.govuk import GovukForm, NamedErrors
from accueil.guide.forms import QuestionForm
from accueil.registration.models import Candidate
from accueil.rules.guide.catalogue import QUESTIONS
from accueil.training.attendance import Grid
from accueil.training.models import Course, CourseSession, Enrolment

SKIP = ("migrations", "settings", "wsgi", "asgi")


def form_classes() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(accueil.__path__, "accueil."):
        if not any(part in module.name for part in SKIP):
            importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("accueil."):
                found.add(sub)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def django_defaults() -> set[int]:
    """The ids of Django's own message objects (fields' defaults, validators')."""
    ids: set[int] = set()
    todo = [forms.Field]
    while todo:
        klass = todo.pop()
        todo.extend(klass.__subclasses__())
        if klass.__module__.startswith("django."):
            ids.update(id(m) for m in vars(klass).get("default_error_messages", {}).values())
    for value in vars(django_validators).values():
        message = getattr(value, "message", None)
        if message is not None:
            ids.add(id(message))
    return ids


TODAY = date(2026, 12, 1)
# What each form needs besides its data (the form classes whose __init__ asks for more).
EXTRA = {
    "CandidateRegisterForm": {"today": TODAY},
    "InterviewOutcomeForm": {"requested_on": TODAY, "today": TODAY},
    "SessionPlanForm": {"now": datetime(2026, 12, 1, 9, tzinfo=UTC)},
    "BookingForm": {"sessions": InformationSession.objects.none(), "moving": False},
    "ApplicationKindForm": {"lang": "en"},
    "ProcedureForm": {"lang": "en"},
    "DecisionForm": {"lang": "en"},
    "TranslationForm": {"lang": "en"},
    "ContractSignForm": {"drafted_on": TODAY, "today": TODAY},
    "OrientationForm": {"options": []},
    "SessionEditForm": {
        "now": datetime(2026, 12, 1, 9, tzinfo=UTC),
        "session": InformationSession(
            starts_at=datetime(2026, 12, 10, 9, tzinfo=UTC),
            place="Luxembourg",
            address="1 rue de la Gare",
            capacity=20,
            languages=["fr"],
        ),
    },
    "CandidateCorrectForm": {"today": TODAY},
    "ContactDetailsForm": {"has_account": True},
    "ReasonsForm": {"kind": "objection"},
    "RectificationForm": {
        "candidate": Candidate(surname="A", first_name="B", nationalities=["PT"]),
        "today": TODAY,
    },
    "AttendanceGridForm": {
        "grid": Grid(
            course=Course(),
            sessions=[
                CourseSession(
                    pk=1,
                    starts_at=datetime(2026, 12, 10, 9, tzinfo=UTC),
                    ends_at=datetime(2026, 12, 10, 11, tzinfo=UTC),
                )
            ],
            enrolments=[Enrolment(pk=1)],
        )
    },
}


# Bases that only their subclasses (tested themselves) complete.
ABSTRACT = {"YesNoForm"}


def instances(klass) -> list[forms.BaseForm]:
    if klass.__name__ in ABSTRACT:
        return []
    if klass is QuestionForm:
        return [QuestionForm(question, "en", data={}) for question in QUESTIONS]
    params = inspect.signature(klass.__init__).parameters
    extra = EXTRA.get(klass.__name__, {})
    missing = [
        name
        for name, p in params.items()
        if p.kind == p.KEYWORD_ONLY and p.default is p.empty and name not in extra
    ]
    assert not missing, f"add {klass.__name__}'s {missing} to EXTRA"
    if "request" in params:  # the sign-in form
        return [klass(None, data={}, **extra)]
    return [klass(data={}, **extra)]


def reachable(field: forms.Field) -> list:
    """The messages `field` can give: its own, and those of Django's validators it runs."""
    messages = list(field.error_messages.values())
    for validator in field.validators:
        code = getattr(validator, "code", None)
        if type(validator).__module__.startswith("django.") and code not in field.error_messages:
            messages.append(getattr(validator, "message", None))
    return messages


CLASSES = form_classes()


def test_every_form_is_found_and_names_its_errors():
    assert len(CLASSES) > 40
    for klass in CLASSES:
        assert issubclass(klass, NamedErrors), klass


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr", "de"])
@pytest.mark.parametrize("klass", CLASSES, ids=lambda c: c.__name__)
def test_no_django_default_message_is_reachable(klass, lang):
    defaults = django_defaults()
    with translation.override(lang):
        for form in instances(klass):
            form.full_clean()
            for name, field in form.fields.items():
                for message in reachable(field):
                    assert id(message) not in defaults, (klass.__name__, name, str(message))


class Example(GovukForm):
    surname = forms.CharField(label="Surname", max_length=5)
    seats = forms.IntegerField(label="Seats", min_value=1)
    kind = forms.ChoiceField(label="Kind", choices=[("a", "A")])
    email = forms.EmailField(label="Email address", required=False)
    kept = forms.CharField(label="Kept", error_messages={"required": "Enter what to keep"})


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            {
                "surname": "“Surname” must be 5 characters or fewer",
                "seats": "“Seats” must be a whole number, like 3",
                "kind": "Select “Kind” from the list",
                "email": "Enter “Email address” as an email address, like name@example.com",
                "kept": "Enter what to keep",
            },
        ),
        (
            "fr",
            {
                "surname": "«\u00a0Surname\u00a0» doit compter au plus 5 caractères",
                "seats": "«\u00a0Seats\u00a0» doit être un nombre entier, comme 3",
                "kind": "Choisissez «\u00a0Kind\u00a0» dans la liste",
            },
        ),
        (
            "de",
            {
                "surname": "„Surname“ darf höchstens 5 Zeichen lang sein",
                "seats": "„Seats“ muss eine ganze Zahl sein, z. B. 3",
                "kind": "Wählen Sie „Kind“ aus der Liste",
            },
        ),
    ],
)
def test_a_message_names_the_field_in_the_readers_language(lang, expected):
    with translation.override(lang):
        form = Example(data={"surname": "abcdefgh", "seats": "x", "kind": "z", "email": "bad"})
        errors = {name: " ".join(messages) for name, messages in form.errors.items()}
    for name, message in expected.items():
        assert errors[name] == message


def test_an_empty_field_is_named_too():
    with translation.override("en"):
        form = Example(data={"seats": "0"})
        assert form.errors["surname"] == ["Enter “Surname”"]
        assert form.errors["seats"] == ["“Seats” must be 1 or more"]
        assert form.errors["kind"] == ["Select an answer for “Kind”"]
