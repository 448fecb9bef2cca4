"""A candidate's task list at the information session (intake, social and contracts
together), and the formalities document (the officer's and the candidate's own)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.intake.models import LinguisticProfile, Orientation
from accueil.social.models import InterviewRequest
from tests import factories


def page(client, name, *args, **kwargs):
    return client.get(reverse(name, args=args), **kwargs)


# The task list.


def statuses(html: str) -> dict[str, str]:
    import re

    found = re.findall(r'id="task-(\w+)-status">\s*(.*?)\s*</div>', html, re.S)
    return {key: re.sub(r"<[^>]+>", "", value).strip() for key, value in found}


def test_the_task_list_starts_with_nothing_done(client, officer, present):
    client.force_login(officer)
    html = page(client, "portal:tasks", present.pk).content.decode()
    assert 'class="govuk-task-list"' in html
    assert statuses(html) == {
        "document": "Not started",
        "profile": "Not started",
        "orientation": "Cannot start yet",
        "interview": "Not started",
        "formalities": "Not started",
        "contract": "Cannot start yet",
    }
    assert reverse("intake:orientation", args=[present.pk]) not in html
    assert reverse("intake:check_in", args=[present.bookings.get().session_id]) in html


def test_the_task_list_shows_what_was_recorded(client, officer, present):
    factories.residence_document(present, checked_by=officer)
    LinguisticProfile.objects.create(candidate=present, french="A2", recorded_by=officer)
    Orientation.objects.create(candidate=present, recorded_by=officer)
    InterviewRequest.objects.create(
        candidate=present, reason="Housing", urgency="high", requested_by=officer
    )
    client.force_login(officer)
    html = page(client, "portal:tasks", present.pk).content.decode()
    assert statuses(html) == {
        "document": "Completed",
        "profile": "Completed",
        "orientation": "Completed",
        "interview": "Completed",
        "formalities": "Not started",
        "contract": "Not started",
    }
    assert "4 of 6" in html


def test_a_document_not_valid_today_is_flagged_on_the_task_list(client, officer, present):
    factories.residence_document(
        present, valid_until=timezone.localdate() - timedelta(days=1), checked_by=officer
    )
    client.force_login(officer)
    html = page(client, "portal:tasks", present.pk).content.decode()
    assert statuses(html)["document"] == "Not valid today"
    assert 'id="document-not-valid"' in html and "govuk-warning-text" in html


# (e) The formalities document.


def test_the_officer_downloads_the_formalities_document(client, officer, present):
    client.force_login(officer)
    response = page(client, "portal:formalities", present.pk)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=Action.EXPORT, target_id=str(present.pk)).exists()
    html = page(client, "portal:tasks", present.pk).content.decode()
    assert statuses(html)["formalities"] == "Completed"


def test_a_candidate_downloads_their_own_formalities_document_only(
    client, candidate_user, stranger
):
    client.force_login(candidate_user)
    own = page(client, "portal:formalities", candidate_user.candidate.pk)
    assert own["Content-Type"] == "application/pdf"
    assert page(client, "portal:formalities", stranger.pk).status_code == 404


@pytest.mark.parametrize("role", [Role.DPO, Role.PROVIDER, Role.SOCIAL_WORKER, Role.ADMIN])
def test_other_roles_cannot_download_the_formalities_document(client, all_roles, role, stranger):
    client.force_login(all_roles[role])
    assert page(client, "portal:formalities", stranger.pk).status_code == 403
