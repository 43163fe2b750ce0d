from django.urls import reverse

from duban.public.models import PublicProject
from duban.public.tests.base import MARKER, PublicTestCase
from duban.public.tests.routes import fill, routes

# The pages anyone may read; every other page sends an anonymous visitor to log in.
ANONYMOUS_PAGES = {"/public/", "/accounts/login/"}


class PublicPageTestCase(PublicTestCase):
    def test_anyone_reads_a_published_project_with_its_units_status_and_public_progress(self):
        html = self.client.get(reverse("public:index")).content.decode()
        assert "社区食堂" in html
        assert "新建社区食堂15家。" in html
        assert "五马街道" in html
        assert "正常" in html
        assert "已建成社区食堂6家。" in html
        assert "更新于" in html

    def test_projects_not_published_or_taken_down_are_not_shown(self):
        html = self.client.get(reverse("public:index")).content.decode()
        assert "幼儿园学位" not in html
        self.p1.publication.take_down(self.alice)
        assert "社区食堂" not in self.client.get(reverse("public:index")).content.decode()

    def test_the_page_needs_no_javascript(self):
        html = self.client.get(reverse("public:index")).content.decode()
        assert "<script" not in html
        assert "<h1>" in html and "<table>" in html

    def test_nothing_internal_reaches_any_url_an_anonymous_visitor_opens(self):
        pks = {
            self.p1.pk,
            self.accepted.pk,
            self.returned.pk,
            self.cycles[self.livelihood.pk, 1].pk,
            self.p1.problems.get().pk,
            self.wuma.pk,
            self.livelihood.pk,
        }
        opened = 0
        for route in routes():
            for pk in sorted(pks):
                path = fill(route, pk)
                response = self.client.get(path)
                opened += 1
                assert MARKER not in response.content.decode(errors="replace"), path
                if path in ANONYMOUS_PAGES:
                    assert response.status_code == 200, path
                elif response.status_code == 302:
                    assert response.url.startswith(reverse("accounts:login")) or path == "/", path
                elif path.startswith("/api/"):
                    # The REST API refuses a caller without a token, as JSON.
                    assert response.status_code in (401, 404, 405), path
                else:
                    assert response.status_code in (404, 405), path
        assert opened > 100

    def test_anonymous_visitors_cannot_publish(self):
        url = reverse("public:project-publish", args=[self.p2.pk])
        response = self.client.post(url)
        assert response.url.startswith(reverse("accounts:login"))
        assert not PublicProject.objects.filter(task=self.p2).exists()
