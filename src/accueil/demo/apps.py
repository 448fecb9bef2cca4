from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "accueil.demo"
    label = "demo"
