/* Scripts of every page. The search page has its own script, assets/search.js,
   loaded only there (overrides/kb-search.html). */
