"""The guide: questionnaire and result, private link, calculators, a candidate's dates."""

from django.urls import path

from accueil.guide import calculator_views, candidate_views, views

app_name = "guide"

urlpatterns = [
    path("", views.start, name="start"),
    path("questions/", views.resume, name="resume"),
    path("questions/<slug:fact>/", views.question, name="question"),
    path("check-your-answers/", views.check, name="check"),
    path("result/", views.result, name="result"),
    path("result/pdf/", views.pdf, name="pdf"),
    path("result/email/", views.email_link, name="email_link"),
    path("result/add-to-my-path/", candidate_views.add_to_path, name="add_to_path"),
    path("saved/<str:token>/", views.saved, name="saved"),
    path("start-again/", views.start_again, name="start_again"),
    path("calculators/", calculator_views.index, name="calculators"),
    path("calculators/<slug:slug>/", calculator_views.calculator, name="calculator"),
    path("my-dates/", candidate_views.my_dates, name="my_dates"),
    path(
        "my-dates/procedures/<int:pk>/remove/",
        candidate_views.procedure_remove,
        name="procedure_remove",
    ),
]
