"""The plan, unit and leader filters' type-ahead: the JSON suggestions, the form, the page's cost."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.ledger.forms import LedgerFilterForm
from duban.ledger.models import Official, Unit
from duban.ledger.suggestions import LIMIT
from duban.ledger.views.tasks import filter_choices
from duban.testing import BaseTestCase, make_notice, make_plan


class SuggestionsTestCase(BaseTestCase):
    def suggest(self, user, kind: str, q: str = "") -> list[str]:
        self.client.force_login(user)
        response = self.client.get(reverse(f"ledger:suggest-{kind}"), {"q": q})
        assert response.status_code == 200
        return [row["text"] for row in response.json()["results"]]

    def test_the_office_finds_any_unit_by_part_of_its_name_or_an_alias(self):
        assert self.suggest(self.alice, "units", "教育") == ["区教育局"]
        self.fagai.add_alias("区发展和改革局")
        self.client.force_login(self.alice)
        rows = self.client.get(reverse("ledger:suggest-units"), {"q": "改革"}).json()["results"]
        assert rows == [{"id": self.fagai.pk, "text": "区发改局", "hint": "区发展和改革局"}]

    def test_a_liaison_finds_only_the_units_on_their_own_tasks(self):
        assert set(self.suggest(self.bob, "units")) == {"区发改局", "区商务局", "区财政局"}
        assert self.suggest(self.bob, "units", "教育") == []
        assert self.suggest(self.dave, "units", "发改") == []
        assert self.suggest(self.nobody, "units") == []

    def test_a_leader_finds_only_the_leaders_of_their_own_tasks(self):
        assert self.suggest(self.lin, "leaders") == ["林杰"]
        assert self.suggest(self.lin, "leaders", "王") == []
        assert set(self.suggest(self.alice, "leaders")) == {"林杰", "王明"}
        self.client.force_login(self.alice)
        rows = self.client.get(reverse("ledger:suggest-leaders"), {"q": "林"}).json()["results"]
        assert rows == [{"id": self.lin_official.pk, "text": "林杰", "hint": "常委、常务副区长"}]

    def test_plans_are_found_by_their_title_or_their_notices_number_latest_notice_first(self):
        later = make_plan(make_notice("测政办〔2023〕5号"), title="2023年重点工作责任分解表")
        assert self.suggest(self.alice, "plans") == [later.long_title, self.plan.long_title]
        assert self.suggest(self.alice, "plans", "2023") == [later.long_title]
        assert self.suggest(self.alice, "plans", "〔2022〕1号") == [self.plan.long_title]
        assert later.long_title == "2023年重点工作责任分解表（测政办〔2023〕5号）"

    def test_a_liaison_finds_only_the_plans_of_their_own_tasks(self):
        make_plan(make_notice("测政办〔2023〕5号"), title="2023年重点工作责任分解表")
        assert self.suggest(self.bob, "plans") == [self.plan.long_title]
        assert self.suggest(self.nobody, "plans") == []
        assert self.suggest(self.alice, "plans", "\x00") == []

    def test_at_most_the_limit_comes_back_in_name_order(self):
        Unit.objects.bulk_create(Unit(name=f"测试单位{i:03d}") for i in range(LIMIT + 5))
        names = self.suggest(self.alice, "units", "测试单位")
        assert names == [f"测试单位{i:03d}" for i in range(LIMIT)]

    def test_hostile_text_matches_nothing_and_never_fails(self):
        for q in ("\x00", "a\x00b", "x" * 5000, "%", "_", "'; DROP TABLE ledger_unit; --"):
            assert self.suggest(self.alice, "units", q) == [], q
            assert self.suggest(self.alice, "leaders", q) == [], q
        assert Unit.objects.filter(name="区发改局").exists()

    def test_anonymous_visitors_are_sent_to_log_in(self):
        response = self.client.get(reverse("ledger:suggest-units"), {"q": "发改"})
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


class FilterFormTestCase(BaseTestCase):
    def form(self, user, data) -> LedgerFilterForm:
        return LedgerFilterForm(data, **filter_choices(user))

    def test_an_allowed_id_is_kept_and_rendered_as_the_only_option(self):
        form = self.form(self.bob, {"unit": str(self.caizheng.pk)})
        assert form.filters()["unit"] == self.caizheng
        html = str(form["unit"])
        assert f'<option value="{self.caizheng.pk}" selected>区财政局</option>' in html
        assert "区发改局" not in html
        assert 'data-placeholder="输入单位名称"' in html

    def test_an_id_outside_the_users_choices_is_ignored(self):
        for value in (str(self.jiaoyu.pk), "99999999999999999999999", "²", "-1", "\x00"):
            form = self.form(self.bob, {"unit": value, "leader": value})
            assert "unit" not in form.filters(), value
            assert "区教育局" not in str(form["unit"])
        assert "leader" not in self.form(self.lin, {"leader": str(self.wang_official.pk)}).filters()


class PageCostTestCase(BaseTestCase):
    def add_units(self, count: int) -> None:
        start = Unit.objects.count()
        Unit.objects.bulk_create(Unit(name=f"未列单位{i}") for i in range(start, start + count))
        Official.objects.bulk_create(
            Official(name=f"未列领导{i}") for i in range(start, start + count)
        )

    def test_the_ledger_and_the_overview_cost_the_same_with_twice_the_units(self):
        """N units and leaders beside the cast, then 2N: the same queries, none listed."""
        self.client.force_login(self.alice)
        for page in ("ledger:tasks", "supervision:overview"):
            url = reverse(page) + f"?unit={self.fagai.pk}"
            costs = []
            for count in (50, 50):
                self.add_units(count)
                with CaptureQueriesContext(connection) as queries:
                    html = self.client.get(url).content.decode()
                costs.append(len(queries.captured_queries))
                assert "未列单位" not in html and "未列领导" not in html
                assert f'<option value="{self.fagai.pk}" selected>区发改局</option>' in html
            assert costs[0] == costs[1], (page, costs)
