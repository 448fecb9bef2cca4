"""What the templates show, in the page's language, from the rules' objects.

The rules carry every label as {en, fr, de}; this module picks the page's language,
formats dates the way the page's language writes them, and names each answer for the
"Check your answers" list. Nothing here decides anything.
"""

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accueil.core import countries
from accueil.guide.forms import text

# The rules group their questions in sections, named by code.
SECTIONS = {
    "you": gettext_lazy("About you"),
    "visit": gettext_lazy("Your visit"),
    "work": gettext_lazy("Work"),
    "study": gettext_lazy("Studies and traineeships"),
    "family": gettext_lazy("Family"),
    "residence": gettext_lazy("Residence"),
    "dates": gettext_lazy("Your dates"),
    "life": gettext_lazy("Life in Luxembourg"),
}


def day(value: date | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return date_format(value, "DATE_FORMAT")


def source(src) -> dict | None:
    if src is None:
        return None
    return {"seed": src.seed, "section": src.section, "passage": src.passage}


def question(q, lang: str) -> dict:
    return {
        "fact": q.fact,
        "kind": q.kind,
        "label": text(q.label, lang),
        "hint": text(q.hint, lang) if q.hint else "",
        "section": str(SECTIONS.get(q.section, "")),
    }


def answer_text(q, raw: Any, lang: str) -> str:
    """How an answer reads in the summary list."""
    if raw is None:
        return _("I don't know")
    labels = {c.value: text(c.label, lang) for c in q.choices}
    if q.kind == "yes_no":
        return labels.get("yes" if raw else "no") or (_("Yes") if raw else _("No"))
    if q.kind == "choice":
        return labels.get(raw, str(raw))
    if q.kind == "multi_choice":
        return ", ".join(labels.get(v, v) for v in raw) if raw else _("None")
    if q.kind == "country_list":
        return countries.names(raw, lang)
    if q.kind == "date":
        return day(raw)
    return str(raw)


def summary_rows(asked: tuple, answers: dict, lang: str) -> list[dict]:
    return [
        {
            "key": text(q.label, lang),
            "value": answer_text(q, answers[q.fact], lang),
            "url": reverse("guide:question", args=[q.fact]) + "?change=1",
        }
        for q in asked
        if q.fact in answers
    ]


def reason(r, lang: str) -> dict:
    return {
        "met": r.met,
        "message": text(r.message, lang),
        "source": source(getattr(r, "source", None)),
    }


def step(item, lang: str) -> dict:
    """A step, a document or a computed date: a message, maybe a date, a source."""
    message = getattr(item, "message", None) or getattr(item, "label", None) or {}
    return {
        "message": text(message, lang),
        "date": day(getattr(item, "date", None)),
        "source": source(getattr(item, "source", None)),
    }


def procedure(p, lang: str) -> dict:
    return {
        "code": p.code,
        "title": text(p.title, lang),
        "fits": p.fits,
        "conditions": [reason(c, lang) for c in p.conditions],
        "notes": [reason(n, lang) for n in p.notes],
        "steps": [step(s, lang) for s in p.steps],
        "documents": [step(d, lang) for d in p.documents],
        "dates": [step(d, lang) for d in p.dates],
    }


def advice(a, lang: str) -> dict:
    return {"title": text(a.title, lang), "items": [reason(i, lang) for i in a.items]}


def contact(c, lang: str) -> dict:
    return {
        "name": text(c.name, lang),
        "address": c.address,
        "phone": c.phone,
        "email": c.email,
        "web": c.web,
        "source": source(c.source),
    }


def result(r, lang: str) -> dict:
    procedures = [procedure(p, lang) for p in r.procedures]
    return {
        "concerned": r.concerned,
        "status": [reason(s, lang) for s in r.status],
        "fitting": [p for p in procedures if p["fits"] is True],
        "unknown": [p for p in procedures if p["fits"] is None],
        "not_fitting": [p for p in procedures if p["fits"] is False],
        "dates": [step(d, lang) for d in r.dates],
        "advice": [advice(a, lang) for a in r.advice],
        "contacts": [contact(c, lang) for c in r.contacts],
    }
