from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "accueil.statistics"
    label = "statistics"
