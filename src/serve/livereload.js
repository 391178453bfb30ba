// Injected by `helpcenter serve` only: reloads the page once a rebuild has finished, swaps
// stylesheets in place for a CSS-only change, and shows build errors in an overlay.
//
// The page knows the build it came from (data-build on this script); every (re)connection to
// the server starts with the current build's id, so a page that is older — an edit landed
// between its load and the connection, or while the connection was down — reloads.
(function () {
  "use strict";
  var OVERLAY = "helpcenter-error-overlay";
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : null;
  // In the site's language: the writer who sees this may read no English (src/serve/http.rs
  // words the overlay of a page served while the build is failing the same way).
  var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
  var TITLE = zh ? "构建失败：下面是上一次成功构建的页面。改好后保存，页面会自动刷新。"
    : "The last build failed: below is the last good page. Save a fix and the page reloads.";
  var HIDE = zh ? "隐藏" : "Hide";
  function showError(text) {
    var el = document.getElementById(OVERLAY);
    if (!el) {
      el = document.createElement("div");
      el.id = OVERLAY;
      el.setAttribute("role", "alert");
      el.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
      var title = document.createElement("p");
      title.style.cssText = "font:600 18px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#ff9b9b";
      title.textContent = TITLE;
      var hide = document.createElement("button");
      hide.type = "button";
      hide.textContent = HIDE;
      hide.style.cssText = "float:right;font:inherit;margin-left:1rem";
      hide.onclick = function () { el.remove(); };
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0";
      el.appendChild(hide);
      el.appendChild(title);
      el.appendChild(pre);
      document.body.appendChild(el);
    }
    el.querySelector("pre").textContent = text;
  }
  function swapCss() {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("livereload", Date.now());
      var fresh = link.cloneNode();
      fresh.href = url.toString();
      fresh.onload = function () { link.remove(); };
      link.after(fresh);
    });
  }
  var source = new EventSource("/__helpcenter/events");
  source.addEventListener("hello", function (e) {
    if (build === null) build = e.data;
    else if (e.data !== build) location.reload();
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("css", function (e) { build = e.data; swapCss(); });
  source.addEventListener("builderror", function (e) { showError(e.data); });
})();
