from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from duban.targets.models import Measurement
from duban.targets.tests.base import TargetsTestCase


def upload(text: str, name: str = "release.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


class ImportValuesViewTestCase(TargetsTestCase):
    def url(self):
        return reverse("targets:import-values")

    def test_the_office_imports_a_release(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            self.url(), {"file": upload("指标,时间,数值\n地区生产总值,2022-06,5.2\n")}
        )
        self.assertRedirects(r, self.url())
        self.assertEqual(Measurement.objects.get().metric.name, "地区生产总值")

    def test_a_dry_run_shows_the_rows_and_imports_nothing(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            self.url(),
            {"file": upload("指标,时间,数值\n地区生产总值,2022-06,5.2\n"), "dry_run": "on"},
        )
        self.assertContains(r, "共 1 行可以导入")
        self.assertFalse(Measurement.objects.exists())

    def test_unknown_metrics_and_bad_rows_are_reported_and_nothing_is_imported(self):
        self.client.force_login(self.alice)
        text = "指标,时间,数值\n地区生产总值,2022-06,5.2\n地区总产值,2022-06,5\n地区生产总值,下半年,5\n"
        r = self.client.post(self.url(), {"file": upload(text)})
        self.assertContains(r, "“地区总产值”（第 3 行）")
        self.assertContains(r, "第 4 行：无法识别时间“下半年”")
        self.assertFalse(Measurement.objects.exists())

    def test_an_unreadable_file_is_an_error_on_the_form(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url(), {"file": upload("指标,数值\n", "release.csv")})
        self.assertContains(r, "缺少列")

    def test_other_roles_get_a_403(self):
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get(self.url()).status_code, 403)

    def test_anonymous_users_go_to_log_in(self):
        self.assertEqual(self.client.get(self.url()).status_code, 302)
