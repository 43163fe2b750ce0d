from django.urls import path

from duban.ledger.views import imports, notices, people, placeholders, tasks

app_name = "ledger"

urlpatterns = [
    # /tasks/
    path("tasks/", tasks.task_list, name="tasks"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task"),
    # /leaders/
    path("leaders/<int:pk>/", people.official_detail, name="official"),
    # /units/
    path("units/", people.unit_list, name="units"),
    path("units/<int:pk>/", people.unit_detail, name="unit"),
    path("units/<int:pk>/kind/", people.unit_kind, name="unit-kind"),
    path("units/<int:pk>/merge/", people.unit_merge, name="unit-merge"),
    # /placeholders/
    path("placeholders/", placeholders.placeholder_list, name="placeholders"),
    path("placeholders/<int:pk>/", placeholders.placeholder_resolve, name="placeholder-resolve"),
    # /notices/ and /plans/
    path("notices/", notices.notice_list, name="notices"),
    path("notices/<int:pk>/", notices.notice_detail, name="notice"),
    path("plans/<int:pk>/", notices.plan_detail, name="plan"),
    # /import/
    path("import/", imports.upload, name="import"),
    path("import/<int:pk>/", imports.preview, name="import-preview"),
    path("import/<int:pk>/columns/", imports.columns, name="import-columns"),
    path("import/<int:pk>/row/", imports.row, name="import-row"),
    path("import/<int:pk>/undo/", imports.undo, name="import-undo"),
    path("import/<int:pk>/alias/", imports.alias, name="import-alias"),
    path("import/<int:pk>/confirm/", imports.confirm, name="import-confirm"),
]
