"""Erasure of a person: no personal data of theirs left anywhere in the database,
while what the law requires is kept in anonymised form (issue 14, point 3)."""

from accueil.accounts.models import User
from accueil.registration.models import Candidate


def erase_candidate(candidate: Candidate, *, actor: User | None, reason: str) -> None:
    """Erase everything personal about `candidate`, in one transaction, audited
    without personal data. Safe to run twice."""
    raise NotImplementedError
