from django.urls import path

from duban.jobs import views

app_name = "jobs"

urlpatterns = [
    # /jobs/
    path("", views.job_list, name="jobs"),
    path("<id:pk>/", views.job_detail, name="job"),
    path("<id:pk>/status/", views.job_status, name="job-status"),
    path("<id:pk>/download/", views.job_download, name="job-download"),
    path("<id:pk>/retry/", views.job_retry, name="job-retry"),
]
