"""Attendance at a course session over HTTP, for training-provider staff (issue 12,
point 6): read the participants with what is recorded, and record it (PUT, the whole
list checked before anything is written; sending the same list again changes nothing).

Attendance is recorded only for a session that has begun: a PUT for a session to come
is refused whole with 409 (`fact` "session_not_started"), saying from when it can be
recorded; reading it is allowed (the participants, nothing recorded yet).

Staff sign in as on the site: the session cookie authenticates, and a change carries
the CSRF token (header X-CSRFToken). Staff of another provider get 404, as for a
session that does not exist; other roles get 403 and nobody signed in 401, whatever
the body (`api.auth.provider_staff`).
"""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal, cast

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status

from accueil.accounts.models import User
from accueil.api.auth import provider_staff
from accueil.api.rules import ErrorOut, InvalidRequestOut
from accueil.api.schemas import MAX_ID, In, ReaderLang, in_reader_language
from accueil.audit.services import audit_shown
from accueil.core.clock import LUXEMBOURG
from accueil.training import access as training_access
from accueil.training import services
from accueil.training.models import Enrolment, EnrolmentStatus

router = Router(tags=["attendance"], auth=provider_staff)
router.add_decorator(in_reader_language, mode="view")

SessionId = Annotated[int, Field(ge=1, le=MAX_ID, examples=[1])]
StatusCode = Literal["present", "absent", "excused"]


class AttendanceRowOut(Schema):
    enrolment: int = Field(description="The participant's enrolment number.")
    name: str
    status: StatusCode | None = Field(description="None: not recorded yet.")
    hours: Decimal | None
    recorded_at: datetime | None


class SessionAttendanceOut(Schema):
    session_id: int
    course_id: int
    starts_at: datetime = Field(description="Local time in Luxembourg, with its UTC offset.")
    ends_at: datetime
    length_hours: Decimal = Field(description="The most hours anyone can attend.")
    participants: list[AttendanceRowOut]


class AttendanceIn(In):
    enrolment: Annotated[int, Field(ge=1, le=MAX_ID)]
    status: StatusCode
    hours: Annotated[Decimal, Field(ge=0, le=Decimal("99.99"), decimal_places=2)] | None = Field(
        None, description="Empty: the whole session when present, 0 otherwise."
    )


class AttendancePutIn(In):
    items: list[AttendanceIn] = Field(max_length=1000)


class AppliedOut(Schema):
    created: int
    changed: int
    unchanged: int


class ProblemOut(Schema):
    index: int = Field(description="The position of the item in `items`, from 0.")
    message: str


class AttendanceRefusedOut(ErrorOut):
    problems: list[ProblemOut] = Field(default=[], description="Each item refused, with why.")


ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidRequestOut}


def staff(request: HttpRequest) -> User:
    """The signed-in provider staff (`api.auth.provider_staff` lets no one else through)."""
    return cast(User, request.user)


def local(moment: datetime) -> datetime:
    return moment.astimezone(LUXEMBOURG)


@router.get(
    "/sessions/{session_id}",
    response={200: SessionAttendanceOut, **ERRORS},
    summary="Read the attendance at a course session",
)
def attendance_show(request: HttpRequest, session_id: Path[SessionId], lang: ReaderLang = None):
    user = staff(request)
    session = training_access.get_session_for_attendance(user, session_id)
    rows = list(services.session_attendance(session))
    # Each person listed is in the trail (issue 14, point 4): one INSERT.
    audit_shown(request=request, targets=[enrolment for enrolment, _row in rows], actor=user)
    participants = [
        {
            "enrolment": enrolment.pk,
            "name": str(enrolment.candidate),
            "status": row.status if row else None,
            "hours": row.hours if row else None,
            "recorded_at": local(row.recorded_at) if row else None,
        }
        for enrolment, row in rows
    ]
    return {
        "session_id": session.pk,
        "course_id": session.course_id,
        "starts_at": local(session.starts_at),
        "ends_at": local(session.ends_at),
        "length_hours": services.session_hours(session),
        "participants": participants,
    }


@router.put(
    "/sessions/{session_id}",
    response={200: AppliedOut, 400: AttendanceRefusedOut, 409: ErrorOut, **ERRORS},
    summary="Record the attendance at a course session",
)
def attendance_put(
    request: HttpRequest,
    session_id: Path[SessionId],
    body: AttendancePutIn,
    lang: ReaderLang = None,
):
    """Every item is checked first (a participant of the course, the hours within the
    session); with any problem, nothing is recorded and 400 lists them all. A session
    that has not started yet: 409 `session_not_started`, nothing recorded."""
    session = training_access.get_session_for_attendance(staff(request), session_id)
    now = timezone.now()  # one "now" for the check and the writing
    if not services.session_open(session, now):
        return Status(
            409, {"error": services.not_started_message(session), "fact": "session_not_started"}
        )
    enrolled = set(
        Enrolment.objects.filter(
            course_id=session.course_id, status=EnrolmentStatus.ENROLLED
        ).values_list("pk", flat=True)
    )
    length = services.session_hours(session)
    entries, problems, seen = [], [], set()
    for index, item in enumerate(body.items):
        if item.enrolment not in enrolled:
            problems.append(
                {"index": index, "message": _("This person is not a participant of the course")}
            )
            continue
        if item.enrolment in seen:
            problems.append({"index": index, "message": _("This participant is in the list twice")})
            continue
        seen.add(item.enrolment)
        try:
            hours = services.checked_hours(
                item.status, "" if item.hours is None else str(item.hours), length
            )
        except services.AttendanceError as refusal:
            problems.append({"index": index, "message": str(refusal)})
            continue
        entries.append(services.Entry(item.enrolment, session.pk, item.status, hours))
    if problems:
        return Status(
            400,
            {
                "error": _("Nothing was recorded: correct the items listed."),
                "fact": "items",
                "problems": problems,
            },
        )
    applied = services.attendance_apply(
        course=session.course, entries=entries, actor=staff(request), source="API", now=now
    )
    return {"created": applied.created, "changed": applied.changed, "unchanged": applied.unchanged}
