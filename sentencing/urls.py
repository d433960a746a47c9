from django.urls import path

from . import views

app_name = "sentencing"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("new/", views.case_create, name="case_create"),
    path("new/recalculate/", views.case_recalculate, name="case_recalculate_new"),
    path("presets/", views.case_presets, name="case_presets"),
    path("presets/theft-fraud/", views.case_theft_fraud_lines, name="case_theft_fraud_lines"),
    path("presets/drugs/", views.case_drug_lines, name="case_drug_lines"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/edit/", views.case_edit, name="case_edit"),
    path("<int:pk>/recalculate/", views.case_recalculate, name="case_recalculate"),
    path("<int:pk>/history/", views.case_history, name="case_history"),
]
