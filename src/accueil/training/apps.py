from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "accueil.training"
    label = "training"
