"""A candidate's account: activation and emailed sign-in links (at the site's root)."""

from django.urls import path

from accueil.registration import account_views

app_name = "candidate_account"

urlpatterns = [
    path("account/activate/<str:token>/", account_views.activate, name="activate"),
    path("sign-in/email/", account_views.sign_in_link_request, name="sign_in_link_request"),
    path("sign-in/link/<str:token>/", account_views.sign_in_link, name="sign_in_link"),
]
