// Starts Pagefind's search box on the search page. Pagefind's files are made from the built
// site (python3 -m pagefind --site Site) and served from this site: nothing comes from
// elsewhere. Filters: audience, topic and training level.
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: "Search this website" }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    var input = box.querySelector("input");
    if (input) {
      input.value = query;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
})();
