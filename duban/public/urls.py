from django.urls import path

from duban.public import views

app_name = "public"

urlpatterns = [
    # /public/: anonymous
    path("public/", views.index, name="index"),
    # /publishing/: the office's choices
    path("publishing/tasks/<id:pk>/publish/", views.project_publish, name="project-publish"),
    path("publishing/tasks/<id:pk>/take-down/", views.project_take_down, name="project-take-down"),
    path("publishing/reports/<id:pk>/publish/", views.report_publish, name="report-publish"),
    path("publishing/reports/<id:pk>/take-down/", views.report_take_down, name="report-take-down"),
]
