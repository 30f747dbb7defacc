// Letters to Congress, progressive enhancement only: the page works without this file.
// - copy buttons for each subject and letter (site.js);
// - "remember me on this device": the supporter's details in this browser's localStorage, and
//   nowhere else (the checkbox has no name, so the form never sends it), with "forget me".
(function () {
  "use strict";

  var STORAGE_KEY = "endqi.letters.details";
  var FIELDS = ["full_name", "email", "city", "zip_code"];

  function storage() {
    try {
      var store = window.localStorage;
      var probe = STORAGE_KEY + ".probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null; // private mode, or storage switched off: the feature stays hidden
    }
  }

  function readDetails(store) {
    try {
      var data = JSON.parse(store.getItem(STORAGE_KEY) || "null");
      return data && typeof data === "object" ? data : null;
    } catch (error) {
      return null;
    }
  }

  // Focus: the letters' heading once they are ready (the error summary is site.js's).
  var ready = document.querySelector("[data-focus-on-load]");
  if (ready && !document.querySelector("[data-error-summary]")) {
    ready.focus();
  }

  // Remember me on this device -------------------------------------------------------------
  var store = storage();
  var box = document.querySelector("[data-remember-box]");
  if (!store || !box) {
    return;
  }
  var form = document.querySelector("[data-letter-form]");
  var checkbox = box.querySelector("[data-remember]");
  var forgetBox = box.querySelector("[data-forget-box]");
  var forget = box.querySelector("[data-forget]");
  var status = box.querySelector("[data-remember-status]");
  var saved = readDetails(store);

  function input(name) {
    return form ? form.querySelector('[name="' + name + '"]') : null;
  }

  if (checkbox || saved) {
    box.hidden = false;
  }
  if (saved) {
    forgetBox.hidden = false;
    if (checkbox) {
      checkbox.checked = true;
    }
    FIELDS.forEach(function (name) {
      var field = input(name);
      // Never overwrite what the person typed (a form sent back with an error keeps it).
      if (field && !field.value && typeof saved[name] === "string") {
        field.value = saved[name];
      }
    });
  }

  if (form && checkbox) {
    form.addEventListener("submit", function () {
      if (!checkbox.checked) {
        store.removeItem(STORAGE_KEY);
        return;
      }
      var details = {};
      FIELDS.forEach(function (name) {
        var field = input(name);
        if (field) {
          details[name] = field.value.trim();
        }
      });
      store.setItem(STORAGE_KEY, JSON.stringify(details));
    });
  }

  if (forget) {
    forget.addEventListener("click", function () {
      store.removeItem(STORAGE_KEY);
      if (checkbox) {
        checkbox.checked = false;
      }
      if (saved) {
        FIELDS.forEach(function (name) {
          var field = input(name);
          if (field && field.value === saved[name]) {
            field.value = "";
          }
        });
      }
      saved = null;
      status.textContent = box.getAttribute("data-forgotten-text");
      // The button goes away; keep the keyboard where the person was.
      (checkbox || status).focus();
      forgetBox.hidden = true;
    });
  }
})();
