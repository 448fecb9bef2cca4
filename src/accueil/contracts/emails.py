"""The email telling the candidate the decision at the end of their contract (issue 13,
point 4), in the language they chose for CAI information, and the task that sends it
through `notifications` (once, retried, listed for the officers when it cannot be
delivered; a letter to someone who gave only a postal address).

The pattern of `training.emails`: the text template `contracts/emails/decision.txt`
(first line the subject); `notify_decision` queues the task in the transaction of the
decision (sent if and only if the decision is committed); the task re-reads the contract
and hands the message to `notifications.services.deliver`, keyed
"decision:contract:<id>": one email per contract, however often the task runs.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from accueil.contracts.models import Contract, ContractStatus, Obligation
from accueil.contracts.selectors import unmet_reasons
from accueil.notifications.services import LetterContent, compose_message, deliver, queue
from accueil.registration import selectors as registration_selectors

PURPOSES = {"decision": gettext_noop("Decision at the end of the contract")}
DECIDED = (ContractStatus.FULFILLED, ContractStatus.NOT_FULFILLED, ContractStatus.SUPERSEDED)


def notify_decision(contract: Contract) -> None:
    """Queue the decision's email (in the caller's transaction). Nothing is queued for
    someone who gave neither an email nor a postal address."""
    if registration_selectors.reachable(contract.candidate):
        queue(send_decision_email, str(contract.pk))


def message(contract: Contract) -> EmailMessage | LetterContent:
    candidate = contract.candidate
    reasons = [
        {"message": r.message[candidate.information_language], "source": r.source}
        for r in unmet_reasons(contract)
    ]
    labels = dict(Obligation.choices)
    return compose_message(
        "contracts/emails/decision.txt",
        {
            "candidate": candidate,
            "contract": contract,
            "unmet": [labels[code] for code in (contract.review or {}).get("unmet", [])],
            "reasons": reasons,
            "path_url": settings.SITE_URL.rstrip("/") + reverse("portal:home"),
        },
        language=candidate.information_language,
        to=candidate.email,
        name=registration_selectors.postal_name(candidate),
        postal_address=candidate.postal_address,
    )


@task()
def send_decision_email(contract_id: str) -> bool:
    """Send the email unless it was sent; nothing when the contract is gone or not
    decided, or when its holder cannot be reached."""
    contract = (
        Contract.objects.select_related("candidate")
        .prefetch_related("certificates")
        .filter(pk=contract_id)
        .first()
    )
    if contract is None or contract.status not in DECIDED:
        return False
    if not registration_selectors.reachable(contract.candidate):
        return False
    return deliver(
        f"decision:contract:{contract.pk}",
        "decision",
        registration_selectors.email_about(contract.candidate_id),
        PURPOSES["decision"],
        lambda: message(contract),
        again=(send_decision_email, [str(contract.pk)]),
    )
