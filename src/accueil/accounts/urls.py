from django.urls import path

from accueil.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-in/code/", views.second_factor, name="second_factor"),
    path("sign-in/set-up/", views.second_factor_setup, name="second_factor_setup"),
    path("sign-in/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
]
