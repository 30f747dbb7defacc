// Petitions and pledges, progressive enhancement only: the pages work without this file.
(function () {
  "use strict";

  // The count in a cached page may be a few seconds old: ask the JSON endpoint for the live one.
  Array.prototype.forEach.call(document.querySelectorAll("[data-live-count]"), function (box) {
    var url = box.getAttribute("data-count-url");
    if (!url || !window.fetch) {
      return;
    }
    // Thousands grouped as the server grouped the figure it replaces, with the mark the page
    // names. (Intl.NumberFormat would load its locale data first: 20-30 ms of a desktop's main
    // thread, four times that on a phone, on every action page.)
    var separator = box.getAttribute("data-separator") || "";
    var format = function (number) {
      return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
    };
    fetch(url, { credentials: "omit" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data || typeof data.count !== "number") {
          return;
        }
        var bar = box.querySelector("progress");
        if (bar && data.count < Number(bar.value)) {
          return; // never show a smaller figure than the page already did
        }
        Array.prototype.forEach.call(box.querySelectorAll("[data-count]"), function (el) {
          el.textContent = format(data.count);
        });
        Array.prototype.forEach.call(box.querySelectorAll("[data-goal]"), function (el) {
          el.textContent = format(data.goal);
        });
        if (bar) {
          bar.max = data.goal;
          bar.value = data.count;
          bar.textContent = data.count + " / " + data.goal;
        }
      })
      .catch(function () {});
  });

  // After signing, move focus to the thank-you heading so screen readers announce it.
  var thanks = document.querySelector("[data-focus-on-load]");
  if (thanks && !document.querySelector("[data-error-summary]")) {
    thanks.focus();
  }

  // Inside a partner's iframe, tell embed.js how tall the widget is, so it needs no scrollbar.
  if (document.body.hasAttribute("data-embed") && window.parent !== window) {
    var report = function () {
      window.parent.postMessage(
        { endqiEmbedHeight: document.documentElement.scrollHeight },
        "*"
      );
    };
    window.addEventListener("load", report);
    window.addEventListener("resize", report);
    report();
  }
})();
