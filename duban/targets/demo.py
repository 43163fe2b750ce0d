"""The targets step of `duban demo`: targets and links of the demo notice, a year of statistics.

The coordinator appends `add_targets` to duban.ledger.demo.STEPS after `import_reference`.
"""

from django.db import transaction

from duban.lib.pacing import month_end
from duban.targets.choices import LinkState, ValueSource
from duban.targets.links import propose_links
from duban.targets.models import Metric, Target, TargetLink
from duban.targets.sync import sync_notice_targets
from duban.targets.values import record_metric_value

# Invented cumulative year-on-year growth (%) by quarter, some ahead of pace and some behind.
STATISTICS = {
    "地区生产总值": [4.8, 5.6, 6.9, 7.2],
    "一般公共预算收入": [3.1, 4.2, 5.0, 5.4],
    "固定资产投资": [12.5, 11.0, 10.4, 10.1],
    "社会消费品零售总额": [6.0, 6.8, 7.5, 8.1],
    "城镇居民人均可支配收入": [6.9, 7.1, 7.4, 7.6],
    "农村居民人均可支配收入": [7.8, 8.1, 8.4, 8.7],
}


@transaction.atomic
def add_targets(demo) -> None:
    """Extract and link the notice's targets, and import the invented statistics (idempotent)."""
    # The import has done this through targets.receivers unless the notice was already in the
    # database, unchanged; then it brings targets read by an older duban up to date.
    sync_notice_targets(demo.notice)
    propose_links(demo.notice)
    year = demo.today.year
    # Only the quarters already released by the demo's "today".
    quarters = [q for q in range(1, 5) if month_end(year, q * 3) < demo.today]
    for name, rates in STATISTICS.items():
        metric = Metric.objects.get(name=name)
        for quarter, rate in zip(quarters, rates, strict=False):
            record_metric_value(
                metric,
                rate,
                month_end(year, quarter * 3),
                unit="%",
                user=None,
                source=ValueSource.IMPORT,
                note=f"{year}年1-{quarter * 3}月（演示数据）",
            )
    targets = Target.objects.in_notice(demo.notice).active().count()
    links = TargetLink.objects.in_notice(demo.notice).live()
    proposed = links.filter(state=LinkState.PROPOSED).count()
    demo.lines.append(
        f"量化指标：{targets} 个；五年与年度目标关联 {links.count()} 条（待确认 {proposed} 条）；"
        f"{len(STATISTICS)} 项宏观指标各 {len(quarters)} 个季度数据"
    )
