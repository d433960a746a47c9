from django.urls import path

from . import views

app_name = "casebook"
urlpatterns = [
    path("", views.opinion_list, name="opinion_list"),
    path("opinions/<int:pk>/", views.opinion_detail, name="opinion_detail"),
    path("grounds/", views.ground_list, name="ground_list"),
    path("grounds/<slug:slug>/", views.ground_detail, name="ground_detail"),
    path("grounds/<slug:slug>/split/", views.ground_split, name="ground_split"),
    path("unmatched/<int:pk>/", views.unmatched_citation, name="unmatched_citation"),
]
