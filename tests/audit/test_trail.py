"""Issue 14, point 4: every read of a candidate's file by staff is in the trail, lists
and searches included (one event per person shown, never what was typed); each event
names the person it is about; the candidate sees who (role and organisation, never a
name) accessed their data; the data-protection officer searches the trail and exports
it."""

import csv
import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.audit.services import audit_record, audit_shown
from accueil.audit.views import who_label
from accueil.booking.models import Booking
from accueil.contracts.models import Contract
from accueil.registration.models import Candidate
from tests import factories


def _all_text() -> str:
    """Every value of every event, to search for what must not be there."""
    return " ".join(str(row) for row in AuditEvent.objects.values_list())


# The subject: the person an event is about.


def test_an_event_about_a_candidate_names_them(officer, stranger):
    assert audit_record(action=Action.VIEW, actor=officer, target=stranger).subject == stranger.pk


def test_an_event_about_a_candidates_record_names_them(officer, stranger):
    contract = Contract.objects.get(candidate=stranger)
    assert audit_record(action=Action.VIEW, actor=officer, target=contract).subject == stranger.pk


def test_an_event_about_no_person_names_nobody(officer, dpo):
    assert audit_record(action=Action.UPDATE, actor=officer, target=dpo).subject is None


def test_the_subject_may_be_given(officer, stranger, dpo):
    event = audit_record(action=Action.VIEW, actor=officer, target=dpo, subject=stranger.pk)
    assert event.subject == stranger.pk


def test_the_event_keeps_the_organisation_of_who_acted(db):
    provider = factories.user(Role.PROVIDER)
    event = audit_record(action=Action.VIEW, actor=provider)
    assert event.actor_organisation == provider.organisation


def test_a_page_of_fifty_shown_is_one_insert(rf, officer, django_assert_num_queries):
    people = [factories.candidate() for _ in range(50)]
    request = rf.get("/")
    request.user = officer
    with django_assert_num_queries(1):
        assert audit_shown(request=request, targets=people, action=Action.LIST) == 50
    assert set(AuditEvent.objects.values_list("subject", flat=True)) == {p.pk for p in people}
    assert set(AuditEvent.objects.values_list("action", flat=True)) == {Action.LIST}


def test_old_events_get_their_subject(officer, stranger):
    """The data migration fills the subject of events written before it."""
    contract = Contract.objects.get(candidate=stranger)
    old = [
        audit_record(action=Action.VIEW, actor=officer, target=stranger),
        audit_record(action=Action.VIEW, actor=officer, target=contract),
    ]
    AuditEvent.objects.update(subject=None)
    migration = importlib.import_module("accueil.audit.migrations.0003_scrub_reasons_fill_subjects")
    migration.fill_subjects(apps, None)
    assert [AuditEvent.objects.get(pk=e.pk).subject for e in old] == [stranger.pk, stranger.pk]


# Lists and searches.


def test_a_search_by_national_id_records_who_was_found_not_the_number(client, officer, stranger):
    factories.candidate()  # not found
    client.force_login(officer)
    response = client.get(reverse("portal:candidate_find"), {"q": stranger.national_id})
    assert response.status_code == 200
    found = AuditEvent.objects.filter(action=Action.SEARCH)
    assert [(e.subject, e.actor) for e in found] == [(stranger.pk, officer)]
    assert stranger.national_id not in _all_text()


def test_the_list_of_candidates_records_each_one_shown(client, officer, stranger):
    others = [factories.candidate() for _ in range(3)]
    client.force_login(officer)
    assert client.get(reverse("portal:candidate_list"), {"q": "Surname"}).status_code == 200
    listed = set(AuditEvent.objects.filter(action=Action.LIST).values_list("subject", flat=True))
    assert listed == {stranger.pk, *(p.pk for p in others)}


def test_a_session_page_records_each_attendee(client, officer, stranger):
    session = factories.information_session()
    booking = factories.book(session, stranger)
    client.force_login(officer)
    assert client.get(reverse("officer:session_detail", args=[session.pk])).status_code == 200
    listed = AuditEvent.objects.get(action=Action.LIST)
    assert (listed.target_type, listed.target_id) == ("booking.booking", str(booking.pk))
    assert listed.subject == stranger.pk
    assert Booking.objects.filter(pk=booking.pk).exists()


# The candidate's page.


@pytest.fixture
def ministry(db):
    return factories.organisation(
        name="Integration Department",
        name_fr="Département de l'intégration",
        name_de="Integrationsabteilung",
    )


def test_the_candidate_sees_who_accessed_their_data_by_role_and_organisation(
    client, candidate_user, ministry
):
    person = Candidate.objects.get(user=candidate_user)
    officer = factories.user(
        Role.OFFICER, organisation=ministry, first_name="Jean", last_name="Weber"
    )
    audit_record(action=Action.VIEW, actor=officer, target=person)
    audit_record(action=Action.UPDATE, actor=candidate_user, target=person, fields=["phone"])
    audit_record(action=Action.VIEW, actor=officer, target=factories.candidate())  # someone else
    client.force_login(candidate_user)
    with translation.override("fr"):
        page = client.get(reverse("audit:mine"), HTTP_ACCEPT_LANGUAGE="fr")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Département de l&#x27;intégration" in text or "Département de l'intégration" in text
    assert "Weber" not in text and "Jean" not in text and officer.email not in text
    # The officer's look, and their own change and sign-in (force_login) as "you".
    assert page.context["page"].paginator.count == 3
    whos = [row["who"] for row in page.context["rows"]]
    assert any("Département" in who for who in whos)
    assert len([who for who in whos if who in ("Vous", "You")]) == 2


def test_the_home_page_links_to_the_candidates_trail(client, candidate_user):
    client.force_login(candidate_user)
    assert reverse("audit:mine") in client.get(reverse("portal:home")).content.decode()


@pytest.mark.parametrize("role", [Role.OFFICER, Role.DPO, Role.ADMIN, Role.PROVIDER])
def test_only_candidates_have_a_trail_of_their_own(client, all_roles, role):
    client.force_login(all_roles[role])
    assert client.get(reverse("audit:mine")).status_code == 403


# The data-protection officer's search and export.


def test_the_dpo_searches_by_person_in_a_post_form(client, dpo, officer, stranger):
    other = factories.candidate()
    audit_record(action=Action.VIEW, actor=officer, target=stranger)
    audit_record(action=Action.VIEW, actor=officer, target=other)
    client.force_login(dpo)
    page = client.post(reverse("audit:event_list"), {"person": stranger.national_id})
    assert page.status_code == 200
    shown = list(page.context["page"].object_list)
    assert [e.subject for e in shown] == [stranger.pk]
    # The search itself is in the trail, about that person, without the number.
    searched = AuditEvent.objects.get(action=Action.SEARCH)
    assert (searched.subject, searched.actor) == (stranger.pk, dpo)
    assert stranger.national_id not in _all_text()


def test_a_wrong_national_id_is_shown_next_to_the_field(client, dpo):
    client.force_login(dpo)
    page = client.post(reverse("audit:event_list"), {"person": "12ab"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "govuk-error-summary" in text and 'id="person-error"' in text
    assert 'value="12ab"' in text  # nothing typed is lost


def test_the_dpo_filters_by_role_action_and_dates(client, dpo, officer, stranger):
    provider = factories.user(Role.PROVIDER)
    audit_record(action=Action.VIEW, actor=officer, target=stranger)
    audit_record(action=Action.UPDATE, actor=provider, target=stranger)
    client.force_login(dpo)
    page = client.post(
        reverse("audit:event_list"),
        {"role": Role.PROVIDER, "organisation": provider.organisation_id, "action": Action.UPDATE},
    )
    assert [e.actor for e in page.context["page"].object_list] == [provider]
    page = client.post(
        reverse("audit:event_list"),
        {"since_day": "1", "since_month": "1", "since_year": "2100"},
    )
    assert list(page.context["page"].object_list) == []
    page = client.post(
        reverse("audit:event_list"),
        {
            "since_day": "2",
            "since_month": "1",
            "since_year": "2030",
            "until_day": "1",
            "until_month": "1",
            "until_year": "2030",
        },
    )
    assert "until" in page.context["form"].errors


def test_the_dpo_exports_the_trail_as_csv_and_the_export_is_audited(client, dpo, officer, stranger):
    audit_record(action=Action.VIEW, actor=officer, target=stranger)
    client.force_login(dpo)
    response = client.post(
        reverse("audit:event_list"), {"person": stranger.national_id, "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["action"], r["subject"], r["actor_role"]) for r in rows] == [
        ("view", str(stranger.pk), "officer")
    ]
    export = AuditEvent.objects.get(action=Action.EXPORT)
    assert (export.subject, export.actor, export.fields) == (stranger.pk, dpo, ["person"])
    assert stranger.national_id not in _all_text()


def test_an_administrator_sees_only_administrators_actions_on_accounts(
    client, administrator, officer, stranger
):
    audit_record(action=Action.VIEW, actor=officer, target=stranger)
    on_account = audit_record(action=Action.UPDATE, actor=administrator, target=officer)
    client.force_login(administrator)
    page = client.get(reverse("audit:event_list"))
    shown = list(page.context["page"].object_list)
    assert on_account in shown  # with their own sign-in (force_login)
    assert {(e.actor_role, e.target_type) for e in shown} == {("admin", "accounts.user")}
    assert "person" not in page.context["form"].fields  # no search by person
    response = client.post(reverse("audit:event_list"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert str(officer.pk) in [r["record_id"] for r in rows]
    assert str(stranger.pk) not in str(rows)


@pytest.mark.parametrize("role", [Role.OFFICER, Role.PROVIDER, Role.SOCIAL_WORKER, Role.CANDIDATE])
def test_no_one_else_reads_the_trail(client, all_roles, role):
    client.force_login(all_roles[role])
    assert client.post(reverse("audit:event_list"), {"export": "csv"}).status_code == 403


@pytest.mark.parametrize(
    "data",
    [
        {"page": "99999999999999999999"},
        {"page": "٢"},
        {"since_day": "31", "since_month": "12", "since_year": "9999"},
        {"until_day": "31", "until_month": "12", "until_year": "2199"},
        {"record": "9" * 70, "record_type": "no.such"},
        {"person": "1990\n0517\x00123"},
        {"person": "١٩٩٠٠٥١٧١٢٣٤٥"},
        {"organisation": "99999999999999999999", "role": "nobody", "action": "<b>"},
    ],
)
def test_the_search_takes_anything_typed_without_a_server_error(client, dpo, data):
    client.force_login(dpo)
    assert client.post(reverse("audit:event_list"), data).status_code == 200
    assert client.post(reverse("audit:event_list"), {**data, "export": "csv"}).status_code == 200


def test_the_candidates_page_takes_any_page_number(client, candidate_user):
    client.force_login(candidate_user)
    assert client.get(reverse("audit:mine"), {"page": "99999999999999999999"}).status_code == 200


def test_the_candidate_is_told_who_acted_without_an_account(rf, candidate_user):
    person = Candidate.objects.get(user=candidate_user)
    request = rf.get("/", REMOTE_ADDR="192.0.2.1")
    request.user = AnonymousUser()
    by_link = audit_record(action=Action.VIEW, target=person, request=request)
    by_job = audit_record(action=Action.UPDATE, target=person)
    failed = audit_record(action=Action.SIGN_IN_FAILED, target=candidate_user, subject=person.pk)
    assert who_label(by_link, candidate_user) == "Someone with your private link (most likely you)"
    assert who_label(by_job, candidate_user) == "Accueil, automatically"
    assert who_label(failed, candidate_user) == "Someone trying to sign in to your account"
