from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NotificationsConfig(AppConfig):
    name = "accueil.notifications"
    label = "notifications"

    def ready(self) -> None:
        from accueil.notifications import jobs

        post_migrate.connect(jobs.sync_after_migrate, sender=self)
