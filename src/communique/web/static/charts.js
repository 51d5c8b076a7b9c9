// SVG charts for the dashboard (written for communique; no chart library needed).
// timelineChart: stacked bars of events per PLOVER type and period, with the mean Goldstein
// score as a line on its own axis (−10 … +10). The SVG scales with its container (viewBox).

const SVG = "http://www.w3.org/2000/svg";

// One colour per PLOVER type: greens/blues for cooperation, ambers for verbal conflict,
// reds for material conflict, so a stack reads at a glance.
export const PLOVER_COLORS = {
  AGREE: "#15803d", CONSULT: "#2563eb", SUPPORT: "#16a34a", CONCEDE: "#65a30d",
  COOPERATE: "#0d9488", AID: "#0891b2", RETREAT: "#7c3aed", REQUEST: "#6366f1",
  ACCUSE: "#f59e0b", REJECT: "#d97706", THREATEN: "#ea580c", PROTEST: "#c2410c",
  SANCTION: "#b91c1c", MOBILIZE: "#9f1239", COERCE: "#dc2626", ASSAULT: "#7f1d1d",
};
const FALLBACK = ["#64748b", "#0ea5e9", "#a855f7", "#84cc16"];

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function addPeriod(iso, by) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

// Fill empty periods between the first and last bucket so time reads left to right evenly
// (at most 400 bars; beyond that only the periods with events are drawn).
function fill(buckets, by) {
  if (!buckets.length) return [];
  const byPeriod = new Map(buckets.map((b) => [b.period, b]));
  const out = [];
  let p = buckets[0].period;
  const last = buckets[buckets.length - 1].period;
  while (p <= last && out.length <= 400) {
    out.push(byPeriod.get(p) || { period: p, events: 0, counts: {}, goldstein_sum: 0, goldstein_mean: null });
    p = addPeriod(p, by);
  }
  return out.length > 400 ? buckets : out;
}

const label = (period, by) => (by === "month" ? period.slice(0, 7) : by === "year" ? period.slice(0, 4) : period);

export function timelineChart(t) {
  const W = 960, H = 360, m = { top: 16, right: 48, bottom: 44, left: 44 };
  const data = fill(t.buckets, t.by);
  const colors = {};
  t.types.forEach((type, i) => { colors[type] = PLOVER_COLORS[type] || FALLBACK[i % FALLBACK.length]; });
  const maxN = Math.max(1, ...data.map((b) => b.events));
  const iw = W - m.left - m.right, ih = H - m.top - m.bottom;
  const step = iw / data.length;
  const bw = Math.max(2, Math.min(48, step * 0.72));
  const y = (n) => m.top + ih - (ih * n) / maxN;
  const yg = (g) => m.top + ih / 2 - (ih / 2) * (g / 10);
  const x = (i) => m.left + step * i + step / 2;

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Events between ${t.a} and ${t.b} by ${t.by}: ${t.total} in total` });
  const grid = s("g", { class: "grid" });
  const axis = s("g", { class: "axis" });
  const ticks = Math.min(5, maxN);
  for (let i = 0; i <= ticks; i++) {
    const n = Math.round((maxN * i) / ticks);
    grid.append(s("line", { x1: m.left, x2: W - m.right, y1: y(n), y2: y(n) }));
    axis.append(s("text", { x: m.left - 8, y: y(n) + 4, "text-anchor": "end" }, String(n)));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    axis.append(s("text", { x: W - m.right + 8, y: yg(g) + 4 }, g > 0 ? `+${g}` : String(g)));
  }
  axis.append(s("line", { x1: m.left, x2: W - m.right, y1: m.top + ih, y2: m.top + ih }));
  axis.append(s("text", { x: 12, y: m.top + ih / 2, transform: `rotate(-90 12 ${m.top + ih / 2})`, "text-anchor": "middle" }, "events"));
  axis.append(s("text", { x: W - 8, y: m.top + ih / 2, transform: `rotate(90 ${W - 8} ${m.top + ih / 2})`, "text-anchor": "middle" }, "Goldstein (mean)"));
  const every = Math.ceil(data.length / 12);
  data.forEach((b, i) => {
    if (i % every === 0) axis.append(s("text", { x: x(i), y: H - m.bottom + 18, "text-anchor": "middle" }, label(b.period, t.by)));
  });
  svg.append(grid, axis);

  const bars = s("g", { class: "bars" });
  data.forEach((b, i) => {
    let acc = 0;
    for (const type of t.types) {
      const n = b.counts[type] || 0;
      if (!n) continue;
      const rect = s("rect", {
        class: "bar", x: x(i) - bw / 2, y: y(acc + n), width: bw, height: Math.max(1, y(acc) - y(acc + n)),
        fill: colors[type], rx: 2, tabindex: 0,
        "aria-label": `${label(b.period, t.by)}: ${n} ${type}`,
      });
      rect.append(s("title", {}, `${label(b.period, t.by)} · ${type}: ${n}`));
      bars.append(rect);
      acc += n;
    }
  });
  svg.append(bars);

  const zero = s("line", { x1: m.left, x2: W - m.right, y1: yg(0), y2: yg(0), stroke: "#9ca3af", "stroke-dasharray": "4 4" });
  svg.append(zero);
  const pts = data.map((b, i) => [b, i]).filter(([b]) => b.goldstein_mean !== null && b.goldstein_mean !== undefined);
  if (pts.length) {
    const d = pts.map(([b, i], k) => `${k ? "L" : "M"}${x(i).toFixed(1)},${yg(b.goldstein_mean).toFixed(1)}`).join(" ");
    svg.append(s("path", { class: "gline", d }));
    for (const [b, i] of pts) {
      const dot = s("circle", { class: "gdot", cx: x(i), cy: yg(b.goldstein_mean), r: 4 });
      dot.append(s("title", {}, `${label(b.period, t.by)} · Goldstein mean ${b.goldstein_mean.toFixed(2)} (sum ${b.goldstein_sum.toFixed(1)})`));
      svg.append(dot);
    }
  }

  const legend = document.createElement("div");
  legend.className = "chart-legend";
  for (const type of t.types) {
    const item = document.createElement("span");
    const sw = document.createElement("i");
    sw.style.background = colors[type];
    item.append(sw, `${type}`);
    legend.append(item);
  }
  const gl = document.createElement("span");
  const gi = document.createElement("i");
  gi.className = "line";
  gl.append(gi, "Goldstein mean");
  legend.append(gl);

  // The same numbers as a table, for screen readers and for copying.
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = "Show the data as a table";
  const table = document.createElement("table");
  table.className = "data";
  const head = table.createTHead().insertRow();
  for (const col of ["period", "events", ...t.types, "Goldstein sum", "Goldstein mean"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = col;
    head.append(th);
  }
  const body = table.createTBody();
  for (const b of t.buckets) {
    const row = body.insertRow();
    for (const v of [label(b.period, t.by), b.events, ...t.types.map((ty) => b.counts[ty] || 0), b.goldstein_sum.toFixed(1),
      b.goldstein_mean === null ? "—" : b.goldstein_mean.toFixed(2)]) row.insertCell().textContent = v;
  }
  const wrap = document.createElement("div");
  wrap.className = "table-wrap";
  wrap.append(table);
  details.append(summary, wrap);

  const box = document.createElement("figure");
  box.className = "timeline";
  box.style.margin = "0";
  box.append(svg, legend, details);
  return box;
}
