"""Contracts under review for the tests of the decision (the term review job, another
part of issue 13, is not needed: the factories put the contract under review as it
would: status under_review, reviewed_at, review {"on", "met", "unmet"})."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from accueil.contracts.models import (
    Certificate,
    CertificateOrigin,
    Contract,
    ContractStatus,
    Obligation,
)
from accueil.contracts.selectors import fulfilment
from accueil.core import clock
from accueil.rules import evaluate
from tests import factories

ALL = tuple(Obligation.values)


def obligations(*codes: str) -> dict:
    """Obligations in the shape of rule cai.obligations' values."""
    decision = evaluate(
        "cai.obligations",
        {"language_levels": {}, "needs_literacy": False, "on": "2024-01-10"},
    )
    kept = decision.to_dict("en")["values"]
    kept["obligations"] = [o for o in kept["obligations"] if o["code"] in (codes or ALL)]
    return kept


def certificate(contract: Contract, obligation: str, days_in: int = 60, **fields) -> Certificate:
    assert contract.entry_into_force is not None
    fields.setdefault("issuer", "Institut national des langues")
    fields.setdefault("origin", CertificateOrigin.PAPER)
    if obligation == Obligation.CITIZENSHIP_COURSE:
        fields.setdefault("hours", Decimal("6"))
        fields.setdefault("sessions", 2)
    return Certificate.objects.create(
        contract=contract,
        obligation=obligation,
        issued_on=contract.entry_into_force + timedelta(days=days_in),
        **fields,
    )


def under_review(
    candidate=None, *, met: tuple[str, ...] = (), ended_days_ago: int = 10, **fields
) -> Contract:
    """A contract whose term ended `ended_days_ago` days ago, with a certificate for
    each obligation of `met`, put under review as the term review does."""
    today = clock.today()
    end = today - timedelta(days=ended_days_ago)
    start = date(end.year - 2, end.month, min(end.day, 28))
    term = evaluate("cai.term", {"entry_into_force": start.isoformat()}).values
    fields.setdefault("obligations", obligations())
    contract = factories.contract(
        candidate or factories.candidate(),
        status=ContractStatus.IN_FORCE,
        entry_into_force=start,
        end_exclusive=term["end_exclusive"],
        signature_method="confirmed",
        signed_at=timezone.now(),
        **fields,
    )
    for code in met:
        certificate(contract, code)
    found = fulfilment(contract, term["end_exclusive"])
    assert found is not None
    contract.status = ContractStatus.UNDER_REVIEW
    contract.reviewed_at = timezone.now()
    contract.review = {
        "on": term["end_exclusive"].isoformat(),
        "met": found.values["met"],
        "unmet": found.values["unmet"],
    }
    contract.save()
    return contract
