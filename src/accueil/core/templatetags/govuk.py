"""The GOV.UK form layer's tags (the layer is described in `accueil.core.govuk`).

`{% govuk_field form.x option=value … %}` renders one field with the template of its
kind; `{% govuk_fieldset form option=value … %}` renders a form's fields (or a list of
fields) under one legend. The options, all optional:

- label, hint: instead of the field's label and help text; hint_template: a template
  for a hint richer than a text;
- heading: True, the label or legend is the page's h1, under `caption`; "h2", an h2;
- label_class, legend_class: the size of the label or legend;
- width, extra_class, type, inputmode, autocomplete, spellcheck_off, rows: for inputs;
- inline, small: for radios and checkboxes; items: a template for radio items richer
  than a label; legend: a single checkbox's fieldset legend;
- id (govuk_fieldset): the hint's id is <id>-hint.

`{% page_has_errors as errors %}`: whether any form of the page (whatever its name in
the context) has an error; `base.html` uses it to start the title with "Error:", once.

A widget's attrs `autocomplete`, `inputmode` and `spellcheck` are options too, so a
form class can say them once for every page that shows it.
"""

from django import template
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet

from accueil.core.govuk import template_for

register = template.Library()

OPTIONS = (
    "label",
    "hint",
    "hint_template",
    "heading",
    "caption",
    "label_class",
    "legend_class",
    "legend",
    "width",
    "extra_class",
    "type",
    "inputmode",
    "autocomplete",
    "spellcheck",
    "rows",
    "inline",
    "small",
    "items",
    "id",
)
WIDGET_OPTIONS = ("autocomplete", "inputmode", "spellcheck")


def _render(context, name: str, values: dict) -> str:
    """Like {% include %}: the page's context stays visible (an `items` template reads it)."""
    chosen = context.template.engine.get_template(name)
    with context.push(**values):
        return chosen.render(context)


def _options(options: dict) -> dict:
    values = dict.fromkeys(OPTIONS)  # nothing of the page's context leaks into a field
    if options.pop("spellcheck_off", False):
        values["spellcheck"] = "false"
    values.update({key: value for key, value in options.items() if value is not None})
    return values


@register.simple_tag(takes_context=True)
def govuk_field(context, field, **options) -> str:
    # A BoundField; or an object shaped like one, such as core.govuk.DateGroup.
    widget_attrs = getattr(getattr(getattr(field, "field", None), "widget", None), "attrs", {})
    attrs = {key: widget_attrs[key] for key in WIDGET_OPTIONS if key in widget_attrs}
    values = _options({**attrs, **options})
    values["field"] = field
    if values["label"] is None:
        values["label"] = field.label
    if values["hint"] is None:
        values["hint"] = field.help_text
    return _render(context, template_for(field), values)


@register.simple_tag(takes_context=True)
def govuk_fieldset(context, fields, **options) -> str:
    values = _options(options)
    values["fields"] = list(fields) if isinstance(fields, BaseForm) else fields
    return _render(context, "includes/govuk/fieldset.html", values)


@register.simple_tag(takes_context=True)
def page_has_errors(context) -> bool:
    """Whether a bound form or formset of the page's context has an error."""
    for value in context.flatten().values():
        if isinstance(value, BaseForm) and value.is_bound and value.errors:
            return True
        if isinstance(value, BaseFormSet) and value.is_bound and value.total_error_count():
            return True
    return False
