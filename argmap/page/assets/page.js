"use strict";
(() => {
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const map = document.getElementById("map");
  const svg = map.querySelector("svg");
  const chosen = document.getElementById("chosen");
  const groups = new Map();

  // Graphviz names each node after its argmap id (the <title>); a drawing may
  // also carry id="node-<argmap id>".
  for (const g of svg.querySelectorAll("g.node")) {
    const title = g.querySelector(":scope > title");
    const id = g.id.startsWith("node-") ? g.id.slice(5) : title ? title.textContent : "";
    const node = nodes.get(id);
    if (!node) continue;
    groups.set(id, g);
    g.dataset.node = id;
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", `${node.number}. ${node.kind}: ${node.text}`);
  }

  // ---- pan and zoom: the SVG's viewBox is the view
  const base = svg.viewBox.baseVal;
  const home = { x: base.x, y: base.y, w: base.width, h: base.height };
  let view = { ...home };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const show = () => svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  const scale = () => {
    const r = svg.getBoundingClientRect();
    return Math.max(view.w / r.width, view.h / r.height);
  };
  const zoom = (factor, cx, cy) => {
    const r = svg.getBoundingClientRect();
    const s = scale();
    const px = cx === undefined ? r.width / 2 : cx - r.left;
    const py = cy === undefined ? r.height / 2 : cy - r.top;
    const ux = view.x + (px - (r.width - view.w / s) / 2) * s;
    const uy = view.y + (py - (r.height - view.h / s) / 2) * s;
    const w = Math.min(Math.max(view.w / factor, home.w / 40), home.w * 4);
    const f = view.w / w;
    view = { x: ux - (ux - view.x) / f, y: uy - (uy - view.y) / f, w, h: view.h / f };
    show();
  };
  const pan = (dx, dy) => {
    const s = scale();
    view.x -= dx * s;
    view.y -= dy * s;
    show();
  };
  map.addEventListener("wheel", (e) => {
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY);
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    dragged = false;
    drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
  });
  map.addEventListener("pointermove", (e) => {
    if (!drag || drag.id !== e.pointerId) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) { map.setPointerCapture(e.pointerId); map.classList.add("dragging"); }
    drag.moved = true;
    drag.x = e.clientX;
    drag.y = e.clientY;
    pan(dx, dy);
  });
  let dragged = false;
  const endDrag = () => {
    dragged = Boolean(drag && drag.moved);
    drag = null;
    map.classList.remove("dragging");
  };
  // a drag is not a click on the node it ends over
  map.addEventListener("click", (e) => { if (dragged) e.stopPropagation(); dragged = false; }, true);
  map.addEventListener("pointerup", endDrag);
  map.addEventListener("pointercancel", endDrag);
  map.addEventListener("keydown", (e) => {
    if (e.target !== map) return;
    const step = 40;
    const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[e.key]) pan(...moves[e.key]);
    else if (e.key === "+" || e.key === "=") zoom(1.25);
    else if (e.key === "-") zoom(1 / 1.25);
    else if (e.key === "0") { view = { ...home }; show(); }
    else return;
    e.preventDefault();
  });
  document.getElementById("zoom-in").addEventListener("click", () => zoom(1.25));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(1 / 1.25));
  document.getElementById("zoom-reset").addEventListener("click", () => { view = { ...home }; show(); });

  // Bring a node into the middle of the view when it is outside it, and near
  // enough to read when it is drawn too small.
  const reveal = (g) => {
    const r = svg.getBoundingClientRect();
    let box = g.getBoundingClientRect();
    const outside = box.left < r.left || box.right > r.right || box.top < r.top || box.bottom > r.bottom;
    const small = box.width < 150;
    if (!outside && !small) return;
    pan(r.left + r.width / 2 - (box.left + box.width / 2), r.top + r.height / 2 - (box.top + box.height / 2));
    if (small) {
      box = g.getBoundingClientRect();
      zoom(Math.min(220 / Math.max(box.width, 1), r.width / (3 * Math.max(box.width, 1))));
    }
  };

  // ---- sources as tabs
  const tabs = [...document.querySelectorAll("#tabs [role=tab]")];
  const openSource = (source) => {
    for (const tab of tabs) {
      const on = tab.dataset.source === source;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !on;
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => openSource(tab.dataset.source));
    tab.addEventListener("keydown", (e) => {
      const next = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!next) return;
      const to = tabs[(i + next + tabs.length) % tabs.length];
      openSource(to.dataset.source);
      to.focus();
    });
  });

  // ---- choosing a node, or a passage
  const marksOf = (key) => document.querySelectorAll(`mark.quote[data-q~="${key}"]`);
  const describe = (node) => {
    chosen.replaceChildren();
    const head = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = `${node.number}. ${node.kind}`;
    head.append(strong, ` (${node.id})`);
    const text = document.createElement("p");
    text.textContent = node.text;
    chosen.append(head, text);
    if (node.attribution) {
      const who = document.createElement("p");
      who.className = "note";
      who.textContent = `— ${node.attribution}`;
      chosen.append(who);
    }
    if (!node.quotes.length) {
      const none = document.createElement("p");
      none.className = "note";
      none.textContent = "This node quotes nothing.";
      chosen.append(none);
    }
  };
  let current = null;
  const choose = (id, { fromText = false } = {}) => {
    const node = nodes.get(id);
    if (!node) return;
    current = id;
    for (const el of document.querySelectorAll(".selected, mark.active")) el.classList.remove("selected", "active");
    const g = groups.get(id);
    if (g) { g.classList.add("selected"); reveal(g); }
    describe(node);
    let first = null;
    for (const key of node.quotes) {
      for (const mark of marksOf(key)) {
        mark.classList.add("active");
        first = first || mark;
      }
    }
    if (first && !fromText) {
      openSource(data.passages[node.quotes[0]]);
      first.scrollIntoView({ block: "center" });
    }
  };
  const activate = (e, what) => {
    if (e.type === "keydown" && e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    what();
  };
  for (const [id, g] of groups) {
    const pick = (e) => activate(e, () => choose(id));
    g.addEventListener("click", pick);
    g.addEventListener("keydown", pick);
  }
  for (const mark of document.querySelectorAll("mark.quote")) {
    // A passage several nodes quote: each click chooses the next of them.
    const pick = (e) => activate(e, () => {
      const ids = mark.dataset.n.split(" ");
      choose(ids[(ids.indexOf(current) + 1) % ids.length], { fromText: true });
    });
    mark.addEventListener("click", pick);
    mark.addEventListener("keydown", pick);
  }

  // ---- search
  const search = document.getElementById("search");
  const found = document.getElementById("found");
  const matching = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = [];
    for (const node of data.nodes) {
      const hay = `${node.id} ${node.kind} ${node.text} ${node.attribution || ""} ${node.said}`.toLowerCase();
      const hit = words.every((w) => hay.includes(w));
      const g = groups.get(node.id);
      if (g) g.classList.toggle("dim", !hit);
      if (hit) hits.push(node.id);
    }
    found.textContent = words.length ? `${hits.length} of ${data.nodes.length} nodes` : "";
    return hits;
  };
  search.addEventListener("input", matching);
  search.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    const hits = matching();
    if (hits.length) { choose(hits[0]); groups.get(hits[0])?.focus(); }
  });

  // #node=ID opens the page with that node chosen (a link to a node)
  const start = new URLSearchParams(location.hash.slice(1)).get("node");
  if (start) choose(start);
})();
