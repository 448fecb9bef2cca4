"""Words of the catalogue that share their English with another page but not their
meaning: the filter's "From" is a first day, not where a request came from."""

import html

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "label"), [("fr", "À partir du"), ("de", "Ab")])
def test_the_date_filter_is_labelled_as_a_first_day(client, lang, label):
    page = client.get(reverse("training:catalogue"), HTTP_ACCEPT_LANGUAGE=lang)
    text = html.unescape(page.content.decode())
    assert (
        f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>' in text
    )
    assert "Origine" not in text
