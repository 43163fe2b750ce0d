/* Draw every [data-chart] element from its JSON figure (duban.dashboards.figures) with ECharts.
   The table beside it stays the page's content: without JavaScript, for screen readers and
   in print. A segment or point with a url opens the list it counts. */
(function () {
    "use strict";
    var COLOURS = {
        red: "#b42318", yellow: "#d29922", unscheduled: "#8a8f98", green: "#1f7a3a", done: "#1a56db",
        week: "#d29922", month: "#c2410c", older: "#7d1712",
        delivered: "#1a56db", on_time: "#1f7a3a",
        planned: "#9a6700", reported: "#a8201a", annual: "#1a56db"
    };

    function colour(series) { return COLOURS[series.key] || null; }

    // Lines the legend takes in `width` pixels, laid out as ECharts does by default (a 25 px
    // symbol, 5 px to the 12 px text, 10 px between items): a narrow card wraps it, and the
    // plot must start below its last line rather than under it.
    function legendLines(names, width) {
        var text = document.createElement("canvas").getContext("2d");
        text.font = "12px sans-serif";
        var lines = 1, x = 0;
        names.forEach(function (name) {
            var item = 30 + text.measureText(name).width;
            if (x > 0 && x + item > width - 10) { lines += 1; x = 0; }
            x += item + 10;
        });
        return lines;
    }

    // Horizontal stacked bars: long plan and unit names read along their rows.
    function bar(figure, narrow) {
        return {
            tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: "value", minInterval: 1 },
            yAxis: {
                type: "category", data: figure.categories, inverse: true,
                axisLabel: { width: narrow ? 90 : 200, overflow: "truncate", interval: 0 }
            },
            series: figure.series.map(function (s) {
                return {
                    name: s.name, type: "bar", stack: "all", data: s.data,
                    itemStyle: { color: colour(s) }, cursor: "pointer"
                };
            })
        };
    }

    // A few cycles are each named under their point, on two lines if need be; months, too many
    // to name every one, are thinned out by ECharts.
    function labels(figure, width) {
        var n = figure.categories.length;
        return n > 8 ? {} : { interval: 0, overflow: "break", width: Math.max(48, (width - 80) / n) };
    }

    function line(figure, width) {
        return {
            tooltip: { trigger: "axis", valueFormatter: function (v) {
                return v === null || v === undefined ? "—" : v + (figure.unit || "");
            } },
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: "category", data: figure.categories, axisLabel: labels(figure, width) },
            yAxis: { type: "value", scale: figure.id === "trajectory", minInterval: figure.unit ? 0 : 1 },
            series: figure.series.map(function (s) {
                return {
                    name: s.name, type: "line", data: s.data, connectNulls: s.key !== "reported",
                    lineStyle: s.key === "planned" || s.key === "path" ? { type: "dashed" } : {},
                    symbolSize: s.key === "planned" || s.key === "path" ? 0 : 7,
                    itemStyle: { color: colour(s) }
                };
            })
        };
    }

    // One gauge per family, three to a row.
    function gauge(figure) {
        var n = figure.categories.length || 1;
        var cols = Math.min(n, 3), rows = Math.ceil(n / cols);
        return {
            series: figure.categories.map(function (name, i) {
                var col = i % cols, row = Math.floor(i / cols);
                return {
                    type: "gauge", min: 0, max: 100,
                    radius: (rows > 1 ? 40 : Math.min(80, 160 / cols)) + "%",
                    center: [((col + 0.5) * 100 / cols) + "%", ((row + 0.55) * 100 / rows) + "%"],
                    startAngle: 200, endAngle: -20, progress: { show: true, width: 10 },
                    axisLine: { lineStyle: { width: 10 } }, pointer: { show: false },
                    itemStyle: { color: "#b42318" },
                    axisLabel: { show: false }, splitLine: { show: false }, axisTick: { show: false },
                    title: { offsetCenter: [0, "55%"], fontSize: 12 },
                    detail: { formatter: function (v) { return isNaN(v) ? "—" : v + "%"; },
                              fontSize: 14, offsetCenter: [0, "0%"] },
                    data: [{ name: name, value: figure.series[0].data[i].value }]
                };
            })
        };
    }

    function draw(element) {
        fetch(element.dataset.chart, { credentials: "same-origin" })
            .then(function (response) { return response.json(); })
            .then(function (figure) {
                var narrow = element.clientWidth < 500;
                var option = figure.kind === "bar" ? bar(figure, narrow)
                    : figure.kind === "gauge" ? gauge(figure) : line(figure, element.clientWidth);
                var legend = 0;
                if (option.legend) {
                    var names = figure.series.map(function (s) { return s.name; });
                    legend = 22 * (legendLines(names, element.clientWidth) - 1);
                    option.grid.top += legend;
                }
                if (figure.kind === "bar") {
                    element.style.height = Math.max(110, 56 + legend + 26 * figure.categories.length) + "px";
                } else if (figure.kind === "gauge") {
                    element.style.height = 180 * Math.ceil(figure.categories.length / 3) + "px";
                }
                element.classList.add("drawn");
                var chart = echarts.init(element, null, { renderer: "svg" });
                // Drawn at once: a leader glances, and a print or a click does not wait for it.
                option.animation = false;
                chart.setOption(option);
                chart.on("click", function (params) {
                    if (params.data && params.data.url) { window.location.href = params.data.url; }
                });
                window.addEventListener("resize", function () { chart.resize(); });
                var details = element.parentNode.querySelector(".chart-data");
                if (details) { details.open = false; }
                element.parentNode.querySelectorAll("[data-chart-fallback]").forEach(function (f) {
                    f.classList.add("chart-fallback-hidden");
                });
            });
    }

    // The tables print in full even where the chart hid them.
    window.addEventListener("beforeprint", function () {
        document.querySelectorAll(".chart-data").forEach(function (d) { d.open = true; });
    });
    document.querySelectorAll("[data-chart]").forEach(draw);
}());
