"""The candidate's path shows, under each obligation, the courses they are enrolled in
(or waiting for), and leads to the catalogue for what is still to do."""

import html

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.contracts.models import Certificate
from accueil.training import enrolment
from accueil.training.models import CourseKind
from tests import factories
from tests.training.vouchers_helpers import course, signatory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = factories.user(Role.CANDIDATE, language="fr")
    candidate = factories.candidate(user=user, information_language="fr")
    factories.contract(candidate, language="fr")
    client.force_login(user)
    return candidate


def path_page(client):
    page = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="fr")
    return page, html.unescape(page.content.decode())


def test_the_path_names_the_courses_enrolled_in_and_waited_for_under_their_obligation(
    client, person
):
    language = course(title="Luxembourgish A1.1", title_fr="Luxembourgeois A1.1")
    full = course(
        kind=CourseKind.CITIZENSHIP,
        title="Living together",
        title_fr="Vivre ensemble",
        capacity=1,
        fee=0,
        reduced_fee=0,
    )
    enrolment.enrol(course_id=full.pk, candidate=signatory(), actor=None)
    enrolment.enrol(course_id=language.pk, candidate=person, actor=None)
    enrolment.enrol(course_id=full.pk, candidate=person, actor=None)
    page, text = path_page(client)
    by_obligation = {step.code: found for step, found, _kind in page.context["obligations"]}
    assert [e.course for e in by_obligation["language_training"]] == [language]
    assert [e.course for e in by_obligation["citizenship_course"]] == [full]
    assert by_obligation["orientation_day"] == []
    assert "Inscription à Luxembourgeois A1.1" in text
    assert "Sur la liste d’attente de Vivre ensemble" in text


def test_each_obligation_still_to_do_leads_to_its_courses_in_the_catalogue(client, person):
    contract = person.contracts.get()
    Certificate.objects.create(
        contract=contract,
        obligation="orientation_day",
        issued_on=contract.entry_into_force,
        issuer="Integration Department",
    )
    _page, text = path_page(client)
    catalogue = reverse("training:catalogue")
    assert f'href="{catalogue}?kind=language"' in text
    assert f'href="{catalogue}?kind=citizenship"' in text
    assert "?kind=orientation" not in text  # met already
    assert "Trouver un cours de langue" in text
