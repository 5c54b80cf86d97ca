/* The search page (overrides/kb-search.html): queries the Pagefind index of this page's
   language (chosen by <html lang>) and announces the result count to screen readers.
   The form is a plain GET form, so the query lives in the address (?q=...).

   Before the reader's words reach Pagefind they are rewritten with the site's own
   vocabulary (pagefind/vocab-<lang>/, see hooks/kb/search/index.py), whose shards for the
   query's words are loaded with the query: an inflected Finnish form becomes its base forms and compound parts, which the
   index holds beside every word; a word the vocabulary does not know loses its Finnish
   case ending and matches as a prefix; a Swedish compound is split against the site's
   Swedish words. Every word must match; when that finds too little, any word may, and the
   reader is told. A word found nowhere gets a "did you mean" from the vocabulary (edit
   distance 1-2). Records rank above area pages, and these above help pages. Organisation
   names are words of their own (kborg...): they count only when a query names one. */
(function () {
  "use strict";

  var BATCH = 10; /* results whose data is fetched at a time */
  var MIN_ALL = 5; /* fewer all-words results than this: any word may match */
  var EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu; /* punctuation around a word */
  var MARKER = "\u2042"; /* the indexed words after it are not the page's text */
  var TIERS = { record: 0, area: 1, page: 2 };
  /* Words of the hidden block (hooks/kb/search/prep.py): the page type, organisations. */
  var TYPE_TOKEN = "kbtype", ORG_TOKEN = "kborg";
  var WORD = /[\p{L}][\p{L}\p{N}]*(?:[-'’][\p{L}][\p{L}\p{N}]*)*/gu;
  var STOP = {
    fi: "ja tai on ei että mitä miten mikä mitkä missä mistä mihin kun sekä se ne jos voi kuinka onko oli ovat olla kaikki joka jotka sen niiden hänen tämä nämä kuka ketkä millä minkä mistä".split(" "),
    sv: "och eller i på av för som är en ett att med till hur vad var vilka vilken vilket om det den de kan finns har från inte ska vid the".split(" ")
  };
  /* Finnish case and number endings, longest first: the fallback for words the
     vocabulary does not know (hankintalakiin -> hankintalak, matched as a prefix). */
  var FI_ENDINGS = ("iksi issa issä ista istä ilta iltä illa illä ille ihin iden itten " +
    "ineen jen ssa ssä sta stä lla llä lta ltä lle ksi tta ttä iin ien ja jä na nä " +
    "an än en in on un yn ön a ä n t").split(" ");
  var SV_ENDINGS = "arna erna orna ens ets ars ers en et ar er or na n s a e".split(" ");

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

  function wordsOf(text) {
    return (text.toLowerCase().match(WORD) || []);
  }

  /* Levenshtein distance, or limit + 1 once it is certain to exceed `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost));
        if (cur[j] < best) best = cur[j];
      }
      if (best > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  var EMPTY = { words: [], map: {}, known: new Set() };
  var UTF8 = new TextEncoder();

  /* The shard a word belongs to (hooks/kb/search/vocabulary.py, shard_key): its first two letters as
     lower-case hex of their UTF-8. */
  function shardKey(word) {
    return Array.from(UTF8.encode(word.slice(0, 2))).map(function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  /* The vocabulary of one language, with the lookups the query rewriting needs. It is
     kept in shards by the words' first two letters; `load` fetches those a query needs. */
  function Vocabulary(index, lang, fetchShard) {
    this.lang = lang;
    this.available = new Set(index.shards || []);
    this.loaded = {};
    this.fetchShard = fetchShard;
    var orgWords = new Set();
    (index.orgs || []).forEach(function (name) { wordsOf(name).forEach(function (w) { orgWords.add(w); }); });
    this.orgWords = orgWords;
  }

  /* Fetch the shards that the lookups of `words` read: each word's own and, for Swedish
     compounds, those of every possible second part. */
  Vocabulary.prototype.load = function (words) {
    var self = this, keys = new Set();
    words.forEach(function (w) {
      keys.add(shardKey(w));
      if (self.lang === "sv") {
        for (var i = 4; i <= w.length - 3; i++) keys.add(shardKey(w.slice(i)));
      }
    });
    return Promise.all(Array.from(keys).filter(function (key) {
      return self.available.has(key) && !self.loaded[key];
    }).map(function (key) {
      self.loaded[key] = self.fetchShard(key).then(function (data) {
        self.loaded[key] = { words: data.words, map: data.map, known: new Set(data.words) };
      });
      return self.loaded[key];
    }));
  };

  Vocabulary.prototype.part = function (word) {
    var shard = this.loaded[shardKey(word)];
    return shard && shard.known ? shard : EMPTY;
  };

  Vocabulary.prototype.knows = function (word) { return this.part(word).known.has(word); };

  Vocabulary.prototype.entry = function (word) { return this.part(word).map[word]; };

  /* The words of the site that begin with `stem`, most frequent first. */
  Vocabulary.prototype.startingWith = function (stem, limit) {
    var out = [];
    if (stem.length < 2) return out;
    var words = this.part(stem).words;
    for (var i = 0; i < words.length && out.length < limit; i++) {
      if (words[i].length >= stem.length && words[i].lastIndexOf(stem, 0) === 0) out.push(words[i]);
    }
    return out;
  };

  Vocabulary.prototype.trimmed = function (word) {
    var endings = this.lang === "fi" ? FI_ENDINGS : SV_ENDINGS;
    for (var i = 0; i < endings.length; i++) {
      var e = endings[i];
      if (word.length - e.length >= 4 && word.slice(-e.length) === e) {
        return word.slice(0, -e.length);
      }
    }
    return word;
  };

  /* upphandlingslagen -> ["upphandling", "lagen"]: two known words, longest head first. */
  Vocabulary.prototype.split = function (word) {
    for (var cut = word.length - 4; cut >= 4; cut--) {
      var head = word.slice(0, cut), tail = word.slice(cut);
      var heads = [head];
      if (/[se]$/.test(head)) heads.push(head.slice(0, -1));
      for (var h = 0; h < heads.length; h++) {
        if (heads[h].length < 4 || !this.knows(heads[h])) continue;
        var tails = [tail].concat(SV_ENDINGS.filter(function (e) {
          return tail.length - e.length >= 3 && tail.slice(-e.length) === e;
        }).map(function (e) { return tail.slice(0, -e.length); }));
        for (var t = 0; t < tails.length; t++) {
          if (this.knows(tails[t])) return [heads[h], tails[t]];
        }
      }
    }
    return null;
  };

  /* Whether the vocabulary can read `word`: a word of the site, a word that starts like
     one once its ending is trimmed, or (Swedish) a compound of two of its words. A word it
     cannot read is taken for a typo when a word of the site is one or two edits away. */
  Vocabulary.prototype.recognises = function (word) {
    if (this.knows(word)) return true;
    if (this.startingWith(this.trimmed(word), 1).length) return true;
    return this.lang === "sv" && this.split(word) !== null;
  };

  /* The ways a query word can match: a list of alternatives, each a list of terms that
     must all match (a compound's parts). */
  Vocabulary.prototype.alternatives = function (word) {
    var alts = [[word]];
    var self = this;
    function add(entry) {
      entry[0].forEach(function (base) { alts.push([base]); });
      if (entry[1].length > 1) alts.push(entry[1]);
    }
    var entry = this.entry(word);
    if (entry) {
      add(entry);
    } else if (!this.knows(word)) {
      var stem = this.trimmed(word);
      if (stem !== word) alts.push([stem]);
      this.startingWith(stem, 6).forEach(function (form) {
        var other = self.entry(form);
        if (other) add(other); else alts.push([form]);
      });
      if (this.lang === "sv") {
        var parts = this.split(word);
        if (parts) alts.push(parts);
      }
    }
    var seen = {};
    return alts.filter(function (alt) {
      var key = alt.join(" ");
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
  };

  /* The words of organisation names that a query word is (itself or a base form). */
  Vocabulary.prototype.organisations = function (word, alts) {
    var terms = new Set([word]);
    alts.forEach(function (alt) { if (alt.length === 1) terms.add(alt[0]); });
    var self = this;
    return Array.from(terms).filter(function (t) { return t.length >= 2 && self.orgWords.has(t); });
  };

  /* The most frequent word of the vocabulary one or two edits away, or null (among the
     words that begin with the same two letters: a typo there is not corrected). */
  Vocabulary.prototype.suggest = function (word) {
    var limit = word.length >= 7 ? 2 : 1;
    var best = null, bestDistance = limit + 1;
    var words = this.part(word).words;
    for (var i = 0; i < words.length; i++) {
      var candidate = words[i];
      if (candidate === word || candidate.length < 3) continue;
      var d = distance(word, candidate, Math.min(limit, bestDistance - 1));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        if (d === 1) break;
      }
    }
    return best;
  };

  function setupSearch(form) {
    var strings = JSON.parse(form.getAttribute("data-strings"));
    var lang = document.documentElement.lang;
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("kb-search-status");
    var notice = document.getElementById("kb-search-notice");
    var help = document.getElementById("kb-search-help");
    var list = document.getElementById("kb-search-results");
    var more = document.getElementById("kb-search-more");
    var engine = null;
    var serial = 0;
    var pending = [];
    var shown = null;

    /* Pagefind with the bundles of this page's language (the first loaded, the others
       merged into it), the vocabulary, and the page types of the index. */
    function load() {
      if (engine) return engine;
      var base = siteBase();
      var options = { excerptLength: 30, baseUrl: base.pathname };
      var bundle = function (name) { return new URL("pagefind/" + name + "/", base).href; };
      var json = function (path) {
        return fetch(new URL(path, base).href).then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + response.url);
          return response.json();
        });
      };
      var pagefind = json("pagefind/bundles.json").then(function (bundles) {
        var names = bundles[lang] || [];
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
      var vocabulary = "pagefind/vocab-" + lang + "/";
      var shard = function (key) { return json(vocabulary + key + ".json"); };
      engine = Promise.all([pagefind, json(vocabulary + "index.json")])
        .then(function (loaded) {
          var pf = loaded[0];
          var tiers = {};
          return Promise.all(["record", "area"].map(function (kind) {
            return pf.search(TYPE_TOKEN + kind).then(function (search) {
              search.results.forEach(function (r) { tiers[r.id] = TIERS[kind]; });
            });
          })).then(function () {
            return { pf: pf, vocab: new Vocabulary(loaded[1], lang, shard), tiers: tiers, terms: {} };
          });
        });
      engine.catch(function () { engine = null; });
      return engine;
    }

    /* id -> {score (0..1), result} for one term; cached per term. */
    function termHits(e, term, weight) {
      if (!e.terms[term]) {
        e.terms[term] = e.pf.search(term).then(function (search) {
          var hits = new Map();
          var top = search.results.length ? search.results[0].score || 1 : 1;
          search.results.forEach(function (r) {
            hits.set(r.id, { score: (r.score || 0) / top, result: r });
          });
          return hits;
        });
      }
      if (weight === undefined) return e.terms[term];
      return e.terms[term].then(function (hits) {
        var out = new Map();
        hits.forEach(function (hit, id) { out.set(id, { score: hit.score * weight, result: hit.result }); });
        return out;
      });
    }

    /* id -> {score, result} for one query word: the union of its alternatives. */
    function wordHits(e, word) {
      var alts = e.vocab.alternatives(word);
      var orgs = e.vocab.organisations(word, alts);
      var lookups = alts.map(function (alt) {
        return Promise.all(alt.map(function (term) { return termHits(e, term); }))
          .then(function (maps) {
            var out = new Map();
            maps[0].forEach(function (hit, id) {
              var total = 0;
              for (var m = 0; m < maps.length; m++) {
                var other = maps[m].get(id);
                if (!other) return;
                total += other.score;
              }
              out.set(id, { score: total / maps.length, result: hit.result });
            });
            return out;
          });
      }).concat(orgs.map(function (name) {
        return termHits(e, ORG_TOKEN + name, 0.6);
      }));
      return Promise.all(lookups).then(function (maps) {
        var union = new Map();
        maps.forEach(function (map) {
          map.forEach(function (hit, id) {
            var had = union.get(id);
            if (!had || had.score < hit.score) union.set(id, hit);
          });
        });
        return union;
      });
    }

    /* Rank the pages that `per` (one hit map per word) finds: with `all`, only pages
       every word finds; words are weighted by rarity. */
    function rank(e, per, all) {
      var total = new Map();
      var pages = Math.max(1, Object.keys(e.tiers).length);
      per.forEach(function (hits) {
        var weight = Math.log(1 + pages / (1 + hits.size));
        hits.forEach(function (hit, id) {
          var had = total.get(id) || { score: 0, count: 0, result: hit.result };
          had.score += weight * hit.score;
          had.count += 1;
          total.set(id, had);
        });
      });
      var out = [];
      total.forEach(function (hit, id) {
        if (!all || hit.count === per.length) {
          out.push({ id: id, tier: id in e.tiers ? e.tiers[id] : TIERS.page, score: hit.score,
                     result: hit.result });
        }
      });
      out.sort(function (a, b) { return a.tier - b.tier || b.score - a.score || (a.id < b.id ? -1 : 1); });
      return out;
    }

    /* Search `words`: all of them must match, or any when that finds too little. A word
       the vocabulary cannot read is replaced by the nearest word of the site, if any. */
    function find(e, words) {
      var content = words.filter(function (w) { return STOP[lang].indexOf(w) < 0; });
      if (!content.length) content = words;
      return e.vocab.load(content).then(function () { return rewrite(e, words, content); });
    }

    function rewrite(e, words, content) {
      var fixes = {};
      content = content.map(function (w) {
        if (e.vocab.recognises(w)) return w;
        var s = e.vocab.suggest(w);
        if (s) fixes[w] = s;
        return s || w;
      });
      return Promise.all(content.map(function (w) { return wordHits(e, w); })).then(function (per) {
        var results = rank(e, per, true);
        var anyWord = false;
        if (results.length < MIN_ALL && content.length > 1) {
          var wider = rank(e, per, false);
          if (wider.length > results.length) {
            results = wider;
            anyWord = true;
          }
        }
        var corrected = Object.keys(fixes).length
          ? words.map(function (w) { return fixes[w] || w; }) : null;
        return { results: results, anyWord: anyWord, words: content, corrected: corrected };
      });
    }

    function highlighter(words) {
      var stems = [];
      words.forEach(function (w) {
        stems.push(w.length > 5 ? w.slice(0, Math.max(4, w.length - 3)) : w);
      });
      return function (word) {
        var low = word.toLowerCase();
        return stems.some(function (s) { return low.lastIndexOf(s, 0) === 0; });
      };
    }

    /* A window of about 30 words of `text` around its first match, as DOM nodes. */
    function snippet(text, matches) {
      var parts = text.split(/(\s+)/);
      var first = -1;
      for (var i = 0; i < parts.length; i++) {
        if (matches(parts[i].replace(EDGE, ""))) { first = i; break; }
      }
      var start = Math.max(0, first - 16), end = Math.min(parts.length, start + 60);
      var p = document.createElement("p");
      if (start > 0) p.appendChild(document.createTextNode("… "));
      for (var j = start; j < end; j++) {
        var piece = parts[j];
        var core = piece.replace(EDGE, "");
        if (core && matches(core)) {
          var mark = document.createElement("mark");
          mark.textContent = piece;
          p.appendChild(mark);
        } else {
          p.appendChild(document.createTextNode(piece));
        }
      }
      if (end < parts.length) p.appendChild(document.createTextNode(" …"));
      return p;
    }

    function append(items, matches) {
      items.forEach(function (entry) {
        var data = entry.data, meta = data.meta || {};
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = data.url;
        link.textContent = meta.title || data.url;
        var kind = document.createElement("p");
        kind.className = "kb-search__kind";
        var label = meta.kind || (entry.tier === TIERS.area ? strings.kindArea : strings.kindPage);
        kind.textContent = meta.year ? label + " · " + meta.year : label;
        var text = meta.snippet;
        if (!text) {
          text = (data.content || "").split(MARKER)[0];
          if (meta.title && text.lastIndexOf(meta.title, 0) === 0) text = text.slice(meta.title.length);
        }
        item.appendChild(link);
        item.appendChild(kind);
        item.appendChild(snippet(text.trim(), matches));
        list.appendChild(item);
      });
    }

    function showNext(mine) {
      var batch = pending.splice(0, BATCH);
      return Promise.all(batch.map(function (r) {
        return r.result.data().then(function (data) { return { data: data, tier: r.tier }; });
      })).then(function (items) {
        if (mine !== serial) return;
        var first = list.children.length;
        append(items, shown);
        more.hidden = pending.length === 0;
        return first;
      });
    }

    function suggestion(query, corrected) {
      var p = document.createElement("p");
      p.appendChild(document.createTextNode(strings.didYouMean + " "));
      var link = document.createElement("a");
      var url = new URL(window.location.href);
      url.searchParams.set("q", corrected);
      link.href = url.href;
      link.textContent = corrected;
      p.appendChild(link);
      p.appendChild(document.createTextNode("?"));
      return p;
    }

    function reset() {
      list.textContent = "";
      notice.textContent = "";
      notice.hidden = true;
      help.hidden = true;
      more.hidden = true;
    }

    function run(query) {
      var mine = ++serial;
      query = query.trim();
      reset();
      var words = wordsOf(query);
      if (!words.length) {
        status.textContent = strings.empty;
        return;
      }
      status.textContent = strings.loading;
      load().then(function (e) {
        return find(e, words);
      }).then(function (outcome) {
        if (mine !== serial) return;
        pending = outcome.results.slice();
        shown = highlighter(outcome.words);
        var count = pending.length;
        return showNext(mine).then(function () {
          if (mine !== serial) return;
          var asked = outcome.corrected ? outcome.corrected.join(" ") : query;
          var text = "";
          if (outcome.corrected) text = fill(strings.corrected, { query: query, corrected: asked }) + " ";
          if (count === 0) {
            text += fill(strings.none, { query: asked });
          } else {
            text += count === 1
              ? fill(strings.one, { query: asked })
              : fill(strings.results, { count: count, query: asked });
          }
          if (outcome.anyWord) text += ". " + strings.anyWord;
          status.textContent = text;
          if (outcome.corrected) {
            notice.appendChild(suggestion(query, asked));
            notice.hidden = false;
          }
          help.hidden = count !== 0;
        });
      }).catch(function (error) {
        if (mine !== serial) return;
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
