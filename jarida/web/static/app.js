// Progressive enhancement only: the site works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  var stored = null;
  try { stored = window.localStorage.getItem("jarida-theme"); } catch (e) { stored = null; }
  if (stored === "dark" || stored === "light") { root.setAttribute("data-theme", stored); }

  function currentTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) { return chosen; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.querySelector("[data-theme-toggle]");
    if (toggle) {
      var sync = function () {
        var dark = currentTheme() === "dark";
        toggle.setAttribute("aria-pressed", dark ? "true" : "false");
      };
      toggle.hidden = false;
      sync();
      toggle.addEventListener("click", function () {
        var next = currentTheme() === "dark" ? "light" : "dark";
        root.setAttribute("data-theme", next);
        try { window.localStorage.setItem("jarida-theme", next); } catch (e) { /* private mode */ }
        sync();
      });
    }
    // Keyboard users: Space/Enter on the visually hidden checkbox already works; Escape pauses too.
    var pause = document.getElementById("ticker-pause");
    if (pause) {
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !pause.checked) { pause.checked = true; }
      });
    }
    var ticker = document.querySelector("[data-ticker]");
    if (ticker) { startTicker(ticker); }
  });

  var TICKER_SPEED = 60; // CSS pixels a second: a headline stays readable for seconds on a phone

  function startTicker(ticker) {
    var track = ticker.querySelector(".ticker-track");
    if (!track) { return; }
    var originals = Array.prototype.slice.call(track.children);
    var links = [];
    originals.forEach(function (item) {
      var link = item.querySelector("a");
      if (link) { links.push(link); }
      // A second copy for a seamless loop: unseen by screen readers, out of the Tab order.
      var copy = item.cloneNode(true);
      copy.setAttribute("aria-hidden", "true");
      copy.setAttribute("data-copy", "");
      Array.prototype.forEach.call(copy.querySelectorAll("a"), function (a) { a.tabIndex = -1; });
      track.appendChild(copy);
    });
    // The headlines are one tab stop; arrow keys, Home and End move between them.
    links.forEach(function (link, index) { link.tabIndex = index === 0 ? 0 : -1; });
    track.addEventListener("keydown", function (event) {
      var at = links.indexOf(document.activeElement);
      if (at < 0) { return; }
      var rtl = getComputedStyle(track).direction === "rtl";
      var step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
      var to = event.key === "Home" ? 0 : event.key === "End" ? links.length - 1 :
        step === undefined ? -1 : (at + step + links.length) % links.length;
      if (to < 0) { return; }
      event.preventDefault();
      links[at].tabIndex = -1;
      links[to].tabIndex = 0;
      links[to].focus();
      links[to].scrollIntoView({ block: "nearest", inline: "nearest" });
    });
    function pace() {
      var loop = track.scrollWidth / 2; // one copy of the headlines
      if (loop > 0) { track.style.setProperty("--ticker-duration", (loop / TICKER_SPEED).toFixed(2) + "s"); }
    }
    pace();
    window.addEventListener("resize", pace);
    ticker.classList.add("is-moving");
  }
}());
