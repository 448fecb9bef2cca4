"""The candidate's online registration: start page, eligibility check, question
pages, check your answers, confirmation, and asking for the private link again."""

from django.urls import path

from accueil.registration import public_views

app_name = "register"

urlpatterns = [
    path("", public_views.start, name="start"),
    path("check/result/", public_views.check_result, name="check_result"),
    path("check/<slug:slug>/", public_views.check_question, name="check"),
    path("check-your-answers/", public_views.check_answers, name="check_answers"),
    path("complete/", public_views.complete, name="complete"),
    path("get-my-link/", public_views.link_request, name="link_request"),
    path("get-my-link/sent/", public_views.link_sent, name="link_sent"),
    path("<slug:slug>/", public_views.question, name="question"),
]
