"""The enrolment rush's ceiling: a bare Django endpoint doing one locked enrolment with
a voucher's redemption.

`enrolment_rush.py --alternate N` serves this module under the same gunicorn command
as Accueil (same workers, same PostgreSQL, same database settings), with
DJANGO_SETTINGS_MODULE=bare_enrolment. It is Accueil's settings with no middleware and
one URL, POST /api/v1/courses/<id>/enrolments, whose view does only what any
enrolment with a voucher must do, in one transaction on Accueil's own tables and
constraints (the locked-booking pattern of bare_booking.py, applied to a course):

1. find the person by their identification number;
2. `SELECT ... FOR UPDATE` the course row, count its enrolled seats;
3. insert the enrolment (enrolled, or waitlisted when the seats are all taken);
4. find the voucher by its code and insert its redemption (refused with 409
   voucher_used by the unique index when it is already used).

No sign-in, no checks of the person, the contract, the voucher's holder, expiry or
revocation, no audit event, no middleware, no pydantic: the distance between its
throughput and Accueil's, measured alternately on the same machine, is what all of
those cost.
"""

import json

from accueil.settings import *  # noqa: F403 - the same database, apps and logging

MIDDLEWARE: list[str] = []
ROOT_URLCONF = "bare_enrolment"
DATABASES = {"default": {**DATABASES["default"], "ATOMIC_REQUESTS": False}}  # noqa: F405


class VoucherUsed(Exception):
    pass


def enrol(request, course_id=None):
    """POST: enrol with a voucher (201, 200 for someone already on the list, or 409
    voucher_used); GET: ready (200)."""
    from django.db import IntegrityError, transaction
    from django.http import JsonResponse

    from accueil.registration.models import Candidate
    from accueil.training.models import Course, Enrolment, Voucher, VoucherRedemption

    if request.method != "POST":
        return JsonResponse({"ready": True})
    data = json.loads(request.body)
    try:
        with transaction.atomic():
            candidate = Candidate.objects.get(national_id=data["national_id"])
            course = Course.objects.select_for_update().get(pk=course_id)
            taken = Enrolment.objects.filter(course=course, status="enrolled").count()
            status = "enrolled" if taken < course.capacity else "waitlisted"
            try:
                with transaction.atomic():
                    enrolment = Enrolment.objects.create(
                        course=course, candidate=candidate, status=status
                    )
            except IntegrityError:
                return JsonResponse({"status": "unchanged"}, status=200)
            voucher = Voucher.objects.get(code=data["voucher_code"].replace("-", ""))
            try:
                with transaction.atomic():
                    VoucherRedemption.objects.create(voucher=voucher, enrolment=enrolment)
            except IntegrityError:
                raise VoucherUsed from None
    except VoucherUsed:
        return JsonResponse({"code": "voucher_used"}, status=409)
    return JsonResponse({"id": enrolment.pk, "status": status}, status=201)


def urls():
    from django.urls import path

    return [
        path("api/v1/courses/<int:course_id>/enrolments", enrol),
        path("api/v1/sessions", enrol),
    ]


def __getattr__(name):  # the URLconf, built when Django first asks (after setup)
    if name == "urlpatterns":
        return urls()
    raise AttributeError(name)
