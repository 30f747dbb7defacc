"""Open data at stable addresses outside the language prefix (?lang=es for Spanish)."""

from django.urls import path

from states import views

app_name = "states"

urlpatterns = [
    path("open-data/scorecard.csv", views.scorecard_csv, name="scorecard_csv"),
    path("open-data/scorecard.json", views.scorecard_json, name="scorecard_json"),
]
