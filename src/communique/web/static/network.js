// Interactive actor network in SVG (written for communique): a small force layout
// (repulsion between all nodes, springs along edges, a pull to the centre), wheel/button zoom,
// drag to pan, drag nodes, click or Enter on a node to select it.

const SVG = "http://www.w3.org/2000/svg";
const KIND_COLORS = { country: "#2563eb", organization: "#0d9488", person: "#7c3aed", location: "#d97706", other: "#64748b" };

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

export function networkGraph(container, graph, onSelect) {
  const W = container.clientWidth || 800, H = container.clientHeight || 600;
  const nodes = graph.nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / graph.nodes.length;
    const r = Math.min(W, H) * 0.35;
    return { ...n, x: W / 2 + r * Math.cos(a), y: H / 2 + r * Math.sin(a), vx: 0, vy: 0, fixed: false };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = graph.edges.map((e) => ({ ...e, s: byId.get(e.source), t: byId.get(e.target) })).filter((e) => e.s && e.t);
  const maxW = Math.max(1, ...edges.map((e) => e.events));
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  const radius = (n) => 5 + 13 * Math.sqrt(n.events / maxN);

  const svg = s("svg", { role: "group", "aria-label": `Network of ${nodes.length} nodes and ${edges.length} edges` });
  const view = s("g", {});
  const edgeLayer = s("g", {});
  const nodeLayer = s("g", {});
  view.append(edgeLayer, nodeLayer);
  svg.append(view);

  for (const e of edges) {
    const g = e.goldstein_mean;
    e.el = s("line", { class: `net-edge${g > 1 ? " coop" : g < -1 ? " conf" : ""}`, "stroke-width": 1 + 5 * (e.events / maxW) });
    e.el.append(s("title", {}, `${e.s.name} – ${e.t.name}: ${e.events} events${g !== null && g !== undefined ? `, Goldstein ${g.toFixed(1)}` : ""}`));
    edgeLayer.append(e.el);
  }
  let selected = null;
  const select = (n) => {
    if (selected) selected.el.classList.remove("selected");
    selected = n;
    n.el.classList.add("selected");
    onSelect(n);
  };
  for (const n of nodes) {
    n.el = s("g", { class: "net-node", tabindex: 0, role: "button", "aria-label": `${n.name}, ${n.events} events` });
    n.el.append(s("circle", { r: radius(n), fill: KIND_COLORS[n.kind] || KIND_COLORS.other }), s("text", { x: radius(n) + 3, y: 4 }, n.name));
    n.el.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(n); } });
    nodeLayer.append(n.el);
  }
  container.append(svg);

  // zoom and pan: one transform on the view group
  let k = 1, tx = 0, ty = 0;
  let resetView = () => { k = 1; tx = 0; ty = 0; apply(); };
  const apply = () => view.setAttribute("transform", `translate(${tx},${ty}) scale(${k})`);
  const zoomAt = (factor, cx, cy) => {
    const nk = Math.min(8, Math.max(0.2, k * factor));
    tx = cx - ((cx - tx) * nk) / k;
    ty = cy - ((cy - ty) * nk) / k;
    k = nk;
    apply();
  };
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const r = svg.getBoundingClientRect();
    zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  const controls = document.createElement("div");
  controls.className = "zoom-controls";
  for (const [text, labelText, act] of [["+", "Zoom in", () => zoomAt(1.3, W / 2, H / 2)], ["−", "Zoom out", () => zoomAt(1 / 1.3, W / 2, H / 2)], ["⟲", "Fit to view", () => resetView()]]) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-label", labelText);
    b.title = labelText;
    b.addEventListener("click", act);
    controls.append(b);
  }
  container.append(controls);

  let drag = null;
  svg.addEventListener("pointerdown", (ev) => {
    const g = ev.target.closest(".net-node");
    const node = g ? nodes.find((n) => n.el === g) : null;
    drag = { node, x: ev.clientX, y: ev.clientY, tx, ty, moved: false };
    svg.setPointerCapture(ev.pointerId);
    svg.classList.add("dragging");
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.node) {
      const r = svg.getBoundingClientRect();
      drag.node.x = (ev.clientX - r.left - tx) / k;
      drag.node.y = (ev.clientY - r.top - ty) / k;
      drag.node.fixed = true;
      draw();
    } else {
      tx = drag.tx + dx;
      ty = drag.ty + dy;
      apply();
    }
  });
  svg.addEventListener("pointerup", () => {
    if (drag && drag.node && !drag.moved) select(drag.node);
    drag = null;
    svg.classList.remove("dragging");
  });

  function draw() {
    for (const e of edges) {
      e.el.setAttribute("x1", e.s.x); e.el.setAttribute("y1", e.s.y);
      e.el.setAttribute("x2", e.t.x); e.el.setAttribute("y2", e.t.y);
    }
    for (const n of nodes) n.el.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
  }

  // Fit the drawing into the view (until the user zooms or pans by hand).
  let userMoved = false;
  function fit() {
    if (!nodes.length) return;
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const minX = Math.min(...xs) - 40, maxX = Math.max(...xs) + 120, minY = Math.min(...ys) - 30, maxY = Math.max(...ys) + 30;
    k = Math.min(2, Math.max(0.2, Math.min(W / (maxX - minX || 1), H / (maxY - minY || 1))));
    tx = (W - (maxX - minX) * k) / 2 - minX * k;
    ty = (H - (maxY - minY) * k) / 2 - minY * k;
    apply();
  }
  resetView = fit;
  svg.addEventListener("wheel", () => { userMoved = true; });
  svg.addEventListener("pointerdown", () => { userMoved = true; });

  // Fruchterman–Reingold layout: repulsion k²/d between pairs closer than 3k, attraction d²/k along
  // edges (stronger for heavier edges), a weak pull to the centre; the step size cools
  // from W/10 so the layout settles after about 250 ticks.
  const kk = Math.max(40, Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.5);
  let temp = W / 10;
  function tick() {
    for (const n of nodes) { n.vx = 0; n.vy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d = Math.sqrt(dx * dx + dy * dy);
        if (d < 0.01) { dx = Math.random() - 0.5; dy = Math.random() - 0.5; d = 0.7; }
        if (d > 3 * kk) continue; // far apart: no push (keeps separate clusters close)
        const f = (kk * kk) / d;
        a.vx += (dx / d) * f; a.vy += (dy / d) * f;
        b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = ((d * d) / kk) * (0.5 + 0.5 * (e.events / maxW));
      e.s.vx += (dx / d) * f; e.s.vy += (dy / d) * f;
      e.t.vx -= (dx / d) * f; e.t.vy -= (dy / d) * f;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.15 * (kk / 100);
      n.vy += (H / 2 - n.y) * 0.15 * (kk / 100);
      if (n.fixed) continue;
      const v = Math.sqrt(n.vx * n.vx + n.vy * n.vy) || 1;
      const step = Math.min(v, temp);
      n.x += (n.vx / v) * step; n.y += (n.vy / v) * step;
    }
    temp = Math.max(0.5, temp * 0.975);
  }
  const reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let ticks = 0;
  if (reduced) { for (; ticks < 300; ticks++) tick(); draw(); fit(); return; }
  function frame() {
    for (let i = 0; i < 3; i++, ticks++) tick();
    draw();
    if (!userMoved) fit();
    if (ticks < 300) requestAnimationFrame(frame);
  }
  draw();
  fit();
  requestAnimationFrame(frame);
}
