"""Reads of the delivery records."""

from django.db.models import QuerySet

from accueil.notifications.models import DeliveryStatus, Letter, Notification


def undelivered_emails() -> QuerySet[Notification]:
    """The emails that could not be delivered after every attempt."""
    return Notification.objects.filter(status=DeliveryStatus.FAILED)


def letters_to_print() -> QuerySet[Letter]:
    """The letters not marked posted yet, oldest first."""
    return Letter.objects.filter(posted_at__isnull=True).order_by("created_at", "pk")
