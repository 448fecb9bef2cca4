"""The Content Security Policy (issue 14, point 9) refuses nothing the site itself needs:
public pages, an officer's pages, the admin site and the API's documentation load with
no violation reported, and their JavaScript enhancements still run.

The policy has no 'unsafe-inline': an inline <script>, a <style> element or a style=""
attribute left in a page would be reported here (the browser fires
`securitypolicyviolation` and logs "Refused to ..."). Seed 000, "Forms / Online
services": the forms' data are protected."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from accueil.accounts.models import Role
from accueil.contracts import services as contract_services
from accueil.contracts.models import Contract, ContractStatus
from accueil.intake.models import LinguisticProfile
from tests import factories
from tests.browser.conftest import sign_in

# Every document of the tab keeps the violations it sees, from before its first script.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


@pytest.fixture
def violations(page: Page) -> list[str]:
    seen: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


def visit(page: Page, url: str, violations: list[str], *, ours: bool = True) -> None:
    """Load `url`; no violation reported. `ours`: a page of base.html, whose first
    script (a file, core/static/accueil/js-enabled.js) marks the body."""
    page.goto(url)
    page.wait_for_load_state("load")
    reported = page.evaluate("() => window.__csp")
    assert reported == [], f"{url}: {reported}"
    assert violations == [], f"{url}: {violations}"
    if ours:
        classes = page.evaluate("() => document.body.className")
        assert "js-enabled" in classes, f"{url}: the js-enabled script did not run"


def enhanced(page: Page) -> None:
    """GOV.UK Frontend's initAll ran (init.js, a module): it marks what it set up."""
    expect(page.locator("[data-govuk-skip-link-init]")).to_have_count(1)


def test_public_pages_load_under_the_policy(page, violations):
    public = ("/", "/register/", reverse("guide:start"), reverse("verify:form"))
    for url in (*public, reverse("core:privacy"), reverse("guide:calculators")):
        visit(page, url, violations)
        enhanced(page)
    # A verification answer with its QR code (a data: image) and an error summary.
    visit(page, reverse("verify:form") + "?code=NOPE", violations)


def test_a_candidates_pages_load_under_the_policy(page, violations):
    candidate = factories.user(Role.CANDIDATE)
    contract = factories.contract(factories.candidate(user=candidate))
    sign_in(page, candidate)
    for url in (reverse("portal:home"), reverse("officer_contracts:detail", args=[contract.pk])):
        visit(page, url, violations)
        enhanced(page)


def test_an_officers_pages_load_under_the_policy(page, violations):
    officer = factories.user(Role.OFFICER)
    session = factories.information_session()
    sign_in(page, officer)
    for url in (
        reverse("portal:home"),
        reverse("officer:session_list"),
        reverse("officer:session_detail", args=[session.pk]),
    ):
        visit(page, url, violations)
        enhanced(page)
    # The attendee list's print stylesheet is a file, loaded for print only.
    assert page.locator('link[media="print"]').count() == 1


def test_the_admin_site_loads_under_the_policy(page, violations):
    administrator = factories.user(Role.ADMIN, is_superuser=True)
    candidate = factories.candidate()
    sign_in(page, administrator)
    visit(page, ours=False, url="/admin/", violations=violations)
    visit(page, ours=False, url="/admin/accounts/user/", violations=violations)
    visit(
        page,
        ours=False,
        url=f"/admin/accounts/user/{administrator.pk}/change/",
        violations=violations,
    )
    visit(page, ours=False, url="/admin/accounts/organisation/add/", violations=violations)
    # The admin's own scripts run: the list's "select all" box ticks every row.
    visit(page, ours=False, url="/admin/registration/candidate/", violations=violations)
    if page.locator("#action-toggle").count():
        page.check("#action-toggle")
        expect(page.locator("input.action-select").first).to_be_checked()
    assert candidate.pk


def test_the_api_documentation_loads_under_the_policy(page, violations):
    visit(page, "/api/v1/docs", violations, ours=False)
    page.locator(".opblock").first.wait_for()
    page.locator(".opblock-summary-control").first.click()
    page.locator(".try-out__btn").first.wait_for()
    # Trying an operation (its answer drawn by Swagger UI) and the sign-in dialog.
    page.locator(".try-out__btn").first.click()
    page.locator("button.execute").first.click()
    page.locator(".live-responses-table").first.wait_for()
    page.locator(".btn.authorize").first.click()
    page.locator(".modal-ux").wait_for()
    reported = page.evaluate("() => window.__csp")
    assert reported == [] and violations == [], (reported, violations)


def test_signing_on_paper_with_a_scan_works_under_the_policy(page, violations, tmp_path):
    """The sign form's file upload, then the contract's page with the scan to download."""
    officer = factories.user(Role.OFFICER)
    person = factories.candidate()
    LinguisticProfile.objects.create(candidate=person, french="A2", recorded_by=officer)
    factories.residence_document(person, checked_by=officer)
    contract_services.contract_draft(candidate=person, actor=officer)
    scan = tmp_path / "Scan of my passport.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    sign_in(page, officer)
    visit(page, reverse("contracts:task", args=[person.pk]), violations)
    enhanced(page)
    page.check("input[name=method][value=paper]")
    page.set_input_files("#id_scan", str(scan))
    with page.expect_navigation():
        page.click("#sign-form button[type=submit]")
    contract = Contract.objects.get(candidate=person)
    assert contract.status == ContractStatus.IN_FORCE
    visit(page, reverse("officer_contracts:detail", args=[contract.pk]), violations)
    with page.expect_download() as download:
        page.click("#signed-scan-link")
    assert download.value.suggested_filename == f"{contract.number}-signed.pdf"
    assert "passport" not in contract.signed_scan.name
