"""Demo data of the newcomer's guide: the demo candidate's residence permit and one
application in progress, so their path and calendar show the renewal date and the
decision due date. Does nothing when the data is already there; sends no email."""

from datetime import date, timedelta

from accueil.guide.models import Procedure, ResidencePermit
from accueil.registration.models import Candidate

PERMIT_DAYS_LEFT = 120  # the renewal is asked 2 months before: it falls within the demo
APPLICATION_DAYS_AGO = 45


def load(today: date) -> None:
    candidate = Candidate.objects.filter(email="candidate@accueil.example").first()
    if candidate is None:
        return
    ResidencePermit.objects.get_or_create(
        candidate=candidate, defaults={"expires_on": today + timedelta(days=PERMIT_DAYS_LEFT)}
    )
    if not Procedure.objects.filter(candidate=candidate).exists():
        Procedure.objects.create(
            candidate=candidate,
            kind="long_term",
            complete_on=today - timedelta(days=APPLICATION_DAYS_AGO),
        )
