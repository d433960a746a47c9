from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView

from .endpoints import api
from .views import token_page

# Ninja's own root view answers 404 to everyone; ours sends a signed-in user to the docs page.
# The name stays: ninja reverses it to place the endpoints in the schema.
patterns, ninja_app, namespace = api.urls
root = path(
    "", login_required(RedirectView.as_view(pattern_name="api:openapi-view")), name="api-root"
)
urlpatterns = [
    path("v1/", ([p for p in patterns if p.name != "api-root"] + [root], ninja_app, namespace)),
    path("token/", token_page, name="api_token"),
]
