"""The information session, recorded: check-in, re-booking absentees, profile,
orientation from the rules, and requests for a social worker."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accueil.booking import services as booking
from accueil.booking.models import BookingStatus, WaitlistStatus
from accueil.intake import selectors, services
from accueil.social.models import InterviewRequest, RequestStatus
from tests import factories


@pytest.fixture
def today_session(db):
    return factories.information_session(starts_at=timezone.now() + timedelta(hours=1))


def book(session, **candidate_fields):
    return booking.booking_create(
        candidate=factories.candidate(**candidate_fields), session=session
    )


def test_a_present_candidate_is_marked_attended(today_session, officer):
    booked = book(today_session)
    assert services.check_in(booking=booked, present=True, actor=officer) is None
    booked.refresh_from_db()
    assert booked.status == BookingStatus.ATTENDED


def test_checking_in_twice_is_refused(today_session, officer):
    booked = book(today_session)
    services.check_in(booking=booked, present=True, actor=officer)
    with pytest.raises(services.NotCheckedIn):
        services.check_in(booking=booked, present=False, actor=officer)


def test_an_absent_candidate_is_booked_into_the_next_session_with_a_seat(today_session, officer):
    full = factories.information_session(starts_at=timezone.now() + timedelta(days=2), capacity=1)
    book(full)
    later = factories.information_session(starts_at=timezone.now() + timedelta(days=9))
    booked = book(today_session)
    offered = services.check_in(booking=booked, present=False, actor=officer)
    booked.refresh_from_db()
    assert booked.status == BookingStatus.ABSENT
    assert offered.session == later and offered.status == BookingStatus.ACTIVE


def test_an_absent_candidate_needing_an_interpreter_waits_for_a_session_with_one(
    today_session, officer
):
    factories.information_session(
        starts_at=timezone.now() + timedelta(days=3), interpreter_available=False
    )
    booked = book(today_session, interpreter_needed=True, interpreter_language="Tigrinya")
    assert services.check_in(booking=booked, present=False, actor=officer) is None
    assert booked.candidate.waitlist.get().status == WaitlistStatus.WAITING


def test_the_orientation_offers_what_the_rules_allow_for_the_profile(db, officer):
    person = factories.candidate()
    profile = services.profile_record(
        candidate=person,
        levels={"fr": "B1", "de": "none"},
        other_languages="Arabic",
        literacy_needed=False,
        actor=officer,
    )
    courses = services.recommended_courses(profile)
    assert {"language": "fr", "aim": "further"} in courses
    assert {"language": "de", "aim": "reach_A1.1"} in courses
    assert {"language": "lb", "aim": "reach_A1.1"} in courses


def test_a_social_worker_request_lands_in_the_queue(db, officer):
    person = factories.candidate()
    request = services.interview_request(
        candidate=person, reason="Housing", urgency="high", actor=officer
    )
    assert InterviewRequest.objects.filter(status=RequestStatus.OPEN).get() == request


def test_the_valid_document_is_the_one_valid_on_the_day(db, officer):
    person = factories.candidate()
    today = timezone.localdate()
    factories.residence_document(person, valid_until=today - timedelta(days=1))
    assert selectors.valid_document(person, today) is None
    current = factories.residence_document(person, valid_until=today)
    assert selectors.valid_document(person, today) == current
    assert selectors.valid_document(person, today + timedelta(days=1)) is None
