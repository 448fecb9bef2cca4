from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "accueil.portal"
    label = "portal"
