"""Background work for contracts: rendering the signed contract's PDF after commit."""

from django.core.files.base import ContentFile
from django_tasks import task

from accueil.contracts.documents import contract_pdf
from accueil.contracts.models import Contract


@task()
def render_contract_document(contract_id: str) -> bool:
    """Store the contract's PDF; running twice just renders the same document again."""
    contract = (
        Contract.objects.select_related("candidate", "signed_by").filter(pk=contract_id).first()
    )
    if contract is None or contract.signed_at is None or contract.candidate.erased_at:
        return False  # an erased person's contract keeps no document (privacy.erasure)
    if contract.document:
        contract.document.delete(save=False)  # replaced, not piled up, when run twice
    contract.document.save(
        f"{contract.number}.pdf", ContentFile(contract_pdf(contract)), save=False
    )
    stored = Contract.objects.filter(pk=contract.pk, candidate__erased_at__isnull=True).update(
        document=contract.document.name
    )
    if not stored:  # erased while it was being rendered: its name is not kept
        contract.document.delete(save=False)
    return bool(stored)
