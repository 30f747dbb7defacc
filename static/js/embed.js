/*
 * Show a petition or pledge on a partner's site. Paste where the widget should appear:
 *
 *   <script src="https://SITE/static/js/embed.js"
 *           data-action-embed="https://SITE/en/embed/petition/12/"
 *           data-source="your-code" data-form="1" async></script>
 *
 * The script adds an iframe after itself (the widget: live count, goal, and a sign button, or
 * the whole form with data-form="1") and keeps its height fitted to the content. No cookies, no
 * tracking, nothing read from the partner's page. Without JavaScript, paste the iframe instead.
 */
(function () {
  "use strict";
  var scripts = document.querySelectorAll("script[data-action-embed]:not([data-embedded])");
  Array.prototype.forEach.call(scripts, function (script) {
    script.setAttribute("data-embedded", "1");
    var url;
    try {
      url = new URL(script.getAttribute("data-action-embed"), script.src);
    } catch (error) {
      return;
    }
    var source = script.getAttribute("data-source");
    if (source) {
      url.searchParams.set("source", source);
    }
    if (script.getAttribute("data-form") === "1") {
      url.searchParams.set("form", "1");
    }
    var frame = document.createElement("iframe");
    frame.src = url.toString();
    frame.title = script.getAttribute("data-title") || "Petition";
    frame.loading = "lazy";
    frame.width = "100%";
    frame.height = script.getAttribute("data-form") === "1" ? "760" : "320";
    frame.setAttribute("style", "border:0;max-width:40rem;width:100%;");
    script.parentNode.insertBefore(frame, script.nextSibling);

    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || event.origin !== url.origin) {
        return;
      }
      var height = event.data && Number(event.data.endqiEmbedHeight);
      if (height > 0 && height < 5000) {
        frame.height = String(Math.ceil(height) + 4);
      }
    });
  });
})();
