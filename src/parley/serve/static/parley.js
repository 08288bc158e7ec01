// Parley dashboard: small progressive enhancements. Every page works without this file.
// No data is read from inline scripts (there are none): only from the page's own elements.
(function () {
  "use strict";

  // Document page: bring the highlighted sentence (?hl=start-end) into view and give it focus,
  // so keyboard and screen-reader users land on it too.
  function focusCurrent() {
    var current = document.querySelector(".doc-text .current");
    if (!current) { return; }
    current.scrollIntoView({ block: "center" });
    current.focus({ preventScroll: true });
  }

  // Filter forms: drop empty fields from the URL so links stay short and shareable.
  function tidyForms() {
    var forms = document.querySelectorAll("form.filters");
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener("submit", function () {
        Array.prototype.forEach.call(form.elements, function (el) {
          if (el.name && el.value === "") { el.disabled = true; }
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusCurrent();
    tidyForms();
  });
  // The browser's own jump to the #fragment comes after DOMContentLoaded and may take focus
  // back to the top: settle on the sentence once more when the page has loaded.
  window.addEventListener("load", function () { window.setTimeout(focusCurrent, 0); });
})();
