from django.urls import path, register_converter

from duban.lib.params import YearConverter
from duban.progress import views

register_converter(YearConverter, "year")

app_name = "progress"

urlpatterns = [
    # /progress/
    path("", views.my_reports, name="my-reports"),
    path("review/", views.review_queue, name="review-queue"),
    # /progress/cycles/
    path("cycles/", views.cycle_list, name="cycle-list"),
    path("cycles/generate/", views.generate, name="cycle-generate"),
    path("cycles/<int:pk>/open/", views.change_cycle, {"action": "open"}, name="cycle-open"),
    path("cycles/<int:pk>/lock/", views.change_cycle, {"action": "lock"}, name="cycle-lock"),
    path(
        "cycles/<int:cycle_pk>/tasks/<int:task_pk>/start/",
        views.start_report,
        name="report-start",
    ),
    # /progress/reports/
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/edit/", views.edit_report, name="report-edit"),
    path("reports/<int:pk>/consolidate/", views.consolidate, name="report-consolidate"),
    path("reports/<int:pk>/review/", views.review, name="report-review"),
    path("reports/<int:pk>/attachments/", views.upload_attachment, name="attachment-upload"),
    # /progress/attachments/
    path("attachments/<int:pk>/", views.download_attachment, name="attachment-download"),
    path("attachments/<int:pk>/remove/", views.remove_attachment, name="attachment-remove"),
    # /progress/tasks/ and /progress/milestones/
    path("tasks/<int:task_pk>/milestones/<year:year>/", views.milestones, name="milestones"),
    path("milestones/<int:pk>/confirm/", views.confirm_milestone, name="milestone-confirm"),
    path("milestones/<int:pk>/done/", views.complete_milestone, name="milestone-done"),
]
