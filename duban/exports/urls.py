from django.urls import path

from duban.exports import views

app_name = "exports"

urlpatterns = [
    # /exports/notices/
    path("notices/<id:pk>/annexes/<slug:fmt>/", views.notice_annexes, name="notice-annexes"),
    # /exports/cycles/
    path("cycles/<id:pk>/reports/", views.cycle_reports, name="cycle-reports"),
    # /exports/supervision-notices/
    path("supervision-notices/<id:pk>/", views.supervision_notice, name="supervision-notice"),
    # /exports/leaders/
    path("leaders/<id:pk>/pack/", views.leader_pack, name="leader-pack"),
]
