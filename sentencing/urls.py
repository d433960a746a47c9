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
    path("<int:case_pk>/calculations/new/", views.calculation_create, name="calculation_create"),
    path(
        "<int:case_pk>/calculations/compare/",
        views.calculation_compare,
        name="calculation_compare",
    ),
    path(
        "<int:case_pk>/calculations/<int:pk>/edit/",
        views.calculation_edit,
        name="calculation_edit",
    ),
    path(
        "<int:case_pk>/calculations/<int:pk>/recalculate/",
        views.case_recalculate,
        name="calculation_recalculate",
    ),
    path(
        "<int:case_pk>/calculations/<int:pk>/delete/",
        views.calculation_delete,
        name="calculation_delete",
    ),
    path(
        "<int:case_pk>/calculations/<int:pk>/argued/",
        views.calculation_argued,
        name="calculation_argued",
    ),
]
