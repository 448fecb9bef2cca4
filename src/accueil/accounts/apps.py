from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accueil.accounts"
    label = "accounts"
