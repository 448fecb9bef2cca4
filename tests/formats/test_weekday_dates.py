"""Dates with their weekday are written as each language writes them."""

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.utils import translation


def render(value, lang):
    with translation.override(lang):
        template = Template("{% load dates %}{{ value|weekday_date }}")
        return template.render(Context({"value": value}))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Thursday 26 November 2026"),
        ("fr", "jeudi 26 novembre 2026"),
        ("de", "Donnerstag, 26. November 2026"),
    ],
)
def test_it_writes_the_weekday_in_each_languages_own_order(lang, expected):
    assert render(date(2026, 11, 26), lang) == expected


def test_it_takes_the_day_in_luxembourg_time_not_utc():
    # 23:30 UTC on Thursday is already Friday 00:30 in Luxembourg (UTC+1 in winter).
    late = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    assert render(late, "de") == "Freitag, 27. November 2026"


def test_it_renders_nothing_for_a_missing_date():
    assert render(None, "en") == ""
