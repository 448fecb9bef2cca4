"""Issue 13, point 8, in a real browser at phone width, with the keyboard, in English,
French and German, with axe-core on every page: an officer opens the review queue from
the home page, a review, tries to decide without reasons (error summary, nothing typed
lost), decides "not fulfilled for a legitimate reason", opens the follow-up contract and
signs it; the first contract is superseded; the candidate sees the decision, its reasons
with the seed passage, and what the follow-up covers."""

import pytest

from accueil.accounts.models import Role
from accueil.contracts.models import CertificateOrigin, Contract, ContractStatus, Obligation
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in
from tests.contracts.review_helpers import certificate, under_review

LEGITIMATE = {
    "en": "for a reason the Integration Department considers legitimate",
    "fr": "pour un motif que le Département de l’intégration juge légitime",
    "de": "aus einem Grund, den die Integrationsabteilung als berechtigt ansieht",
}
TO_DECIDE = {"en": "1 contract to decide", "fr": "1 contrat à décider", "de": "1 zu entscheidender"}


def press(page, selector: str, key: str = "Enter") -> None:
    page.focus(selector)
    page.keyboard.press(key)


def open_and_sign_follow_up(page, person) -> None:
    """From the decided contract's review page: open its follow-up, sign it (the
    candidate's confirmation after an identity check), with the keyboard."""
    with page.expect_navigation():
        press(page, "#follow-up-form button[type=submit]")
    page.wait_for_url(f"**/candidates/{person.pk}/contract/")
    assert_accessible(page)
    press(page, "#id_method_1", " ")
    press(page, "#id_identity_checked", " ")
    with page.expect_navigation():
        press(page, "#sign-form button[type=submit]")
    assert page.locator("#signed").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_an_officer_decides_and_opens_a_follow_up_the_candidate_sees_it(
    page, use_language, transactional_db, lang
):
    officer = factories.user(Role.OFFICER)
    account = factories.user(Role.CANDIDATE)
    person = factories.candidate(user=account, information_language=lang)
    factories.residence_document(person, checked_by=officer)
    contract = under_review(person, met=(Obligation.LANGUAGE_TRAINING,))
    certificate(
        contract,
        Obligation.CITIZENSHIP_COURSE,
        hours=3,
        sessions=1,
        origin=CertificateOrigin.ISSUED,
        code="ABCDEFGHJKMNPQR" + "ST"[len(lang) % 2],
    )
    page.set_viewport_size(PHONE)

    sign_in(page, officer)
    use_language(lang)
    page.goto("/home/")
    assert TO_DECIDE[lang] in page.locator("#review-queue-link").inner_text()
    assert_accessible(page)
    press(page, "#review-queue-link")
    page.wait_for_url("**/officer/contracts/review/")
    assert_accessible(page)
    press(page, f"#review-queue a[href$='/{contract.pk}/review/']")
    page.wait_for_url(f"**/{contract.pk}/review/")
    assert page.locator("#obligation-citizenship_course .govuk-tag--red").count() == 1
    assert (
        page.locator(
            "a[href='/verify/" + contract.certificates.get(code__gt="").code + "/']"
        ).count()
        == 1
    )
    assert_accessible(page)

    # No reasons: the error summary, the message by the field, the choice kept.
    press(page, "#id_outcome_1", " ")
    with page.expect_navigation():
        press(page, "#decision-form button[type=submit]")
    assert page.locator(".govuk-error-summary").count() == 1
    assert page.locator(".govuk-error-message").count() == 1
    assert page.locator("#id_outcome_1").is_checked()
    assert_accessible(page)

    page.focus("#id_reason")
    page.keyboard.type("Long illness, with a certificate.")
    with page.expect_navigation():
        press(page, "#decision-form button[type=submit]")
    assert LEGITIMATE[lang] in page.locator("#decided").inner_text()
    assert_accessible(page)

    # The follow-up: opened, then signed on the usual signing page.
    open_and_sign_follow_up(page, person)
    contract.refresh_from_db()
    follow_up = Contract.objects.get(follows=contract)
    assert contract.status == ContractStatus.SUPERSEDED
    assert follow_up.status == ContractStatus.IN_FORCE

    # The candidate's path: the follow-up covers two obligations; the first's decision.
    page.context.clear_cookies()
    sign_in(page, account)
    use_language(lang)
    page.goto("/home/")
    covers = page.locator("#follow-up-covers li")
    assert covers.count() == 2
    assert LEGITIMATE[lang] in page.locator(f"#decision-{contract.number}").inner_text()
    assert "Long illness, with a certificate." in page.content()
    assert "The course is at least 6 hours long" in page.content()  # the seed passage
    assert page.locator("#step-language_training").count() == 0
    assert_accessible(page)
