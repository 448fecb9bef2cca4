"""Reads of the delivery records."""

from django.db.models import QuerySet

from accueil.notifications.models import DeliveryStatus, Notification


def undelivered_emails() -> QuerySet[Notification]:
    """The emails that could not be delivered after every attempt."""
    return Notification.objects.filter(status=DeliveryStatus.FAILED)
