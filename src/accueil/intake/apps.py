from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "accueil.intake"
    label = "intake"
