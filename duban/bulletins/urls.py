from django.urls import path

from duban.bulletins import views

app_name = "bulletins"

urlpatterns = [
    # /bulletins/
    path("", views.bulletin_list, name="bulletins"),
    path("issue/", views.bulletin_issue, name="bulletin-issue"),
    path("<id:pk>/", views.bulletin_detail, name="bulletin"),
    path("<id:pk>/download/", views.bulletin_download, name="bulletin-download"),
    path("<id:pk>/figures/<slug:key>/", views.bulletin_figure, name="bulletin-figure"),
]
