from django.contrib import admin
from django.urls import include, path, register_converter
from django.views.generic import RedirectView

from duban.api.v1 import api
from duban.lib.params import IdConverter, YearConverter

# Keys and years in URLs match only values their columns hold: others are a 404, not a 500.
register_converter(IdConverter, "id")
register_converter(YearConverter, "year")

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="ledger:tasks"), name="home"),
    path("accounts/", include("duban.accounts.urls")),
    path("admin/", admin.site.urls),
    path("targets/", include("duban.targets.urls")),
    path("supervision/", include("duban.supervision.urls")),
    path("progress/", include("duban.progress.urls")),
    path("dashboards/", include("duban.dashboards.urls")),
    path("", include("duban.public.urls")),
    path("exports/", include("duban.exports.urls")),
    path("bulletins/", include("duban.bulletins.urls")),
    path("jobs/", include("duban.jobs.urls")),
    path("api/v1/", api.urls),
    path("api/", include("duban.api.urls")),
    path("", include("duban.ledger.urls")),
]

admin.site.site_header = "督办台账 管理后台"
admin.site.site_title = "督办台账"
admin.site.site_url = "/tasks/"
