from django.db import migrations

# The indicators a statistics release gives (宏观指标) and the other names they are printed
# under. Frozen here: the keys are the names themselves, which hold no spaces or wide forms.
MACRO = {
    "地区生产总值": ["GDP", "生产总值", "地区生产总值(GDP)"],
    "一般公共预算收入": ["地方一般公共预算收入", "财政一般公共预算收入"],
    "固定资产投资": ["全社会固定资产投资", "固投"],
    "社会消费品零售总额": ["社零", "社会消费品零售额"],
    "城镇居民人均可支配收入": ["城镇常住居民人均可支配收入"],
    "农村居民人均可支配收入": ["农村常住居民人均可支配收入"],
    "规上工业增加值": ["规模以上工业增加值"],
}
OTHER = {
    "城镇就业": ["城镇新增就业", "新增城镇就业"],
}


def add_metrics(apps, schema_editor):
    Metric = apps.get_model("targets", "Metric")
    MetricAlias = apps.get_model("targets", "MetricAlias")
    for kind, table in (("macro", MACRO), ("other", OTHER)):
        for name, aliases in table.items():
            metric, _ = Metric.objects.get_or_create(key=name, defaults={"name": name, "kind": kind})
            for alias in aliases:
                MetricAlias.objects.get_or_create(key=alias, defaults={"name": alias, "metric": metric})


class Migration(migrations.Migration):
    dependencies = [
        ("targets", "0001_targets"),
    ]

    operations = [
        migrations.RunPython(add_metrics, migrations.RunPython.noop),
    ]
