from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "accueil.audit"
    label = "audit"

    def ready(self) -> None:
        from accueil.audit import receivers  # noqa: F401  (connects sign-in, sign-out, failures)
