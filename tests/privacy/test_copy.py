"""The copy of everything held about a candidate (issue 14, point 1): one walk
(`selectors.personal_data`) behind the JSON and the PDF, each download audited."""

import json
import subprocess

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.audit.services import audit_record
from accueil.notifications.models import Notification
from accueil.privacy import services
from accueil.privacy.models import RequestKind
from accueil.privacy.selectors import personal_data
from accueil.registration.selectors import email_about
from accueil.social.models import InterviewRequest
from tests import factories


@pytest.fixture
def person(candidate_user, officer, today_session):
    candidate = candidate_user.candidate
    factories.book(today_session, candidate)
    factories.residence_document(candidate, checked_by=officer)
    InterviewRequest.objects.create(
        candidate=candidate, reason="Housing", urgency="low", requested_by=officer
    )
    Notification.objects.create(
        key="x:1", kind="registered", about=email_about(candidate.pk), purpose="Registration"
    )
    services.request_submit(candidate, kind=RequestKind.OBJECTION, details="Reasons")
    audit_record(action=Action.VIEW, actor=officer, target=candidate)
    return candidate


def test_the_copy_holds_every_record_about_the_person(person, officer, stranger):
    data = personal_data(person)
    assert data["candidate"]["surname"] == person.surname
    assert data["candidate"]["national_id"] == person.national_id
    assert data["account"]["email"] == person.user.email
    records = data["records"]
    assert [b["candidate"]["id"] for b in records["booking.booking"]] == [str(person.pk)]
    assert [c["number"] for c in records["contracts.contract"]] == [person.contracts.get().number]
    assert records["intake.residencedocument"][0]["number"] == "A1234567"
    assert records["social.interviewrequest"][0]["reason"] == "Housing"
    assert [m["purpose"] for m in data["messages"]] == ["Registration"]
    assert [r["details"] for r in data["data_subject_requests"]] == ["Reasons"]
    # Nothing of another person; no secret.
    text = json.dumps(data)
    assert stranger.surname not in text
    assert "password" not in text and "access_version" not in text


def test_staff_appear_by_role_and_organisation_never_by_name(person, officer):
    data = personal_data(person)
    viewed = [e for e in data["access_log"] if e["action"] == "view"]
    assert viewed and viewed[0]["role"] == "officer"
    text = json.dumps(data)
    assert officer.last_name not in text and officer.email not in text
    checker = data["records"]["intake.residencedocument"][0]["checked_by"]
    assert checker == {"role": "officer", "organisation": ""}


def test_the_json_download_is_audited(client, candidate_user, person):
    client.force_login(candidate_user)
    response = client.get(reverse("privacy:my_data_json"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["candidate"]["first_name"] == person.first_name
    event = AuditEvent.objects.get(action=Action.EXPORT)
    assert (event.actor, event.target_id) == (candidate_user, str(person.pk))
    # The download itself is in the copy's access log.
    assert any(e["action"] == "export" for e in data["access_log"])


def test_the_pdf_reads_back_in_the_readers_language_and_any_script(client, candidate_user):
    person = candidate_user.candidate
    person.first_name, person.surname = "伟", "张"
    person.save()
    client.force_login(candidate_user)
    response = client.get(reverse("privacy:my_data_pdf"), HTTP_ACCEPT_LANGUAGE="de")
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30
    ).stdout.decode()
    assert "张" in text and "伟" in text
    assert "Die über Sie gespeicherten Informationen" in text
    assert AuditEvent.objects.filter(action=Action.EXPORT, actor=candidate_user).count() == 1


def test_a_candidate_without_registration_gets_no_copy(client, db):
    client.force_login(factories.user(Role.CANDIDATE))
    assert client.get(reverse("privacy:my_data_json")).status_code == 404
