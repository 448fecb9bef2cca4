from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "accueil.registration"
    label = "registration"
