from django.urls import path

from accueil.registration import views

app_name = "registration"

urlpatterns = [
    path("", views.candidate_list, name="candidate_list"),
    path("<uuid:candidate_id>/", views.candidate_detail, name="candidate_detail"),
]
