"""Recording the information session: check-in, the residence document, the linguistic
profile, the orientation and guidance, and the request for a social worker."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.booking import services as booking_services
from accueil.booking.models import (
    Booking,
    BookingStatus,
    InformationSession,
    SessionStatus,
    session_suits_candidate,
)
from accueil.core import clock
from accueil.intake.models import LinguisticProfile, Orientation, ResidenceDocument
from accueil.registration.models import Candidate
from accueil.rules import evaluate
from accueil.social.models import InterviewRequest


class NotCheckedIn(Exception):
    """The booking is not active (already checked in, moved or cancelled), or, to undo a
    check-in, not checked in."""


@transaction.atomic
def check_in(*, booking: Booking, present: bool, actor: User) -> Booking | None:
    """Mark present or absent. An absent candidate is booked into the next session that
    suits them (and told by email), or put on the waitlist when none has a seat."""
    status = BookingStatus.ATTENDED if present else BookingStatus.ABSENT
    updated = Booking.objects.filter(pk=booking.pk, status=BookingStatus.ACTIVE).update(
        status=status, ended_at=timezone.now()
    )
    if not updated:
        raise NotCheckedIn
    booking.status = status
    audit_record(
        action=Action.TRANSITION, actor=actor, target=booking, fields=["status"], reason=status
    )
    if present:
        return None
    return offer_next_session(absent=booking, actor=actor)


def offer_next_session(*, absent: Booking, actor: User) -> Booking | None:
    """Book the absent candidate into the earliest session with a seat that they
    understand (session_suits_candidate: their language for CAI information is spoken
    there, and an interpreter is available if they need one), starting after the
    session they missed and in the future; never a session in a language they do not
    understand. None has a seat: they join the waitlist for their language. Either way
    they are told by email what happened."""
    candidate = absent.candidate
    start = max(absent.session.ends_at, timezone.now())
    upcoming = InformationSession.objects.filter(
        status=SessionStatus.SCHEDULED, starts_at__gt=start
    ).order_by("starts_at", "pk")
    for session in upcoming:
        if session.seats_free <= 0 or not session_suits_candidate(session, candidate):
            continue
        try:
            with transaction.atomic():
                return booking_services.booking_create(
                    candidate=candidate, session=session, actor=actor, after_absence=absent
                )
        except (booking_services.SessionFull, booking_services.SessionClosed):
            continue
    booking_services.waitlist_join(
        candidate=candidate,
        language=candidate.information_language,
        actor=actor,
        after_absence=absent,
    )
    return None


@transaction.atomic
def check_in_undo(*, booking: Booking, actor: User) -> booking_services.Withdrawn:
    """Undo a check-in made by mistake: the booking is booked again (present or absent
    can then be chosen anew). Undoing an absence first takes back what it led to (the
    session booked after it is cancelled, or the place on the waitlist left, and the
    candidate told); a booking the candidate made themselves since raises
    booking.services.BookedSince and nothing changes."""
    locked = Booking.objects.select_for_update().select_related("candidate").get(pk=booking.pk)
    if locked.status not in (BookingStatus.ATTENDED, BookingStatus.ABSENT):
        raise NotCheckedIn
    withdrawn = booking_services.Withdrawn()
    if locked.status == BookingStatus.ABSENT:
        withdrawn = booking_services.rebooking_withdraw(absent=locked, actor=actor)
    else:
        since = Booking.objects.filter(
            candidate_id=locked.candidate_id, status=BookingStatus.ACTIVE
        ).first()
        if since is not None:
            raise booking_services.BookedSince(since)
    Booking.objects.filter(pk=locked.pk).update(status=BookingStatus.ACTIVE, ended_at=None)
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=locked,
        fields=["status"],
        reason=f"check-in undone ({locked.status})",
    )
    booking.status, booking.ended_at = BookingStatus.ACTIVE, None
    return withdrawn


@transaction.atomic
def residence_document_record(
    *, candidate: Candidate, kind: str, number: str, valid_until: date, actor: User
) -> ResidenceDocument:
    document = ResidenceDocument.objects.create(
        candidate=candidate,
        kind=kind,
        number=number.strip(),
        valid_until=valid_until,
        checked_by=actor,
    )
    audit_record(
        action=Action.CREATE, actor=actor, target=document, fields=["kind", "number", "valid_until"]
    )
    return document


@transaction.atomic
def profile_record(
    *,
    candidate: Candidate,
    levels: dict[str, str],
    other_languages: str,
    literacy_needed: bool,
    actor: User,
) -> LinguisticProfile:
    fields = {
        "luxembourgish": levels.get("lb", "none"),
        "french": levels.get("fr", "none"),
        "german": levels.get("de", "none"),
        "english": levels.get("en", "none"),
        "other_languages": other_languages,
        "literacy_needed": literacy_needed,
        "recorded_by": actor,
    }
    profile, _created = LinguisticProfile.objects.update_or_create(
        candidate=candidate, defaults=fields
    )
    audit_record(action=Action.UPDATE, actor=actor, target=profile, fields=list(fields))
    return profile


def recommended_courses(profile: LinguisticProfile) -> list[dict[str, Any]]:
    """The language options rule cai.obligations allows for this profile."""
    decision = evaluate(
        "cai.obligations",
        {
            "language_levels": profile.levels(),
            "needs_literacy": profile.literacy_needed,
            "on": clock.today().isoformat(),
        },
    )
    options: list[dict[str, Any]] = decision.values["obligations"][0]["options"]
    return options


@transaction.atomic
def orientation_record(
    *, candidate: Candidate, courses: list[dict[str, Any]], literacy: bool, notes: str, actor: User
) -> Orientation:
    fields = {
        "recommended_courses": courses,
        "literacy_recommended": literacy,
        "guidance_notes": notes,
        "recorded_by": actor,
    }
    orientation, _created = Orientation.objects.update_or_create(
        candidate=candidate, defaults=fields
    )
    audit_record(action=Action.UPDATE, actor=actor, target=orientation, fields=list(fields))
    return orientation


@transaction.atomic
def interview_request(
    *, candidate: Candidate, reason: str, urgency: str, actor: User
) -> InterviewRequest:
    request = InterviewRequest.objects.create(
        candidate=candidate, reason=reason, urgency=urgency, requested_by=actor
    )
    audit_record(action=Action.CREATE, actor=actor, target=request)
    return request


def intake_forget(candidate: Candidate) -> list[str]:
    """An erased person's information-session records (privacy.erasure), in the caller's
    transaction: the residence documents checked (their numbers), the linguistic profile
    and the orientation's notes are deleted; the booking says they attended. The names
    of the records deleted."""
    deleted = []
    for model, name in (
        (ResidenceDocument, "residence_documents"),
        (LinguisticProfile, "linguistic_profile"),
        (Orientation, "orientation"),
    ):
        count, _by_model = model.objects.filter(candidate=candidate).delete()
        if count:
            deleted.append(name)
    return deleted
