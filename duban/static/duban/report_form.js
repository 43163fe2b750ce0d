/* The report form's "复制到本期" buttons: copy the previous cycle's text into a field.
   Without JavaScript the buttons stay hidden and the previous report is there to read.
   Text already typed is kept: the copy goes after it. */
(function () {
    "use strict";
    document.querySelectorAll("button[data-copy-to]").forEach(function (button) {
        var source = document.getElementById(button.dataset.copyFrom);
        var field = document.getElementById(button.dataset.copyTo);
        if (!source || !field) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            var text = source.textContent;
            field.value = field.value.trim() ? field.value.replace(/\s+$/, "") + "\n\n" + text : text;
            field.focus();
        });
    });
})();
