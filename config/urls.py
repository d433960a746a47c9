from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path
from django.views.generic import RedirectView


def healthz(request):
    """Liveness probe; also the bare-view baseline of the benchmarks."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def healthz_signed_in(request):
    """A constant behind the login: the floor of the benchmarks for signed-in pages, with the
    session and user lookups every such page makes."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("healthz/signed-in/", healthz_signed_in, name="healthz_signed_in"),
    path("", RedirectView.as_view(pattern_name="sentencing:case_list"), name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("accounts.urls")),
    path("cases/", include("sentencing.urls")),
    path("cases/<int:case_pk>/departures/", include("departures.urls")),
    path("cases/<int:case_pk>/objections/", include("objections.urls")),
    path("casebook/", include("casebook.urls")),
    path("memos/", include("memos.urls")),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]
