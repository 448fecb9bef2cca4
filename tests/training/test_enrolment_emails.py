"""The emails of enrolment (issue 12, point 5): enrolled, on the waiting list, given a
seat from it, cancelled; each queued once with the change, none for a refusal or a
rollback; in the person's language; a letter to someone with only a postal address."""

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend

from accueil.notifications.models import DeliveryStatus, Letter, Notification
from accueil.training import emails, vouchers
from accueil.training import enrolment as enrolments
from tests import factories
from tests.training.vouchers_helpers import course, signatory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_queue():
    default_task_backend.clear()
    yield
    if hasattr(default_task_backend, "clear"):  # the DummyBackend (not the real queue)
        default_task_backend.clear()


def queued() -> list[tuple]:
    return [tuple(r.args) for r in default_task_backend.results]


def run_queued() -> None:
    while default_task_backend.results:
        result = default_task_backend.results.pop(0)
        result.task.call(*result.args, **result.kwargs)


def test_an_enrolment_queues_one_email_and_a_resubmit_none():
    person = signatory(information_language="en")
    target = course(title="Luxembourgish A1.1, evenings")
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    enrolment, _ = enrolments.enrol(
        course_id=target.pk, candidate=person, actor=None, voucher_code=voucher.code
    )
    enrolments.enrol(course_id=target.pk, candidate=person, actor=None, voucher_code=voucher.code)
    assert queued() == [("enrolled", enrolment.pk)]
    run_queued()
    [sent] = mail.outbox
    assert sent.to == [person.email]
    assert sent.subject == "You are enrolled in a course"
    assert "Luxembourgish A1.1, evenings" in sent.body
    assert str(target.provider) in sent.body
    assert "Maison de quartier, 1, rue de la Gare" in sent.body
    first = target.sessions.get().starts_at.astimezone(timezone.get_default_timezone())
    assert first.strftime("%H:%M") in sent.body
    assert "voucher was used" in sent.body
    # The task run again (a worker died after sending) sends nothing more.
    emails.send_enrolment_email.call("enrolled", enrolment.pk)
    assert len(mail.outbox) == 1
    record = Notification.objects.get(key=f"enrolled:enrolment:{enrolment.pk}")
    assert record.status == DeliveryStatus.SENT


def test_nothing_is_queued_for_a_refused_enrolment():
    person = signatory()
    with pytest.raises(vouchers.VoucherUnknown):
        enrolments.enrol(
            course_id=course().pk, candidate=person, actor=None, voucher_code="ABCD-EFGH-JKMN-PQRS"
        )
    with pytest.raises(vouchers.NoContractInForce):
        enrolments.enrol(course_id=course().pk, candidate=factories.candidate(), actor=None)
    with pytest.raises(enrolments.CourseClosed):
        enrolments.enrol(course_id=course(status="draft").pk, candidate=person, actor=None)
    assert queued() == []


def test_the_waiting_list_its_promotion_and_the_cancellation_each_have_their_email():
    small = course(capacity=1)
    first, waiting = signatory(), signatory()
    taken, _ = enrolments.enrol(course_id=small.pk, candidate=first, actor=None)
    waits, _ = enrolments.enrol(course_id=small.pk, candidate=waiting, actor=None)
    assert waits.status == "waitlisted"
    enrolments.enrolment_cancel(enrolment=taken, actor=None)
    enrolments.enrolment_cancel(enrolment=taken, actor=None)  # twice: one cancellation
    assert queued() == [
        ("enrolled", taken.pk),
        ("waitlisted", waits.pk),
        ("cancelled", taken.pk),
        ("promoted", waits.pk),
    ]
    run_queued()
    subjects = {m.to[0]: [] for m in mail.outbox}
    for sent in mail.outbox:
        subjects[sent.to[0]].append(sent.subject)
    # The factories' people read French.
    assert subjects[waiting.email] == [
        "Vous êtes sur la liste d’attente d’un cours",
        "Une place s’est libérée\u00a0: vous êtes inscrit au cours",
    ]
    # Cancelled before the worker ran: the email about being enrolled is not sent.
    assert subjects[first.email] == ["Votre inscription à un cours est annulée"]


def test_the_email_is_in_german_and_names_the_voucher_given_back():
    person = signatory(information_language="de")
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    target = course(title="Lëtzebuergesch", title_de="Luxemburgisch am Abend")
    enrolment, _ = enrolments.enrol(
        course_id=target.pk, candidate=person, actor=None, voucher_code=voucher.code
    )
    run_queued()
    enrolments.enrolment_cancel(enrolment=enrolment, actor=None)
    run_queued()
    enrolled, cancelled = mail.outbox
    assert "Luxemburgisch am Abend" in enrolled.body and "Sprachgutschein wurde" in enrolled.body
    assert "Kurs" in cancelled.subject and "zurückgegeben" in cancelled.body


def test_nothing_is_queued_when_the_enrolment_is_rolled_back(settings, transactional_db):
    from django_q.models import OrmQ

    settings.TASKS = {
        "default": {
            "BACKEND": "accueil.notifications.queue.QueueBackend",
            "QUEUES": ["default"],
        }
    }
    person = signatory()
    target = course()
    with pytest.raises(RuntimeError), transaction.atomic():
        enrolments.enrol(course_id=target.pk, candidate=person, actor=None)
        assert OrmQ.objects.count() == 1  # queued with the enrolment, in its transaction
        raise RuntimeError
    assert not OrmQ.objects.exists()
    enrolments.enrol(course_id=target.pk, candidate=person, actor=None)
    assert OrmQ.objects.count() == 1


def test_someone_with_only_a_postal_address_gets_a_letter():
    by_post = signatory(email="", postal_address="12, rue Neuve\nL-1234 Luxembourg")
    target = course()
    enrolment, _ = enrolments.enrol(course_id=target.pk, candidate=by_post, actor=None)
    assert queued() == [("enrolled", enrolment.pk)]
    run_queued()
    assert mail.outbox == []
    assert Letter.objects.get().notification.key == f"enrolled:enrolment:{enrolment.pk}"


def test_an_email_about_an_enrolment_cancelled_meanwhile_is_not_sent():
    person = signatory()
    enrolment, _ = enrolments.enrol(course_id=course().pk, candidate=person, actor=None)
    enrolments.enrolment_cancel(enrolment=enrolment, actor=None)
    run_queued()
    assert [m.subject for m in mail.outbox] == ["Votre inscription à un cours est annulée"]
