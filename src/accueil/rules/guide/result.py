"""What the guide answers: procedures, their conditions and steps, dates, advice, contacts.

Everything here is a frozen dataclass holding messages in the three languages
(`accueil.rules.guide.text`); `to_dict(lang)` gives the JSON the API and the PDF
use, and `to_dict(None)` keeps every message as an `{"en", "fr", "de"}` object.
"""

from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from accueil.rules.base import Reason, Source
from accueil.rules.guide.text import Text, as_dict


def _text(text: Text, lang: str | None) -> str | dict[str, str]:
    return as_dict(text) if lang is None else text[lang]


def _source(source: Source) -> dict[str, str]:
    return {"seed": source.seed, "section": source.section, "passage": source.passage}


def _reason(reason: Reason, lang: str | None) -> dict[str, Any]:
    return {
        "code": reason.code,
        "rule": reason.rule,
        "met": reason.met,
        "message": _text(reason.message, lang),
        "source": _source(reason.source),
    }


@dataclass(frozen=True)
class Step:
    """One thing to do (or one document to bring), in order, with an optional date."""

    code: str
    message: Text
    source: Source
    date: Date | None = None

    def to_dict(self, lang: str | None = "en") -> dict[str, Any]:
        return {
            "code": self.code,
            "message": _text(self.message, lang),
            "date": self.date.isoformat() if self.date else None,
            "source": _source(self.source),
        }


@dataclass(frozen=True)
class ComputedDate:
    """A date computed from the person's answers (a deadline, an earliest day, a due date)."""

    code: str
    label: Text
    date: Date
    source: Source
    procedure: str = ""
    # For a decision's due date: the kind of application, as `guide.decision_due` names it.
    application_kind: str = ""

    def to_dict(self, lang: str | None = "en") -> dict[str, Any]:
        return {
            "code": self.code,
            "label": _text(self.label, lang),
            "date": self.date.isoformat(),
            "procedure": self.procedure,
            "application_kind": self.application_kind or None,
            "source": _source(self.source),
        }


@dataclass(frozen=True)
class Procedure:
    """A procedure of the guide and how it fits the person.

    `fits` is False when a condition is not met, None when one is not known, and
    True when all are met. `notes` are reasons that only inform (met None).
    """

    code: str
    title: Text
    fits: bool | None
    conditions: tuple[Reason, ...]
    steps: tuple[Step, ...]
    documents: tuple[Step, ...]
    contacts: tuple[str, ...]
    notes: tuple[Reason, ...] = ()
    dates: tuple[ComputedDate, ...] = ()

    def to_dict(self, lang: str | None = "en") -> dict[str, Any]:
        return {
            "code": self.code,
            "title": _text(self.title, lang),
            "fits": self.fits,
            "conditions": [_reason(reason, lang) for reason in self.conditions],
            "notes": [_reason(reason, lang) for reason in self.notes],
            "steps": [step.to_dict(lang) for step in self.steps],
            "documents": [step.to_dict(lang) for step in self.documents],
            "dates": [day.to_dict(lang) for day in self.dates],
            "contacts": list(self.contacts),
        }


@dataclass(frozen=True)
class Advice:
    """General advice (documents, schooling, housing, languages) as informative reasons."""

    code: str
    title: Text
    items: tuple[Reason, ...]
    contacts: tuple[str, ...] = ()

    def to_dict(self, lang: str | None = "en") -> dict[str, Any]:
        return {
            "code": self.code,
            "title": _text(self.title, lang),
            "items": [_reason(reason, lang) for reason in self.items],
            "contacts": list(self.contacts),
        }


@dataclass(frozen=True)
class Contact:
    """An entry of the seed's directory; empty strings where the seed gives nothing."""

    code: str
    name: Text
    address: str
    phone: str
    email: str
    web: str
    source: Source
    fax: str = ""

    def to_dict(self, lang: str | None = "en") -> dict[str, Any]:
        return {
            "code": self.code,
            "name": _text(self.name, lang),
            "address": self.address,
            "phone": self.phone,
            "fax": self.fax,
            "email": self.email,
            "web": self.web,
            "source": _source(self.source),
        }


@dataclass(frozen=True)
class GuideResult:
    """The guide's answer for one person on one day.

    `concerned` is False when the guide does not concern the person (an EU, EEA
    or Swiss national, or someone in the asylum procedure), None while the
    nationality is not known; `status` gives the reasons. `procedures` are those
    that the purpose of stay brings up, in order; `dates` gathers their dates,
    earliest first.
    """

    on: Date
    concerned: bool | None
    status: tuple[Reason, ...]
    procedures: tuple[Procedure, ...]
    dates: tuple[ComputedDate, ...]
    advice: tuple[Advice, ...]
    contacts: tuple[Contact, ...]
    complete: bool = False

    def procedure(self, code: str) -> Procedure:
        """The procedure with this code (KeyError if the guide did not bring it up)."""
        for procedure in self.procedures:
            if procedure.code == code:
                return procedure
        raise KeyError(code)

    def to_dict(self, lang: str | None = "en") -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "concerned": self.concerned,
            "complete": self.complete,
            "status": [_reason(reason, lang) for reason in self.status],
            "procedures": [procedure.to_dict(lang) for procedure in self.procedures],
            "dates": [day.to_dict(lang) for day in self.dates],
            "advice": [advice.to_dict(lang) for advice in self.advice],
            "contacts": [contact.to_dict(lang) for contact in self.contacts],
        }
