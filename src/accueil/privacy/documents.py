"""The readable copy of a candidate's data (issue 14, point 1): the same data as the
JSON (`selectors.personal_data`), each field named as the pages name it and each value
shown as they show it, as a tagged PDF (`core.pdf`, PDF/UA-1, fonts for any script)."""

import datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from accueil.accounts.models import Role
from accueil.audit.models import Action
from accueil.core.pdf import render_pdf
from accueil.notifications.models import DeliveryStatus


def _shown(value: Any, field=None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict):
        if "role" in value:
            role = str(Role(value["role"]).label) if value["role"] in Role.values else value["role"]
            return f"{role}, {value['organisation']}" if value.get("organisation") else role
        if "name" in value:
            return str(value["name"])
        return ", ".join(f"{key}: {_shown(item)}" for key, item in value.items()) or "—"
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value) or "—"
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, str) and field is not None:
        moment = parse_datetime(value) if field.get_internal_type() == "DateTimeField" else None
        if moment is not None:
            return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        day = parse_date(value) if field.get_internal_type() == "DateField" else None
        if day is not None:
            return formats.date_format(day, "DATE_FORMAT")
    return str(value)


def rows(label: str, data: dict[str, Any]) -> list[tuple[str, str]]:
    """A record's fields as (label, value) in the reader's language."""
    meta = apps.get_model(label)._meta
    shown = []
    for name, value in data.items():
        try:
            field = meta.get_field(name)
        except FieldDoesNotExist:
            shown.append((name, _shown(value)))
            continue
        shown.append((str(field.verbose_name), _shown(value, field)))
    return shown


def readable(data: dict[str, Any]) -> dict[str, Any]:
    """The copy's sections with labels, for the PDF."""
    sections = []
    for label, records in data["records"].items():
        meta = apps.get_model(label)._meta
        sections.append(
            {"title": str(meta.verbose_name_plural), "records": [rows(label, r) for r in records]}
        )
    actions = dict(Action.choices)
    statuses = dict(DeliveryStatus.choices)
    return {
        "candidate": rows("registration.candidate", data["candidate"]),
        "account": data["account"],
        "sections": sections,
        "requests": [rows("privacy.datasubjectrequest", r) for r in data["data_subject_requests"]],
        "messages": [
            {
                "purpose": _(item["purpose"]),
                "status": str(statuses.get(item["status"], item["status"])),
                "at": parse_datetime(item["sent_at"] or item["created_at"]),
            }
            for item in data["messages"]
        ],
        "access_log": [
            {
                "at": parse_datetime(event["at"]),
                "action": str(actions.get(event["action"], event["action"])),
                "who": _shown({"role": event["role"], "organisation": event["organisation"]})
                or "—",
                "record": _record_name(event["record_type"]),
            }
            for event in data["access_log"]
        ],
        "generated_at": parse_datetime(data["generated_at"]) or datetime.datetime.now(),
    }


def _record_name(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def personal_data_pdf(data: dict[str, Any], *, name: str) -> bytes:
    """The copy as a tagged PDF in the active language."""
    return render_pdf("privacy/pdf/personal_data.html", {**readable(data), "name": name})
