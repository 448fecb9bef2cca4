"""Free text that ends up in emails, PDFs and staff pages: what a person may type.

Names, addresses, reasons and notes are shown to other people, printed on official
documents and written into emails. Characters that change how the text around them
reads are refused there, with a message next to the field:

* control characters (Unicode category Cc): line breaks, tabs, escape ...;
* format characters (Cf), invisible but active: the bidirectional controls
  (U+202A-U+202E, U+2066-U+2069), the zero-width characters and direction marks
  (U+200B-U+200F), the byte-order mark, soft hyphens ...;
* the line and paragraph separators (Zl U+2028, Zp U+2029);
* lone surrogates (Cs), which only a crafted JSON string can carry and no database
  can store.

Letters, digits, punctuation, spaces and combining marks of every script pass: Arabic,
Hebrew, Chinese, Cyrillic, accented Latin (Arabic and Hebrew names need no direction
controls: the Unicode bidirectional algorithm orders them). A line break is allowed only
in a multi-line answer (a textarea: a postal address, a reason, notes), as "\\n" or
"\\r\\n"; those answers are never put into an email's subject or a header.

`validate_one_line` and `validate_multi_line` are Django validators, shared by the web
forms and the API (`text_error` says which message applies without raising).
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
LINE_BREAKS = frozenset("\r\n")

ONE_LINE_ERROR = _(
    "Write this answer on one line, without invisible characters or text-direction marks"
)
MULTI_LINE_ERROR = _("Remove the invisible characters or text-direction marks from this answer")


def refused_character(value: str, *, multi_line: bool = False) -> str | None:
    """The first character of `value` that may not be typed here, or None."""
    for char in value:
        if multi_line and char in LINE_BREAKS:
            continue
        if unicodedata.category(char) in REFUSED_CATEGORIES:
            return char
    return None


def text_error(value: str, *, multi_line: bool = False):
    """The message to show when `value` holds a refused character, else None."""
    if refused_character(value, multi_line=multi_line) is None:
        return None
    return MULTI_LINE_ERROR if multi_line else ONE_LINE_ERROR


def validate_one_line(value: str) -> None:
    """A name, a title, a place: one line of visible text."""
    if message := text_error(value):
        raise ValidationError(message, code="characters")


def validate_multi_line(value: str) -> None:
    """An address, a reason, notes: visible text and line breaks."""
    if message := text_error(value, multi_line=True):
        raise ValidationError(message, code="characters")
