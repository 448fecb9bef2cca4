"""What registration does when others change its candidates: erasing a candidate erases
the delivery records of the emails about them (`notifications` knows no candidate, so
its records do not cascade)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from accueil.notifications.services import forget
from accueil.registration.models import Candidate
from accueil.registration.selectors import email_about


@receiver(post_delete, sender=Candidate, dispatch_uid="accueil.forget_candidate_emails")
def forget_candidate_emails(sender, instance: Candidate, **kwargs) -> None:
    forget(email_about(instance.pk))
