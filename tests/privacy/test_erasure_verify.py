"""Issue 14, point 3: the verification page of an erased person's certificate (of
attendance, or of completion) says that it is no longer available, in English, French
and German: not that it is invalid, and without a name or initials."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.contracts.models import ContractStatus
from accueil.privacy.erasure import erase_candidate
from tests import factories
from tests.training.test_certificates import course, enrolled, issue, staff_of

pytestmark = pytest.mark.django_db

GONE = {
    "en": "This certificate is no longer available",
    "fr": "Ce certificat n’est plus disponible",
    "de": "Diese Bescheinigung ist nicht mehr verfügbar",
}
INVALID = {
    "en": "No certificate has this code",
    "fr": "Aucun certificat",
    "de": "Keine Bescheinigung",
}


@pytest.fixture
def codes(dpo):
    staff = staff_of()
    person = factories.candidate(first_name="Wiktoria", surname="Quernheim")
    factories.contract(person)
    certificate = issue(enrolled(course(staff.organisation), person), staff)
    contract = person.contracts.get()
    contract.status = ContractStatus.FULFILLED
    contract.fulfilled_on = date(2026, 6, 10)
    contract.decided_at = timezone.now()
    contract.completion_code = "7KQ2M9XD4T1B8RWE"
    contract.save()
    return person, [certificate.code, contract.completion_code]


def test_before_erasure_the_page_shows_the_certificate_with_initials(client, codes):
    _person, found = codes
    for code in found:
        page = client.get(reverse("verify:certificate", args=[code]))
        assert page.status_code == 200
        assert "W. Q." in page.content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_after_erasure_the_page_says_no_longer_available_without_a_name(
    client, codes, dpo, language
):
    person, found = codes
    erase_candidate(person, actor=dpo, reason="request")
    for code in found:
        page = client.get(reverse("verify:certificate", args=[code]), HTTP_ACCEPT_LANGUAGE=language)
        text = page.content.decode()
        assert page.status_code == 410
        assert GONE[language] in text
        assert INVALID[language] not in text
        for name in ("Wiktoria", "Quernheim", "W. Q."):
            assert name not in text


def test_an_officer_opens_an_erased_persons_file_and_lists_without_an_error(
    client, codes, dpo, officer
):
    """What stays of them (contract number, certificates) is still reached by officers,
    named "Person erased", with no identification number nor "None" shown."""
    person, _found = codes
    erase_candidate(person, actor=dpo, reason="request")
    client.force_login(officer)
    for url in (
        reverse("portal:candidate_detail", args=[person.pk]),
        reverse("portal:candidate_list") + "?q=" + person.reference,
    ):
        page = client.get(url)
        text = page.content.decode()
        assert page.status_code == 200, url
        assert "None" not in text and "Quernheim" not in text
    detail = client.get(reverse("portal:candidate_detail", args=[person.pk])).content.decode()
    assert "Person erased" in detail and person.contracts.get().number in detail
