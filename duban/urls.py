from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

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
    path("", include("duban.ledger.urls")),
]

admin.site.site_header = "督办台账 管理后台"
admin.site.site_title = "督办台账"
admin.site.site_url = "/tasks/"
