from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "accueil.registration"
    label = "registration"

    def ready(self) -> None:
        from accueil.registration import receivers  # noqa: F401  (erasure of delivery records)
