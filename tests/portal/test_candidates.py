"""Staff views of candidates: the list, one record, and who may open them."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from tests import factories


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.OFFICER, 200),
        (Role.DPO, 200),
        (Role.ADMIN, 403),
        (Role.PROVIDER, 403),
        (Role.SOCIAL_WORKER, 403),
        (Role.CANDIDATE, 403),
    ],
)
def test_the_candidate_list_is_for_officers_and_the_dpo(client, all_roles, role, status):
    client.force_login(all_roles[role])
    assert client.get(reverse("portal:candidate_list")).status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.OFFICER, 200),
        (Role.DPO, 200),
        (Role.ADMIN, 404),
        (Role.PROVIDER, 404),
        (Role.SOCIAL_WORKER, 404),
        (Role.CANDIDATE, 404),
    ],
)
def test_a_record_is_hidden_from_those_who_may_not_see_it(
    client, all_roles, stranger, role, status
):
    client.force_login(all_roles[role])
    url = reverse("portal:candidate_detail", args=[stranger.pk])
    assert client.get(url).status_code == status


def test_opening_a_record_is_written_to_the_audit_trail(client, officer, stranger):
    client.force_login(officer)
    client.get(reverse("portal:candidate_detail", args=[stranger.pk]))
    event = AuditEvent.objects.get(action=Action.VIEW)
    assert (event.actor, event.target_id) == (officer, str(stranger.pk))


def test_the_record_explains_eligibility_with_reasons_and_sources(client, officer):
    person = factories.candidate(nationalities=["LU", "FR"])
    client.force_login(officer)
    page = client.get(reverse("portal:candidate_detail", args=[person.pk])).content.decode()
    assert "Not eligible" in page
    assert "Who is concerned" in page


def test_officers_find_candidates_by_name_number_or_contract(client, officer, stranger):
    client.force_login(officer)
    contract = stranger.contracts.get()
    for query in (stranger.surname, stranger.national_id, contract.number):
        page = client.get(reverse("portal:candidate_list"), {"q": query}).content.decode()
        assert str(stranger) in page, query
    page = client.get(reverse("portal:candidate_list"), {"q": "nobody"}).content.decode()
    assert "No candidate matches your search" in page


def test_the_list_makes_the_same_number_of_queries_whatever_the_number_of_rows(
    client, officer, django_assert_max_num_queries
):
    for _ in range(3):
        factories.contract(factories.candidate())
    client.force_login(officer)
    # 10: the session, its user and its second factor (issue 14), the page's reads, and
    # one INSERT of the trail for the candidates shown.
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("portal:candidate_list"))
    for _ in range(20):
        factories.contract(factories.candidate())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("portal:candidate_list"))


def test_officers_filter_by_status_session_and_end_of_term(client, officer):
    from datetime import timedelta

    from django.utils import timezone

    from accueil.booking.services import booking_create
    from accueil.contracts.models import ContractStatus

    today = timezone.localdate()
    registered = factories.candidate(surname="Onlyregistered")
    ending = factories.candidate(surname="Endingsoon")
    factories.contract(
        ending,
        entry_into_force=today - timedelta(days=700),
        end_exclusive=today + timedelta(days=20),
    )
    fulfilled = factories.candidate(surname="Donealready")
    factories.contract(fulfilled, status=ContractStatus.FULFILLED)
    session = factories.information_session()
    booking_create(candidate=registered, session=session)
    client.force_login(officer)
    url = reverse("portal:candidate_list")

    def names(**params):
        return client.get(url, params).content.decode()

    assert str(registered) in names(status="registered")
    assert str(ending) not in names(status="registered")
    assert str(fulfilled) in names(status="fulfilled")
    assert str(registered) in names(session=session.pk)
    assert str(ending) not in names(session=session.pk)
    page = names(ending=30)
    assert str(ending) in page and str(fulfilled) not in page


def test_a_filtered_page_costs_the_same_queries_whatever_the_rows(
    client, officer, django_assert_max_num_queries
):
    client.force_login(officer)
    url = reverse("portal:candidate_list")
    params = {"q": "Surname", "status": "in_force", "ending": 90}
    factories.contract(factories.candidate())
    with django_assert_max_num_queries(10) as few:
        client.get(url, params)
    for _ in range(15):
        factories.contract(factories.candidate())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url, params)
