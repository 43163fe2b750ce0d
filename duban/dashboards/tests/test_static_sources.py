import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from duban.dashboards.tests.base import DashboardTestCase
from duban.public.tests.routes import fill, routes

REPO = Path(settings.BASE_DIR).parent
# src/href/action attributes and CSS url()s that leave the site: a scheme or a protocol-relative //.
EXTERNAL = re.compile(
    r"""(?:src|href|action)\s*=\s*["'](?:[a-z]+:)?//|url\(\s*["']?(?:[a-z]+:)?//""", re.I
)


def test_echarts_is_pinned_and_served_from_the_installed_package():
    pinned = json.loads((REPO / "package.json").read_text())["dependencies"]["echarts"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned)
    locked = json.loads((REPO / "package-lock.json").read_text())
    assert locked["packages"]["node_modules/echarts"]["version"] == pinned
    served = finders.find("vendor/echarts/echarts.min.js")
    assert served, "run make install: it installs ECharts from package-lock.json"
    assert f'version="{pinned}"' in Path(served).read_text()


def test_our_scripts_and_styles_reference_no_external_host():
    for name in ("duban/charts.js", "duban/duban.css"):
        assert not re.search(r"https?://|url\(\s*//", Path(finders.find(name)).read_text()), name


class NoExternalHostTestCase(DashboardTestCase):
    def test_no_page_references_an_external_host(self):
        self.client.force_login(self.alice)
        pks = {self.task.pk, self.target.pk, self.target.metric_id, self.fagai.pk}
        pks |= {self.lin_official.pk, self.t1_q1.pk, self.annual.pk}
        pages = 0
        for route in routes():
            for pk in sorted(pks):
                response = self.client.get(fill(route, pk))
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    continue
                pages += 1
                html = response.content.decode()
                assert not EXTERNAL.search(html), (fill(route, pk), EXTERNAL.search(html))
        self.client.logout()
        assert not EXTERNAL.search(self.client.get(reverse("public:index")).content.decode())
        assert pages > 20
