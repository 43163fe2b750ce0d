from django.urls import path

from duban.dashboards import views

app_name = "dashboards"

urlpatterns = [
    # /dashboards/: the office's overview, or a leader's own portfolio
    path("", views.overview, name="overview"),
    path("charts/<slug:chart>/", views.overview_chart, name="chart"),
    # /dashboards/leaders/<pk>/: one leader's portfolio
    path("leaders/<id:pk>/", views.leader_overview, name="leader"),
    path("leaders/<id:pk>/charts/<slug:chart>/", views.leader_chart, name="leader-chart"),
    # /dashboards/units/<pk>/: a unit's scorecard
    path("units/<id:pk>/", views.unit_scorecard, name="unit"),
    path("units/<id:pk>/charts/<slug:chart>/", views.unit_chart, name="unit-chart"),
    # /dashboards/targets/<pk>/: a target's trajectory
    path("targets/<id:pk>/chart/", views.target_chart, name="target-chart"),
    # /dashboards/metrics/<pk>/: a metric's values against its targets' paths
    path("metrics/<id:pk>/chart/", views.metric_chart, name="metric-chart"),
]
