"""The formalities document handed over at the information session (seed: "a document
listing the dates and locations of the formalities to be accomplished by the
candidates"), in the candidate's language, and available online afterwards. It reads
the candidate's orientation (intake), contract (contracts) and the course catalogue's
coming sessions (training)."""

from datetime import date

from django.utils import translation

from accueil.contracts.selectors import current_contract
from accueil.core import clock
from accueil.core.pdf import render_pdf
from accueil.registration.models import Candidate
from accueil.training.models import CourseKind
from accueil.training.selectors import coming_sessions

NEXT_EVENTS = 5
# The audit trail's reason for handing the document over (the task list reads it).
FORMALITIES_EXPORT = "formalities document"


def formalities_context(candidate: Candidate, today: date) -> dict:
    orientation = getattr(candidate, "orientation", None)
    return {
        "candidate": candidate,
        "today": today,
        "orientation": orientation,
        "courses": orientation.recommended_courses if orientation else [],
        "citizenship": coming_sessions(CourseKind.CITIZENSHIP, today, NEXT_EVENTS),
        "orientation_days": coming_sessions(CourseKind.ORIENTATION, today, NEXT_EVENTS),
        "contract": current_contract(candidate),
    }


def formalities_pdf(candidate: Candidate) -> bytes:
    with translation.override(candidate.information_language):
        context = formalities_context(candidate, clock.today())
        return render_pdf("portal/pdf/formalities.html", context)
