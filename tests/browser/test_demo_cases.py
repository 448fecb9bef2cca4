"""Issue 11, "Done when", in the browser: signed in as the demo's officer, the letters
to print (the postal-only registrant's among them) and the file of the candidate whose
name is in Chinese script, with the link to their contract's PDF, in English, French
and German, checked by axe-core."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accueil.accounts.models import User
from accueil.contracts.models import Contract, ContractStatus
from accueil.demo import cases, data
from accueil.notifications.models import Letter
from accueil.registration.models import Candidate
from accueil.registration.selectors import email_about
from tests.browser.conftest import assert_accessible, enter_code


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_officer_sees_the_demos_letter_and_the_file_in_chinese_script(
    page, use_language, transactional_db, run_tasks, lang
):
    data.load()
    run_tasks()  # as the demo's task worker does: the letter is filed
    by_post = Candidate.objects.get(national_id=cases.nin(cases.BY_POST))
    letter = Letter.objects.get(notification__about=email_about(by_post.pk))
    surname, first = cases.CHINESE_SCRIPT
    contract = Contract.objects.get(
        candidate__surname=surname, candidate__first_name=first, status=ContractStatus.IN_FORCE
    )
    use_language(lang)
    page.goto("/sign-in/")
    page.fill("#id_username", cases.OFFICER)
    page.fill("#id_password", data.DEMO_PASSWORD)
    page.click("button[type=submit]")
    enter_code(page, User.objects.get(email=cases.OFFICER))
    page.wait_for_url("**/home/")

    with page.expect_navigation():
        page.click(f"a[href='{reverse('letters:to_print')}']")
    expect(page.locator(f"tr[data-letter='{letter.pk}']")).to_be_visible()
    assert_accessible(page)

    page.goto(reverse("portal:candidate_detail", args=[contract.candidate_id]))
    heading = page.locator("h1").inner_text()
    assert surname in heading and first in heading
    assert_accessible(page)
    with page.expect_navigation():
        page.click(f"a[href='{reverse('officer_contracts:detail', args=[contract.pk])}']")
    document = page.locator(f"a[href='{reverse('contracts:document', args=[contract.pk])}']")
    expect(document).to_be_visible()
    assert_accessible(page)
