"""Enrolment by a training provider's staff over HTTP (issue 12, point 5): the same
rules as the provider's page (`training.enrolment.enrol_person`: the person named by
number and surname, then `enrol`, in fewer statements for the enrolment rush), signed
in with the staff member's session (cookie and CSRF token, `api.auth.provider_staff`:
401 for nobody signed in, 403 for another role, before the body is read). A course of
another provider is a 404, as on the pages; every refusal of the person
is a 409 whose `code` says why, in the reader's language. Like the page, it records
people late, in a course that has started or ended (the certificate needs them).
"""

from datetime import datetime
from typing import Literal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Router, Schema, Status

from accueil.accounts.access import has_role
from accueil.accounts.models import Role
from accueil.api.auth import provider_staff
from accueil.api.rules import ErrorOut, InvalidRequestOut
from accueil.api.schemas import ReaderLang, error, in_reader_language
from accueil.training.services import (
    CourseNotFound,
    EnrolmentError,
    VoucherError,
    enrol_person,
)

router = Router(tags=["enrolments"], auth=provider_staff)
router.add_decorator(in_reader_language, mode="view")

EnrolmentRefusal = Literal[
    "person_unknown",
    "course_closed",
    "no_contract_in_force",
    "voucher_unknown",
    "voucher_not_theirs",
    "voucher_revoked",
    "voucher_expired",
    "voucher_used",
    "voucher_wrong_course",
]


class EnrolmentIn(Schema):
    national_id: str = Field(
        min_length=1, max_length=20, description="The person's 13-digit identification number."
    )
    surname: str = Field(min_length=1, max_length=150, description="As on their document.")
    voucher_code: str = Field(
        "",
        max_length=40,
        description="The reduced-rate voucher's code (ABCD-EFGH-JKMN-PQRS); empty: normal fee.",
    )


class EnrolmentOut(Schema):
    id: int
    course_id: int
    status: Literal["enrolled", "waitlisted", "cancelled"]
    reduced_rate: bool = Field(description="A voucher was redeemed for this enrolment.")
    created_at: datetime


class EnrolmentRefusedOut(ErrorOut):
    code: EnrolmentRefusal


def refused(refusal: EnrolmentError | VoucherError) -> Status:
    return Status(409, {"error": str(refusal.message), "fact": None, "code": refusal.code})


@router.post(
    "/{course_id}/enrolments",
    response={
        200: EnrolmentOut,
        201: EnrolmentOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: EnrolmentRefusedOut,
        422: InvalidRequestOut,
    },
    summary="Enrol a person in one of your courses",
)
def enrolment_create(
    request: HttpRequest,
    course_id: Path[int],
    person: EnrolmentIn,
    lang: ReaderLang = None,
):
    """For training-provider staff, in their own organisation's courses. 201: a new
    enrolment (or a place on the waiting list); 200: the person's current one, unchanged
    (a re-submit). 409 with `code`: the person or the voucher refused."""
    if not has_role(request.user, Role.PROVIDER):
        return error(403, _("You are not allowed to do this"))
    try:
        # The course is checked to be the user's organisation's under its lock.
        enrolment, created = enrol_person(
            course_id=course_id,
            national_id=person.national_id,
            surname=person.surname,
            actor=request.user,  # type: ignore[arg-type]
            voucher_code=person.voucher_code,
        )
    except CourseNotFound:
        raise Http404 from None
    except (EnrolmentError, VoucherError) as refusal:
        return refused(refusal)
    out = {
        "id": enrolment.pk,
        "course_id": enrolment.course_id,
        "status": enrolment.status,
        "reduced_rate": hasattr(enrolment, "voucher_redemption"),
        "created_at": enrolment.created_at,
    }
    return Status(201 if created else 200, out)
