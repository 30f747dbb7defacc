"""Open data at stable addresses outside the language prefix (?lang=es for Spanish)."""

from django.urls import path

from states import open_data

app_name = "states"

urlpatterns = [
    path("open-data/scorecard.csv", open_data.scorecard_csv, name="scorecard_csv"),
    path("open-data/scorecard.json", open_data.scorecard_json, name="scorecard_json"),
]
