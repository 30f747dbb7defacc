"""Open data at stable addresses outside the language prefix (?lang=es for Spanish)."""

from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("open-data/stories.csv", views.stories_csv, name="stories_csv"),
    path("open-data/stories.json", views.stories_json, name="stories_json"),
]
