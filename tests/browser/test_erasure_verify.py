"""Issue 14, point 3 in a real browser: the verification page of an erased person's
certificate of completion, reached by typing its code with the keyboard alone, says
that the certificate is no longer available, without a name; in English, French and
German, at phone width, with no axe-core violation."""

from datetime import date

import pytest
from playwright.sync_api import expect

from accueil.contracts.models import ContractStatus
from accueil.core.codes import code_display
from accueil.privacy.erasure import erase_candidate
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible

GONE = {
    "en": "This certificate is no longer available",
    "fr": "Ce certificat n’est plus disponible",
    "de": "Diese Bescheinigung ist nicht mehr verfügbar",
}
CODE = "7KQ2M9XD4T1B8RWE"


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_an_erased_holders_certificate_is_no_longer_available(
    page, use_language, transactional_db, dpo, lang
):
    person = factories.candidate(first_name="Wiktoria", surname="Quernheim")
    factories.contract(
        person,
        status=ContractStatus.FULFILLED,
        fulfilled_on=date(2027, 3, 10),
        completion_code=CODE,
    )
    erase_candidate(person, actor=dpo, reason="request")
    use_language(lang)
    page.set_viewport_size(PHONE)
    page.goto("/verify/")
    page.focus("#id_code")
    page.keyboard.type(code_display(CODE).lower())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    verdict = page.locator("#verdict")
    expect(verdict).to_be_visible()
    assert GONE[lang] in verdict.inner_text()
    body = page.locator("main").inner_text()
    assert "Wiktoria" not in body and "Quernheim" not in body and "W. Q." not in body
    assert_accessible(page)
