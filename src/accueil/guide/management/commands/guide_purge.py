"""`accueil guide_purge`: delete the guide's answers unused for 12 months now (the worker
runs it as the scheduled job "guide-purge", notifications.jobs)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from accueil.guide.services import answers_purge


class Command(BaseCommand):
    help = "Delete the newcomer's guide answers not used for 12 months."

    def handle(self, *args, **options) -> None:
        deleted = answers_purge(now=timezone.now())
        self.stdout.write(f"{deleted} saved guide answers deleted")
