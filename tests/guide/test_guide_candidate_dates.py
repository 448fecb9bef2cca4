"""A signed-in candidate's residence dates: entering them (audited), seeing the
renewal and decision due dates on the path and in the calendar feed, and the reminder
emails (in the candidate's language, idempotent, nothing once the date has moved)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from icalendar import Calendar

from accueil.accounts.models import Role
from accueil.audit.models import AuditEvent
from accueil.contracts import calendar
from accueil.guide import dates, reminders, services
from accueil.guide.models import Procedure, Reminder, ResidencePermit
from tests import factories

pytestmark = pytest.mark.django_db
MY_DATES = "/guide/my-dates/"


@pytest.fixture
def person(candidate_user):
    return candidate_user.candidate


def date_parts(prefix: str, day: date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_it_records_the_permit_expiry_and_audits_it(client, candidate_user, person):
    client.force_login(candidate_user)
    response = client.post(
        MY_DATES, {"form": "permit", **date_parts("expires_on", date(2027, 5, 31))}
    )
    assert response.url == MY_DATES
    assert ResidencePermit.objects.get(candidate=person).expires_on == date(2027, 5, 31)
    event = AuditEvent.objects.get(target_id=str(person.pk), fields=["guide_permit_expiry"])
    assert event.actor == candidate_user


def test_the_renewal_date_is_two_months_before_expiry(client, candidate_user, person):
    client.force_login(candidate_user)
    client.post(MY_DATES, {"form": "permit", **date_parts("expires_on", date(2027, 5, 31))})
    page = client.get(MY_DATES).content.decode()
    assert "31 March 2027" in page


def test_an_empty_expiry_removes_the_permit(client, candidate_user, person):
    services.permit_set(candidate=person, expires_on=date(2027, 5, 31))
    client.force_login(candidate_user)
    client.post(
        MY_DATES,
        {"form": "permit", "expires_on_day": "", "expires_on_month": "", "expires_on_year": ""},
    )
    assert not ResidencePermit.objects.filter(candidate=person).exists()


def test_it_adds_a_procedure_and_shows_its_decision_due_date(client, candidate_user, person):
    client.force_login(candidate_user)
    data = {
        "form": "procedure",
        "kind": "salaried",
        **date_parts("complete_on", date(2025, 10, 31)),
    }
    assert client.post(MY_DATES, data).url == MY_DATES
    procedure = Procedure.objects.get(candidate=person)
    assert procedure.kind == "salaried"
    assert "28 February 2026" in client.get(MY_DATES).content.decode()  # 4 months, clamped


def test_a_wrong_procedure_shows_errors_and_keeps_what_was_typed(client, candidate_user):
    client.force_login(candidate_user)
    data = {"form": "procedure", "kind": "", **date_parts("complete_on", date(2025, 10, 31))}
    page = client.post(MY_DATES, data).content.decode()
    assert "govuk-error-summary" in page and "Select what you applied for" in page
    assert 'value="31"' in page
    assert not Procedure.objects.exists()


def test_a_procedure_can_be_removed_only_by_its_candidate(client, candidate_user, person):
    procedure = services.procedure_add(
        candidate=person, kind="general", complete_on=date(2026, 1, 5)
    )
    other = factories.user(Role.CANDIDATE)
    factories.candidate(user=other)
    client.force_login(other)
    url = reverse("guide:procedure_remove", args=[procedure.pk])
    assert client.post(url).status_code == 404
    client.force_login(candidate_user)
    assert client.post(url).url == MY_DATES
    assert not Procedure.objects.exists()


def test_staff_cannot_use_the_candidates_page(client, officer):
    client.force_login(officer)
    assert client.get(MY_DATES).status_code == 403


def test_the_path_and_the_feed_show_the_residence_dates(client, candidate_user, person):
    services.permit_set(candidate=person, expires_on=date(2027, 5, 31))
    services.procedure_add(candidate=person, kind="long_term", complete_on=date(2026, 8, 31))
    client.force_login(candidate_user)
    client.cookies["accueil_language"] = "en"
    home = client.get(reverse("portal:home")).content.decode()
    assert "31 March 2027" in home and "28 February 2027" in home  # 6 months, clamped
    feed = Calendar.from_ical(calendar.path_calendar(person))
    days = {event.decoded("dtstart") for event in feed.walk("VEVENT")}
    assert {date(2027, 3, 31), date(2027, 2, 28)} <= days


def test_the_renewal_reminder_goes_once_in_the_candidates_language(
    person, queued_tasks, run_tasks, django_capture_on_commit_callbacks
):
    later = timezone.localdate().replace(day=1) + timedelta(days=400)
    expiry = later.replace(day=1)  # a 1st: no month-end clamping
    with django_capture_on_commit_callbacks(execute=True):
        permit = services.permit_set(candidate=person, expires_on=expiry)
    renewal = dates.renewal_item(permit, "fr").on
    assert (expiry.month - renewal.month) % 12 == 2 and renewal.day == 1
    [queued] = queued_tasks.results
    assert queued.task.run_after.date() == renewal
    assert run_tasks(include_deferred=True) == 1
    [email] = mail.outbox
    assert "renouvellement" in email.subject  # the factory's candidate reads French
    with translation.override("fr"):
        assert date_format(renewal, "DATE_FORMAT") in email.body
    again = reminders.send_guide_reminder.call("renewal", permit.pk, renewal.isoformat())
    assert again is False and len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_a_reminder_for_a_date_that_moved_sends_nothing(person):
    soon = timezone.localdate() + timedelta(days=200)
    permit = services.permit_set(candidate=person, expires_on=soon)
    first = dates.renewal_item(permit, "en").on
    services.permit_set(candidate=person, expires_on=soon + timedelta(days=90))
    assert reminders.send_guide_reminder.call("renewal", permit.pk, first.isoformat()) is False
    assert mail.outbox == []


def test_a_reminder_for_a_removed_procedure_sends_nothing(person):
    procedure = services.procedure_add(
        candidate=person, kind="general", complete_on=timezone.localdate()
    )
    due = dates.decision_item(procedure, "en").on
    services.procedure_remove(candidate=person, procedure_id=procedure.pk)
    assert reminders.send_guide_reminder.call("decision", procedure.pk, due.isoformat()) is False


def test_the_decision_reminder_is_a_week_before_the_due_date(
    person, queued_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        procedure = services.procedure_add(
            candidate=person, kind="salaried", complete_on=timezone.localdate()
        )
    due = dates.decision_item(procedure, "en").on
    [queued] = queued_tasks.results
    assert queued.task.run_after.date() == due - timedelta(days=7)


def test_no_reminder_is_queued_for_a_day_already_past(
    person, queued_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.permit_set(candidate=person, expires_on=date(2020, 5, 31))
    assert queued_tasks.results == []
