// claimcheck report: the filters and the search box. Everything is readable without this file;
// it only hides what a reader filters out. No network, no libraries.
//
// A <form class="filters" data-items="SELECTOR"> filters the elements SELECTOR finds. Each item
// carries data-verdict, data-topic, data-lang, data-source: space-separated values. A select
// keeps the items whose attribute holds its value; the search box keeps the items whose text
// holds every word typed (accents and case ignored). Optional data-groups names containers
// hidden when none of their items is left. Header cells with data-col-source / data-col-lang
// (matrix columns) hide their whole column under the source and language selects.
// The choice is kept in the address (?verdict=…&q=…), so a filtered view can be linked.
"use strict";

(function () {
  const FIELDS = ["verdict", "topic", "lang", "source"];
  const COLUMN_FIELDS = { source: "colSource", lang: "colLang" };

  // "Révolución" and "revolucion" match; so do Thai words typed with or without tone marks.
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function tokens(el, field) {
    const value = el.dataset[field];
    return value === undefined ? null : value.split(" ");
  }

  function setUp(form) {
    const items = Array.from(document.querySelectorAll(form.dataset.items));
    const groups = form.dataset.groups ? Array.from(document.querySelectorAll(form.dataset.groups)) : [];
    const table = items.length ? items[0].closest("table") : null;
    const columns = table ? Array.from(table.querySelectorAll("thead [data-col-source]")) : [];
    const texts = new Map();
    const output = form.querySelector("output");

    function textOf(el) {
      if (!texts.has(el)) texts.set(el, fold(el.textContent));
      return texts.get(el);
    }

    function choice() {
      const chosen = {};
      for (const field of FIELDS) {
        const control = form.elements[field];
        if (control && control.value) chosen[field] = control.value;
      }
      const q = form.elements.q ? fold(form.elements.q.value.trim()) : "";
      return { chosen, words: q ? q.split(/\s+/) : [] };
    }

    function apply() {
      const { chosen, words } = choice();
      let shown = 0;
      for (const el of items) {
        let keep = true;
        for (const [field, value] of Object.entries(chosen)) {
          const have = tokens(el, field);
          if (have !== null && !have.includes(value)) { keep = false; break; }
        }
        if (keep && words.length) {
          const text = textOf(el);
          keep = words.every((w) => text.includes(w));
        }
        el.hidden = !keep;
        if (keep) shown += 1;
      }
      for (const group of groups) {
        group.hidden = !group.querySelector(form.dataset.items + ":not([hidden])");
      }
      if (columns.length) hideColumns(chosen);
      if (output) output.textContent = shown + " of " + items.length + " shown";
      remember(chosen, words.join(" "));
    }

    // Matrix columns: the header cell names its source and language; the body cells in the
    // same position follow it, so they need no attributes of their own.
    // A big matrix has tens of thousands of cells: they are touched only when the set of
    // hidden columns changes, not on every keystroke nor on opening the page unfiltered.
    let hiddenBefore = "";
    function hideColumns(chosen) {
      const hidden = new Set();
      for (const th of columns) {
        let keep = true;
        for (const [field, key] of Object.entries(COLUMN_FIELDS)) {
          if (chosen[field] && th.dataset[key] !== chosen[field]) keep = false;
        }
        th.hidden = !keep;
        if (!keep) hidden.add(th.cellIndex);
      }
      const key = Array.from(hidden).join(" ");
      if (key === hiddenBefore) return;
      hiddenBefore = key;
      for (const body of table.tBodies) {
        for (const row of body.rows) {
          for (const cell of row.cells) cell.hidden = hidden.has(cell.cellIndex);
        }
      }
    }

    function remember(chosen, q) {
      const params = new URLSearchParams();
      for (const [field, value] of Object.entries(chosen)) params.set(field, value);
      if (q) params.set("q", q);
      const search = params.toString();
      try {
        history.replaceState(null, "", (search ? "?" + search : location.pathname) + location.hash);
      } catch (e) {
        // Some browsers refuse replaceState on file:// pages; the filter works regardless.
      }
    }

    // Start from the address, so "?verdict=contradiction" opens filtered.
    const params = new URLSearchParams(location.search);
    for (const field of FIELDS.concat(["q"])) {
      const control = form.elements[field];
      const value = params.get(field);
      if (control && value !== null && (control.tagName !== "SELECT" || Array.from(control.options).some((o) => o.value === value))) {
        control.value = value;
      }
    }

    // Past a few hundred sources the source control is a text box (a list of thousands of
    // options weighs on opening the page): its suggestions are the ids the items name,
    // gathered the first time the box is used.
    const suggestions = form.querySelector("datalist[data-from]");
    if (suggestions && form.elements[suggestions.dataset.from]) {
      form.elements[suggestions.dataset.from].addEventListener("focus", () => {
        const field = suggestions.dataset.from;
        const ids = new Set();
        for (const el of items) for (const id of tokens(el, field) || []) if (id) ids.add(id);
        for (const id of Array.from(ids).sort()) {
          const option = document.createElement("option");
          option.value = id;
          suggestions.appendChild(option);
        }
      }, { once: true });
    }

    let pending = 0;
    form.addEventListener("input", () => {
      clearTimeout(pending);
      pending = setTimeout(apply, items.length > 2000 ? 120 : 0);
    });
    form.addEventListener("change", apply);
    form.addEventListener("reset", () => setTimeout(apply, 0));
    form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }

  document.querySelectorAll("form.filters").forEach(setUp);
})();
