from django.apps import AppConfig


class SocialConfig(AppConfig):
    name = "accueil.social"
    label = "social"
