"""The personal result as a PDF (WeasyPrint), in the page's language: the same
content as the result page, with the answers it was computed from and the day."""

from django.template.loader import render_to_string
from weasyprint import HTML

from accueil.core import clock


def result_pdf(result: dict, rows: list[dict]) -> bytes:
    """`result` and `rows` come from `present`, already in the active language."""
    html = render_to_string(
        "guide/pdf/result.html", {"result": result, "rows": rows, "today": clock.today()}
    )
    return HTML(string=html).write_pdf()
