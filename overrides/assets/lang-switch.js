/* On the search page, the language link keeps the query: it leads to the other
   language's search page with the same ?q= (the words in the field, or in the address).
   Elsewhere it does nothing. */
(function () {
  "use strict";

  function query() {
    var field = document.querySelector("[data-kb-search] input[name=q]");
    var typed = field ? field.value.trim() : "";
    return typed || (new URLSearchParams(window.location.search).get("q") || "").trim();
  }

  function update() {
    var q = query();
    document.querySelectorAll("a.kb-lang__link").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), document.baseURI);
      if (q) {
        url.searchParams.set("q", q);
      } else {
        url.searchParams.delete("q");
      }
      link.setAttribute("href", url.pathname + url.search + url.hash);
    });
  }

  function setup() {
    var form = document.querySelector("[data-kb-search]");
    if (!form) return;
    update();
    form.addEventListener("input", update);
    form.addEventListener("submit", update);
    window.addEventListener("popstate", update);
    document.querySelectorAll("a.kb-lang__link").forEach(function (link) {
      link.addEventListener("click", update);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
