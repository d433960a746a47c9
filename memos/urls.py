from django.urls import path

from . import views

app_name = "memos"
urlpatterns = [
    path("cases/<int:pk>/", views.memo_preview, name="preview"),
    path("cases/<int:pk>/edit/", views.memo_edit, name="edit"),
    path("cases/<int:pk>/memo.html", views.memo_preview_html, name="preview_html"),
    path("cases/<int:pk>/export/", views.memo_export, name="export"),
    path("cases/<int:pk>/exports/<int:export_pk>/", views.memo_download, name="download"),
    path(
        "cases/<int:pk>/exports/<int:export_pk>/docx/",
        views.memo_download_docx,
        name="download_docx",
    ),
]
