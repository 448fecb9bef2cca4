"""Issue 14, point 4, in a browser: a candidate sees who accessed their data (a role and
an organisation in their language, never a name) from their home page; the
data-protection officer searches the trail by a person's national identification
number in a POST form (never in the address), sees the error next to the field, and
downloads the result as CSV. In English, French and German, at phone size too, with
axe-core on every state, without JavaScript needed (plain forms and links)."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.audit.services import audit_record
from accueil.registration.models import Candidate
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in

ORGANISATION = {
    "en": "Integration Department",
    "fr": "Département de l’intégration",
    "de": "Integrationsabteilung",
}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_candidate_sees_who_accessed_their_data(page, use_language, transactional_db, lang):
    department = factories.organisation(
        name=ORGANISATION["en"], name_fr=ORGANISATION["fr"], name_de=ORGANISATION["de"]
    )
    officer = factories.user(Role.OFFICER, organisation=department, last_name="Weber")
    account = factories.user(Role.CANDIDATE)
    person = factories.candidate(user=account)
    factories.contract(person)
    audit_record(action=Action.VIEW, actor=officer, target=person)
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, account)
    with page.expect_navigation():
        page.click("#my-trail-link")
    table = page.locator("#my-trail")
    assert ORGANISATION[lang] in table.inner_text()
    assert "Weber" not in page.content() and officer.email not in page.content()
    assert_accessible(page)
    page.keyboard.press("Tab")  # the page is reached and read with the keyboard alone


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_dpo_searches_by_person_and_downloads_the_csv(
    page, use_language, transactional_db, lang
):
    dpo = factories.user(Role.DPO)
    officer = factories.user(Role.OFFICER)
    person = factories.candidate()
    other = factories.candidate()
    audit_record(action=Action.VIEW, actor=officer, target=person)
    audit_record(action=Action.VIEW, actor=officer, target=other)
    use_language(lang)
    sign_in(page, dpo)
    page.goto(reverse("audit:event_list"))
    assert_accessible(page)
    page.fill("#person", "12ab")  # the error state: next to the field and in a summary
    with page.expect_navigation():
        page.click("button[name=search]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator("#person-error")).to_be_visible()
    assert page.locator("#person").input_value() == "12ab"  # nothing typed is lost
    assert_accessible(page)
    page.fill("#person", person.national_id)
    with page.expect_navigation():
        page.click("button[name=search]")
    assert person.national_id not in page.url
    rows = page.locator("table.govuk-table tbody tr")
    assert rows.count() == 1 and str(person.pk) in rows.first.inner_text()
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    with page.expect_download() as download:
        page.click("button[name=export]")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert str(person.pk) in text and str(other.pk) not in text
    assert AuditEvent.objects.filter(action=Action.EXPORT, subject=person.pk).exists()
    assert person.national_id not in str(list(AuditEvent.objects.values_list()))
    assert Candidate.objects.count() == 2
