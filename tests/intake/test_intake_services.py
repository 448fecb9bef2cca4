"""The information session, recorded: check-in, re-booking absentees, profile,
orientation from the rules, and requests for a social worker."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accueil.audit.models import AuditEvent
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


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_an_absent_candidate_is_rebooked_in_a_language_they_understand_and_told(
    today_session, officer, after_commit, run_tasks
):
    """Issue 11, point 1: an English speaker marked absent was booked into a French and
    Portuguese session while an English and French one had 15 free seats, and told they
    "were on the waiting list"."""
    factories.information_session(
        starts_at=timezone.now() + timedelta(days=2), languages=["fr", "pt"], capacity=15
    )
    english = factories.information_session(
        starts_at=timezone.now() + timedelta(days=5), languages=["en", "fr"], capacity=15
    )
    booked = book(today_session, information_language="en")
    run_tasks()
    mail.outbox.clear()
    with after_commit():
        offered = services.check_in(booking=booked, present=False, actor=officer)
    assert offered.session == english and offered.rebooked_after == booked
    run_tasks()
    [email] = mail.outbox
    assert "a new one is booked" in email.subject
    assert "waiting list" not in email.body
    assert "You were not at your information session of" in email.body
    assert "Languages spoken: English, French" in email.body
    assert "METHOD:REQUEST" in email.attachments[0][1]


def test_an_absent_candidate_is_never_booked_in_a_language_they_do_not_understand(
    today_session, officer, after_commit, run_tasks
):
    factories.information_session(
        starts_at=timezone.now() + timedelta(days=2), languages=["fr", "pt"], capacity=15
    )
    booked = book(today_session, information_language="de")
    run_tasks()
    mail.outbox.clear()
    with after_commit():
        assert services.check_in(booking=booked, present=False, actor=officer) is None
    entry = booked.candidate.waitlist.get()
    assert (entry.status, entry.language, entry.after_absence) == (
        WaitlistStatus.WAITING,
        "de",
        booked,
    )
    run_tasks()
    [email] = mail.outbox  # in German, the language the person chose
    assert "Warteliste" in email.subject
    # A German session planned later books them from the waitlist, in German.
    german = factories.information_session(
        starts_at=timezone.now() + timedelta(days=7), languages=["de"]
    )
    booking.waitlist_promote(session=german)
    assert booked.candidate.bookings.get(status=BookingStatus.ACTIVE).session == german


def test_a_check_in_made_by_mistake_is_undone(today_session, officer):
    booked = book(today_session)
    services.check_in(booking=booked, present=True, actor=officer)
    services.check_in_undo(booking=booked, actor=officer)
    booked.refresh_from_db()
    assert (booked.status, booked.ended_at) == (BookingStatus.ACTIVE, None)
    assert AuditEvent.objects.filter(reason="check-in undone (attended)").exists()
    services.check_in(booking=booked, present=False, actor=officer)  # chosen anew
    with pytest.raises(services.NotCheckedIn):
        services.check_in_undo(booking=book(today_session), actor=officer)


def test_undoing_an_absence_cancels_the_rebooking_and_tells_the_candidate(
    today_session, officer, after_commit, run_tasks
):
    later = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    booked = book(today_session)
    offered = services.check_in(booking=booked, present=False, actor=officer)
    run_tasks()
    mail.outbox.clear()
    with after_commit():
        withdrawn = services.check_in_undo(booking=booked, actor=officer)
    assert withdrawn.booking == offered
    offered.refresh_from_db()
    later.refresh_from_db()
    booked.refresh_from_db()
    assert (offered.status, later.seats_taken) == (BookingStatus.CANCELLED, 0)
    assert booked.status == BookingStatus.ACTIVE
    run_tasks()
    [email] = mail.outbox
    assert "METHOD:CANCEL" in email.attachments[0][1]
    assert "par erreur" in email.body  # French, the person's language


def test_undoing_an_absence_takes_back_a_rebooking_the_candidate_moved(today_session, officer):
    first = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    second = factories.information_session(starts_at=timezone.now() + timedelta(days=6))
    booked = book(today_session)
    offered = services.check_in(booking=booked, present=False, actor=officer)
    assert offered.session == first
    moved = booking.booking_move(booking=offered, to_session=second)
    assert services.check_in_undo(booking=booked, actor=officer).booking == moved


def test_undoing_an_absence_takes_the_candidate_off_the_waitlist(
    today_session, officer, after_commit, run_tasks
):
    booked = book(today_session)
    services.check_in(booking=booked, present=False, actor=officer)
    run_tasks()
    mail.outbox.clear()
    with after_commit():
        assert services.check_in_undo(booking=booked, actor=officer).left_waitlist
    assert booked.candidate.waitlist.get().status == WaitlistStatus.LEFT
    run_tasks()
    assert [e.to for e in mail.outbox] == [[booked.candidate.email]]


def test_undoing_an_absence_leaves_a_booking_the_candidate_made_themselves(today_session, officer):
    booked = book(today_session)
    services.check_in(booking=booked, present=False, actor=officer)
    booking.waitlist_leave(candidate=booked.candidate)
    own = booking.booking_create(
        candidate=booked.candidate,
        session=factories.information_session(starts_at=timezone.now() + timedelta(days=3)),
    )
    with pytest.raises(booking.BookedSince) as refused:
        services.check_in_undo(booking=booked, actor=officer)
    assert refused.value.booking == own
    booked.refresh_from_db()
    own.refresh_from_db()
    assert (booked.status, own.status) == (BookingStatus.ABSENT, BookingStatus.ACTIVE)


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
