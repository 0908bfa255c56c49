// Exit this page: a click on the button, or Shift pressed 3 times within 5 seconds, blanks
// the page at once and replaces it (location.replace, so Back does not return here) with
// a neutral site. Shift held for a capital letter does not count; any other key starts
// again. Nothing is stored. Without JavaScript the button is an ordinary link.
(function () {
  "use strict";
  var root = document.querySelector("[data-quick-exit]");
  if (!root) return;
  var buttons = document.querySelectorAll("[data-quick-exit-button]");
  var status = root.querySelector("[data-quick-exit-status]");
  var destination = buttons[0].getAttribute("href");
  var presses = 0;
  var timer = null;
  var lastKeyHeldShift = false;

  function announce(text) {
    if (status) status.textContent = text;
  }

  function reset() {
    presses = 0;
    if (timer) window.clearTimeout(timer);
    timer = null;
  }

  function exit(event) {
    if (event) event.preventDefault();
    reset();
    document.documentElement.classList.add("quick-exit-active");
    var overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = "Loading.";
    document.body.appendChild(overlay);
    window.location.replace(destination);
  }

  for (var i = 0; i < buttons.length; i++) buttons[i].addEventListener("click", exit);

  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastKeyHeldShift) {
      presses += 1;
      if (presses >= 3) {
        exit();
        return;
      }
      if (!timer) {
        timer = window.setTimeout(function () {
          reset();
          announce("Exit this page expired.");
        }, 5000);
      }
      var left = 3 - presses;
      announce("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.");
    } else if (event.key !== "Shift") {
      reset();
    }
    lastKeyHeldShift = event.key !== "Shift" && event.shiftKey;
  }, true);

  // Coming back through the browser's cache: show the page again.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("quick-exit-active");
    var overlay = document.querySelector(".quick-exit-overlay");
    if (overlay) overlay.remove();
  });
})();
