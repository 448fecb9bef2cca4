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
