// A running job's page: poll its status, move the bar, and when it ends open its result
// (a page it made) or show the page again with its download or its error and 重试.
(function () {
    "use strict";
    var box = document.getElementById("job");
    if (!box) { return; }
    var field = function (name) { return box.querySelector("[data-field=" + name + "]"); };
    var bar = box.querySelector("progress");

    function show(status) {
        field("label").textContent = status.label;
        field("label").className = "job-state job-" + status.state;
        if (status.percent === null) { bar.removeAttribute("value"); } else { bar.value = status.percent; }
        field("count").textContent = status.total ? status.done + "/" + status.total : "";
        if (status.step) { field("step").textContent = status.step; }
    }

    function poll() {
        fetch(box.dataset.status, {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (status) {
                if (status === null) { return; }
                show(status);
                if (!status.finished) { window.setTimeout(poll, 1000); return; }
                if (status.state === "done" && status.url) {
                    window.location.assign(status.url);
                } else {
                    window.location.reload();
                }
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }

    window.setTimeout(poll, 1000);
}());
