"""Changing a contract's state: the one place where transitions are applied.

Every change locks the contract's row, checks the transition against
`contracts.states.TRANSITIONS`, and writes who did it and why to the audit trail.
"""

from django.db import transaction

from accueil.audit.models import Action
from accueil.audit.service import audit_record
from accueil.contracts import states
from accueil.contracts.models import Contract


class TransitionNotAllowed(Exception):
    def __init__(self, from_status: str, to_status: str):
        super().__init__(f"{from_status} -> {to_status}")
        self.from_status, self.to_status = from_status, to_status


@transaction.atomic
def contract_transition(
    *, contract: Contract, to: str, actor, reason: str, request=None, **fields
) -> Contract:
    """Move the contract to `to`, with the fields that change with it (dates, ...)."""
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    if not states.allowed(locked.status, to):
        raise TransitionNotAllowed(locked.status, to)
    previous = locked.status
    locked.status = to
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=["status", *fields])
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=locked,
        request=request,
        fields=["status", *fields],
        reason=f"{previous} -> {to}: {reason}",
    )
    return locked
