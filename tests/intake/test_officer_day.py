"""The officer's day: the sessions of today and after, checking candidates in (absentees
re-booked or waitlisted), and the pages of intake's tasks (the task list itself and the
formalities document are portal's: tests/portal/test_tasks.py)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.booking.models import Booking, BookingStatus, SessionStatus, WaitlistStatus
from accueil.intake.models import LinguisticProfile, Orientation, ResidenceDocument
from accueil.social.models import InterviewRequest, RequestStatus
from tests import factories
from tests.factories import LUX, book, on_day


def page(client, name, *args, **kwargs):
    return client.get(reverse(name, args=args), **kwargs)


# Who may open the pages.


@pytest.mark.parametrize("role", [Role.DPO, Role.ADMIN, Role.PROVIDER, Role.SOCIAL_WORKER])
def test_only_officers_open_the_day_check_in_and_task_pages(client, all_roles, role, present):
    session = present.bookings.get().session
    client.force_login(all_roles[role])
    for url in (
        reverse("intake:day"),
        reverse("intake:check_in", args=[session.pk]),
        reverse("portal:tasks", args=[present.pk]),
        reverse("intake:document", args=[present.pk]),
        reverse("intake:profile", args=[present.pk]),
        reverse("intake:orientation", args=[present.pk]),
        reverse("intake:interview", args=[present.pk]),
        reverse("contracts:task", args=[present.pk]),
    ):
        assert client.get(url).status_code == 403, url


def test_a_candidate_cannot_open_the_officers_pages(client, candidate_user, present):
    client.force_login(candidate_user)
    assert page(client, "intake:day").status_code == 403
    assert page(client, "portal:tasks", present.pk).status_code == 403


def test_signing_in_is_required(client, present):
    response = page(client, "intake:day")
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_an_unknown_session_or_candidate_is_not_found(client, officer):
    client.force_login(officer)
    assert client.get("/officer/day/sessions/999999/").status_code == 404
    assert (
        client.get(f"/officer/day/candidates/{'0' * 8}-0000-0000-0000-{'0' * 12}/").status_code
        == 404
    )


# The day.


def test_the_day_lists_todays_sessions_then_the_upcoming_ones(client, officer, today_session):
    later = factories.information_session(starts_at=on_day(3))
    yesterday = factories.information_session(starts_at=on_day(-1))
    cancelled = factories.information_session(starts_at=on_day(2), status=SessionStatus.CANCELLED)
    book(today_session)
    client.force_login(officer)
    html = page(client, "intake:day").content.decode()
    today_table = html[html.index('id="today"') : html.index('id="upcoming"')]
    assert reverse("intake:check_in", args=[today_session.pk]) in today_table
    assert reverse("intake:check_in", args=[later.pk]) in html[html.index('id="upcoming"') :]
    assert reverse("intake:check_in", args=[yesterday.pk]) not in html
    assert reverse("intake:check_in", args=[cancelled.pk]) not in html
    assert 'class="accueil-table-scroll" tabindex="0" role="region"' in html


def test_a_day_without_a_session_says_so(client, officer):
    client.force_login(officer)
    assert 'id="no-session-today"' in page(client, "intake:day").content.decode()


# Check-in.


def test_the_check_in_page_offers_present_and_absent_for_each_booked_candidate(
    client, officer, today_session
):
    booking = book(today_session, factories.candidate(surname="Haddad"))
    book(today_session, status=BookingStatus.CANCELLED)
    client.force_login(officer)
    html = page(client, "intake:check_in", today_session.pk).content.decode()
    action = reverse("intake:check_in_booking", args=[today_session.pk, booking.pk])
    assert f'action="{action}"' in html
    assert 'value="present"' in html and 'value="absent"' in html
    assert html.count('name="attendance" value="present"') == 1  # the cancelled one is not there
    assert AuditEvent.objects.filter(action=Action.VIEW, target_type="booking.informationsession")


def test_a_present_candidate_is_checked_in_and_their_tasks_linked(client, officer, today_session):
    booking = book(today_session)
    client.force_login(officer)
    url = reverse("intake:check_in_booking", args=[today_session.pk, booking.pk])
    response = client.post(url, {"attendance": "present"}, follow=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ATTENDED
    html = response.content.decode()
    assert reverse("portal:tasks", args=[booking.candidate_id]) in html
    assert "govuk-notification-banner--success" in html


def test_an_absent_candidate_is_booked_into_the_next_session_and_the_page_says_which(
    client, officer, today_session
):
    later = factories.information_session(starts_at=on_day(5, hour=14))
    booking = book(today_session)
    client.force_login(officer)
    url = reverse("intake:check_in_booking", args=[today_session.pk, booking.pk])
    response = client.post(url, {"attendance": "absent"}, follow=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ABSENT
    rebooked = Booking.objects.get(candidate=booking.candidate, status=BookingStatus.ACTIVE)
    assert rebooked.session == later
    html = response.content.decode()
    assert f"{later.starts_at.astimezone(LUX):%H:%M}" in html
    assert 'name="attendance"' not in html


def test_an_absent_candidate_without_a_later_seat_is_put_on_the_waitlist(
    client, officer, today_session
):
    booking = book(today_session)
    client.force_login(officer)
    url = reverse("intake:check_in_booking", args=[today_session.pk, booking.pk])
    client.post(url, {"attendance": "absent"})
    assert booking.candidate.waitlist.get().status == WaitlistStatus.WAITING
    html = page(client, "intake:check_in", today_session.pk).content.decode()
    assert html.count("govuk-tag--grey") == 1


def test_checking_in_twice_changes_nothing(client, officer, today_session):
    booking = book(today_session, status=BookingStatus.ATTENDED)
    client.force_login(officer)
    url = reverse("intake:check_in_booking", args=[today_session.pk, booking.pk])
    response = client.post(url, {"attendance": "absent"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ATTENDED


def test_check_in_opens_on_the_day_of_the_session(client, officer):
    future = factories.information_session(starts_at=on_day(4))
    booking = book(future)
    client.force_login(officer)
    html = page(client, "intake:check_in", future.pk).content.decode()
    assert 'name="attendance"' not in html
    url = reverse("intake:check_in_booking", args=[future.pk, booking.pk])
    client.post(url, {"attendance": "present"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ACTIVE


def test_a_booking_of_another_session_is_not_found(client, officer, today_session):
    other = book(factories.information_session(starts_at=on_day(0, hour=15)))
    client.force_login(officer)
    url = reverse("intake:check_in_booking", args=[today_session.pk, other.pk])
    assert client.post(url, {"attendance": "present"}).status_code == 404


def test_an_unknown_answer_checks_nobody_in(client, officer, today_session):
    booking = book(today_session)
    client.force_login(officer)
    url = reverse("intake:check_in_booking", args=[today_session.pk, booking.pk])
    client.post(url, {"attendance": "maybe"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ACTIVE


# (a) The residence document.


def test_the_document_page_shows_each_error_and_keeps_what_was_typed(client, officer, present):
    client.force_login(officer)
    url = reverse("intake:document", args=[present.pk])
    html = client.post(url, {}).content.decode()
    assert "govuk-error-summary" in html and "<title>Error:" in html
    for anchor in ("#id_kind_0", "#id_number", "#id_valid_until"):
        assert f'href="{anchor}"' in html
    html = client.post(
        url,
        {
            "kind": "residence_card",
            "number": "B998877",
            "valid_until_day": "31",
            "valid_until_month": "2",
            "valid_until_year": "2030",
        },
    ).content.decode()
    assert 'value="B998877"' in html and 'value="31"' in html
    assert "real date" in html
    assert not ResidenceDocument.objects.exists()


def test_a_checked_document_is_recorded_and_completes_the_task(client, officer, present):
    client.force_login(officer)
    valid = timezone.localdate() + timedelta(days=400)
    response = client.post(
        reverse("intake:document", args=[present.pk]),
        {
            "kind": "residence_permit",
            "number": " X123 ",
            "valid_until_day": valid.day,
            "valid_until_month": valid.month,
            "valid_until_year": valid.year,
        },
    )
    assert response["Location"] == reverse("portal:tasks", args=[present.pk])
    document = present.residence_documents.get()
    assert (document.number, document.valid_until, document.checked_by) == ("X123", valid, officer)


def test_the_document_page_warns_when_the_last_document_has_expired(client, officer, present):
    factories.residence_document(
        present, valid_until=timezone.localdate() - timedelta(days=3), checked_by=officer
    )
    client.force_login(officer)
    html = page(client, "intake:document", present.pk).content.decode()
    assert 'id="document-not-valid"' in html and 'id="latest-document"' in html


# (b) The linguistic profile.


def test_the_profile_needs_the_literacy_answer(client, officer, present):
    client.force_login(officer)
    html = client.post(
        reverse("intake:profile", args=[present.pk]),
        {
            "level_lb": "none",
            "level_fr": "B1",
            "level_de": "none",
            "level_en": "C1",
            "other_languages": "Arabic",
        },
    ).content.decode()
    assert 'href="#id_literacy_needed_0"' in html
    assert 'value="Arabic"' in html and '<option value="B1" selected>' in html
    assert not LinguisticProfile.objects.exists()


def test_the_profile_is_recorded(client, officer, present):
    client.force_login(officer)
    client.post(
        reverse("intake:profile", args=[present.pk]),
        {
            "level_lb": "none",
            "level_fr": "B1",
            "level_de": "A1",
            "level_en": "C1",
            "other_languages": "Arabic",
            "literacy_needed": "no",
        },
    )
    profile = present.linguistic_profile
    assert profile.levels() == {"lb": "none", "fr": "B1", "de": "A1", "en": "C1"}
    assert profile.other_languages == "Arabic" and profile.literacy_needed is False


def test_an_unknown_level_is_refused(client, officer, present):
    client.force_login(officer)
    html = client.post(
        reverse("intake:profile", args=[present.pk]),
        {
            "level_lb": "Z9",
            "level_fr": "B1",
            "level_de": "A1",
            "level_en": "C1",
            "literacy_needed": "no",
        },
    ).content.decode()
    assert 'href="#id_level_lb"' in html


# (c) The orientation.


def test_the_orientation_waits_for_the_profile(client, officer, present):
    client.force_login(officer)
    response = page(client, "intake:orientation", present.pk)
    assert response["Location"] == reverse("intake:profile", args=[present.pk])


def test_the_orientation_is_prefilled_from_the_rules_and_recorded(client, officer, present):
    LinguisticProfile.objects.create(
        candidate=present, french="B1", literacy_needed=True, recorded_by=officer
    )
    client.force_login(officer)
    url = reverse("intake:orientation", args=[present.pk])
    html = client.get(url).content.decode()
    assert html.count('name="courses"') == 3 and html.count("checked") == 4  # 3 courses + yes
    assert 'value="fr:further" checked' in html
    client.post(url, {"courses": ["fr:further"], "literacy": "yes", "notes": "Nurse"})
    orientation = present.orientation
    assert orientation.recommended_courses == [{"language": "fr", "aim": "further"}]
    assert orientation.literacy_recommended and orientation.guidance_notes == "Nurse"


def test_the_orientation_needs_a_course(client, officer, present):
    LinguisticProfile.objects.create(candidate=present, recorded_by=officer)
    client.force_login(officer)
    html = client.post(
        reverse("intake:orientation", args=[present.pk]), {"literacy": "no", "notes": "Kept"}
    ).content.decode()
    assert 'href="#id_courses_0"' in html and "Kept</textarea>" in html
    assert not Orientation.objects.exists()


# (d) The request for a social worker.


def test_the_interview_request_shows_its_errors(client, officer, present):
    client.force_login(officer)
    html = client.post(reverse("intake:interview", args=[present.pk]), {}).content.decode()
    assert 'href="#id_reason"' in html and 'href="#id_urgency_0"' in html


def test_an_interview_request_is_sent_once(client, officer, present):
    client.force_login(officer)
    url = reverse("intake:interview", args=[present.pk])
    client.post(url, {"reason": "Housing is urgent", "urgency": "high"})
    client.post(url, {"reason": "Again", "urgency": "low"})
    request = InterviewRequest.objects.get()
    assert (request.reason, request.urgency, request.status) == (
        "Housing is urgent",
        "high",
        RequestStatus.OPEN,
    )
    assert 'id="pending-request"' in client.get(url).content.decode()
