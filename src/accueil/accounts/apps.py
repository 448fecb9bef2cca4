from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in

from accueil.accounts.signin import stamp_sign_in


class AccountsConfig(AppConfig):
    name = "accueil.accounts"
    label = "accounts"

    def ready(self) -> None:
        # When the session began, for its absolute lifetime (accounts/middleware.py).
        user_logged_in.connect(stamp_sign_in, dispatch_uid="accueil.stamp_sign_in")
