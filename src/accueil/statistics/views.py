"""The statistics pages for integration officers and administrators, and their CSV
exports (full: officers only, audited; anonymised: counts under 5 suppressed)."""

import csv
import io
from collections.abc import Callable

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.core import clock
from accueil.core.countries import reader_language
from accueil.statistics import charts, selectors
from accueil.statistics.access import can_export_full_statistics, can_see_statistics
from accueil.statistics.forms import Period, period_form
from accueil.statistics.tables import Table, csv_rows

PAGE_TITLES = {
    "contracts-signed": _("Contracts signed"),
    "fulfilment": _("Fulfilment rate"),
    "time-to-signature": _("Time from registration to signature"),
    "seats": _("Seats offered and filled per course type"),
    "emails-not-delivered": _("Emails not delivered"),
}

# The chart of each table: its kind, the column drawn, and a column drawn behind it.
CHARTS: dict[str, tuple[Callable[..., SafeString], str, str]] = {
    "signed-per-month": (charts.month_columns, "contracts", ""),
    "signed-by-nationality": (charts.category_bars, "contracts", ""),
    "signed-by-language": (charts.category_bars, "contracts", ""),
    "fulfilment": (charts.month_columns, "rate", ""),
    "time-to-signature": (charts.month_columns, "median", ""),
    "seats": (charts.category_bars, "filled", "offered"),
    "emails-not-delivered": (charts.category_bars, "emails", ""),
}


def shown(table: Table, lang: str) -> dict:
    """What the page shows of a table: its chart and its cells as `lang` writes them."""
    draw, key, behind = CHARTS[table.name]
    chart = draw(table, key, lang, behind) if behind else draw(table, key, lang)
    rows = [
        {
            "label": row.label,
            "cells": [charts.number(row.values.get(c.key), c.kind, lang) for c in table.columns],
            "total": row is table.total,
        }
        for row in table.all_rows()
    ]
    return {"table": table, "chart": chart, "rows": rows}


@require_GET
@role_required(can_see_statistics)
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, period = period_form(request.GET, clock.today())
    context = {"form": form, "period": period, "pages": PAGE_TITLES.items()}
    return render(request, "statistics/index.html", context, status=200 if period else 400)


@require_GET
@role_required(can_see_statistics)
def page(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    if slug not in selectors.PAGES:
        raise Http404
    return _page(request, slug)


def _page(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    form, period = period_form(request.GET, clock.today())
    lang = reader_language(get_language())
    context = {
        "form": form,
        "period": period,
        "slug": slug,
        "title": PAGE_TITLES[slug],
        "pages": PAGE_TITLES.items(),
        "full_export": can_export_full_statistics(request.user),
        "tables": [shown(table, lang) for table in selectors.page_tables(slug, period, lang)]
        if period
        else [],
    }
    return render(request, "statistics/page.html", context, status=200 if period else 400)


def page_of(table: str) -> str:
    return next(slug for slug, tables in selectors.PAGES.items() if table in tables)


def _csv(request: AuthenticatedHttpRequest, name: str, anonymised: bool) -> HttpResponse:
    if name not in selectors.TABLES:
        raise Http404
    _form, period = period_form(request.GET, clock.today())
    if period is None:
        return _page(request, page_of(name))
    lang = reader_language(get_language())
    table = selectors.TABLES[name](period, lang)
    # Excel opens UTF-8 rightly only with a byte-order mark; in French and German it
    # expects ";" between cells (the comma is their decimal mark).
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang in ("fr", "de") else ",", lineterminator="\r\n")
    writer.writerows(csv_rows(table, lang, anonymised))
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    suffix = "-anonymised" if anonymised else ""
    filename = f"{name}-{period.first:%Y-%m}-{period.last:%Y-%m}{suffix}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def period_text(period: Period) -> str:
    return f"{period.first:%Y-%m} to {period.last:%Y-%m}"


@require_GET
@role_required(can_see_statistics)
def export_anonymised(request: AuthenticatedHttpRequest, name: str) -> HttpResponse:
    """Counts under 5 suppressed: the export meant to leave the department."""
    return _csv(request, name, anonymised=True)


@require_GET
@role_required(can_export_full_statistics)
def export_full(request: AuthenticatedHttpRequest, name: str) -> HttpResponse:
    """Exact counts, however small: audited (who exported which table, which period)."""
    response = _csv(request, name, anonymised=False)
    if response["Content-Type"].startswith("text/csv"):
        _form, period = period_form(request.GET, clock.today())
        assert period is not None
        audit_record(
            action=Action.EXPORT,
            request=request,
            reason=f"statistics csv {name}, {period_text(period)}",
        )
    return response
