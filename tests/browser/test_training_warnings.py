"""Issue 12 point 9 in a real browser, in English, French and German, at phone width,
with the keyboard and axe-core: an officer goes from the home page to the early
warnings, marks a signal handled, shows the handled ones and opens a person's record."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.training.models import HandledWarning
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in
from tests.training.warnings_helpers import attend, enrolled, signed, voucher

WORDS = {
    "en": ("Mark as handled", "Show the handled signals too", "Handled"),
    "fr": ("Indiquer comme traitée", "Afficher aussi les alertes traitées", "Traitée"),
    "de": ("Als bearbeitet markieren", "Auch bearbeitete Warnungen anzeigen", "Bearbeitet"),
}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_officer_handles_an_early_warning(page, use_language, transactional_db, lang):
    handle, show_handled, handled = WORDS[lang]
    officer = factories.user(Role.OFFICER)
    absence = attend(enrolled(), "absent", "excused", "absent")[2]
    voucher(12)
    contract = signed(70)
    page.set_viewport_size(PHONE)
    use_language(lang)
    sign_in(page, officer)
    page.goto(reverse("portal:home"))
    page.focus("#warnings-link")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('training:warnings')}")
    assert_accessible(page)
    assert page.locator("table tbody tr").count() == 3
    page.locator("#absences").get_by_role("button", name=handle).focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".govuk-notification-banner, .govuk-notification-banner--success")
    assert page.locator("#absences").count() == 0
    assert_accessible(page)
    mark = HandledWarning.objects.get()
    assert mark.key == str(absence.pk) and mark.handled_by == officer
    page.get_by_role("link", name=show_handled).focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#absences")
    assert handled in page.locator("#absences").inner_text()
    assert_accessible(page)
    page.locator("#nothing_booked").get_by_role("link", name=str(contract.candidate)).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('portal:candidate_detail', args=[contract.candidate.pk])}")
