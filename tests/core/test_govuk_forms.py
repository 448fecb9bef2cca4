"""The one GOV.UK form layer (accueil.core.govuk and its tags): each kind of field
renders with its label or legend, hint, error and ids, whichever app's form it is."""

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from accueil.core.govuk import Checkboxes, DayField, FrontendRadios, GovukForm, Radios
from accueil.registration.forms import DateOfBirthForm, LegalResidenceForm, NameForm

CHOICES = [("a", "A"), ("b", "B"), ("c", "C")]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


class Example(GovukForm):
    name = forms.CharField(label="Name", help_text="As on your passport")
    kind = forms.ChoiceField(label="Kind", choices=CHOICES, widget=Radios)
    public = forms.ChoiceField(label="Public", choices=CHOICES, widget=FrontendRadios)
    days = forms.MultipleChoiceField(label="Days", choices=CHOICES, widget=Checkboxes)
    day = DayField(label="Day")
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    country = forms.ChoiceField(label="Country", choices=[("", "Select"), *CHOICES])


def render(source: str, **context) -> str:
    return Template("{% load govuk %}" + source).render(Context(context))


def test_a_text_input_has_its_label_hint_and_error_described():
    form = Example(data={"name": ""})
    html = render("{% govuk_field form.name autocomplete='name' %}", form=form)
    assert '<label class="govuk-label" for="id_name">Name</label>' in html
    assert '<div id="id_name-hint" class="govuk-hint">As on your passport</div>' in html
    assert '<p id="id_name-error" class="govuk-error-message">' in html
    assert '<span class="govuk-visually-hidden">Error:</span>' in html
    assert 'autocomplete="name"' in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html


def test_radio_ids_follow_the_widget_and_the_summary_links_to_the_first():
    form = Example(data={"kind": "b"})
    html = render("{% govuk_field form.kind %}{% govuk_field form.public %}", form=form)
    assert (
        'id="id_kind_0"' in html
        and 'id="id_kind_1" name="kind" type="radio" value="b" checked' in html
    )
    assert 'id="id_public"' in html and 'id="id_public-2"' in html and 'id="id_public-3"' in html
    assert form["kind"].id_for_label == "id_kind_0"
    assert form["public"].id_for_label == "id_public"
    summary = Template('{% include "includes/error_summary.html" %}').render(
        Context({"form": form})
    )
    assert 'href="#id_public"' in summary and 'href="#id_day"' in summary


def test_a_heading_puts_the_question_in_the_h1_under_its_caption():
    html = render(
        "{% govuk_field form.public heading=True caption='Step 1' %}"
        "{% govuk_field form.name heading=True %}",
        form=Example(),
    )
    assert 'govuk-fieldset__legend--l"><span class="govuk-caption-l">Step 1</span>' in html
    assert '<h1 class="govuk-fieldset__heading">Public</h1>' in html
    assert '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l"' in html


def test_what_was_typed_is_kept_after_an_error():
    form = Example(
        data={"name": "Ana", "days": ["a", "c"], "day_day": "31", "day_month": "2", "notes": "x"}
    )
    html = render(
        "{% govuk_field form.name %}{% govuk_field form.days %}{% govuk_field form.day %}"
        "{% govuk_field form.notes %}",
        form=form,
    )
    assert 'value="Ana"' in html and ">x</textarea>" in html
    assert 'id="id_days_0" name="days" type="checkbox" value="a" checked' in html
    assert 'value="b">' in html
    assert 'name="day_day" type="text" inputmode="numeric" value="31"' in html
    assert 'role="group"' in html


def test_a_group_of_fields_shares_one_legend_and_hint():
    html = render(
        "{% govuk_fieldset form label='Your name' hint='As written' id='name' heading=True %}",
        form=NameForm(),
    )
    assert '<fieldset class="govuk-fieldset" aria-describedby="name-hint">' in html
    assert '<h1 class="govuk-fieldset__heading">Your name</h1>' in html
    assert 'id="id_surname" name="surname" type="text" autocomplete="family-name"' in html
    assert 'autocomplete="given-name" spellcheck="false"' in html


def test_the_public_pages_keep_their_ids():
    html = render("{% govuk_field form.legally_resident label='Q' %}", form=LegalResidenceForm())
    assert 'id="id_legally_resident" name="legally_resident"' in html
    assert 'id="id_legally_resident-2"' in html
    form = DateOfBirthForm(data={"day": "3", "month": "", "year": "1990"})
    assert not form.is_valid()
    html = render("{% govuk_field form.date_of_birth %}", form=form)
    assert 'aria-describedby="dob-hint dob-error"' in html and 'id="dob-error"' in html
    assert 'id="id_month" name="month"' in html and 'autocomplete="bday-month"' in html
    assert html.count("govuk-input--error") == 1


def test_django_renders_a_form_through_the_same_templates():
    form = Example(data={})
    assert '<p id="id_name-error" class="govuk-error-message">' in str(form)
    assert (
        'class="govuk-select govuk-select--error" id="id_country"'
        in form["country"].as_field_group()
    )
