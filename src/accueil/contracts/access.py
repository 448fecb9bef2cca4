"""The contracts a user may see: those of the candidates they may see
(`registration.access`), 404 for any other."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.access import has_role, require_role
from accueil.accounts.models import Role, User
from accueil.contracts.models import Contract, ContractStatus
from accueil.registration.access import candidates_for_user


def contracts_for_user(user: User) -> QuerySet[Contract]:
    return Contract.objects.filter(candidate__in=candidates_for_user(user))


def get_contract_for_user(user: User, contract_id) -> Contract:
    try:
        return contracts_for_user(user).select_related("candidate").get(pk=contract_id)
    except (Contract.DoesNotExist, ValidationError) as missing:
        raise Http404 from missing


def get_contract_for_viewing(user: User, contract_id) -> Contract:
    """A contract's page and status history: officers, the data-protection officer
    (read-only) and the candidate who holds it."""
    require_role(user, Role.OFFICER, Role.DPO, Role.CANDIDATE)
    return get_contract_for_user(user, contract_id)


def get_contract_for_withdrawal(user: User, contract_id) -> Contract:
    """The contract is optional: its holder, or an officer for them, may withdraw it."""
    require_role(user, Role.OFFICER, Role.CANDIDATE)
    return get_contract_for_user(user, contract_id)


def can_withdraw_contract(user: User, contract: Contract) -> bool:
    if has_role(user, Role.OFFICER):
        return True
    return has_role(user, Role.CANDIDATE) and contract.candidate.user_id == user.pk


def get_contract_for_completion_certificate(user: User, contract_id) -> Contract:
    """The certificate of completion: its holder, or an officer (403 for other roles,
    404 for someone else's contract)."""
    require_role(user, Role.OFFICER, Role.CANDIDATE)
    return get_contract_for_user(user, contract_id)


def can_download_completion_certificate(user: User, contract: Contract) -> bool:
    if contract.status != ContractStatus.FULFILLED:
        return False
    if has_role(user, Role.OFFICER):
        return True
    return has_role(user, Role.CANDIDATE) and contract.candidate.user_id == user.pk


def get_contract_for_scan(user: User, contract_id) -> Contract:
    """The scan of the signed paper copy (issue 14, point 10): the officers, who handle
    the contracts, and the candidate who signed it; 404 for anyone else, whatever their
    role (the data-protection officer reads the contract's page, not the scan)."""
    if not has_role(user, Role.OFFICER, Role.CANDIDATE):
        raise Http404
    contract = get_contract_for_user(user, contract_id)
    if not contract.signed_scan:
        raise Http404
    return contract
