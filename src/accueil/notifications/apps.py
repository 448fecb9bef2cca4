from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NotificationsConfig(AppConfig):
    name = "accueil.notifications"
    label = "notifications"

    def ready(self) -> None:
        post_migrate.connect(sync_jobs, sender=self)


def sync_jobs(sender, using="default", plan=None, **kwargs) -> None:
    """After `accueil migrate`, the worker's schedules are those of notifications.jobs."""
    from accueil.notifications import jobs

    if using == "default":
        jobs.sync()
