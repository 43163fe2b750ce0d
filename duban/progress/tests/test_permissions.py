"""Who may do what: every role against every action, with the status code each one gets.

302 for anonymous users is the redirect to the login page; for allowed state changes it is
the redirect after the POST. A 404 means the object lies outside the user's scope, a 403
that the user may see it but not do this.
"""

import shutil
import tempfile
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from duban.progress.access import visible_consolidated, visible_reports
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Attachment, Report, ReportingCycle
from duban.progress.tests.base import ProgressTestCase

MEDIA_ROOT = tempfile.mkdtemp(prefix="duban-test-media-")
ROLES = ("anonymous", "alice", "lin", "wang", "bob", "charlie", "dave")
PDF = b"%PDF-1.7\n%%EOF\n"


def row(*codes):
    return dict(zip(ROLES, codes, strict=True))


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class PermissionMatrixTestCase(ProgressTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        april = ReportingCycle.objects.create(
            plan=cls.plan,
            kind=CycleKind.MONTHLY,
            name="2022年4月",
            period_start=date(2022, 4, 1),
            period_end=date(2022, 4, 30),
            due_on=date(2022, 5, 5),
            state=CycleState.OPEN,
        )
        cls.may = ReportingCycle.objects.create(
            plan=cls.plan,
            kind=CycleKind.MONTHLY,
            name="2022年5月",
            period_start=date(2022, 5, 1),
            period_end=date(2022, 5, 31),
            due_on=date(2022, 6, 5),
        )
        cls.april = april
        cls.submitted_part = cls.report(cls.caizheng, cls.cycle, ReportState.SUBMITTED)
        cls.submitted_consolidated = cls.report(cls.fagai, cls.cycle, ReportState.SUBMITTED)
        cls.draft_part = cls.report(cls.caizheng, april, ReportState.DRAFT)
        cls.draft_consolidated = cls.report(cls.fagai, april, ReportState.DRAFT)
        cls.attachment = Attachment.objects.create(
            report=cls.submitted_part,
            file=ContentFile(PDF, name="evidence.pdf"),
            original_name="资金拨付凭证.pdf",
            content_type="application/pdf",
            file_size=len(PDF),
            file_hash="a" * 64,
        )

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    @classmethod
    def report(cls, unit, cycle, state) -> Report:
        kind = ReportKind.CONSOLIDATED if unit == cls.fagai else ReportKind.PART
        return Report.objects.create(
            task=cls.task, unit=unit, cycle=cycle, kind=kind, state=state, progress="已开工"
        )

    def check(self, expected: dict, method: str, url: str, data=None):
        for role, code in expected.items():
            with self.subTest(role=role, url=url):
                self.client.logout()
                if role != "anonymous":
                    self.client.force_login(getattr(self, role))
                savepoint = transaction.savepoint_create()
                try:
                    if method == "get":
                        response = self.client.get(url)
                    else:
                        response = self.client.post(url, data or {})
                finally:
                    transaction.savepoint_rollback(savepoint)
                self.assertEqual(response.status_code, code)
                if response.streaming:
                    # Reading a download to the end is what makes the test client close its file.
                    b"".join(response.streaming_content)
                if role == "anonymous":
                    self.assertIn("/login", response["Location"])

    def edit_data(self, report, **extra):
        return {"progress": "本月完成投资10亿元", "version": report.version, **extra}

    def test_the_consolidated_reports_seen_are_those_of_every_report_seen(self):
        for role in ROLES[1:]:
            with self.subTest(role=role):
                user = getattr(self, role)
                seen = set(visible_reports(user).consolidated())
                assert set(visible_consolidated(user)) == seen
                assert seen or role in ("wang", "charlie", "dave")

    def test_viewing_a_consolidated_report(self):
        url = reverse("progress:report", args=[self.submitted_consolidated.pk])
        self.check(row(302, 200, 200, 404, 200, 404, 404), "get", url)

    def test_viewing_a_submitted_part(self):
        url = reverse("progress:report", args=[self.submitted_part.pk])
        self.check(row(302, 200, 200, 404, 200, 200, 404), "get", url)

    def test_a_draft_is_seen_only_by_its_unit_and_the_office(self):
        url = reverse("progress:report", args=[self.draft_part.pk])
        self.check(row(302, 200, 404, 404, 404, 200, 404), "get", url)

    def test_editing_a_part(self):
        url = reverse("progress:report-edit", args=[self.draft_part.pk])
        data = self.edit_data(self.draft_part, save="1")
        self.check(row(302, 403, 404, 404, 404, 302, 404), "post", url, data)

    def test_submitting_a_part(self):
        url = reverse("progress:report-edit", args=[self.draft_part.pk])
        data = self.edit_data(self.draft_part, submit="1")
        self.check(row(302, 403, 404, 404, 404, 302, 404), "post", url, data)

    def test_submitting_the_consolidated_report(self):
        url = reverse("progress:report-edit", args=[self.draft_consolidated.pk])
        data = self.edit_data(self.draft_consolidated, submit="1")
        self.check(row(302, 403, 404, 404, 302, 404, 404), "post", url, data)

    def test_consolidating(self):
        url = reverse("progress:report-consolidate", args=[self.draft_consolidated.pk])
        self.check(row(302, 403, 404, 404, 200, 404, 404), "get", url)
        data = {"version": self.draft_consolidated.version}
        self.check(row(302, 403, 404, 404, 302, 404, 404), "post", url, data)

    def test_reviewing_a_consolidated_report(self):
        url = reverse("progress:report-review", args=[self.submitted_consolidated.pk])
        self.check(row(302, 302, 403, 404, 403, 404, 404), "post", url, {"decision": "accept"})

    def test_returning_a_part(self):
        url = reverse("progress:report-review", args=[self.submitted_part.pk])
        data = {"decision": "return", "comment": "请补充"}
        self.check(row(302, 403, 403, 404, 302, 403, 404), "post", url, data)

    def test_downloading_an_attachment(self):
        url = reverse("progress:attachment-download", args=[self.attachment.pk])
        self.check(row(302, 200, 200, 404, 200, 200, 404), "get", url)

    def test_uploading_an_attachment_with_the_draft(self):
        url = reverse("progress:report-edit", args=[self.draft_part.pk])
        for role, code in row(302, 403, 404, 404, 404, 302, 404).items():
            data = self.edit_data(self.draft_part, upload="1", file=ContentFile(PDF, "凭证.pdf"))
            self.check({role: code}, "post", url, data)

    def test_removing_an_attachment_with_the_draft(self):
        draft_file = Attachment.objects.create(
            report=self.draft_part,
            file=ContentFile(PDF, name="draft.pdf"),
            original_name="草稿凭证.pdf",
            content_type="application/pdf",
            file_size=len(PDF),
            file_hash="b" * 64,
        )
        url = reverse("progress:report-edit", args=[self.draft_part.pk])
        data = self.edit_data(self.draft_part, remove=draft_file.pk)
        self.check(row(302, 403, 404, 404, 404, 302, 404), "post", url, data)
        # Another report's file is not reached through this form, even by the same unit.
        data = self.edit_data(self.draft_part, remove=self.attachment.pk)
        self.check({"charlie": 404}, "post", url, data)

    def test_starting_a_report(self):
        url = reverse("progress:report-start", args=[self.april.pk, self.task.pk])
        self.check(row(302, 403, 403, 404, 302, 302, 404), "post", url)

    def test_opening_and_locking_cycles(self):
        url = reverse("progress:cycle-open", args=[self.may.pk])
        self.check(row(302, 302, 403, 403, 403, 403, 403), "post", url)
        url = reverse("progress:cycle-lock", args=[self.april.pk])
        self.check(row(302, 302, 403, 403, 403, 403, 403), "post", url)

    def test_the_cycle_pages_and_review_queue_are_the_offices(self):
        for name in ("progress:cycle-list", "progress:review-queue"):
            self.check(row(302, 200, 403, 403, 403, 403, 403), "get", reverse(name))

    def test_the_my_reports_page_is_for_units(self):
        self.check(row(302, 302, 403, 403, 200, 200, 200), "get", reverse("progress:my-reports"))

    def test_state_changing_pages_refuse_get(self):
        self.client.force_login(self.alice)
        url = reverse("progress:cycle-lock", args=[self.april.pk])
        self.assertEqual(self.client.get(url).status_code, 405)

    def test_tampered_ids_are_not_found(self):
        self.client.force_login(self.dave)
        for url in (
            reverse("progress:report", args=[self.submitted_part.pk]),
            reverse("progress:report-edit", args=[self.draft_part.pk]),
            reverse("progress:attachment-download", args=[self.attachment.pk]),
            reverse("progress:report-start", args=[self.april.pk, self.task.pk]),
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.post(url, {"progress": "x"}).status_code, 404)
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get(reverse("progress:report", args=[99999])).status_code, 404)
        url = reverse("progress:report-edit", args=[self.draft_consolidated.pk])
        self.assertEqual(
            self.client.post(url, self.edit_data(self.draft_consolidated)).status_code, 404
        )
        self.draft_part.refresh_from_db()
        self.draft_consolidated.refresh_from_db()
        self.assertEqual(self.draft_consolidated.progress, "已开工")
