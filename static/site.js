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
  // Code blocks get a copy button. It copies the code as a reader would type it: no line
  // numbers (they are drawn by CSS), no lines a `[!code --]` marks as removed.
  var status = null;
  var announce = function (text) {
    if (!status) {
      status = document.createElement("p");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  };
  var copyText = function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers, and pages served over plain http from another machine.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  };
  document.querySelectorAll(".code").forEach(function (block) {
    var pre = block.querySelector("pre");
    if (!pre) return;
    var label = block.getAttribute("data-copy") || "Copy code";
    var done = block.getAttribute("data-copied") || "Copied";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = label;
    button.addEventListener("click", function () {
      var code = pre.querySelector("code") || pre;
      var text;
      if (code.querySelector(".line")) {
        var keep = pre.classList.contains("diff") ? ".line" : ".line:not(.del)";
        text = Array.prototype.map.call(code.querySelectorAll(keep), function (l) { return l.textContent; }).join("\n") + "\n";
      } else {
        text = code.textContent;
      }
      copyText(text).then(function () {
        button.textContent = done;
        announce(done);
        setTimeout(function () { button.textContent = label; }, 2000);
      }, function () { /* nothing copied: the button stays as it was */ });
    });
    block.appendChild(button);
  });

  // Tabs (code groups, Docusaurus and Hugo tabs): a tab list with arrow keys, the first tab
  // selected. Without this script every tab shows under its title.
  var groups = 0;
  document.querySelectorAll(".tabs").forEach(function (tabs) {
    var panels = Array.prototype.filter.call(tabs.children, function (c) { return c.classList.contains("tab"); });
    if (panels.length === 0) return;
    groups += 1;
    var list = document.createElement("div");
    list.className = "tab-list";
    list.setAttribute("role", "tablist");
    var buttons = panels.map(function (panel, i) {
      var title = null;
      for (var c = panel.firstElementChild; c; c = c.nextElementSibling) {
        if (c.classList.contains("tab-title")) { title = c; break; }
      }
      var id = "tabs-" + groups + "-" + (i + 1);
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = id + "-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", id);
      tab.textContent = title ? title.textContent : String(i + 1);
      if (!panel.id) panel.id = id;
      else tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      list.appendChild(tab);
      return tab;
    });
    var select = function (n, focus) {
      buttons.forEach(function (b, i) {
        var on = i === n;
        b.setAttribute("aria-selected", String(on));
        b.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) buttons[n].focus();
    };
    list.addEventListener("click", function (e) {
      var i = buttons.indexOf(e.target.closest("[role=tab]"));
      if (i >= 0) select(i, false);
    });
    list.addEventListener("keydown", function (e) {
      var i = buttons.indexOf(document.activeElement);
      if (i < 0) return;
      var n = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
      if (n === undefined) return;
      e.preventDefault();
      select((n + buttons.length) % buttons.length, true);
    });
    tabs.insertBefore(list, tabs.firstChild);
    tabs.classList.add("js-tabs");
    select(0, false);
  });
  // A link to something inside a hidden tab shows that tab.
  var reveal = function () {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var shown = false;
    for (var el = target; el; el = el.parentElement) {
      if (el.getAttribute && el.getAttribute("role") === "tabpanel" && el.hidden) {
        var tab = document.getElementById(el.getAttribute("aria-labelledby"));
        if (tab) { tab.click(); shown = true; }
      }
    }
    if (shown) target.scrollIntoView();
  };
  if (location.hash && groups > 0) reveal();
  window.addEventListener("hashchange", function () { if (groups > 0) reveal(); });

  // The API style switch (Vue's docs): the reader's choice is kept on this device for every
  // page, and a link to a part of the other style shows that style.
  var apiSwitch = document.querySelector("[data-api-switch]");
  if (apiSwitch) {
    var styleKey = "helpcenter-api-style";
    var choose = function (value) {
      var input = apiSwitch.querySelector("input[value=" + value + "]");
      if (input) input.checked = true;
    };
    try { var kept = localStorage.getItem(styleKey); if (kept) choose(kept); } catch (e) { /* storage off */ }
    apiSwitch.addEventListener("change", function (e) {
      try { localStorage.setItem(styleKey, e.target.value); } catch (err) { /* storage off */ }
    });
    var showStyleOf = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      var part = target && target.closest(".options-api, .composition-api");
      if (!part) return;
      choose(part.classList.contains("options-api") ? "options" : "composition");
      target.scrollIntoView();
    };
    showStyleOf();
    window.addEventListener("hashchange", showStyleOf);
  }

  // The table of contents starts closed on narrow screens, where it would push the text down.
  var toc = document.querySelector("details.toc");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) toc.open = false;
})();
