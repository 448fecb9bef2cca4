"""The data subject's requests (issue 14, points 1 and 2): asking, the deadline of GDPR
art. 12(3), extending it with a reason, answering, the erasure in the answer's
transaction, rectifications decided by officers, and who sees which request."""

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.core import national_id
from accueil.privacy import erasure, services
from accueil.privacy.models import DataSubjectRequest, RequestKind, RequestStatus

LUX_NOON = "2026-01-31 11:00:00+00:00"


@pytest.fixture
def person(candidate_user):
    return candidate_user.candidate


def ask(person, kind=RequestKind.OBJECTION, **fields):
    fields.setdefault("details", "I moved abroad.\nPlease stop.")
    return services.request_submit(person, kind=kind, **fields)[0]


@time_machine.travel(LUX_NOON, tick=False)
def test_a_request_is_due_one_month_after_receipt(person):
    made = ask(person)
    assert made.received_on == date(2026, 1, 31)
    assert made.deadline == made.first_deadline == date(2026, 2, 28)
    assert made.status == RequestStatus.RECEIVED
    event = AuditEvent.objects.get(target_type="privacy.datasubjectrequest", action=Action.CREATE)
    assert event.fields == ["details", "kind"]
    assert "moved" not in event.reason  # the requester's text stays out of the trail


def test_asking_twice_makes_one_request(person):
    first, created = services.request_submit(person, kind=RequestKind.ERASURE)
    second, again = services.request_submit(person, kind=RequestKind.ERASURE)
    assert created and not again and first.pk == second.pk
    assert DataSubjectRequest.objects.count() == 1


def test_the_database_refuses_a_second_open_request_of_a_kind(person):
    made = ask(person)
    with pytest.raises(IntegrityError), transaction.atomic():
        DataSubjectRequest.objects.create(
            candidate=person,
            kind=made.kind,
            received_on=made.received_on,
            first_deadline=made.deadline,
            deadline=made.deadline,
        )


@time_machine.travel(LUX_NOON, tick=False)
def test_extending_needs_a_reason_and_counts_from_receipt(person, dpo):
    made = ask(person)
    extended = services.request_extend(
        subject_request=made, further_months=2, reason="Many records.", actor=dpo
    )
    assert extended.deadline == date(2026, 4, 30)
    assert extended.first_deadline == date(2026, 2, 28)
    assert extended.status == RequestStatus.EXTENDED
    with pytest.raises(services.NotExtendable):
        services.request_extend(subject_request=made, further_months=1, reason="x", actor=dpo)


def test_the_candidate_is_told_of_an_extension_and_why(person, dpo, run_tasks):
    made = ask(person)
    services.request_extend(
        subject_request=made, further_months=1, reason="Records in two archives.", actor=dpo
    )
    run_tasks()
    run_tasks()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "plus de temps" in message.subject  # information_language "fr"
    assert "Records in two archives." in message.body
    assert made.deadline.strftime("%Y") in message.body


def test_the_database_refuses_an_extension_without_reason(person):
    made = ask(person)
    with pytest.raises(IntegrityError), transaction.atomic():
        DataSubjectRequest.objects.filter(pk=made.pk).update(deadline=date(2099, 1, 1))


def test_the_database_refuses_an_answer_without_date(person):
    made = ask(person)
    with pytest.raises(IntegrityError), transaction.atomic():
        DataSubjectRequest.objects.filter(pk=made.pk).update(status=RequestStatus.ANSWERED)


def test_an_answer_is_sent_once_in_the_candidates_language(person, dpo, run_tasks):
    made = ask(person, kind=RequestKind.WITHDRAWAL)
    services.request_answer(
        subject_request=made, granted=True, answer="We stopped the reminders.", actor=dpo
    )
    made.refresh_from_db()
    assert made.status == RequestStatus.ANSWERED and made.answered_at and made.answered_by == dpo
    with pytest.raises(services.AlreadyAnswered):
        services.request_answer(subject_request=made, granted=False, answer="No", actor=dpo)
    run_tasks()
    run_tasks()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert "demande" in message.subject  # information_language "fr"
    assert "We stopped the reminders." in message.body


def test_granting_an_erasure_erases_in_the_answers_transaction(person, dpo, monkeypatch):
    calls = []

    def fake_erase(candidate, *, actor, reason):
        answered = DataSubjectRequest.objects.get(kind=RequestKind.ERASURE)
        calls.append(
            (candidate.pk, actor, answered.status, transaction.get_connection().in_atomic_block)
        )

    monkeypatch.setattr(erasure, "erase_candidate", fake_erase)
    made = ask(person, kind=RequestKind.ERASURE)
    services.request_answer(subject_request=made, granted=True, answer="Done.", actor=dpo)
    assert calls == [(person.pk, dpo, RequestStatus.ANSWERED, True)]


def test_a_failed_erasure_leaves_the_request_unanswered(person, dpo, monkeypatch):
    def failing(candidate, *, actor, reason):
        raise RuntimeError("disk full")

    monkeypatch.setattr(erasure, "erase_candidate", failing)
    made = ask(person, kind=RequestKind.ERASURE)
    with pytest.raises(RuntimeError):
        services.request_answer(subject_request=made, granted=True, answer="Done.", actor=dpo)
    made.refresh_from_db()
    assert made.status == RequestStatus.RECEIVED and made.answered_at is None


def test_refusing_an_erasure_erases_nothing(person, dpo, monkeypatch):
    monkeypatch.setattr(erasure, "erase_candidate", pytest.fail)
    made = ask(person, kind=RequestKind.ERASURE)
    services.request_answer(
        subject_request=made, granted=False, answer="A contract runs.", actor=dpo
    )
    assert DataSubjectRequest.objects.get().status == RequestStatus.REFUSED


def rectification(person, **changes):
    return ask(person, kind=RequestKind.RECTIFICATION, changes=changes, details="Misspelt.")


def test_an_approved_rectification_changes_the_identity(person, officer, run_tasks):
    number = national_id.make(date(1991, 2, 3), 7)
    made = rectification(
        person,
        surname="Da Silva",
        national_id=number,
        birth_date=date(1991, 2, 3),
        nationalities=["PT", "BR"],
    )
    services.rectification_decide(
        subject_request=made, approved=True, answer="Corrected.", actor=officer
    )
    person.refresh_from_db()
    assert (person.surname, person.national_id, person.birth_date, person.nationalities) == (
        "Da Silva",
        number,
        date(1991, 2, 3),
        ["PT", "BR"],
    )
    change = AuditEvent.objects.get(target_type="registration.candidate", action=Action.UPDATE)
    assert change.fields == ["birth_date", "national_id", "nationalities", "surname"]
    assert "Silva" not in change.reason  # the trail keeps a code; the request is named
    assert person.corrections.get().reason == f"data-rights request {made.pk}"  # with the person
    run_tasks()
    assert len(mail.outbox) == 1


def test_a_refused_rectification_changes_nothing(person, officer):
    made = rectification(person, surname="Other")
    services.rectification_decide(
        subject_request=made, approved=False, answer="No proof.", actor=officer
    )
    person.refresh_from_db()
    assert person.surname != "Other"
    assert DataSubjectRequest.objects.get().status == RequestStatus.REFUSED


def test_a_rectification_to_another_persons_number_is_refused(person, officer, stranger):
    made = rectification(person, national_id=stranger.national_id)
    with pytest.raises(services.IdentityTaken):
        services.rectification_decide(
            subject_request=made, approved=True, answer="ok", actor=officer
        )
    assert DataSubjectRequest.objects.get().status == RequestStatus.RECEIVED


def test_forgetting_keeps_an_anonymised_record(person, dpo):
    made = rectification(person, surname="Line\nbreak")
    services.request_extend(subject_request=made, further_months=1, reason="Proof", actor=dpo)
    assert services.forget_requests_of(person) == 1
    made.refresh_from_db()
    assert made.candidate is None and made.forgotten_at is not None
    assert (made.details, made.changes, made.answer) == ("", {}, "")
    assert made.kind == RequestKind.RECTIFICATION and made.status == RequestStatus.EXTENDED


# Who sees which request.


@pytest.fixture
def requests(person, stranger):
    return {
        "own": ask(person),
        "other": ask(stranger, kind=RequestKind.ERASURE),
        "rectification": rectification(stranger, surname="Changed"),
    }


def test_a_candidate_sees_only_their_own_requests(client, candidate_user, requests):
    client.force_login(candidate_user)
    page = client.get(reverse("privacy:my_data"))
    assert page.status_code == 200
    assert list(page.context["requests"]) == [requests["own"]]


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.OFFICER, Role.PROVIDER, Role.ADMIN])
def test_only_the_dpo_works_the_queue(client, all_roles, role, requests):
    client.force_login(all_roles[role])
    assert client.get(reverse("privacy:queue")).status_code == 403
    assert client.get(reverse("privacy:answer", args=[requests["own"].pk])).status_code == 403


def test_the_dpo_sees_every_request_and_opening_one_is_audited(client, dpo, requests):
    client.force_login(dpo)
    page = client.get(reverse("privacy:queue"))
    assert {row["item"].pk for row in page.context["rows"]} == {r.pk for r in requests.values()}
    assert client.get(reverse("privacy:answer", args=[requests["other"].pk])).status_code == 200
    assert AuditEvent.objects.filter(
        action=Action.VIEW, target_id=str(requests["other"].pk), actor=dpo
    ).exists()


def test_officers_see_only_rectifications(client, officer, requests):
    client.force_login(officer)
    page = client.get(reverse("privacy:rectifications"))
    assert [row["item"] for row in page.context["rows"]] == [requests["rectification"]]
    other = client.get(reverse("privacy:rectification", args=[requests["other"].pk]))
    assert other.status_code == 404


@pytest.mark.parametrize("role", [Role.DPO, Role.PROVIDER, Role.SOCIAL_WORKER, Role.ADMIN])
def test_only_officers_decide_rectifications(client, all_roles, role, requests):
    client.force_login(all_roles[role])
    url = reverse("privacy:rectification", args=[requests["rectification"].pk])
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", [Role.OFFICER, Role.DPO, Role.PROVIDER, Role.ADMIN])
def test_only_candidates_have_the_rights_pages(client, all_roles, role):
    client.force_login(all_roles[role])
    assert client.get(reverse("privacy:my_data")).status_code == 403
    assert client.get(reverse("privacy:my_data_json")).status_code == 403


def test_overdue_requests_come_first(client, dpo, person, stranger):
    with time_machine.travel("2026-01-05 10:00:00+00:00", tick=False):
        late = ask(stranger)
    with time_machine.travel("2026-03-01 10:00:00+00:00", tick=False):
        recent = ask(person, kind=RequestKind.WITHDRAWAL)
        done = ask(person)
        services.request_answer(subject_request=done, granted=True, answer="ok", actor=dpo)
        client.force_login(dpo)
        rows = client.get(reverse("privacy:queue")).context["rows"]
    assert [(row["item"], row["overdue"]) for row in rows] == [
        (late, True),
        (recent, False),
        (done, False),
    ]


# The candidate's pages.


def test_the_candidate_asks_with_their_reasons(client, candidate_user, person):
    client.force_login(candidate_user)
    url = reverse("privacy:ask", args=["objection"])
    empty = client.post(url, {"details": ""})
    assert empty.status_code == 200
    assert "Enter your reasons" in empty.content.decode()
    sent = client.post(url, {"details": "Legitimate reasons"})
    assert sent["Location"] == reverse("privacy:my_data")
    client.post(url, {"details": "Legitimate reasons"})  # sent twice
    made = DataSubjectRequest.objects.get()
    assert (made.candidate, made.kind, made.details) == (person, "objection", "Legitimate reasons")


def test_an_unknown_kind_is_not_found(client, candidate_user):
    client.force_login(candidate_user)
    assert client.get(reverse("privacy:ask", args=["teleport"])).status_code == 404


def test_a_rectification_keeps_only_the_details_changed(client, candidate_user, person):
    client.force_login(candidate_user)
    url = reverse("privacy:ask", args=["rectification"])
    data = {
        "surname": person.surname,
        "first_name": person.first_name,
        "national_id": person.national_id,
        "nationality": "PT",
        "other_nationality": "",
        "third_nationality": "",
        "details": "Same",
    }
    unchanged = client.post(url, data)
    assert "Change at least one detail" in unchanged.content.decode()
    client.post(url, {**data, "first_name": "Ana Maria", "other_nationality": "CV"})
    made = DataSubjectRequest.objects.get()
    assert made.changes == {"first_name": "Ana Maria", "nationalities": ["PT", "CV"]}


def test_the_dpo_answers_from_the_page(client, dpo, person):
    made = ask(person, kind=RequestKind.WITHDRAWAL)
    client.force_login(dpo)
    url = reverse("privacy:answer", args=[made.pk])
    missing = client.post(url, {"action": "answer", "outcome": "granted", "answer": ""})
    assert "Enter the message to the candidate" in missing.content.decode()
    extended = client.post(
        url, {"action": "extend", "further_months": "1", "extension_reason": "Complex"}
    )
    assert extended.status_code == 302
    client.post(url, {"action": "answer", "outcome": "refused", "answer": "Required by law."})
    made.refresh_from_db()
    assert (made.status, made.answer, made.extension_reason) == (
        RequestStatus.REFUSED,
        "Required by law.",
        "Complex",
    )


def test_a_granted_erasure_is_told_once_committed_to_the_address_before(
    person, dpo, monkeypatch, django_capture_on_commit_callbacks
):
    address = person.email

    def erase(candidate, *, actor, reason):
        # What the erasure does to the addresses, among the rest.
        candidate.email, candidate.postal_address = "", "-"
        candidate.save(update_fields=["email", "postal_address"])

    monkeypatch.setattr(erasure, "erase_candidate", erase)
    made = ask(person, kind=RequestKind.ERASURE)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.request_answer(subject_request=made, granted=True, answer="Erased.", actor=dpo)
        assert mail.outbox == []  # nothing sent before the erasure is committed
    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [[address]]
    assert "Erased." in mail.outbox[0].body


def test_the_dpo_grants_an_erasure_from_the_page(client, dpo, person, monkeypatch):
    erased = []
    monkeypatch.setattr(
        erasure, "erase_candidate", lambda c, *, actor, reason: erased.append((c.pk, actor))
    )
    made = ask(person, kind=RequestKind.ERASURE)
    client.force_login(dpo)
    page = client.get(reverse("privacy:answer", args=[made.pk]))
    assert "cannot be undone" in page.content.decode()
    client.post(
        reverse("privacy:answer", args=[made.pk]),
        {"action": "answer", "outcome": "granted", "answer": "Your data is erased."},
    )
    assert erased == [(person.pk, dpo)]
    assert DataSubjectRequest.objects.get().status == RequestStatus.ANSWERED


class SmtpDown:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError


def test_a_mail_server_down_does_not_undo_a_granted_erasure(
    person, dpo, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.privacy.test_requests.SmtpDown"
    monkeypatch.setattr(erasure, "erase_candidate", lambda c, *, actor, reason: None)
    made = ask(person, kind=RequestKind.ERASURE)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_answer(subject_request=made, granted=True, answer="Erased.", actor=dpo)
    assert DataSubjectRequest.objects.get().status == RequestStatus.ANSWERED
    assert mail.outbox == []
