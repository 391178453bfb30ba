// helpcenter default theme: small enhancements; every page works without them.
(function () {
  "use strict";
  // Opened from disk, a link to a folder shows a file listing: point folder links at index.html.
  if (location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return;
      var m = href.match(/^([^?#]*)(.*)$/);
      if (m[1] === "" ) return;
      if (m[1].slice(-1) === "/") a.setAttribute("href", m[1] + "index.html" + m[2]);
    });
    document.querySelectorAll("form[action$='/']").forEach(function (f) {
      f.setAttribute("action", f.getAttribute("action") + "index.html");
    });
  }
  // The table of contents starts closed on narrow screens, where it would push the text down.
  var toc = document.querySelector("details.toc");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) toc.open = false;
})();
