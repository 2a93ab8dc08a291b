/* jxlint HTML report filters: plain JavaScript, no library. Reads data- attributes and
   class names only; never writes markup, so cell text can never become code. */
(function () {
  "use strict";
  var RANK = { info: 1, warning: 2, error: 3 };
  var NAMES = ["", "info", "warning", "error"];
  var form = document.getElementById("filters");
  if (!form) { return; }

  function each(root, selector, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fn);
  }
  function boxes(name) {
    var state = {};
    each(form, 'input[name="' + name + '"]', function (box) { state[box.value] = box.checked; });
    return state;
  }

  function apply() {
    var severity = boxes("severity");
    var rule = boxes("rule");
    var only = form.querySelector('input[name="only"]').checked;
    each(document, ".finding", function (note) {
      note.hidden = severity[note.getAttribute("data-severity")] === false ||
        rule[note.getAttribute("data-rule")] === false;
    });
    // A cell is highlighted by the worst of its findings still shown.
    each(document, "[data-findings]", function (cell) {
      if (cell.tagName !== "TD" && cell.tagName !== "TH") { return; }
      var worst = 0;
      each(cell, ".finding", function (note) {
        if (!note.hidden) { worst = Math.max(worst, RANK[note.getAttribute("data-severity")] || 0); }
      });
      cell.classList.remove("flagged", "sev-error", "sev-warning", "sev-info");
      if (worst) { cell.classList.add("flagged", "sev-" + NAMES[worst]); }
    });
    each(document, ".table-section, .file-section", function (section) {
      section.hidden = only && !section.querySelector(".finding:not([hidden])");
    });
    each(document, ".file-findings", function (list) {
      list.hidden = !list.querySelector(".finding:not([hidden])");
    });
  }

  form.addEventListener("change", apply);
  each(form, "button[data-rules]", function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("data-rules") === "all";
      each(form, 'input[name="rule"]', function (box) { box.checked = on; });
      apply();
    });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());
