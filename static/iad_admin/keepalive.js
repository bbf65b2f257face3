// Keeps a staff session alive while someone types in an admin form (iad_site/core/keepalive.py): every five
// minutes with typing in them, one request to the admin's keepalive URL renews the session. No typing, no
// request, so a form left open and forgotten still lets the session end.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.keepaliveUrl;
  if (!url) {
    return;
  }
  var typed = false;
  document.addEventListener("input", function () {
    typed = true;
  });
  window.setInterval(function () {
    if (!typed) {
      return;
    }
    typed = false;
    window.fetch(url, { credentials: "same-origin", cache: "no-store" });
  }, 5 * 60 * 1000);
})();
