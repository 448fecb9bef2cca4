"""The booking rush's ceiling: a bare Django endpoint doing one locked booking.

`booking_rush.py --baseline` (and `--alternate N`) serves this module under the same
gunicorn command as Accueil (`gunicorn accueil.wsgi`, same workers, same PostgreSQL,
same database settings: persistent connections with health checks), with
DJANGO_SETTINGS_MODULE=bare_booking. It is Accueil's settings with no middleware and
one URL, POST /api/v1/registrations, whose view does only what any registration and
booking must do, in one transaction on Accueil's own tables and constraints:

1. insert the person (a `Candidate` row, from the body as it comes: no checks);
2. `SELECT ... FOR UPDATE` the session row;
3. insert the booking (refused with 409 session_full when the seats are all taken);
4. add one to the session's seats taken.

No validation, no eligibility, no audit event, no queued email, no private token, no
middleware, no pydantic: the distance between its throughput and Accueil's, measured
alternately on the same machine, is what all of those cost.
"""

import json
from datetime import date

from accueil.settings import *  # noqa: F403 - the same database, apps and logging

MIDDLEWARE: list[str] = []
ROOT_URLCONF = "bare_booking"
# A copy: Accueil's settings stay as they are wherever this module is imported (tests).
DATABASES = {"default": {**DATABASES["default"], "ATOMIC_REQUESTS": False}}  # noqa: F405


class SessionFull(Exception):
    pass


def book(request):
    """POST: register and book (202 with a short body, as Accueil answers, or 409
    session_full); GET: ready (200)."""
    from django.db import transaction
    from django.db.models import F
    from django.http import JsonResponse
    from django.utils import timezone

    from accueil.booking.models import Booking, InformationSession
    from accueil.registration.models import Candidate

    if request.method != "POST":
        return JsonResponse({"ready": True})
    data = json.loads(request.body)
    number = data["national_id"]
    try:
        with transaction.atomic():
            candidate = Candidate.objects.create(
                surname=data["surname"],
                first_name=data["first_name"],
                national_id=number,
                birth_date=date(int(number[:4]), int(number[4:6]), int(number[6:8])),
                phone=data["phone"],
                email=data["email"],
                nationalities=data["nationalities"],
                information_language=data["information_language"],
                legal_residence_confirmed=data["legally_resident"],
                wishes_to_settle=data["wishes_to_settle"],
                channel="online",
                consent_at=timezone.now(),
            )
            session = InformationSession.objects.select_for_update().get(pk=data["session_id"])
            if session.seats_taken >= session.capacity:
                raise SessionFull
            Booking.objects.create(session=session, candidate=candidate, channel="online")
            InformationSession.objects.filter(pk=session.pk).update(
                seats_taken=F("seats_taken") + 1
            )
    except SessionFull:
        return JsonResponse({"code": "session_full"}, status=409)
    return JsonResponse({"status": "received"}, status=202)


def urls():
    from django.urls import path

    return [path("api/v1/registrations", book), path("api/v1/sessions", book)]


def __getattr__(name):  # the URLconf, built when Django first asks (after setup)
    if name == "urlpatterns":
        return urls()
    raise AttributeError(name)
