"""The social workers' queue of interview requests: most urgent first, the candidate's
name and telephone number only, recording the interview or closing the request."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.social import access as social_access
from accueil.social import services
from accueil.social.models import InterviewRequest, RequestStatus
from tests import factories


def request_for(officer, urgency="medium", **candidate_fields) -> InterviewRequest:
    return InterviewRequest.objects.create(
        candidate=factories.candidate(**candidate_fields),
        reason=f"Reason {urgency}",
        urgency=urgency,
        requested_by=officer,
    )


@pytest.fixture
def waiting(officer):
    return request_for(
        officer,
        "high",
        surname="Tesfaye",
        phone="+352 691 000 111",
        email="tesfaye@example.test",
        postal_address="12, rue Secrète, L-1111 Luxembourg",
    )


def outcome(client, interview, **data):
    return client.post(reverse("social:handle", args=[interview.pk]), data)


def day_parts(day) -> dict:
    return {
        "interview_on_day": day.day,
        "interview_on_month": day.month,
        "interview_on_year": day.year,
    }


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.PROVIDER, Role.DPO, Role.ADMIN])
def test_only_social_workers_and_officers_see_the_queue(client, all_roles, role, waiting):
    client.force_login(all_roles[role])
    assert client.get(reverse("social:queue")).status_code == 403
    assert client.get(reverse("social:handle", args=[waiting.pk])).status_code == 403


def test_signing_in_is_required(client, waiting):
    assert client.get(reverse("social:queue"))["Location"].startswith("/sign-in/")


def test_the_queue_puts_the_most_urgent_and_oldest_first(client, social_worker, officer):
    low = request_for(officer, "low")
    medium = request_for(officer, "medium")
    high_later = request_for(officer, "high")
    high_first = request_for(officer, "high")
    InterviewRequest.objects.filter(pk=high_first.pk).update(
        requested_at=timezone.now() - timedelta(days=2)
    )
    done = request_for(officer, "high")
    InterviewRequest.objects.filter(pk=done.pk).update(status=RequestStatus.CLOSED)
    client.force_login(social_worker)
    html = client.get(reverse("social:queue")).content.decode()
    positions = [html.index(str(r.candidate)) for r in (high_first, high_later, medium, low)]
    assert positions == sorted(positions)
    assert str(done.candidate) not in html


def test_the_queue_shows_the_name_and_telephone_and_nothing_else_of_the_record(
    client, social_worker, waiting
):
    client.force_login(social_worker)
    for url in (reverse("social:queue"), reverse("social:handle", args=[waiting.pk])):
        html = client.get(url).content.decode()
        person = waiting.candidate
        assert str(person) in html and person.phone in html
        for private in (person.national_id, person.email, "rue Secrète", "1990"):
            assert private not in html, private


def test_the_candidates_record_stays_out_of_a_social_workers_reach(client, social_worker, waiting):
    client.force_login(social_worker)
    assert client.get(f"/candidates/{waiting.candidate_id}/").status_code == 404
    assert client.get(reverse("portal:tasks", args=[waiting.candidate_id])).status_code == 403


def test_the_queue_loads_only_the_name_and_telephone(social_worker, waiting):
    loaded = social_access.interview_requests_for_user(social_worker).get()
    assert loaded.candidate.get_deferred_fields() >= {"national_id", "email", "postal_address"}


def test_an_officer_reads_the_queue_but_does_not_record(client, officer, waiting):
    client.force_login(officer)
    html = client.get(reverse("social:queue")).content.decode()
    assert str(waiting.candidate) in html
    assert reverse("social:handle", args=[waiting.pk]) not in html
    assert outcome(client, waiting, result="closed", notes="x").status_code == 403


def test_an_empty_queue_says_so(client, social_worker):
    client.force_login(social_worker)
    assert 'id="queue-empty"' in client.get(reverse("social:queue")).content.decode()


def test_the_outcome_form_shows_its_errors_and_keeps_what_was_typed(client, social_worker, waiting):
    client.force_login(social_worker)
    html = outcome(client, waiting).content.decode()
    assert 'href="#id_result_0"' in html and 'href="#id_notes"' in html
    html = outcome(client, waiting, result="held", notes="Talked about housing").content.decode()
    assert 'href="#id_interview_on"' in html and "Talked about housing</textarea>" in html
    tomorrow = timezone.localdate() + timedelta(days=1)
    html = outcome(
        client, waiting, result="held", notes="x", **day_parts(tomorrow)
    ).content.decode()
    assert 'href="#id_interview_on"' in html
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.OPEN


def test_a_social_worker_records_the_interview(client, social_worker, waiting):
    client.force_login(social_worker)
    today = timezone.localdate()
    response = outcome(
        client, waiting, result="held", notes="Referred to the office", **day_parts(today)
    )
    assert response["Location"] == reverse("social:queue")
    waiting.refresh_from_db()
    assert (waiting.status, waiting.interview_on, waiting.social_worker) == (
        RequestStatus.DONE,
        today,
        social_worker,
    )
    assert waiting.outcome == "Referred to the office"
    event = AuditEvent.objects.get(action=Action.TRANSITION, target_type="social.interviewrequest")
    assert event.reason == "open -> done" and "outcome" in event.fields
    assert 'id="queue-empty"' in client.get(reverse("social:queue")).content.decode()


def test_a_social_worker_closes_a_request_without_an_interview(client, social_worker, waiting):
    client.force_login(social_worker)
    outcome(client, waiting, result="closed", notes="The candidate declined")
    waiting.refresh_from_db()
    assert (waiting.status, waiting.outcome, waiting.interview_on) == (
        RequestStatus.CLOSED,
        "The candidate declined",
        None,
    )


def test_a_handled_request_is_not_handled_twice(client, social_worker, waiting):
    services.interview_close(interview=waiting, reason="Declined", actor=social_worker)
    with pytest.raises(services.AlreadyHandled):
        services.interview_record(
            interview=waiting, interview_on=timezone.localdate(), outcome="x", actor=social_worker
        )
    client.force_login(social_worker)
    assert client.get(reverse("social:handle", args=[waiting.pk]))["Location"] == reverse(
        "social:queue"
    )


def test_an_unknown_request_is_not_found(client, social_worker):
    client.force_login(social_worker)
    assert client.get(reverse("social:handle", args=[999999])).status_code == 404


def take(client, interview, **data):
    return client.post(reverse("social:take", args=[interview.pk]), data)


@pytest.fixture
def colleague():
    return factories.user(Role.SOCIAL_WORKER)


def test_taking_a_request_hides_it_from_the_other_social_workers(
    client, social_worker, colleague, waiting
):
    client.force_login(social_worker)
    assert take(client, waiting)["Location"] == reverse("social:queue")
    waiting.refresh_from_db()
    assert waiting.social_worker == social_worker and waiting.taken_at is not None
    assert "Taken by you" in client.get(reverse("social:queue")).content.decode()
    client.force_login(colleague)
    assert 'id="queue-empty"' in client.get(reverse("social:queue")).content.decode()
    assert client.get(reverse("social:handle", args=[waiting.pk])).status_code == 404
    assert take(client, waiting).status_code == 404


def test_a_request_taken_by_another_cannot_be_handled_by_you(social_worker, colleague, waiting):
    services.interview_take(interview=waiting, actor=colleague)
    with pytest.raises(services.TakenByAnother):
        services.interview_close(interview=waiting, reason="x", actor=social_worker)
    with pytest.raises(services.TakenByAnother):
        services.interview_take(interview=waiting, actor=social_worker)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.social_worker) == (RequestStatus.OPEN, colleague)


def test_giving_a_request_back_returns_it_to_every_social_workers_queue(
    client, social_worker, colleague, waiting
):
    services.interview_take(interview=waiting, actor=social_worker)
    client.force_login(social_worker)
    take(client, waiting, give_back="1")
    waiting.refresh_from_db()
    assert (waiting.social_worker, waiting.taken_at) == (None, None)
    client.force_login(colleague)
    assert str(waiting.candidate) in client.get(reverse("social:queue")).content.decode()


def test_taking_and_giving_back_are_in_the_audit_trail(social_worker, waiting):
    services.interview_take(interview=waiting, actor=social_worker)
    services.interview_release(interview=waiting, actor=social_worker)
    events = AuditEvent.objects.filter(actor=social_worker, target_type="social.interviewrequest")
    assert sorted(events.values_list("reason", flat=True)) == ["given back", "taken"]
    assert set(events.values_list("action", flat=True)) == {Action.UPDATE}


def test_an_officer_sees_who_took_a_request_but_cannot_take_one(
    client, officer, social_worker, waiting
):
    services.interview_take(interview=waiting, actor=social_worker)
    client.force_login(officer)
    html = client.get(reverse("social:queue")).content.decode()
    assert f"Taken by {social_worker.get_full_name()}" in html
    assert take(client, waiting).status_code == 403


def test_recording_a_request_nobody_took_takes_it(client, social_worker, colleague, waiting):
    client.force_login(social_worker)
    outcome(client, waiting, result="closed", notes="Declined")
    waiting.refresh_from_db()
    assert waiting.social_worker == social_worker
    client.force_login(colleague)
    assert client.get(reverse("social:handle", args=[waiting.pk])).status_code == 404
