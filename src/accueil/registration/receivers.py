"""What registration does when others change its candidates: erasing a candidate erases
the delivery records of the emails about them (`notifications` knows no candidate, so
its records do not cascade). And the audit trail, below registration, is told how to
find the candidate of an account or of a national identification number."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from accueil.audit.services import person_finders_register
from accueil.notifications.services import forget
from accueil.registration.models import Candidate
from accueil.registration.selectors import (
    candidate_ids_of_national_id,
    candidate_ids_of_user,
    email_about,
)

person_finders_register(of_user=candidate_ids_of_user, of_national_id=candidate_ids_of_national_id)


@receiver(post_delete, sender=Candidate, dispatch_uid="accueil.forget_candidate_emails")
def forget_candidate_emails(sender, instance: Candidate, **kwargs) -> None:
    forget(email_about(instance.pk))
