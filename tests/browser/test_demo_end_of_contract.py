"""Issue 13, "Done when", in a real browser, at phone width, with the keyboard, in
English, French and German, with axe-core on every page, on the demo's data: the job
reviewed the contracts whose term had ended; an officer decides the one left in the
review queue "not fulfilled for a legitimate reason" and opens and signs its follow-up
contract; the fulfilled candidate downloads her certificate of completion, whose QR code
verifies; the statistics show the demo's contracts."""

from urllib.parse import urlsplit

import pytest

from accueil.contracts.models import Contract, ContractStatus
from accueil.contracts.selectors import covered_obligations
from accueil.demo import data
from accueil.registration.models import Candidate
from tests.browser.conftest import PHONE, assert_accessible
from tests.browser.test_demo_training_journey import sign_in_demo
from tests.browser.test_end_of_contract import open_and_sign_follow_up, press
from tests.browser.test_training_certificates import qr_payload

VALID = {"en": "This certificate is valid", "fr": "Ce certificat est valable"}
VALID["de"] = "Diese Bescheinigung ist gültig"


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_demo_s_end_of_contract(page, use_language, transactional_db, tmp_path, lang):
    data.load()
    kwame = Candidate.objects.get(first_name="Kwame").contracts.get()
    assert kwame.status == ContractStatus.UNDER_REVIEW  # put there by the job
    page.set_viewport_size(PHONE)

    # The officer: the queue, Kwame's review, the decision, the follow-up signed.
    sign_in_demo(page, "officer@accueil.example")
    use_language(lang)
    page.goto("/home/")
    press(page, "#review-queue-link")
    page.wait_for_url("**/officer/contracts/review/")
    assert_accessible(page)
    press(page, f"#review-queue a[href$='/{kwame.pk}/review/']")
    page.wait_for_url(f"**/{kwame.pk}/review/")
    assert page.locator("#obligation-citizenship_course .govuk-tag--red").count() == 1
    assert_accessible(page)
    press(page, "#id_outcome_1", " ")
    page.focus("#id_reason")
    page.keyboard.type("Night shifts for a year; the citizenship sessions were all in the evening.")
    with page.expect_navigation():
        press(page, "#decision-form button[type=submit]")
    assert_accessible(page)
    open_and_sign_follow_up(page, kwame.candidate)
    kwame.refresh_from_db()
    follow_up = Contract.objects.get(follows=kwame)
    assert kwame.status == ContractStatus.SUPERSEDED
    assert follow_up.status == ContractStatus.IN_FORCE
    assert covered_obligations(follow_up.obligations) == ("citizenship_course",)

    # The statistics show the demo's contracts (a chart and its table, no empty page).
    page.goto("/officer/statistics/contracts-signed/")
    assert page.locator("svg[role=img]").count() >= 1
    cells = page.locator("#signed-per-month-table td").all_inner_texts()
    assert any(cell.strip() not in ("", "0") for cell in cells)
    assert_accessible(page)

    # The fulfilled candidate: her certificate of completion, whose QR code verifies.
    page.context.clear_cookies()
    sign_in_demo(page, "fulfilled@accueil.example")
    use_language(lang)
    page.goto("/home/")
    assert_accessible(page)
    href = page.get_attribute("#completion-certificate-link", "href")
    pdf = page.request.get(href).body()
    url = qr_payload(pdf, tmp_path)
    page.context.clear_cookies()
    use_language(lang)
    page.goto(urlsplit(url).path)
    assert page.locator("#verdict").inner_text() == VALID[lang]
    assert_accessible(page)
