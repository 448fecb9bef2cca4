"""Issue 14, point 3: after erasure no personal data of the person remains anywhere in
the database (every table dumped, sessions and task payloads decoded) nor in the files
stored, while what the law requires is kept anonymised: that a certificate was issued,
the contract's number. Someone else's data is untouched."""

import base64
import pickle
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_q.models import OrmQ, Schedule
from django_q.models import Task as TaskResult

from accueil.accounts.models import Role
from accueil.accounts.selectors import account_key, sign_in_token, user_for_sign_in
from accueil.audit.models import Action, AuditEvent
from accueil.audit.services import audit_record
from accueil.booking.models import Booking, WaitlistEntry
from accueil.contracts.models import Contract, ContractStatus, SignatureMethod
from accueil.contracts.tasks import render_contract_document
from accueil.core import national_id
from accueil.guide.models import GuideAnswers, Procedure, ResidencePermit
from accueil.intake.models import LinguisticProfile, Orientation
from accueil.notifications import queue
from accueil.notifications.models import Letter, Notification
from accueil.notifications.services import compose_letter
from accueil.privacy.erasure import erase_candidate
from accueil.privacy.models import DataSubjectRequest
from accueil.registration.emails import send_email_confirmation
from accueil.registration.models import Candidate, Correction
from accueil.registration.selectors import email_about
from accueil.social.models import InterviewRequest
from accueil.training import services as training_services
from accueil.training.models import TrainingCertificate
from tests import factories
from tests.training.test_certificates import course, enrolled, issue, staff_of

pytestmark = pytest.mark.django_db(transaction=False)

CONFIRM = "accueil.registration.emails.send_email_confirmation"


def pdf_text(data: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True, timeout=30
    )
    return result.stdout.decode()


def as_text(value) -> str:
    """A column's value as text: bytes decoded (a PDF's text extracted), the cache's
    pickles read."""
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, bytes):
        if value.startswith(b"%PDF"):
            return pdf_text(value)
        return value.decode("utf-8", "replace") + value.decode("latin-1")
    return "" if value is None else str(value)


def dump() -> str:
    """Every row of every table, each column cast to text, plus what is stored encoded:
    sessions decoded, queued tasks' signed pickles, task results' pickles, the cache's
    values; and every file stored (its name and content, a PDF's text)."""
    chunks: list[str] = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - the tables' own names
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    chunks.append(as_text(value))
                    if table == "accueil_cache" and column == "value":
                        chunks.append(repr(pickle.loads(base64.b64decode(value))))  # noqa: S301
    chunks += [repr(session.get_decoded()) for session in Session.objects.all()]
    chunks += [repr(message.task) for message in OrmQ.objects.all()]
    chunks += [repr((r.args, r.kwargs, r.result)) for r in TaskResult.objects.all()]
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        chunks.append(str(path))
        if path.is_file():
            chunks.append(as_text(path.read_bytes()))
    return "\n".join(chunks).lower()


def everything(who: str, number: int, *, officer, staff, client) -> dict:
    """A person with something of everything, named `who`: registration, account,
    booking, waiting list, contract signed with its scan and PDF, certificates of a
    course and of completion, guide answers and dates, a social request, emails and a
    letter, tasks queued and kept, sessions, failed sign-ins, audit events with reasons.
    What names them, to search for."""
    born = date(1987, 2, 11)
    phone = f"+352 691 234 {number:03d}"
    email = f"{who.lower()}.{number}@example.test"
    user = factories.user(Role.CANDIDATE, email=email, first_name="Zuzanna", last_name=f"{who}owa")
    person = factories.candidate(
        user=user,
        surname=f"{who}owa",
        first_name="Zuzanna",
        national_id=national_id.make(born, number),
        birth_date=born,
        phone=phone,
        email=email,
        pending_email=f"new.{email}",
        postal_address=f"12, rue {who}owa\nL-1111 Luxembourg",
        interpreter_needed=True,
        interpreter_language="Polish",
        nationalities=["PL", "UA"],
    )
    # A booking of a session held, and one to come; a place waited for.
    held = factories.information_session(starts_at=timezone.now() - timedelta(days=30))
    factories.book(held, person, status="attended")
    coming = factories.book(factories.information_session(), person)
    WaitlistEntry.objects.create(candidate=person, weekdays="012")
    factories.residence_document(person, checked_by=officer)
    LinguisticProfile.objects.create(
        candidate=person, other_languages=f"Polish ({who}owa)", recorded_by=officer
    )
    Orientation.objects.create(
        candidate=person, guidance_notes=f"{who}owa: see {phone}", recorded_by=officer
    )
    # An officer's correction, its typed reason kept with the person (not in the trail).
    Correction.objects.create(
        candidate=person, by=officer, fields=["phone"], reason=f"{who}owa called from {phone}"
    )
    InterviewRequest.objects.create(
        candidate=person,
        reason=f"Zuzanna {who}owa, housing; call {phone.replace(' ', '')}",
        urgency="high",
        requested_by=officer,
    )
    # The contract, signed on paper: its scan and its PDF (which prints the name).
    contract = factories.contract(
        person,
        signature_method=SignatureMethod.PAPER,
        signed_at=timezone.now(),
        signed_by=officer,
        withdrawal_reason="",
    )
    contract.signed_scan.save("scan.pdf", ContentFile(f"scan {who}owa".encode()), save=True)
    render_contract_document.call(str(contract.pk))
    # A course, its certificate (on the contract too), and a completion code.
    certificate = issue(enrolled(course(staff.organisation), person), staff)
    Contract.objects.filter(pk=contract.pk).update(
        status=ContractStatus.FULFILLED,
        fulfilled_on=date(2026, 6, 10),
        decided_at=timezone.now(),
        completion_code=f"{number:016d}"[-16:].replace("0", "A"),
    )
    # The guide: answers behind a private link mentioning the email, dates, a procedure.
    GuideAnswers.objects.create(
        token_hash=f"{number:064d}",
        answers={"contact": email, "country": "PL"},
        language="en",
        expires_at=timezone.now() + timedelta(days=30),
    )
    ResidencePermit.objects.create(candidate=person, expires_on=date(2027, 3, 1))
    Procedure.objects.create(candidate=person, kind="renewal", complete_on=date(2026, 11, 2))
    # Emails sent (one through the real task: its record keeps the task's arguments)
    # and a letter (its PDF prints name and address).
    assert send_email_confirmation.call(str(person.pk), person.pending_email, f"real{number}")
    about = email_about(person.pk)
    Notification.objects.create(
        key=f"confirm:{number}",
        kind="confirm",
        about=about,
        purpose="Confirm the new address",
        status="sent",
        task=CONFIRM,
        task_args=[str(person.pk), email, "k"],
    )
    letter = compose_letter(
        "notifications/email/_footer.txt",
        {},
        language="en",
        name=f"Zuzanna {who}owa",
        postal_address=person.postal_address,
    )
    Letter.objects.create(
        notification=Notification.objects.create(
            key=f"letter:{number}", kind="letter", about=about, purpose="Letter", status="sent"
        ),
        language="en",
        pdf=letter.pdf,
    )
    # Tasks: queued now (one by the booking's number), scheduled for later, a result kept.
    queue.submit(CONFIRM, [str(person.pk), email, "k1"], {})
    queue.submit("accueil.booking.emails.send_booking_email", ["booked", coming.pk], {})
    queue.submit(
        CONFIRM, [str(person.pk), email, "k2"], {}, run_after=timezone.now() + timedelta(hours=1)
    )
    TaskResult.objects.create(
        id=f"result{number}",
        name="confirm",
        func=queue.RUN,
        args=(CONFIRM, [str(person.pk), email, "k0"], {}, 1),
        kwargs={},
        result=None,
        started=timezone.now(),
        stopped=timezone.now(),
        success=False,
    )
    # Sessions: signed in, and a registration left half-filled by someone anonymous.
    signed_in = SessionStore()
    signed_in["_auth_user_id"] = str(user.pk)
    signed_in.create()
    half = SessionStore()
    half["registration"] = {"surname": f"{who}owa", "first_name": "Zuzanna", "phone": phone}
    half.create()
    # Failed sign-ins at their address (django-axes and the trail).
    for _ in range(2):
        client.post(reverse("accounts:login"), {"username": email, "password": "wrong"})
    # Audit events (their reasons are codes: what was typed stays with the record, as
    # the correction above), and one of theirs with their address.
    audit_record(
        action=Action.UPDATE,
        actor=officer,
        target=person,
        fields=["phone"],
        reason="details corrected by an officer",
    )
    AuditEvent.objects.create(
        actor=user, actor_role="candidate", action=Action.VIEW, ip_address=f"203.0.113.{number}"
    )
    # A data-rights request: a correction asked, with their reasons and the answer.
    DataSubjectRequest.objects.create(
        candidate=person,
        kind="rectification",
        received_on=date(2026, 11, 2),
        first_deadline=date(2026, 12, 2),
        deadline=date(2026, 12, 2),
        details=f"My name is Zuzanna {who}owa, not {who}",
        changes={"email": f"fixed.{email}", "phone": phone},
        answer=f"Dear Zuzanna {who}owa, done.",
    )
    # The admin site's log of a change to their account names it.
    LogEntry.objects.create(
        user=officer,
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        object_repr=str(user),
        action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Email address"]}}]',
    )
    return {
        "person": person,
        "user": user,
        "contract": contract,
        "certificate": certificate,
        "needles": [
            f"{who}owa",
            national_id.make(born, number),
            email,
            phone,
            phone.replace(" ", ""),
            f"203.0.113.{number}",
        ],
    }


@pytest.fixture
def people(client, officer):
    staff = staff_of()
    erased = everything("Kowalczyk", 101, officer=officer, staff=staff, client=client)
    other = everything("Nowak", 202, officer=officer, staff=staff, client=client)
    return erased, other


@pytest.mark.slow
def test_after_erasure_nothing_of_the_person_is_left_in_any_table_or_file(
    people, dpo, django_capture_on_commit_callbacks
):
    erased, _other = people
    before = dump()
    for needle in erased["needles"] + ["zuzanna"]:
        assert needle.lower() in before, needle  # the dump finds them where they are
    person = erased["person"]
    files = [erased["contract"].signed_scan.path]
    token = sign_in_token(erased["user"])  # a sign-in link sent to them
    assert user_for_sign_in(token) == erased["user"]

    with django_capture_on_commit_callbacks(execute=True):  # the files go after commit
        assert erase_candidate(person, actor=dpo, reason=f"asked by {person.email}") is True

    after = dump()
    found = [needle for needle in erased["needles"] if needle.lower() in after]
    assert found == []
    assert not any(Path(name).exists() for name in files)
    key = account_key(None, {"username": erased["needles"][2]})
    assert not AccessAttempt.objects.filter(username=key).exists()
    # What the law requires is kept: the contract's number, that a certificate was issued.
    person.refresh_from_db()
    assert person.erased_at is not None
    assert Contract.objects.get(pk=erased["contract"].pk).number == erased["contract"].number
    assert TrainingCertificate.objects.filter(enrolment__candidate=person).count() == 1
    assert person.contracts.get().certificates.count() == 1
    # Their account can no longer be used.
    user = erased["user"]
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert user_for_sign_in(token) is None
    # The trail says it was erased, by whom, without the reason typed.
    event = AuditEvent.objects.filter(target_id=str(person.pk), action=Action.DELETE).get()
    assert event.actor == dpo and "@" not in event.reason


@pytest.mark.slow
def test_erasure_leaves_someone_else_untouched_and_can_run_twice(
    people, dpo, django_capture_on_commit_callbacks
):
    erased, other = people
    with django_capture_on_commit_callbacks(execute=True):
        assert erase_candidate(erased["person"], actor=dpo, reason="request") is True
    after = dump()
    for needle in other["needles"] + ["zuzanna"]:
        assert needle.lower() in after, needle
    survivor = Candidate.objects.get(pk=other["person"].pk)
    assert survivor.erased_at is None and survivor.national_id
    assert Path(other["contract"].signed_scan.path).exists()
    assert Booking.objects.filter(candidate=survivor, status="active").exists()
    assert InterviewRequest.objects.get(candidate=survivor).reason
    # The other's two tasks queued and one scheduled stay; none of the erased person's.
    assert OrmQ.objects.count() == 2 and Schedule.objects.filter(func=queue.RUN).count() == 1
    # Run again: nothing more to do, nothing breaks, the other still untouched.
    assert erase_candidate(erased["person"], actor=dpo, reason="request") is False
    again = dump()
    assert all(needle.lower() in again for needle in other["needles"])
    reasons = AuditEvent.objects.filter(
        target_id=str(erased["person"].pk), action=Action.DELETE
    ).values_list("reason", flat=True)
    assert sorted(reasons) == ["erased", "erased again"]


def test_an_erasure_that_fails_halfway_changes_nothing(dpo, officer, monkeypatch):
    """A failure in any app's part (or a worker dying before the commit) rolls the whole
    erasure back: the person is still there, their files too, and nothing is half done."""
    person = factories.candidate(surname="Halfway", user=factories.user(Role.CANDIDATE))
    contract = factories.contract(person, withdrawal_reason="")
    contract.signed_scan.save("scan.pdf", ContentFile(b"scan Halfway"), save=True)
    InterviewRequest.objects.create(
        candidate=person, reason="Halfway needs help", urgency="low", requested_by=officer
    )

    def fails(candidate):
        raise RuntimeError("the worker dies here")

    monkeypatch.setattr(training_services, "training_forget", fails)
    with pytest.raises(RuntimeError):
        erase_candidate(person, actor=dpo, reason="request")

    person.refresh_from_db()
    assert person.erased_at is None and person.surname == "Halfway" and person.national_id
    assert person.user.is_active
    assert InterviewRequest.objects.get(candidate=person).reason == "Halfway needs help"
    assert Path(contract.signed_scan.path).exists()
    assert not AuditEvent.objects.filter(target_id=str(person.pk), action=Action.DELETE).exists()
