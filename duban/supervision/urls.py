from django.urls import path

from duban.supervision import views

app_name = "supervision"

urlpatterns = [
    # /supervision/
    path("", views.overview, name="overview"),
    path("refresh/", views.refresh, name="refresh"),
    # /supervision/notices/
    path("notices/", views.notice_list, name="notices"),
    path("notices/<id:pk>/", views.notice_detail, name="notice"),
    path("notices/<id:pk>/respond/", views.notice_respond, name="notice-respond"),
    path("notices/<id:pk>/escalate/", views.notice_escalate, name="notice-escalate"),
    path("notices/<id:pk>/close/", views.notice_close, name="notice-close"),
    # /supervision/notice-attachments/
    path("notice-attachments/<id:pk>/", views.notice_attachment, name="notice-attachment"),
    # /supervision/problems/
    path("problems/", views.problem_list, name="problems"),
    path("problems/<id:pk>/", views.problem_detail, name="problem"),
    path("problems/<id:pk>/<slug:action>/", views.problem_action, name="problem-action"),
    # /supervision/instructions/
    path("instructions/<id:pk>/", views.instruction_detail, name="instruction"),
    path("instructions/<id:pk>/answer/", views.instruction_answer, name="instruction-answer"),
    path("instructions/<id:pk>/close/", views.instruction_close, name="instruction-close"),
    # /supervision/tasks/: what is started from a task page
    path("tasks/<id:task_pk>/notices/new/", views.notice_issue, name="notice-issue"),
    path("tasks/<id:task_pk>/problems/new/", views.problem_raise, name="problem-raise"),
    path("tasks/<id:task_pk>/instructions/new/", views.instruction_new, name="instruction-new"),
    # /supervision/notifications/
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/<id:pk>/read/", views.notification_read, name="notification-read"),
]
