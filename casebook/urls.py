from django.urls import path

from . import views

app_name = "casebook"
urlpatterns = [
    path("", views.opinion_list, name="opinion_list"),
]
