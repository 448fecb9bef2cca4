"""A signed-in candidate's residence dates, computed by the guide's rules: the day to
ask for the renewal of their permit (rule guide.renewal_date) and the day each
procedure in progress should be decided (rule guide.decision_due).

`candidate_dates` is the hook the integration path and its calendar feed call to show
these beside the CAI steps.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accueil.guide import engine
from accueil.guide.forms import text
from accueil.guide.models import Procedure, ResidencePermit
from accueil.registration.models import Candidate
from accueil.rules import LANGUAGES, Decision, FactError


@dataclass(frozen=True)
class DatedItem:
    uid: str  # stable across feeds, e.g. "guide-renewal-12"
    kind: str  # "renewal" or "decision"
    item: str  # the permit's or the procedure's id
    title: str
    on: date
    message: str
    source: dict | None
    stamp: datetime  # when the candidate entered it (the calendar's DTSTAMP)


def _why(decision: Decision, lang: str) -> tuple[str, dict | None]:
    reason = decision.reasons[-1] if decision.reasons else None
    if reason is None:
        return "", None
    src = reason.source
    return text(reason.message, lang), {
        "seed": src.seed,
        "section": src.section,
        "passage": src.passage,
    }


def renewal_item(permit: ResidencePermit, lang: str) -> DatedItem:
    decision = engine.renewal(permit.expires_on)
    message, source = _why(decision, lang)
    return DatedItem(
        uid=f"guide-renewal-{permit.pk}",
        kind="renewal",
        item=str(permit.pk),
        title=_("Ask for the renewal of your residence permit"),
        on=engine.renewal_day(decision),
        message=message,
        source=source,
        stamp=permit.updated_at,
    )


def decision_item(procedure: Procedure, lang: str) -> DatedItem:
    decision = engine.decision_due(procedure.kind, procedure.complete_on)
    message, source = _why(decision, lang)
    kinds = dict(engine.decision_kinds(lang))
    return DatedItem(
        uid=f"guide-decision-{procedure.pk}",
        kind="decision",
        item=str(procedure.pk),
        title=_("Decision due on your application: %(kind)s")
        % {"kind": kinds.get(procedure.kind, procedure.kind)},
        on=engine.due_day(decision),
        message=message,
        source=source,
        stamp=procedure.created_at,
    )


def candidate_dates(candidate: Candidate) -> list[DatedItem]:
    """Every dated item of the candidate's residence, in date order."""
    lang = get_language() or "en"
    lang = lang if lang in LANGUAGES else "en"
    items = [_or_none(decision_item, p, lang) for p in candidate.guide_procedures.all()]
    permit = ResidencePermit.objects.filter(candidate=candidate).first()
    if permit is not None:
        items.append(_or_none(renewal_item, permit, lang))
    return sorted((item for item in items if item), key=lambda item: item.on)


def _or_none(make, entered, lang: str) -> DatedItem | None:
    """The item, or None for a date kept before the forms checked it with the rules
    (a year 1, a day before 29 August 2008): the rules refuse it, the page goes on."""
    try:
        return make(entered, lang)
    except FactError:
        return None
