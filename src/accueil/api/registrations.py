"""Registering for the CAI over HTTP, and booking an information session with it.

A registration that names a session is registered and booked in one transaction:
when the seat cannot be had, nothing is saved and the person can try another
session. The private token that manages the booking (`/api/v1/bookings/{token}`)
goes only to the email address registered: the answer is the same 202 for a new
registration, for one sent again and for an identification number registered
already (whose owner is emailed instead), so nobody learns from it who is registered.
"""

from typing import Annotated, Literal, cast
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema, Status
from pydantic import StrictBool

from accueil.api.rules import ErrorOut
from accueil.api.schemas import (
    ConflictOut,
    In,
    Lang,
    ReaderLang,
    SessionId,
    UnprocessableOut,
    conflict,
    error,
    in_reader_language,
    no_such_session,
    reader_language,
)
from accueil.booking.services import BookingError, NoSuchSession, candidate_submit_and_book
from accueil.core import clock, contacts, validation
from accueil.core.text import text_error
from accueil.registration.models import Candidate
from accueil.registration.services import NotEligible, RegistrationData, candidate_submit

router = Router(tags=["registrations"])
router.add_decorator(in_reader_language, mode="view")

Country = Annotated[str, Field(max_length=3, examples=["PT"])]


class RegistrationIn(In):
    surname: str = Field(max_length=150, examples=["Silva"])
    first_name: str = Field(max_length=150, examples=["Ana"])
    national_id: str = Field(
        max_length=20,
        description="13 digits (spaces allowed); the date of birth is read from it.",
        examples=["1990051712366"],
    )
    phone: str = Field(max_length=40, examples=["+352 621 123 456"])
    email: str = Field("", max_length=254, description="Email or postal address, or both.")
    postal_address: str = Field("", max_length=500)
    nationalities: list[Country] = Field(max_length=10, description="ISO 3166-1 alpha-2 codes.")
    information_language: Lang
    interpreter_needed: StrictBool = False
    interpreter_language: str = Field("", max_length=60)
    legally_resident: StrictBool
    wishes_to_settle: StrictBool
    consent: StrictBool = Field(description="Agreement to the data-protection notice: true.")
    submission_id: UUID | None = Field(
        None,
        description="A key chosen by the client: sending the same registration again with it "
        "registers and books nothing more (the answer is the same 202).",
    )
    session_id: SessionId | None = Field(
        None, description="Book this session too, in the same transaction: all or nothing."
    )


class RegistrationReceivedOut(Schema):
    """The same for every registration accepted: nothing in it says whether the
    identification number was registered before."""

    status: Literal["received"]
    message: str = Field(description="What happens next, in the reader's language.")


class FieldError(Exception):
    def __init__(self, field: str, message):
        super().__init__(field)
        self.field, self.message = field, message


REQUIRED = {
    "surname": _("Enter your surname"),
    "first_name": _("Enter your first name"),
}


def text(payload: RegistrationIn, name: str, *, required: bool = False) -> str:
    """The answer without surrounding spaces; line breaks (but in the postal address),
    control, invisible and text-direction characters are refused (core/text.py)."""
    value = getattr(payload, name).strip()
    if required and not value:
        raise FieldError(name, REQUIRED[name])
    if message := text_error(value, multi_line=name == "postal_address"):
        raise FieldError(name, message)
    return value


def checked(name: str, clean, *args):
    try:
        return clean(*args)
    except ValidationError as bad:
        raise FieldError(name, bad.messages[0]) from None


PHONE_ERROR = _("Enter a telephone number, like 621 123 456 or +33 6 12 34 56 78")


def phone(payload: RegistrationIn) -> str:
    formatted = checked("phone", validation.clean_phone, text(payload, "phone"))
    if len(formatted) > cast(
        int, Candidate._meta.get_field("phone").max_length
    ):  # a long extension
        raise FieldError("phone", PHONE_ERROR)
    return formatted


def registration_data(payload: RegistrationIn) -> RegistrationData:
    """The registration as the service takes it; FieldError names the first bad answer,
    in the order of the registration form."""
    surname = text(payload, "surname", required=True)
    first_name = text(payload, "first_name", required=True)
    number = "".join(payload.national_id.split())
    if not number.isascii():  # national_id.py would take other scripts' digits
        raise FieldError("national_id", validation.NATIONAL_ID_ERRORS["format"])
    number, born = checked("national_id", validation.clean_national_id, number, clock.today())
    telephone = phone(payload)
    email, address = text(payload, "email"), text(payload, "postal_address")
    if not email and not address:
        raise FieldError("email", _("Enter an email address or a postal address"))
    if email:
        checked("email", validate_email, email)
    nationalities = checked("nationalities", validation.clean_nationalities, payload.nationalities)
    interpreter_language = text(payload, "interpreter_language")
    if payload.interpreter_needed and not interpreter_language:
        raise FieldError("interpreter_language", _("Say in which language you need an interpreter"))
    if not payload.consent:
        raise FieldError("consent", _("Agree to the data-protection notice to register"))
    return RegistrationData(
        surname=surname,
        first_name=first_name,
        national_id=number,
        birth_date=born,
        phone=telephone,
        information_language=payload.information_language,
        nationalities=nationalities,
        email=email,
        postal_address=address,
        interpreter_needed=payload.interpreter_needed,
        interpreter_language=interpreter_language if payload.interpreter_needed else "",
        legally_resident=payload.legally_resident,
        wishes_to_settle=payload.wishes_to_settle,
    )


RECEIVED = _(
    "We have received your registration. We have sent your private link, to see, book, "
    "move or cancel your information session, to the email address you gave. If you gave "
    "only a postal address, call the Integration Department on %(phone)s."
)


def received() -> Status:
    message = str(RECEIVED) % {"phone": contacts.integration_department().phone}
    return Status(202, {"status": "received", "message": message})


@router.post(
    "",
    response={
        202: RegistrationReceivedOut,
        400: ErrorOut,
        409: ConflictOut,
        422: UnprocessableOut,
        429: ErrorOut,
    },
    summary="Register for the CAI, and book a session",
)
def registration_create(request: HttpRequest, payload: RegistrationIn, lang: ReaderLang = None):
    """202 when the registration is received, with the session booked if `session_id`
    was given; the private token and the booking are emailed to the address given.
    The same 202, and nothing registered or booked, when this `submission_id` was seen
    before or the identification number is registered already (its owner is emailed).
    400 names a bad answer in `fact` (or an unknown `session_id`); 409 `session_full`,
    `session_closed`; 422 `not_eligible` with every condition of the law, met or not;
    429 when this address sent too many (every request counts, whatever the answer)."""
    try:
        data = registration_data(payload)
    except FieldError as bad:
        return error(400, bad.message, bad.field)
    try:
        if payload.session_id is None:
            candidate_submit(data=data, submission_id=payload.submission_id, request=request)
        else:
            candidate_submit_and_book(
                data=data,
                session_id=payload.session_id,
                submission_id=payload.submission_id,
                request=request,
            )
    except NotEligible as refusal:
        return not_eligible(refusal)
    except NoSuchSession:
        return no_such_session()
    except BookingError as refusal:
        return conflict(refusal.code)
    return received()


def not_eligible(refusal: NotEligible) -> Status:
    message = _("You cannot sign a Welcome and Integration Contract: see the reasons")
    return Status(
        422,
        {
            "error": str(message),
            "fact": None,
            "code": "not_eligible",
            "decision": refusal.decision.to_dict(reader_language()),
        },
    )
