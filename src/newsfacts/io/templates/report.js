"use strict";
// Builds a document's view from its JSON block when it is opened. Text goes
// in through text nodes and textContent only, never as markup.
(function () {
  var COLUMNS = ["start", "end", "text", "value", "sort", "unit", "kind", "qualifier", "change",
                 "measure", "time", "entity", "line", "normalised", "currency", "period"];
  var C = {};
  COLUMNS.forEach(function (name, i) { C[name] = i; });
  var CARD_FIELDS = [["value", "value"], ["unit", "unit"], ["kind", "kind"], ["qualifier", "qualifier"],
                     ["change", "change"], ["measure", "measure"], ["time", "time"], ["entity", "entity"],
                     ["normalised", "normalised"], ["currency", "currency"], ["period", "period"], ["line", "line"]];
  var TABLE_COLUMNS = ["line", "text", "value", "unit", "kind", "qualifier", "change", "measure", "time", "entity"];
  var NUMERIC = {line: "line", value: "sort"};
  var collator = new Intl.Collator("zh");
  var TAGS = JSON.parse(document.getElementById("tags").textContent);  // kind -> the tag after its highlights

  var blocks = document.querySelectorAll("script[type='application/json'][id^=d]");
  var view = document.getElementById("view");
  var index = document.getElementById("index");
  var textBox = document.getElementById("text");
  var tbody = document.querySelector("#claims tbody");
  var kindFilter = document.getElementById("kind-filter");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var legend = document.getElementById("legend");
  var card = document.getElementById("card");
  var state = null;  // the open document: {data, marks, rows, current, pinned, sort}

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function route() {
    var match = /^#d(\d+)$/.exec(location.hash);
    var number = match ? Number(match[1]) : (blocks.length === 1 ? 0 : -1);
    if (number >= 0 && number < blocks.length) {
      open(number);
    } else {
      hideCard();
      state = null;
      view.hidden = true;
      if (index) index.hidden = false;
      document.title = document.querySelector("h1").textContent;
    }
  }

  function open(number) {
    var data = JSON.parse(blocks[number].textContent);
    state = {number: number, data: data, marks: [], rows: [], current: -1, pinned: false, sort: null};
    if (index) index.hidden = true;
    view.hidden = false;
    document.getElementById("doc-title").textContent = data.name;
    document.title = data.name + " — " + document.querySelector("h1").textContent;
    textBox.lang = data.lang;
    tbody.lang = data.lang;
    renderText(data);
    renderTable(data);
    renderKinds(data);
    search.value = "";
    resetSortHeaders();
    applyFilter();
    var prev = document.getElementById("prev"), next = document.getElementById("next");
    if (prev) navLink(prev, number - 1);
    if (next) navLink(next, number + 1);
    window.scrollTo(0, 0);
  }

  function navLink(link, number) {
    var ok = number >= 0 && number < blocks.length;
    link.href = ok ? "#d" + number : "#";
    link.setAttribute("aria-disabled", String(!ok));
    link.tabIndex = ok ? 0 : -1;
  }

  function renderText(data) {
    var text = data.text, fragment = document.createDocumentFragment(), at = 0;
    data.claims.forEach(function (claim, i) {
      var start = Math.max(claim[C.start], at), end = Math.max(claim[C.end], start);
      if (start > at) fragment.appendChild(document.createTextNode(text.slice(at, start)));
      var mark = el("mark", "claim k-" + claim[C.kind], text.slice(start, end));
      mark.dataset.i = i;
      mark.tabIndex = 0;
      mark.setAttribute("aria-label", claim[C.text] + ", " + claim[C.kind]);
      fragment.appendChild(mark);
      state.marks.push(mark);
      at = end;
    });
    fragment.appendChild(document.createTextNode(text.slice(at)));
    textBox.replaceChildren(fragment);
  }

  function renderTable(data) {
    var fragment = document.createDocumentFragment();
    data.claims.forEach(function (claim, i) {
      var row = el("tr");
      row.dataset.i = i;
      TABLE_COLUMNS.forEach(function (name) {
        var td = el("td", name === "line" || name === "value" ? "num nowrap" : "", claim[C[name]]);
        if (name === "kind" || name === "unit" || name === "qualifier" || name === "change") td.className = "nowrap";
        if (name === "kind") td.classList.add("kind");
        row.appendChild(td);
      });
      fragment.appendChild(row);
      state.rows.push(row);
    });
    tbody.replaceChildren(fragment);
  }

  function renderKinds(data) {
    var counts = {};
    data.claims.forEach(function (claim) { counts[claim[C.kind]] = (counts[claim[C.kind]] || 0) + 1; });
    var kinds = Object.keys(counts).sort();
    while (kindFilter.options.length > 1) kindFilter.remove(1);
    legend.replaceChildren();
    kinds.forEach(function (kind) {
      kindFilter.add(new Option(kind + " (" + counts[kind] + ")", kind));
      var item = el("li"), button = el("button");
      button.type = "button";
      button.dataset.kind = kind;
      button.setAttribute("aria-pressed", "false");
      var sample = el("mark", "claim k-" + kind, TAGS[kind] || kind);
      sample.setAttribute("aria-hidden", "true");
      button.appendChild(sample);
      button.appendChild(el("span", "name", kind + " " + counts[kind]));
      button.addEventListener("click", function () {
        kindFilter.value = kindFilter.value === kind ? "" : kind;
        applyFilter();
      });
      item.appendChild(button);
      legend.appendChild(item);
    });
    kindFilter.value = "";
  }

  function matches(claim, kind, query) {
    if (kind && claim[C.kind] !== kind) return false;
    if (!query) return true;
    return TABLE_COLUMNS.some(function (name) {
      var v = claim[C[name]];
      return v !== null && String(v).toLowerCase().indexOf(query) >= 0;
    });
  }

  function applyFilter() {
    if (!state) return;
    var kind = kindFilter.value, query = search.value.trim().toLowerCase(), count = 0;
    state.data.claims.forEach(function (claim, i) {
      var on = matches(claim, kind, query);
      state.marks[i].classList.toggle("off", !on);
      state.marks[i].tabIndex = on ? 0 : -1;
      state.rows[i].hidden = !on;
      if (on) count += 1;
    });
    legend.querySelectorAll("button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.kind === kind));
    });
    shown.textContent = count + " of " + state.data.claims.length + " claims shown";
    if (state.current >= 0 && state.marks[state.current].classList.contains("off")) hideCard();
  }

  function sortBy(column) {
    if (!state) return;
    var th = document.querySelector("#claims th[data-column='" + column + "']");
    var ascending = !(state.sort && state.sort.column === column && state.sort.ascending);
    state.sort = {column: column, ascending: ascending};
    var key = NUMERIC[column] ? C[NUMERIC[column]] : C[column], numeric = Boolean(NUMERIC[column]);
    var order = state.rows.map(function (row, i) { return i; });
    order.sort(function (a, b) {
      var x = state.data.claims[a][key], y = state.data.claims[b][key];
      if (x === null || x === "") return (y === null || y === "") ? a - b : 1;  // empty cells last either way
      if (y === null || y === "") return -1;
      var d = numeric ? x - y : collator.compare(String(x), String(y));
      return (ascending ? d : -d) || a - b;
    });
    var fragment = document.createDocumentFragment();
    order.forEach(function (i) { fragment.appendChild(state.rows[i]); });
    tbody.appendChild(fragment);
    resetSortHeaders();
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function resetSortHeaders() {
    document.querySelectorAll("#claims th[data-column]").forEach(function (th) { th.setAttribute("aria-sort", "none"); });
  }

  function showCard(i, pinned) {
    var claim = state.data.claims[i], mark = state.marks[i];
    if (state.current >= 0) {
      state.marks[state.current].classList.remove("current");
      state.rows[state.current].classList.remove("current");
    }
    state.current = i;
    state.pinned = pinned;
    mark.classList.add("current");
    state.rows[i].classList.add("current");
    var dl = el("dl");
    CARD_FIELDS.forEach(function (pair) {
      var v = claim[C[pair[0]]];
      if (v === null || v === "") return;
      dl.appendChild(el("dt", "", pair[1]));
      var dd = el("dd", "f-" + pair[0], v);
      if (["kind", "qualifier", "change", "normalised", "currency", "period"].indexOf(pair[0]) < 0) dd.lang = state.data.lang;
      dl.appendChild(dd);
    });
    card.replaceChildren(el("div", "head", claim[C.text]), dl);
    card.lang = state.data.lang;
    card.classList.toggle("pinned", pinned);
    card.hidden = false;
    mark.setAttribute("aria-describedby", "card");
    var box = mark.getBoundingClientRect();
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.left = Math.max(window.scrollX + 4, left) + "px";
    card.style.top = (box.bottom + window.scrollY + 4) + "px";
    var side = document.querySelector(".side");
    if (side.scrollHeight > side.clientHeight + 1 && getComputedStyle(side).position === "sticky") {
      var row = state.rows[i], top = row.offsetTop - side.clientHeight / 2;
      if (row.offsetTop < side.scrollTop || row.offsetTop > side.scrollTop + side.clientHeight - row.offsetHeight) side.scrollTop = top;
    }
  }

  function hideCard() {
    if (state && state.current >= 0) {
      state.marks[state.current].classList.remove("current");
      state.marks[state.current].removeAttribute("aria-describedby");
      state.rows[state.current].classList.remove("current");
      state.current = -1;
    }
    if (state) state.pinned = false;
    card.hidden = true;
  }

  function markOf(node) {
    return node && node.closest ? node.closest("mark.claim:not(.off)") : null;
  }

  function step(by) {
    if (!state) return;
    var visible = state.marks.filter(function (m) { return !m.classList.contains("off"); });
    if (!visible.length) return;
    var at = visible.indexOf(state.marks[state.current]);
    var next = visible[at < 0 ? (by > 0 ? 0 : visible.length - 1) : (at + by + visible.length) % visible.length];
    next.focus();
  }

  textBox.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark && !(state.pinned && state.current >= 0)) showCard(Number(mark.dataset.i), false);
  });
  textBox.addEventListener("mouseout", function (event) {
    var mark = markOf(event.target);
    if (mark && !state.pinned && !mark.contains(event.relatedTarget) && document.activeElement !== mark) hideCard();
  });
  textBox.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) showCard(Number(mark.dataset.i), state.pinned && state.current === Number(mark.dataset.i));
  });
  textBox.addEventListener("click", function (event) {
    var mark = markOf(event.target);
    if (!mark) return;
    var i = Number(mark.dataset.i);
    if (state.pinned && state.current === i) hideCard(); else showCard(i, true);
    event.stopPropagation();
  });
  textBox.addEventListener("keydown", function (event) {
    var mark = markOf(event.target);
    if (!mark) return;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") { step(1); event.preventDefault(); }
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { step(-1); event.preventDefault(); }
    else if (event.key === "Enter" || event.key === " ") { showCard(Number(mark.dataset.i), !state.pinned); event.preventDefault(); }
  });
  tbody.addEventListener("click", function (event) {
    var row = event.target.closest("tr");
    if (!row) return;
    var i = Number(row.dataset.i);
    state.marks[i].scrollIntoView({block: "center"});
    state.marks[i].focus({preventScroll: true});
    showCard(i, true);
    event.stopPropagation();
  });
  document.addEventListener("click", function (event) {
    if (state && state.pinned && !card.contains(event.target)) hideCard();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideCard();
  });
  document.querySelectorAll("#claims th[data-column] button").forEach(function (button) {
    button.addEventListener("click", function () { sortBy(button.parentNode.dataset.column); });
  });
  kindFilter.addEventListener("change", applyFilter);
  search.addEventListener("input", applyFilter);
  window.addEventListener("hashchange", route);
  route();
})();
