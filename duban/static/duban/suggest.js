// Turns each <select data-suggest> (lib/widgets.SuggestSelect) into a Tom Select box that asks
// the server for the plans, units or leaders matching what is typed. The <select> holds only the
// chosen option, so the page never lists a province's thousands of names.
(function () {
    "use strict";

    function suggestions(url, query, callback) {
        fetch(url + "?q=" + encodeURIComponent(query), {
            credentials: "same-origin",
            headers: {Accept: "application/json"},
        })
            .then(function (response) { return response.ok ? response.json() : {results: []}; })
            .then(function (data) { callback(data.results); }, function () { callback(); });
    }

    function enhance(select) {
        var url = select.dataset.suggest;
        new TomSelect(select, {
            valueField: "id",
            labelField: "text",
            searchField: ["text", "hint"],
            sortField: [{field: "$score"}, {field: "text"}],
            placeholder: select.dataset.placeholder,
            maxOptions: 20,
            loadThrottle: 200,
            // The loaded names are filtered as each key is typed, not 300 ms later: a late
            // filter would open the list again over the form when Enter chose a name sooner.
            refreshThrottle: 0,
            // The user's own few units show as soon as the box is opened, before any typing.
            preload: "focus",
            // Closed and left once a name is chosen: open (a focused box reloads its list), the
            // list would lie over the form's buttons, and the name gets the box's whole width.
            onItemAdd: function () { this.blur(); },
            shouldLoad: function () { return true; },
            plugins: {clear_button: {title: "清除"}},
            load: function (query, callback) { suggestions(url, query, callback); },
            render: {
                option: function (item, escape) {
                    var hint = item.hint ? '<small class="muted">' + escape(item.hint) + "</small>" : "";
                    return "<div>" + escape(item.text) + hint + "</div>";
                },
                // The box has a fixed width: a long name is cut short there, whole on hover.
                item: function (item, escape) {
                    return '<div title="' + escape(item.text) + '">' + escape(item.text) + "</div>";
                },
                no_results: function () { return '<div class="no-results">没有匹配的名称</div>'; },
                loading: function () { return '<div class="loading">正在查找…</div>'; },
            },
        });
    }

    document.querySelectorAll("select[data-suggest]").forEach(enhance);
})();
