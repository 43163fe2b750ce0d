from django.urls import path

from duban.ledger.views import imports, logins, notices, people, placeholders, suggest, tasks

app_name = "ledger"

urlpatterns = [
    # /tasks/
    path("tasks/", tasks.task_list, name="tasks"),
    path("tasks/<id:pk>/", tasks.task_detail, name="task"),
    # /leaders/
    path("leaders/<id:pk>/", people.official_detail, name="official"),
    # /units/
    path("units/", people.unit_list, name="units"),
    path("units/<id:pk>/", people.unit_detail, name="unit"),
    path("units/<id:pk>/kind/", people.unit_kind, name="unit-kind"),
    path("units/<id:pk>/merge/", people.unit_merge, name="unit-merge"),
    # /suggest/: the type-ahead of the plan, unit and leader filters
    path("suggest/plans/", suggest.plan_suggestions, name="suggest-plans"),
    path("suggest/units/", suggest.unit_suggestions, name="suggest-units"),
    path("suggest/leaders/", suggest.official_suggestions, name="suggest-leaders"),
    # /people/: the office's log-ins for units and leaders
    path("people/", logins.people, name="people"),
    path("people/units/<id:pk>/new/", logins.unit_login_create, name="unit-login-create"),
    path("people/leaders/<id:pk>/new/", logins.official_login_create, name="official-login-create"),
    path("people/import/", logins.liaison_import, name="liaison-import"),
    path("people/import/confirm/", logins.liaison_import_confirm, name="liaison-import-confirm"),
    # /placeholders/
    path("placeholders/", placeholders.placeholder_list, name="placeholders"),
    path("placeholders/<id:pk>/", placeholders.placeholder_resolve, name="placeholder-resolve"),
    # /notices/ and /plans/
    path("notices/", notices.notice_list, name="notices"),
    path("notices/<id:pk>/", notices.notice_detail, name="notice"),
    path("plans/<id:pk>/", notices.plan_detail, name="plan"),
    # /import/
    path("import/", imports.upload, name="import"),
    path("import/<id:pk>/", imports.preview, name="import-preview"),
    path("import/<id:pk>/columns/", imports.columns, name="import-columns"),
    path("import/<id:pk>/row/", imports.row, name="import-row"),
    path("import/<id:pk>/undo/", imports.undo, name="import-undo"),
    path("import/<id:pk>/alias/", imports.alias, name="import-alias"),
    path("import/<id:pk>/confirm/", imports.confirm, name="import-confirm"),
]
