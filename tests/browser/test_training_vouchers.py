"""Issue 12 points 4-5 in a real browser, in English, French and German, at phone
width, with the keyboard and axe-core: the candidate gets a voucher and enrols with
it from their path; the provider's staff enrol a person with their voucher's code."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.training import vouchers
from accueil.training.models import Enrolment
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in
from tests.training.vouchers_helpers import course, signatory

WORDS = {
    "en": ("Get a voucher", "Enrol", "Enrol the person"),
    "fr": ("Obtenir un bon", "S’inscrire", "Inscrire la personne"),
    "de": ("Einen Gutschein erhalten", "Anmelden", "Die Person anmelden"),
}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_candidate_gets_a_voucher_and_enrols_with_it(
    page, use_language, transactional_db, lang
):
    get_voucher, enrol, _ = WORDS[lang]
    user = factories.user(Role.CANDIDATE)
    person = factories.candidate(user=user)
    factories.contract(person)
    target = course()
    page.set_viewport_size(PHONE)
    use_language(lang)
    sign_in(page, user)
    page.focus("#my-vouchers")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('training:my_courses')}")
    assert_accessible(page)
    page.get_by_role("button", name=get_voucher).focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#vouchers code")
    voucher = person.vouchers.get()
    assert voucher.code_display in page.content()
    assert_accessible(page)
    page.goto(reverse("training:enrol", args=[target.pk]))
    assert_accessible(page)
    page.focus("#id_fee_0")
    page.keyboard.press("Space")
    page.get_by_role("button", name=enrol, exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('training:my_courses')}")
    assert target.title in page.content()
    assert_accessible(page)
    enrolment = Enrolment.objects.get(course=target, candidate=person)
    assert enrolment.voucher_redemption.voucher == voucher


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_provider_enrols_a_person_with_a_voucher(page, use_language, transactional_db, lang):
    _, _, enrol_person = WORDS[lang]
    staff = factories.user(Role.PROVIDER)
    target = course(staff.organisation)
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    page.set_viewport_size(PHONE)
    use_language(lang)
    sign_in(page, staff)
    page.goto(reverse("training:enrol_person", args=[target.pk]))
    assert_accessible(page)
    # A wrong code first: the error is next to the field and in the summary.
    page.focus("#id_national_id")
    page.keyboard.type(person.national_id)
    page.keyboard.press("Tab")
    page.keyboard.type(person.surname)
    page.keyboard.press("Tab")
    page.keyboard.type("AAAA-BBBB-CCCC-DDDD")
    page.keyboard.press("Enter")
    page.wait_for_selector(".govuk-error-summary")
    assert page.locator("#id_voucher_code-error, .govuk-error-message").count() >= 1
    assert_accessible(page)
    page.fill("#id_voucher_code", voucher.code_display)
    page.get_by_role("button", name=enrol_person).focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".govuk-notification-banner--success")
    assert_accessible(page)
    assert target.enrolments.get().voucher_redemption.voucher == voucher
