/* Search page: queries the Pagefind index of this page's language (chosen by
   <html lang>) and announces the result count to screen readers. The form is a
   plain GET form, so the query lives in the address (?q=...). */
(function () {
  "use strict";

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), document.baseURI);
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return key in values ? values[key] : "";
    });
  }

  var BATCH = 10; /* results whose excerpts are fetched at a time */

  function setupSearch(form) {
    var strings = JSON.parse(form.getAttribute("data-strings"));
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("kb-search-status");
    var list = document.getElementById("kb-search-results");
    var more = document.getElementById("kb-search-more");
    var pagefind = null;
    var serial = 0;
    var pending = [];

    /* The bundles of this page's language (pagefind/bundles.json, see hooks/kb_search.py):
       the first is loaded, the others are merged into it, so results are ranked together. */
    function load() {
      if (!pagefind) {
        var base = siteBase();
        var options = { excerptLength: 24, baseUrl: base.pathname };
        var bundle = function (name) { return new URL("pagefind/" + name + "/", base).href; };
        pagefind = fetch(new URL("pagefind/bundles.json", base).href)
          .then(function (response) {
            if (!response.ok) throw new Error(response.status + " " + response.url);
            return response.json();
          })
          .then(function (bundles) {
            var names = bundles[document.documentElement.lang] || [];
            if (!names.length) throw new Error("no search index for this language");
            return import(bundle(names[0]) + "pagefind.js").then(function (pf) {
              return pf.options(options)
                .then(function () {
                  return Promise.all(names.slice(1).map(function (name) {
                    return pf.mergeIndex(bundle(name), options);
                  }));
                })
                .then(function () { return pf; });
            });
          });
      }
      return pagefind;
    }

    function append(results) {
      results.forEach(function (r) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = r.url;
        link.textContent = (r.meta && r.meta.title) || r.url;
        var excerpt = document.createElement("p");
        excerpt.innerHTML = r.excerpt; /* Pagefind escapes the text and adds only <mark> */
        item.appendChild(link);
        item.appendChild(excerpt);
        list.appendChild(item);
      });
    }

    function showNext(mine) {
      var batch = pending.splice(0, BATCH);
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (results) {
        if (mine !== serial) return;
        var first = list.children.length;
        append(results);
        more.hidden = pending.length === 0;
        return first;
      });
    }

    function run(query) {
      var mine = ++serial;
      query = query.trim();
      if (!query) {
        list.textContent = "";
        more.hidden = true;
        status.textContent = strings.empty;
        return;
      }
      status.textContent = strings.loading;
      list.textContent = "";
      more.hidden = true;
      load()
        .then(function (pf) { return pf.search(query); })
        .then(function (search) {
          if (mine !== serial) return;
          pending = search.results.slice();
          var count = pending.length;
          return showNext(mine).then(function () {
            if (mine !== serial) return;
            status.textContent = count === 0
              ? fill(strings.none, { query: query })
              : fill(count === 1 ? strings.one : strings.results, { count: count, query: query });
          });
        })
        .catch(function (error) {
          status.textContent = String(error && error.message ? error.message : error);
        });
    }

    more.addEventListener("click", function () {
      var mine = serial;
      showNext(mine).then(function (first) {
        /* Move focus to the first new result, so keyboard users continue from there. */
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      window.history.replaceState(null, "", url);
      run(input.value);
    });

    var initial = new URL(window.location.href).searchParams.get("q");
    if (initial) {
      input.value = initial;
      run(initial);
    }
  }

  var form = document.querySelector("form[data-kb-search]");
  if (form) setupSearch(form);
})();
