from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "accueil.contracts"
    label = "contracts"
