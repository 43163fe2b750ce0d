from django.contrib import admin
from django.urls import reverse

from duban.audit.admin import AuditedAdmin, ReadOnlyAdmin
from duban.progress.choices import CycleState
from duban.progress.models import Report
from duban.testing import BaseTestCase, make_cycle, make_report

# Workflow state: moved only by model methods that check the state and audit the change.
WORKFLOW = {
    "audit.logentry",
    "bulletins.bulletin",
    "django_tasks_database.dbtaskresult",
    "jobs.job",
    "ledger.importdraft",
    "progress.milestone",
    "progress.report",
    "progress.reportingcycle",
    "public.publicproject",
    "public.publicreport",
    "supervision.problem",
    "supervision.statuschange",
    "supervision.supervisionnotice",
    "supervision.taskstatus",
    "targets.measurement",
    "targets.targetlink",
}


class AdminPolicyTestCase(BaseTestCase):
    def setUp(self):
        self.client.force_login(self.admin)

    def test_every_admin_is_read_only_or_audited(self):
        for model, model_admin in admin.site._registry.items():
            with self.subTest(model=model._meta.label_lower):
                self.assertIsInstance(model_admin, ReadOnlyAdmin | AuditedAdmin)

    def test_workflow_state_is_read_only_in_the_admin(self):
        read_only = {
            model._meta.label_lower
            for model, model_admin in admin.site._registry.items()
            if isinstance(model_admin, ReadOnlyAdmin)
        }
        self.assertLessEqual(WORKFLOW, read_only)
        for label in sorted(read_only):
            with self.subTest(model=label):
                url = reverse(f"admin:{label.replace('.', '_')}_add")
                self.assertEqual(self.client.get(url).status_code, 403)

    def test_a_cycle_and_a_report_cannot_be_changed_by_hand_in_the_admin(self):
        cycle = make_cycle(self.plan)
        url = reverse("admin:progress_reportingcycle_change", args=[cycle.pk])
        self.assertEqual(self.client.post(url, {"state": CycleState.LOCKED}).status_code, 403)
        report = make_report(self.task, self.fagai, cycle)
        delete = reverse("admin:progress_report_delete", args=[report.pk])
        self.assertEqual(self.client.post(delete, {"post": "yes"}).status_code, 403)
        cycle.refresh_from_db()
        self.assertEqual(cycle.state, CycleState.OPEN)
        self.assertTrue(Report.objects.filter(pk=report.pk).exists())
