from django.urls import path

from accueil.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("home/", views.home, name="home"),
    path("account/activate/<str:token>/", views.activate, name="activate"),
    path("sign-in/email/", views.sign_in_link_request, name="sign_in_link_request"),
    path("sign-in/link/<str:token>/", views.sign_in_link, name="sign_in_link"),
]
