"""PDFs everyone can read, one way for every document (the contract, the formalities,
the guide's result).

Each is a tagged PDF, PDF/UA-1 (WeasyPrint's `pdf_variant`): a screen reader follows
its headings, lists and tables, and reads it in the language of its `<html lang>`,
which WeasyPrint writes as the document's /Lang. Its templates set FONT_STACK on
`body` and inside `@page` (the page numbers), so a name prints in whatever script it
is written: DejaVu Sans for Latin, Greek and Cyrillic, then the Noto fonts for Arabic,
Hebrew, the scripts of India and South-East Asia, Chinese, Japanese and Korean
(Debian's fonts-dejavu-core, fonts-noto-core and fonts-noto-cjk: the Makefile's
SYSTEM_PACKAGES).
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from weasyprint import HTML

PDF_VARIANT = "pdf/ua-1"
FONT_STACK = mark_safe(  # noqa: S308 (a constant of ours, written into the PDFs' CSS)
    ", ".join(
        f'"{family}"'
        for family in (
            "DejaVu Sans",
            "Noto Sans",
            "Noto Sans Arabic",
            "Noto Naskh Arabic",
            "Noto Sans Hebrew",
            "Noto Sans Devanagari",
            "Noto Sans Bengali",
            "Noto Sans Tamil",
            "Noto Sans Thai",
            "Noto Sans Ethiopic",
            "Noto Sans Armenian",
            "Noto Sans Georgian",
            "Noto Sans CJK SC",
            "Noto Sans CJK TC",
            "Noto Sans CJK JP",
            "Noto Sans CJK KR",
        )
    )
    + ", sans-serif"
)


def render_pdf(template: str, context: dict) -> bytes:
    """The template rendered, in the active language, as a tagged PDF."""
    html = render_to_string(template, {**context, "font_stack": FONT_STACK})
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)
