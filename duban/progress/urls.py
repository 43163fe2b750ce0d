from django.urls import path

from duban.progress import views

app_name = "progress"

urlpatterns = [
    # /progress/
    path("", views.my_reports, name="my-reports"),
    path("review/", views.review_queue, name="review-queue"),
    # /progress/cycles/
    path("cycles/", views.cycle_list, name="cycle-list"),
    path("cycles/generate/", views.generate, name="cycle-generate"),
    path("cycles/<id:pk>/open/", views.change_cycle, {"action": "open"}, name="cycle-open"),
    path("cycles/<id:pk>/lock/", views.change_cycle, {"action": "lock"}, name="cycle-lock"),
    path(
        "cycles/<id:cycle_pk>/tasks/<id:task_pk>/start/",
        views.start_report,
        name="report-start",
    ),
    # /progress/reports/
    path("reports/<id:pk>/", views.report_detail, name="report"),
    path("reports/<id:pk>/edit/", views.edit_report, name="report-edit"),
    path("reports/<id:pk>/consolidate/", views.consolidate, name="report-consolidate"),
    path("reports/<id:pk>/review/", views.review, name="report-review"),
    # /progress/attachments/
    path("attachments/<id:pk>/", views.download_attachment, name="attachment-download"),
    # /progress/tasks/ and /progress/milestones/
    path("tasks/<id:task_pk>/milestones/<year:year>/", views.milestones, name="milestones"),
    path("milestones/<id:pk>/confirm/", views.confirm_milestone, name="milestone-confirm"),
    path("milestones/<id:pk>/done/", views.complete_milestone, name="milestone-done"),
]
