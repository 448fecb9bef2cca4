"""The personal result as a PDF (WeasyPrint), in the page's language: the same
content as the result page, with the answers it was computed from and the day."""

from accueil.core import clock
from accueil.core.pdf import render_pdf


def result_pdf(result: dict, rows: list[dict]) -> bytes:
    """`result` and `rows` come from `present`, already in the active language."""
    return render_pdf(
        "guide/pdf/result.html", {"result": result, "rows": rows, "today": clock.today()}
    )
