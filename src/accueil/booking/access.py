"""The information sessions and bookings a user may manage: officers only, 404 for
anyone else."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.access import can_manage_sessions, can_run_sessions
from accueil.accounts.models import User
from accueil.booking.models import Booking, InformationSession


def sessions_for_user(user: User) -> QuerySet[InformationSession]:
    if can_manage_sessions(user):
        return InformationSession.objects.all()
    return InformationSession.objects.none()


def get_session_for_user(user: User, session_id) -> InformationSession:
    """The session, or 404 for anyone who may not manage sessions."""
    try:
        return sessions_for_user(user).get(pk=session_id)
    except (InformationSession.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def get_booking_for_officer(user: User, session: InformationSession, booking_id) -> Booking:
    """A booking of `session` the officer may check in, or 404."""
    if not can_run_sessions(user):
        raise Http404
    try:
        return Booking.objects.select_related("candidate", "session").get(
            pk=booking_id, session=session
        )
    except (Booking.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing
