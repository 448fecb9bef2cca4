from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accueil.accounts"
    label = "accounts"

    def ready(self) -> None:
        from accueil.accounts import signin  # noqa: F401  (connects the failed sign-in audit)
