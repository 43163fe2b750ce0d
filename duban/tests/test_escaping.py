"""Script-like text in a notice and in what users write renders inert on every page.

The office imports a notice carrying markup in its title, headings, task texts, unit names,
leader cells, remarks and extra columns; the world's own objects carry it in every text users
enter. Every page of the URLconf is then opened as the office, the leader and the units.
"""

import shutil
import tempfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.ledger.models import Notice, Unit
from duban.testing import follow_job, make_user
from duban.tests.url_table import KWARGS
from duban.tests.urls import page_patterns
from duban.tests.world import build_world

SVG = "<svg/onload=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
ATTRIBUTE = '"onmouseover="alert(3)'
# What must never reach a page unescaped.
LIVE = ("<svg/onload", "<script>alert", '"onmouseover="')

NOTICE = f"""测试区人民政府办公室文件

测政办〔2022〕9号

测试区人民政府办公室关于印发2022年重点工作责任分解的通知{SVG}

各街道办事处，区政府直属各单位：

现将《2022年重点工作责任分解表》印发给你们，请认真贯彻落实。{SCRIPT}

附件：1. 2022年重点工作责任分解表

测试区人民政府办公室

2022 年 3 月 7 日

（此件公开发布）

附件 1

2022年重点工作责任分解表{SVG}

一、林杰常委、常务副区长牵头重点工作{SVG}

序号\t重点工作\t责任单位\t责任领导\t计划投资\t备注
1\t地区生产总值增长 7%。{SVG}\t区发改局{SVG}*、区财政局\t王强{SVG}\t5亿元{SVG}\t由区委政法委{SVG}牵头
2\t一般公共预算收入增长 8%。{ATTRIBUTE}\t区财政局\t王强\t3亿元\t{SCRIPT}
3\t规上工业{SVG}增加值增长 9%。\t区发改局{SVG}\t王强\t1亿元\t
"""
MEDIA_ROOT = tempfile.mkdtemp(prefix="duban-test-media-")


@override_settings(MEDIA_ROOT=MEDIA_ROOT, UPLOAD_DIR=f"{MEDIA_ROOT}/uploads")
class EscapingTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world(mark=SVG)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    def assert_inert(self, response, what: str):
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            return
        html = response.content.decode()
        for live in LIVE:
            self.assertNotIn(live, html, f"{live!r} unescaped on {what}")

    def import_notice(self, office: Client) -> Notice:
        upload = SimpleUploadedFile(f"通知{SVG}.txt", NOTICE.encode())
        response = follow_job(office, office.post(reverse("ledger:import"), {"file": upload}))
        preview = office.get(response["Location"])
        self.assertContains(preview, "&lt;svg/onload=alert(1)&gt;")
        self.assert_inert(preview, "the import preview")
        office.post(response["Location"] + "confirm/")  # the preview confirms at confirm/
        return Notice.objects.get(doc_number="测政办〔2022〕9号")

    def test_every_page_renders_script_like_text_inert(self):
        w = self.world
        office = Client()
        office.force_login(w.users["office"])
        notice = self.import_notice(office)
        # Unit names are normalised to full-width brackets; the markup stays.
        unit = Unit.objects.get(name__startswith="区发改局<svg/onload")
        people = {
            "office": w.users["office"],
            "leader": w.users["leader"],
            "lead": w.users["lead"],
            "support": w.users["support"],
            "notice unit": make_user("hostile", UserRole.UNIT, unit=unit),
        }
        extra = [notice.get_absolute_url(), unit.get_absolute_url()]
        for plan in notice.plans.all():
            extra.append(plan.get_absolute_url())
            extra += [task.get_absolute_url() for task in plan.tasks.all()]
            self.assertTrue(plan.tasks.filter(text__contains=SVG).exists())
        urls = [
            reverse(p.name, kwargs=KWARGS.get(p.name, lambda w: {})(w))
            for p in page_patterns()
            if not p.name.startswith("admin:") and p.name != "accounts:logout"
        ]
        for role, user in people.items():
            client = Client()
            client.force_login(user)
            for url in urls + extra:
                with self.subTest(role=role, url=url):
                    self.assert_inert(client.get(url), f"{url} as {role}")
                    self.assert_inert(client.get(url, {"q": SVG}), f"{url}?q= as {role}")
