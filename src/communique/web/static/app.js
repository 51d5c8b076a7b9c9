// communique dashboard: a small single-page app over the JSON API (no framework, no CDN).
// Every view fetches the API and builds DOM nodes with textContent, never innerHTML, so
// article text and names (untrusted input) cannot inject markup.
import { timelineChart, PLOVER_COLORS } from "./charts.js";
import { networkGraph } from "./network.js";

const main = document.getElementById("main");

// -- tiny DOM helpers ----------------------------------------------------------------------
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
// "a · b · c" from the non-empty parts (strings or nodes).
function metaLine(...parts) {
  const out = h("div", { class: "meta" });
  parts.filter((x) => x !== null && x !== undefined && x !== "" && x !== false).forEach((x, i) => {
    if (i) out.append(" · ");
    out.append(x instanceof Node ? x : String(x));
  });
  return out;
}
// A readable name for an article without a headline (wire stories often have none).
function titleOf(a, fallbackText) {
  if (a.title) return a.title;
  const words = (fallbackText || "").replace(/^…\s*/, "").split(/\s+/).slice(0, 12).join(" ");
  return words ? `${words}…` : "(untitled article)";
}
const link = (href, ...children) => h("a", { href, "data-link": true }, ...children);
const fmt = (n) => (n ?? 0).toLocaleString("en");
const qs = (params) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") u.set(k, v);
  const s = u.toString();
  return s ? `?${s}` : "";
};

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let detail = `${res.status} ${res.statusText}`;
    try {
      const body = await res.json();
      detail = Array.isArray(body.detail)
        ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
        : body.detail || detail;
    } catch (e) { /* not JSON */ }
    const err = new Error(detail);
    err.status = res.status;
    throw err;
  }
  return res.json();
}

function loading(text = "Loading…") {
  return h("div", { class: "loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), text);
}
function empty(title, ...hint) {
  return h("div", { class: "empty" }, h("b", {}, title), ...hint);
}
function errorBox(err) {
  return h("div", { class: "error", role: "alert" }, err.status === 404 ? "Not found: " : "Something went wrong: ", err.message);
}
function setPage(title, nav, ...nodes) {
  document.title = title ? `${title} · communique` : "communique";
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === nav) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  main.replaceChildren(...nodes);
}
function downloads(path, params) {
  const p = { ...params };
  delete p.cursor;
  return h("p", { class: "downloads" }, "Download all:",
    h("a", { href: path + qs({ ...p, format: "csv" }) }, "CSV"),
    h("a", { href: path + qs({ ...p, format: "jsonl" }) }, "JSON Lines"));
}
function bars(entries, hrefFor) {
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return h("div", { class: "bars" }, entries.map(([label, n, color]) => {
    const fill = h("div", { class: "bar-fill" });
    fill.style.width = `${(100 * n) / max}%`;
    if (color) fill.style.background = color;
    return h("div", { class: "bar-row" },
      hrefFor ? link(hrefFor(label), label) : h("span", {}, label),
      h("div", { class: "bar-track", role: "img", "aria-label": `${label}: ${n}` }, fill),
      h("span", { class: "n" }, fmt(n)));
  }));
}

// A list with "Load more" (keyset pages from the API's next_cursor).
function pagedList(path, params, renderItem, emptyNode, ordered = false) {
  const list = h(ordered ? "ol" : "ul", { class: "list" });
  const more = h("button", { class: "secondary", type: "button" }, "Load more");
  const status = h("div", { "aria-live": "polite" }, loading());
  const box = h("div", {}, list, status);
  let cursor = null;
  async function next() {
    more.disabled = true;
    try {
      const page = await api(path + qs({ ...params, cursor }));
      if (!cursor && page.items.length === 0) {
        status.replaceChildren(emptyNode);
        return;
      }
      for (const item of page.items) list.append(renderItem(item));
      cursor = page.next_cursor;
      status.replaceChildren(cursor ? more : h("p", { class: "muted" }, `${fmt(list.children.length)} shown — that is all.`));
    } catch (err) {
      status.replaceChildren(errorBox(err));
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener("click", next);
  next();
  return box;
}

function filterForm(fields, values, onSubmit) {
  const form = h("form", { class: "filters", role: "search" });
  for (const f of fields) {
    let input;
    if (f.options) {
      input = h("select", { name: f.name }, f.options.map((o) => h("option", { value: o, selected: values[f.name] === o }, o || "any")));
    } else {
      input = h("input", { name: f.name, type: f.type || "text", value: values[f.name] || "", placeholder: f.placeholder || "", class: f.wide ? "wide" : null, maxlength: 500 });
    }
    form.append(h("label", {}, f.label, input));
  }
  form.append(h("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    onSubmit(data);
  });
  return form;
}

const noData = () => empty("Nothing here yet.",
  h("p", {}, "Process some news into the database, e.g. ", h("code", {}, "communique process news.jsonl --db kb.duckdb"),
    ", and this page shows it within seconds."));

// -- views -----------------------------------------------------------------------------------
async function overview() {
  const stats = await api("/stats");
  const c = stats.counts;
  const hero = h("section", { class: "hero" },
    h("h1", {}, "International relations, as data"),
    h("p", {}, c.articles
      ? `${fmt(c.articles)} articles from ${stats.first_date || "?"} to ${stats.last_date || "?"}: who said what, who did what to whom.`
      : "No articles yet."),
    (() => {
      const input = h("input", { name: "q", type: "search", placeholder: "Search articles, e.g. Azerbaijan", "aria-label": "Search articles", maxlength: 500 });
      const form = h("form", { role: "search", action: "/ui/articles" }, input, h("button", { type: "submit", class: "secondary" }, "Search"));
      form.addEventListener("submit", (ev) => { ev.preventDefault(); go(`/ui/articles${qs({ q: input.value.trim() })}`); });
      return form;
    })());
  const statCards = h("div", { class: "stats" },
    [["articles", "/ui/articles"], ["actors", "/ui/actors"], ["quotes", "/ui/quotes"], ["events", "/ui/events"], ["mentions", null]].map(([k, href]) =>
      h("div", { class: "stat" }, h("b", {}, fmt(c[k])), href ? link(href, k) : h("span", {}, k))));
  if (!c.articles) {
    setPage("Overview", "overview", hero, statCards, noData());
    return;
  }
  const latest = h("section", { class: "card" }, h("h2", {}, "Latest articles"),
    pagedList("/articles", { limit: 8 }, articleItem, noData()));
  const dyadBox = h("section", { class: "card" }, h("h2", {}, "Most active dyads"), loading());
  const typeBox = h("section", { class: "card" }, h("h2", {}, "Events by PLOVER type"));
  const types = Object.entries(stats.event_types);
  typeBox.append(types.length
    ? bars(types.map(([t, n]) => [t, n, PLOVER_COLORS[t]]), (t) => `/ui/events${qs({ type: t })}`)
    : empty("No events extracted yet.", h("p", {}, "Events appear when the events stage is in the pipeline.")));
  setPage("Overview", "overview", hero, statCards, h("div", { class: "grid two" }, latest, h("div", { class: "grid" }, dyadBox, typeBox)));
  const dyads = await api("/dyads?limit=10");
  dyadBox.replaceChildren(h("h2", {}, "Most active dyads"), dyads.length
    ? bars(dyads.map((d) => [`${d.a}–${d.b}`, d.events]), (label) => `/ui/dyads/${label.split("–").join("/")}`)
    : empty("No dyads yet.", h("p", {}, "Country pairs appear once events with a source and a target are stored.")));
}

function articleItem(a) {
  return h("li", {},
    h("div", { class: "result-title" }, link(`/ui/articles/${encodeURIComponent(a.id)}`, titleOf(a, a.snippet))),
    metaLine(a.date || "undated", a.publisher, a.relayed_from && a.relayed_from.length ? `via ${a.relayed_from.join(", ")}` : "",
      h("span", { class: "pills" },
        a.n_quotes ? h("span", { class: "pill quote" }, `${a.n_quotes} quotes`) : "",
        a.n_events ? h("span", { class: "pill event" }, `${a.n_events} events`) : "",
        a.n_actors ? h("span", { class: "pill actor" }, `${a.n_actors} actors`) : "")),
    a.snippet ? h("p", { class: "snippet" }, a.snippet) : "");
}

function articles(params) {
  const title = params.q ? `Articles matching “${params.q}”` : "Articles";
  const form = filterForm([
    { name: "q", label: "Words", type: "search", wide: true, placeholder: "e.g. Azerbaijan" },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
    { name: "publisher", label: "Publisher", placeholder: "e.g. Trend" },
  ], params, (data) => go(`/ui/articles${qs(data)}`));
  setPage(title, "articles", h("h1", {}, title), h("p", { class: "sub" }, "Full-text search over titles and texts; every word must occur."),
    form, downloads("/articles", params),
    h("div", { class: "card" }, pagedList("/articles", params, articleItem,
      empty("No article matches.", h("p", {}, "Try fewer or other words, or widen the dates.")))));
}

// The article page: text with highlighted evidence and a side panel of extractions.
async function article(id) {
  const a = await api(`/articles/${encodeURIComponent(id)}`);
  const text = a.text || "";
  const actorsById = Object.fromEntries((a.actors || []).map((x) => [x.id, x]));
  const anns = [];
  (a.mentions || []).forEach((m, i) => anns.push({ id: `m${i}`, k: "a", start: m.start, end: m.end, actor: m.actor_id, label: m.label, text: m.text }));
  (a.quotes || []).forEach((q, i) => {
    anns.push({ id: `q${i}`, k: "q", start: q.start, end: q.end, speaker: q.speaker && (q.speaker.name || q.speaker.text) });
    if (q.speaker && q.speaker.start !== null && q.speaker.start !== undefined) anns.push({ id: `s${i}`, k: "s", start: q.speaker.start, end: q.speaker.end });
    if (q.cue_span) anns.push({ id: `c${i}`, k: "c", start: q.cue_span.start, end: q.cue_span.end });
  });
  (a.events || []).forEach((e, i) => anns.push({ id: `t${i}`, k: "t", start: e.trigger.start, end: e.trigger.end, label: e.type }));
  const valid = anns.filter((x) => Number.isInteger(x.start) && Number.isInteger(x.end) && x.start < x.end && x.start >= 0 && x.end <= text.length);

  // Cut the text at every annotation boundary; each piece carries the annotations covering it.
  const cuts = new Set([0, text.length]);
  for (const x of valid) { cuts.add(x.start); cuts.add(x.end); }
  const points = [...cuts].sort((p, q) => p - q);
  const body = h("div", { class: "article-text show-a show-q show-s show-c show-t", id: "article-text" });
  const firstOfQuote = new Set();
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i], e = points[i + 1];
    const piece = text.slice(s, e);
    const covering = valid.filter((x) => x.start <= s && x.end >= e);
    if (!covering.length) { body.append(piece); continue; }
    const classes = new Set(["seg"]);
    const span = h("span", {});
    for (const x of covering) {
      classes.add(x.k);
      classes.add(`ann-${x.id}`);
      if (x.k === "a" && !x.actor) classes.add("unresolved");
      if (x.k === "q" && x.start === s && !firstOfQuote.has(x.id)) {
        firstOfQuote.add(x.id);
        classes.add("q-start");
        span.dataset.speaker = x.speaker || "unattributed";
      }
    }
    const titles = covering.map((x) => x.k === "a" ? `${x.label}${x.actor ? ` → ${(actorsById[x.actor] || {}).name || x.actor}` : ""}`
      : x.k === "q" ? `quote — ${x.speaker || "unattributed"}` : x.k === "t" ? `event trigger: ${x.label}` : x.k === "s" ? "speaker" : "cue");
    span.className = [...classes].join(" ");
    span.title = titles.join(" · ");
    span.textContent = piece;
    body.append(span);
  }

  const flashTo = (annId) => {
    const segs = body.querySelectorAll(`.ann-${annId}`);
    if (!segs.length) return;
    segs[0].scrollIntoView({ behavior: "smooth", block: "center" });
    for (const seg of segs) { seg.classList.remove("flash"); void seg.offsetWidth; seg.classList.add("flash"); }
  };
  const legendItem = (k, label) => {
    const box = h("input", { type: "checkbox", checked: true });
    box.addEventListener("change", () => body.classList.toggle(`show-${k}`, box.checked));
    return h("label", {}, box, h("span", { class: `swatch ${k}` }), label);
  };
  const legend = h("div", { class: "legend", role: "group", "aria-label": "Highlight layers" },
    legendItem("a", "actors"), legendItem("q", "quotes"), legendItem("s", "speakers"), legendItem("c", "cue verbs"), legendItem("t", "event triggers"));

  // Side panel: quotes, events, actors; each item scrolls to its evidence.
  const quoteItems = (a.quotes || []).map((q, i) => h("li", {}, h("button", { type: "button", class: "k-q", onclick: () => flashTo(`q${i}`) },
    h("span", { class: "who" }, (q.speaker && (q.speaker.name || q.speaker.text)) || "unattributed"),
    ` · ${q.type}${q.cue ? ` · “${q.cue}”` : ""}`,
    h("span", { class: "qtext" }, `“${q.text.length > 160 ? q.text.slice(0, 157) + "…" : q.text}”`))));
  const eventItems = (a.events || []).map((e, i) => h("li", {}, h("button", { type: "button", class: "k-t", onclick: () => flashTo(`t${i}`) },
    typePill(e.type), " ",
    `${(e.source && (e.source.name || e.source.country)) || "?"} → ${(e.target && (e.target.name || e.target.country)) || "—"}`,
    h("span", { class: "qtext" }, `“${e.trigger.text}”${e.cameo ? ` · CAMEO ${e.cameo}` : ""}${e.goldstein !== null && e.goldstein !== undefined ? ` · Goldstein ${e.goldstein}` : ""}`))));
  const mentionIdx = {};
  (a.mentions || []).forEach((m, i) => { const key = m.actor_id || `text:${m.text}`; (mentionIdx[key] = mentionIdx[key] || []).push(i); });
  const actorItems = Object.entries(mentionIdx).sort((x, y) => y[1].length - x[1].length).map(([key, idxs]) => {
    const actor = actorsById[key];
    const name = actor ? actor.name : key.replace(/^text:/, "");
    let turn = 0;
    return h("li", {}, h("button", {
      type: "button", class: "k-a",
      onclick: () => { flashTo(`m${idxs[turn % idxs.length]}`); turn += 1; },
    }, h("b", {}, name), ` · ${idxs.length}×`, actor ? ` · ${[actor.kind, actor.code].filter(Boolean).join(" · ")}` : ` · ${a.mentions[idxs[0]].label}`));
  });
  const section = (title, items, none) => h("section", {}, h("h3", {}, `${title} (${items.length})`), items.length ? h("ul", {}, items) : h("p", { class: "muted" }, none));
  const side = h("aside", { class: "card side", "aria-label": "Extractions" },
    section("Quotes", quoteItems, "No quotes found in this article."),
    section("Events", eventItems, "No events found in this article."),
    section("Actors", actorItems, "No actors found in this article."),
    (a.actors || []).length ? h("p", { class: "muted" }, "Profiles: ", (a.actors || []).slice(0, 12).map((x, i) => [i ? ", " : "", link(`/ui/actors/${encodeURIComponent(x.id)}`, x.name)])) : "");

  const meta = metaLine(a.date || "undated", a.publisher,
    a.relayed_from && a.relayed_from.length ? `relayed from ${a.relayed_from.join(", ")}` : "",
    a.url && /^https?:\/\//i.test(a.url) ? h("a", { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : "",
    a.duplicate_of ? link(`/ui/articles/${encodeURIComponent(a.duplicate_of)}`, "copy of an earlier article") : "");
  const heading = titleOf(a, text);
  setPage(heading, "articles",
    h("h1", {}, heading), meta, legend,
    h("div", { class: "grid main-side" }, h("article", { class: "card" }, body), side));
}

function quoteItem(q) {
  const who = q.speaker && (q.speaker.name || q.speaker.text);
  return h("li", {},
    h("blockquote", { class: "quote" }, `“${q.text}”`),
    metaLine(
      who ? (q.speaker.actor_id ? link(`/ui/actors/${encodeURIComponent(q.speaker.actor_id)}`, h("span", { class: "speaker" }, who)) : h("span", { class: "speaker" }, who)) : h("span", {}, "unattributed"),
      q.cue, q.type,
      link(`/ui/articles/${encodeURIComponent(q.article_id)}`, q.article_title || "the article"), q.article_date));
}

function quotes(params) {
  const form = filterForm([
    { name: "speaker", label: "Speaker", placeholder: "e.g. Guminsky" },
    { name: "q", label: "Words", type: "search", wide: true, placeholder: "e.g. cooperation" },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
  ], params, (data) => go(`/ui/quotes${qs(data)}`));
  setPage("Quotes", "quotes", h("h1", {}, "Quotes"), h("p", { class: "sub" }, "Who said what: search by speaker and by words."),
    form, downloads("/quotes", params),
    h("div", { class: "card" }, pagedList("/quotes", params, quoteItem,
      empty("No quote matches.", h("p", {}, "Try another speaker spelling or fewer words. Quotes appear once the quotes stage has run.")))));
}

// A PLOVER type as a pill in its chart colour (cooperation greens/blues, conflict reds).
function typePill(type) {
  const pill = h("span", { class: "pill event" }, type);
  const color = PLOVER_COLORS[type];
  if (color) { pill.style.color = color; pill.style.background = `${color}1f`; }
  return pill;
}

function eventRow(e) {
  const side = (x) => (x && (x.actor_id || x.name || x.country)
    ? (x.actor_id ? link(`/ui/actors/${encodeURIComponent(x.actor_id)}`, x.name || x.actor_id) : (x.name || x.country))
    : h("span", { class: "muted" }, x ? "(unknown)" : "—"));
  return h("tr", {},
    h("td", { class: "nowrap" }, e.date || "—"),
    h("td", {}, typePill(e.type)),
    h("td", {}, side(e.source), " → ", side(e.target)),
    h("td", {}, `“${e.trigger.text}”`, e.goldstein !== null && e.goldstein !== undefined ? h("span", { class: "muted" }, ` (${e.goldstein})`) : ""),
    h("td", {}, link(`/ui/articles/${encodeURIComponent(e.article_id)}`, e.article_title || "open the article")));
}

function eventTable(params) {
  const tbody = h("tbody", {});
  const more = h("button", { class: "secondary", type: "button" }, "Load more");
  const status = h("div", {}, loading());
  const table = h("div", { class: "table-wrap" }, h("table", { class: "data" },
    h("thead", {}, h("tr", {}, ["Date", "Type", "Source → target", "Trigger", "Article"].map((t) => h("th", { scope: "col" }, t)))), tbody));
  let cursor = null;
  async function next() {
    more.disabled = true;
    try {
      const page = await api("/events" + qs({ ...params, cursor }));
      if (!cursor && !page.items.length) { table.hidden = true; status.replaceChildren(empty("No events match.", h("p", {}, "Widen the filters; events appear once the events stage has run."))); return; }
      page.items.forEach((e) => tbody.append(eventRow(e)));
      cursor = page.next_cursor;
      status.replaceChildren(cursor ? more : "");
    } catch (err) { status.replaceChildren(errorBox(err)); } finally { more.disabled = false; }
  }
  more.addEventListener("click", next);
  next();
  return h("div", {}, table, status);
}

function events(params) {
  const form = filterForm([
    { name: "type", label: "PLOVER type", placeholder: "e.g. CONSULT" },
    { name: "country", label: "Country (either side)", placeholder: "ISO3, e.g. AZE" },
    { name: "dyad", label: "Dyad", placeholder: "e.g. AZE,BLR" },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
    { name: "min_confidence", label: "Min. confidence", type: "number", placeholder: "0–1" },
  ], params, (data) => go(`/ui/events${qs(data)}`));
  setPage("Events", "events", h("h1", {}, "Events"), h("p", { class: "sub" }, "PLOVER events with CAMEO codes and Goldstein scores, newest first."),
    form, downloads("/events", params), h("div", { class: "card" }, eventTable(params)));
}

async function dyad(a, b, params) {
  const by = params.by || "month";
  const byForm = filterForm([
    { name: "by", label: "Period", options: ["day", "week", "month"] },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
  ], { ...params, by }, (data) => go(`/ui/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}${qs(data)}`));
  const chartBox = h("div", { class: "chart", id: "dyad-chart" }, loading("Loading the timeline…"));
  setPage(`${a}–${b}`, "events",
    h("h1", {}, `${a} – ${b}`), h("p", { class: "sub" }, "Events between the two, in either direction, by PLOVER type; the line is the mean Goldstein score (−10 conflict … +10 cooperation)."),
    byForm, h("section", { class: "card" }, chartBox),
    h("h2", { class: "spaced" }, "Events"), downloads("/events", { dyad: `${a},${b}` }),
    h("section", { class: "card" }, eventTable({ dyad: `${a},${b}`, from: params.from, to: params.to })));
  const t = await api(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline${qs({ by, from: params.from, to: params.to })}`);
  if (!t.total) {
    chartBox.replaceChildren(empty(`No events between ${a} and ${b} yet.`,
      h("p", {}, "Check the codes (ISO3 like AZE, BLR, or actor ids) or process more news.")));
    return;
  }
  chartBox.replaceChildren(timelineChart(t));
}

async function actors(params) {
  const form = filterForm([
    { name: "q", label: "Name", type: "search", wide: true, placeholder: "e.g. Azerbaijan" },
    { name: "kind", label: "Kind", options: ["", "country", "organization", "person", "location", "other"] },
    { name: "country", label: "Country", placeholder: "ISO3" },
  ], params, (data) => go(`/ui/actors${qs(data)}`));
  setPage("Actors", "actors", h("h1", {}, "Actors"), h("p", { class: "sub" }, "Countries, organisations and people, most mentioned first."),
    form, downloads("/actors", params),
    h("div", { class: "card" }, pagedList("/actors", params, (x) => h("li", {},
      h("div", { class: "result-title" }, link(`/ui/actors/${encodeURIComponent(x.id)}`, x.name)),
      metaLine(x.kind, x.code, x.country, x.title, `${fmt(x.n_mentions)} mentions in ${fmt(x.n_articles)} articles`)),
    empty("No actor matches.", h("p", {}, "Actors appear once the actors stage has resolved mentions.")))));
}

async function actor(id) {
  const x = await api(`/actors/${encodeURIComponent(id)}`);
  const facts = [x.kind, x.code, x.country, x.sector, x.igo, x.title, x.affiliation].filter(Boolean).join(" · ");
  const months = x.mentions_over_time.map((p) => [p.period.slice(0, 7), p.mentions]);
  setPage(x.name, "actors",
    h("h1", {}, x.name), h("p", { class: "sub" }, facts),
    h("div", { class: "stats" }, [["mentions", x.n_mentions], ["articles", x.n_articles], ["events", x.n_events], ["quotes", x.n_quotes]].map(([k, n]) =>
      h("div", { class: "stat" }, h("b", {}, fmt(n)), h("span", {}, k)))),
    h("div", { class: "grid two" },
      h("section", { class: "card" }, h("h2", {}, "Mentions by month"), months.length ? bars(months.slice(-24)) : empty("No dated mentions.")),
      h("section", { class: "card" }, h("h2", {}, "Top partners in events"), x.top_partners.length
        ? bars(x.top_partners.map((p) => [p.name || p.id, p.events]))
        : empty("No events with a partner yet."))),
    h("section", { class: "card", style: null }, h("h2", {}, "Quotes"), x.quotes.length ? h("ul", { class: "list" }, x.quotes.map(quoteItem)) : empty("No quotes attributed to this actor.")),
    h("section", { class: "card" }, h("h2", {}, "Articles"), x.articles.length
      ? h("ul", { class: "list" }, x.articles.map((r) => h("li", {}, link(`/ui/articles/${encodeURIComponent(r.id)}`, r.title || "(untitled)"), h("span", { class: "muted" }, ` · ${r.date || "undated"}`))))
      : empty("No articles mention this actor.")));
  for (const card of main.querySelectorAll("section.card")) card.classList.add("spaced-card");
}

async function network(params) {
  const level = params.level || "actor";
  const form = filterForm([
    { name: "level", label: "Nodes", options: ["actor", "country"] },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
    { name: "min_events", label: "Min. events", type: "number", placeholder: "1" },
  ], { ...params, level }, (data) => go(`/ui/network${qs(data)}`));
  const wrap = h("div", { class: "network-wrap", id: "network" }, loading("Laying out the network…"));
  const info = h("aside", { class: "card side", "aria-live": "polite" }, h("h2", {}, "Selection"),
    h("p", { class: "muted" }, "Click a node (or focus it with Tab and press Enter) to see its profile. Scroll to zoom, drag to pan."),
    h("div", { class: "chart-legend" }, [["country", "#2563eb"], ["organisation", "#0d9488"], ["person", "#7c3aed"], ["place", "#d97706"], ["other", "#64748b"]].map(([label, color]) => {
      const dot = h("i", {});
      dot.style.background = color;
      dot.style.borderRadius = "50%";
      return h("span", {}, dot, label);
    })));
  setPage("Network", "network", h("h1", {}, "Actor network"), h("p", { class: "sub" }, "Who acts towards whom: edges are events in either direction; green leans cooperative, red conflictual."),
    form, h("div", { class: "grid main-side" }, wrap, info));
  const g = await api(`/network${qs({ level, from: params.from, to: params.to, min_events: params.min_events })}`);
  if (!g.nodes.length) {
    wrap.replaceChildren(empty("No relations to draw yet.", h("p", {}, "The network needs events with both a source and a target actor; lower “Min. events” or process more news.")));
    return;
  }
  wrap.replaceChildren();
  networkGraph(wrap, g, async (node) => {
    if (level === "country") {
      info.replaceChildren(h("h2", {}, node.name), h("p", {}, `${fmt(node.events)} events in this view.`),
        h("p", {}, link(`/ui/events${qs({ country: node.id })}`, "Events of this country")));
      return;
    }
    info.replaceChildren(h("h2", {}, node.name), loading());
    try {
      const p = await api(`/actors/${encodeURIComponent(node.id)}`);
      info.replaceChildren(h("h2", {}, p.name), h("p", { class: "muted" }, [p.kind, p.code, p.title].filter(Boolean).join(" · ")),
        h("p", {}, `${fmt(p.n_events)} events · ${fmt(p.n_mentions)} mentions · ${fmt(p.n_quotes)} quotes`),
        p.top_partners.length ? bars(p.top_partners.slice(0, 6).map((x) => [x.name || x.id, x.events])) : "",
        h("p", {}, link(`/ui/actors/${encodeURIComponent(p.id)}`, "Open the full profile →")));
    } catch (err) { info.replaceChildren(errorBox(err)); }
  });
}

// -- router ------------------------------------------------------------------------------------
function route() {
  const path = decodeURI(location.pathname).replace(/\/+$/, "") || "/ui";
  const params = Object.fromEntries(new URLSearchParams(location.search).entries());
  const parts = path.split("/").slice(2).map((p) => p);
  const [page, x, y] = parts;
  const topq = document.getElementById("topq");
  if (topq) topq.value = page === "articles" && !x ? params.q || "" : "";
  main.replaceChildren(loading());
  let view;
  if (!page) view = overview();
  else if (page === "articles" && x) view = article(x);
  else if (page === "articles") view = articles(params);
  else if (page === "quotes") view = quotes(params);
  else if (page === "events") view = events(params);
  else if (page === "dyads" && x && y) view = dyad(x, y, params);
  else if (page === "actors" && x) view = actor(parts.slice(1).join("/"));
  else if (page === "actors") view = actors(params);
  else if (page === "network") view = network(params);
  else view = Promise.resolve(setPage("Not found", "", h("h1", {}, "Page not found"), empty("There is no such page.", h("p", {}, link("/ui/", "Back to the overview")))));
  Promise.resolve(view).catch((err) => setPage("Error", "", errorBox(err)));
}

export function go(url) {
  history.pushState(null, "", url);
  route();
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

document.addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-link]");
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  go(a.getAttribute("href"));
});
document.querySelector("form[data-search]").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go(`/ui/articles${qs({ q: document.getElementById("topq").value.trim() })}`);
});
window.addEventListener("popstate", route);
route();
