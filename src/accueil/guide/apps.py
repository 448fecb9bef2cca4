from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "accueil.guide"
    label = "guide"
