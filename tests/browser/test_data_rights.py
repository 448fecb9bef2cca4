"""Issue 14, points 1 and 2: a candidate asks, from their home page, to object to the
processing of their data and to correct their surname; the data-protection officer
answers the objection from the queue, an integration officer approves the correction;
the candidate sees both answers. In the three languages, with axe-core on every page
(the forms, their error states, the queue), the candidate's pages at phone size, with
the keyboard alone for the request."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accueil.accounts.models import Role
from accueil.privacy.models import DataSubjectRequest, RequestKind, RequestStatus
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_candidate_asks_and_the_dpo_and_an_officer_answer(
    page, use_language, transactional_db, lang
):
    account = factories.user(Role.CANDIDATE)
    person = factories.candidate(user=account, surname="Silvva", information_language=lang)
    factories.contract(person)
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, account)
    with page.expect_navigation():
        page.click("#my-data")
    assert_accessible(page)
    assert page.locator("#copy-pdf").is_visible() and page.locator("#copy-json").is_visible()

    # The objection, keyboard alone: its reasons are required.
    with page.expect_navigation():
        page.click("#ask-objection")
    page.focus("#id_details")
    page.keyboard.press("Enter")  # in a textarea: a new line, nothing sent
    page.focus("#ask-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.fill("#id_details", "I receive the reminders\ntwice.")
    with page.expect_navigation():
        page.click("#ask-form button[type=submit]")
    expect(page.locator("#my-requests")).to_be_visible()
    assert_accessible(page)

    # The correction of the surname.
    with page.expect_navigation():
        page.click("#ask-rectification")
    assert_accessible(page)
    page.fill("#id_surname", "Silva")
    with page.expect_navigation():
        page.click("#ask-form button[type=submit]")  # no reason: the error state
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.locator("#id_surname").input_value() == "Silva"  # nothing typed is lost
    assert_accessible(page)
    page.fill("#id_details", "Misspelt")
    with page.expect_navigation():
        page.click("#ask-form button[type=submit]")
    expect(page.locator("#my-requests")).to_be_visible()
    objection = DataSubjectRequest.objects.get(kind=RequestKind.OBJECTION)
    correction = DataSubjectRequest.objects.get(kind=RequestKind.RECTIFICATION)
    assert correction.changes == {"surname": "Silva"}

    # The data-protection officer answers the objection.
    page.context.clear_cookies()
    use_language(lang)
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, factories.user(Role.DPO))
    with page.expect_navigation():
        page.click("#privacy-queue")
    expect(page.locator("#queue")).to_be_visible()
    assert_accessible(page)
    with page.expect_navigation():
        page.click(f"a[href='{reverse('privacy:answer', args=[objection.pk])}']")
    assert_accessible(page)
    with page.expect_navigation():
        page.click("#answer-form button[type=submit]")  # nothing chosen: the error state
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.check("#id_outcome_0")
    page.fill("#id_answer", "We send the reminders once.")
    with page.expect_navigation():
        page.click("#answer-form button[type=submit]")
    expect(page.locator("#queue")).to_be_visible()
    objection.refresh_from_db()
    assert objection.status == RequestStatus.ANSWERED

    # An integration officer approves the correction.
    page.context.clear_cookies()
    use_language(lang)
    sign_in(page, factories.user(Role.OFFICER))
    with page.expect_navigation():
        page.click("#rectifications-link")
    assert_accessible(page)
    with page.expect_navigation():
        page.click(f"a[href='{reverse('privacy:rectification', args=[correction.pk])}']")
    expect(page.locator("#changes")).to_contain_text("Silva")
    assert_accessible(page)
    page.check("#id_outcome_0")
    page.fill("#id_answer", "Corrected.")
    with page.expect_navigation():
        page.click("#decision-form button[type=submit]")
    expect(page.locator("#queue-empty")).to_be_visible()
    person.refresh_from_db()
    assert person.surname == "Silva"

    # The candidate sees both answers.
    page.context.clear_cookies()
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, account)
    page.goto(reverse("privacy:my_data"))
    answers = page.locator("#my-requests")
    expect(answers).to_contain_text("We send the reminders once.")
    expect(answers).to_contain_text("Corrected.")
    assert_accessible(page)
