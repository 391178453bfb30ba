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
  // "Was this helpful?": the answer is kept on this device and, when the site configures an
  // endpoint (feedback.url), sent there; nothing else is sent anywhere.
  var fb = document.querySelector("[data-feedback]");
  if (fb) {
    var key = "helpcenter-feedback:" + fb.getAttribute("data-page");
    var thanks = fb.querySelector(".feedback-thanks");
    var contact = fb.querySelector(".feedback-contact");
    var show = function (answer) {
      fb.querySelectorAll("button[data-answer]").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-answer") === answer));
      });
      thanks.textContent = thanks.getAttribute(answer === "yes" ? "data-thanks-yes" : "data-thanks-no");
      if (contact && (answer === "no" || !fb.hasAttribute("data-feedback-url"))) contact.hidden = false;
    };
    var stored = null;
    try { stored = localStorage.getItem(key); } catch (e) { /* storage may be off */ }
    if (stored) show(stored);
    fb.hidden = false;
    fb.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-answer]");
      if (!b) return;
      var answer = b.getAttribute("data-answer");
      try { localStorage.setItem(key, answer); } catch (err) { /* storage may be off */ }
      show(answer);
      var url = fb.getAttribute("data-feedback-url");
      if (url) {
        var body = JSON.stringify({ page: fb.getAttribute("data-page"), answer: answer, title: document.title });
        fetch(url, { method: "POST", body: body, keepalive: true, mode: "no-cors", headers: { "Content-Type": "text/plain" } }).catch(function () {});
      }
    });
  }
  // The table of contents starts closed on narrow screens, where it would push the text down.
  var toc = document.querySelector("details.toc");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) toc.open = false;
})();
