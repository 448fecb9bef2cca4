"""Every amount the training pages show is written as the page's language writes it
(babel's currency format): the catalogue, a course's page, the provider's page of a
course, the enrol page and its fee choices; 0 reads as "Free" where a word reads better."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from accueil.core.money import euros, euros_or_free
from accueil.training import vouchers
from accueil.training.models import CourseKind, CourseStatus
from tests import factories
from tests.training.catalogue_helpers import approved, course

pytestmark = pytest.mark.django_db

# babel 2.18 (CLDR): French groups thousands with a narrow no-break space (U+202F) and
# puts a no-break space (U+00A0) before the symbol; German groups with a full stop.
WRITTEN = {
    "en": {"fee": "€1,234.50", "reduced": "€120.00", "free": "Free"},
    "fr": {"fee": "1\u202f234,50\u00a0€", "reduced": "120,00\u00a0€", "free": "Gratuit"},
    "de": {"fee": "1.234,50\u00a0€", "reduced": "120,00\u00a0€", "free": "Kostenlos"},
}
LANGUAGES = list(WRITTEN)
# What the pages wrote before: the amount as Python prints it, with a € pasted around
# ("€1234.50", "120.00 €"); in French and German, any € before the amount.
UNFORMATTED = {
    "en": re.compile(r"€\d{4}|\d\.\d\d\s?€"),
    "fr": re.compile(r"€\s?\d|\d\.\d\d\s?€"),
    "de": re.compile(r"€\s?\d|\d\.\d\d\s?€"),
}
ZERO = re.compile(r"(?<![\d.,\u202f])0[.,]00")


@pytest.fixture(autouse=True)
def language_kept():
    """A request sent with Accept-Language leaves its language active in the thread
    (LocaleMiddleware activates it and nothing deactivates it): put it back after each
    test, so that tests run after these in the same process read English as they expect."""
    before = translation.get_language()
    yield
    translation.activate(before)


def page(client, url, lang) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return response.content.decode()


def priced(provider=None, **fields):
    return course(provider, fee=Decimal("1234.50"), reduced_fee=Decimal("120.00"), **fields)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_helper_writes_euros_in_each_language(lang):
    assert euros(Decimal("1234.5"), lang) == WRITTEN[lang]["fee"]
    assert euros(120, lang) == WRITTEN[lang]["reduced"]
    with translation.override(lang):
        assert euros("120.00") == WRITTEN[lang]["reduced"]
        assert euros_or_free(Decimal("0.00")) == WRITTEN[lang]["free"]
        assert euros_or_free(Decimal("120")) == WRITTEN[lang]["reduced"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogue_and_the_course_page_write_the_fees_in_the_pages_language(client, lang):
    shown = priced()
    for url in (reverse("training:catalogue"), reverse("training:course_detail", args=[shown.pk])):
        html = page(client, url, lang)
        assert WRITTEN[lang]["fee"] in html and WRITTEN[lang]["reduced"] in html, url
        assert not UNFORMATTED[lang].search(html), UNFORMATTED[lang].search(html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_free_course_and_a_free_reduced_rate_read_as_free(client, lang):
    citizenship = course(kind=CourseKind.CITIZENSHIP, title="Vivre ensemble")
    free_with_voucher = course(fee=Decimal("80"), reduced_fee=Decimal("0"), title="Lux")
    html = page(client, reverse("training:course_detail", args=[citizenship.pk]), lang)
    assert WRITTEN[lang]["free"] in html and not ZERO.search(html)
    html = page(client, reverse("training:course_detail", args=[free_with_voucher.pk]), lang)
    expected = {
        "en": "Free at the reduced CAI rate",
        "fr": "Gratuit au tarif réduit CAI",
        "de": "Kostenlos zum ermäßigten CAI-Tarif",
    }[lang]
    assert expected in html and not ZERO.search(html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_providers_page_of_a_course_writes_the_fees_in_the_pages_language(client, lang):
    organisation = approved()
    staff = factories.user("provider", organisation=organisation)
    mine = priced(organisation, status=CourseStatus.DRAFT)
    client.force_login(staff)
    html = page(client, reverse("training:course_manage", args=[mine.pk]), lang)
    assert WRITTEN[lang]["fee"] in html and WRITTEN[lang]["reduced"] in html
    assert not UNFORMATTED[lang].search(html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_enrol_page_and_its_fee_choices_write_the_amounts_in_the_pages_language(
    client, candidate_user, lang
):
    voucher = vouchers.voucher_issue(contract=candidate_user.candidate.contracts.get(), actor=None)
    target = priced()
    client.force_login(candidate_user)
    response = client.get(reverse("training:enrol", args=[target.pk]), HTTP_ACCEPT_LANGUAGE=lang)
    html = response.content.decode()
    choices = dict(response.context["form"].fields["fee"].choices)
    written = WRITTEN[lang]
    assert choices[voucher.code].endswith(written["reduced"]), choices[voucher.code]
    assert choices["normal"].endswith(written["fee"]), choices["normal"]
    summary = {
        "en": f"{written['fee']}, or {written['reduced']} with a voucher",
        "fr": f"{written['fee']}, ou {written['reduced']} avec un bon",
        "de": f"{written['fee']}, oder {written['reduced']} mit einem Gutschein",
    }[lang]
    assert summary in html
    assert not UNFORMATTED[lang].search(html), UNFORMATTED[lang].search(html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_course_free_with_a_voucher_says_so_in_the_choices(client, candidate_user, lang):
    voucher = vouchers.voucher_issue(contract=candidate_user.candidate.contracts.get(), actor=None)
    target = course(fee=Decimal("80"), reduced_fee=Decimal("0"))
    client.force_login(candidate_user)
    response = client.get(reverse("training:enrol", args=[target.pk]), HTTP_ACCEPT_LANGUAGE=lang)
    label = dict(response.context["form"].fields["fee"].choices)[voucher.code]
    expected = {
        "en": "free with the voucher",
        "fr": "gratuit avec le bon",
        "de": "kostenlos mit dem Gutschein",
    }[lang]
    assert label.endswith(expected), label
    assert not ZERO.search(response.content.decode())
