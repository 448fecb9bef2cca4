"""Issue 13, point 5 in a real browser: a candidate whose contract is fulfilled downloads
their certificate of completion from their path; its QR code leads to the public
verification page, which says it is valid. In English, French and German, at phone
width, with the keyboard, and no axe-core violation on any page."""

from datetime import date
from urllib.parse import urlsplit

import pytest

from accueil.accounts.models import Role
from accueil.contracts.models import ContractStatus
from accueil.core.codes import code_display
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in
from tests.browser.test_training_certificates import qr_payload
from tests.contracts.test_completion_certificate import certify, pdf_text

WORDS = {
    "en": ("Download your certificate of completion", "This certificate is valid", "10 March 2027"),
    "fr": (
        "Télécharger votre certificat d’accomplissement",
        "Ce certificat est valable",
        "10 mars 2027",
    ),
    "de": (
        "Ihre Abschlussbescheinigung herunterladen",
        "Diese Bescheinigung ist gültig",
        "10. März 2027",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_fulfilled_candidate_downloads_the_certificate_and_its_qr_code_verifies(
    page, use_language, transactional_db, tmp_path, lang
):
    link_words, valid_words, day = WORDS[lang]
    user = factories.user(Role.CANDIDATE, language=lang)
    person = factories.candidate(
        user=user, first_name="Wei", surname="Zhang", information_language=lang
    )
    contract = factories.contract(
        person, status=ContractStatus.FULFILLED, language=lang, fulfilled_on=date(2027, 3, 10)
    )
    certify(contract, "orientation_day", date(2026, 5, 20), "Integration Department")
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, user)  # lands on their path
    link = page.locator("#completion-certificate-link")
    assert link_words in link.inner_text()
    assert_accessible(page)
    pdf = page.request.get(link.get_attribute("href")).body()  # with the session's cookie
    text = " ".join(pdf_text(pdf).split())
    assert "Wei ZHANG" in text and contract.number in text and day in text
    url = qr_payload(pdf, tmp_path)
    contract.refresh_from_db()
    assert url.endswith(f"/verify/{contract.completion_code}/")
    page.context.clear_cookies()  # anyone, not signed in, reads the code
    use_language(lang)
    page.goto(urlsplit(url).path)
    assert page.locator("#verdict").inner_text() == valid_words
    verified = page.locator("#verified").inner_text()
    assert "W. Z." in verified and day in verified and contract.number in verified
    assert "Zhang" not in page.content()
    assert_accessible(page)
    # The code typed from the paper, in lower case, with the keyboard.
    page.goto("/verify/")
    page.focus("#id_code")
    page.keyboard.type(code_display(contract.completion_code).lower())
    page.keyboard.press("Enter")
    page.wait_for_selector("#verdict")
    assert page.locator("#verdict").inner_text() == valid_words
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_an_officer_finds_it_on_the_contract_s_page(page, use_language, transactional_db, lang):
    officer = factories.user(Role.OFFICER, language=lang)
    contract = factories.contract(
        factories.candidate(), status=ContractStatus.FULFILLED, language=lang
    )
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, officer)
    page.goto(f"/officer/contracts/{contract.pk}/")
    href = page.get_attribute("#completion-certificate-link", "href")
    assert href == f"/contracts/{contract.pk}/certificate-of-completion/"
    assert_accessible(page)
    response = page.request.get(href)
    assert response.status == 200 and response.body().startswith(b"%PDF")
