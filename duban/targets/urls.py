from django.urls import path

from duban.targets import views

app_name = "targets"

urlpatterns = [
    # /targets/<pk>/
    path("<id:pk>/", views.target_detail, name="target"),
    path("<id:pk>/values/", views.target_value, name="target-value"),
    path("<id:pk>/revise/", views.target_revise, name="target-revise"),
    # /targets/notices/<pk>/links/ and /targets/links/<pk>/
    path("notices/<id:pk>/links/", views.notice_links, name="notice-links"),
    path("notices/<id:pk>/links/add/", views.link_add, name="link-add"),
    path("links/<id:pk>/confirm/", views.change_link, {"action": "confirm"}, name="link-confirm"),
    path("links/<id:pk>/remove/", views.change_link, {"action": "remove"}, name="link-remove"),
    # /targets/metrics/
    path("metrics/", views.metric_list, name="metrics"),
    path("metrics/<id:pk>/", views.metric_detail, name="metric"),
    path("metrics/import/", views.import_values, name="import-values"),
]
