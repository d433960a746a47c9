from django.urls import path

from . import views

app_name = "departures"
urlpatterns = [
    path("new/", views.request_create, name="request_create"),
    path("preview/", views.request_preview, name="request_preview"),
    path("<int:pk>/edit/", views.request_edit, name="request_edit"),
    path("<int:pk>/delete/", views.request_delete, name="request_delete"),
]
