from django.urls import path

from accueil.core import views

app_name = "core"

urlpatterns = [
    path("", views.index, name="index"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("language/<str:code>/", views.switch_language, name="switch_language"),
    path("rules/parameters/", views.parameters, name="parameters"),
]
