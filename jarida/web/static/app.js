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
  });
}());
