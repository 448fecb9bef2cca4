"""Amounts of money as the reader's language writes them.

Every amount a page, a form's choice or a PDF shows goes through `euros` (babel's
currency format of the active language: "€120.00", "120,00 €", "120,00 €"), never
through a hand-made "€%s": the symbol's place, the decimal comma and the spaces
differ between English, French and German. `euros_or_free` writes 0 as the word "Free"
where a price of nothing reads better as a word. Templates: `{% load money %}`.
"""

from decimal import Decimal

from babel.numbers import format_currency
from django.utils.translation import get_language
from django.utils.translation import gettext as _

CURRENCY = "EUR"


def language_now() -> str:
    return (get_language() or "en")[:2]


def euros(amount: Decimal | int | str, language: str | None = None) -> str:
    """`amount` in euros, in `language` (the active language by default)."""
    return format_currency(Decimal(str(amount)), CURRENCY, locale=language or language_now())


def euros_or_free(amount: Decimal | int | str, language: str | None = None) -> str:
    """`euros(amount)`, or "Free" in the reader's language for nothing to pay."""
    if Decimal(str(amount)) == 0:
        return _("Free")
    return euros(amount, language)
