// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function each(selector, callback) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), callback);
  }

  // Move focus to an error summary when a form comes back with errors, so screen readers hear it.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  // Where the supporter came from (core/attribution.py) --------------------------------------
  // The page cache serves one copy of a page whatever its utm_* tags, so they are copied here
  // from the address into the forms' hidden fields, and kept for this visit (sessionStorage,
  // this tab only) so that a reader who lands on a story and signs on another page still
  // carries them. Without JS the server reads them from the form's Referer instead.
  var TAGS = ["source", "utm_source", "utm_medium", "utm_campaign"];
  var KEY = "endqi.attribution";
  var kept = {};
  try {
    kept = JSON.parse(window.sessionStorage.getItem(KEY) || "{}") || {};
  } catch (error) {
    kept = {};
  }
  var params = new URLSearchParams(window.location.search);
  var landed = {};
  TAGS.forEach(function (name) {
    var value = params.get(name);
    if (value) {
      landed[name] = value.slice(0, 100);
    }
  });
  if (Object.keys(landed).length) {
    kept = landed; // a new landing address replaces the tags of the last one
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(kept));
    } catch (error) {
      // storage switched off: this page's own tags still fill its forms
    }
  }
  TAGS.forEach(function (name) {
    if (typeof kept[name] !== "string") {
      return;
    }
    each('form input[type="hidden"][name="' + name + '"]', function (input) {
      if (!input.value) {
        input.value = kept[name];
      }
    });
  });

  // Copy buttons (letters, the share kit) ----------------------------------------------------
  function announce(button, ok) {
    var section = button.closest("section") || document;
    var status = section.querySelector("[data-copy-status]");
    if (status) {
      status.textContent = "";
      // A fresh text each time, so screen readers announce a second copy too.
      window.setTimeout(function () {
        status.textContent = status.getAttribute(ok ? "data-copied-text" : "data-copy-failed-text");
      }, 50);
    }
  }

  function copyBySelecting(field) {
    field.focus();
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    return copied;
  }

  each("[data-copy]", function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = field.value;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () {
            announce(button, true);
          },
          function () {
            announce(button, copyBySelecting(field));
          }
        );
      } else {
        announce(button, copyBySelecting(field));
      }
    });
  });
})();
