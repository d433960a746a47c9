from django.urls import path

from . import views

app_name = "objections"
urlpatterns = [
    path("", views.objections_page, name="objections"),
    path("new/", views.objection_create, name="objection_create"),
    path("<int:pk>/", views.objection_edit, name="objection_edit"),
    path("court-calculation/", views.court_calculation, name="court_calculation"),
]
