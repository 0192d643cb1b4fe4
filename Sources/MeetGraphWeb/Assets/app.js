// MeetGraph web page: search suggestions, and pictures that pan, zoom and answer clicks.
// Written by hand, no library, nothing fetched from elsewhere. Names are only ever set as
// textContent or encoded into URLs, never as HTML.
"use strict";

(function suggestions() {
  const input = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!input || !list) return;
  let timer = null, selected = -1, last = "";
  function choose(name) { location.href = "/person?name=" + encodeURIComponent(name); }
  function mark(index) {
    const items = list.querySelectorAll("li");
    items.forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
    selected = index;
  }
  async function update() {
    const text = input.value.trim();
    if (text === last) return;
    last = text;
    if (!text) { list.replaceChildren(); return; }
    try {
      const response = await fetch("/api/search?limit=10&q=" + encodeURIComponent(text));
      if (!response.ok || input.value.trim() !== text) return;
      const answer = await response.json();
      list.replaceChildren(...answer.people.map((person) => {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.dataset.name = person.name;
        li.textContent = person.name;
        const count = document.createElement("span");
        count.className = "count";
        count.textContent = person.events + (person.events === 1 ? " event" : " events");
        li.appendChild(count);
        li.addEventListener("mousedown", (event) => { event.preventDefault(); choose(person.name); });
        return li;
      }));
      selected = -1;
    } catch (error) { /* the form still works without suggestions */ }
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 120); });
  input.addEventListener("keydown", (event) => {
    const items = list.querySelectorAll("li");
    if (event.key === "ArrowDown" && items.length) { event.preventDefault(); mark((selected + 1) % items.length); }
    else if (event.key === "ArrowUp" && items.length) { event.preventDefault(); mark((selected - 1 + items.length) % items.length); }
    else if (event.key === "Enter" && selected >= 0 && items[selected]) { event.preventDefault(); choose(items[selected].dataset.name); }
    else if (event.key === "Escape") { list.replaceChildren(); }
  });
  input.addEventListener("blur", () => setTimeout(() => list.replaceChildren(), 150));
  if (input.value) update();
})();

const palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2",
                 "#edc948", "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d4a6c8"];

// Node titles are "person:NAME"; edge titles "person:A--person:B". Split an edge title with the
// names of the picture's nodes, so that a name holding "--" cannot mislead.
function tieNames(title, names) {
  if (!title.startsWith("person:")) return null;
  for (const a of names) {
    const prefix = "person:" + a + "--person:";
    if (title.startsWith(prefix) && names.has(title.slice(prefix.length))) return [a, title.slice(prefix.length)];
  }
  return null;
}

async function showTie(panel, a, b) {
  panel.hidden = false;
  panel.textContent = "…";
  const response = await fetch("/api/tie?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b));
  const answer = await response.json();
  panel.replaceChildren();
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = "/tie?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b);
  link.textContent = a + " · " + b + ": " + (answer.events || []).length + " shared events";
  heading.appendChild(link);
  panel.appendChild(heading);
  const list = document.createElement("ul");
  for (const item of answer.events || []) {
    const li = document.createElement("li");
    const event = document.createElement("a");
    event.href = "/event?key=" + encodeURIComponent(item.event.key);
    event.textContent = item.event.name || item.event.key;
    li.append((item.event.date || "") + " ", event);
    list.appendChild(li);
  }
  panel.appendChild(list);
}

function panAndZoom(svg) {
  const box = svg.viewBox.baseVal;
  if (!box || !box.width) return;
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  let view = { x: box.x, y: box.y, w: box.width, h: box.height };
  const apply = () => svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const rect = svg.getBoundingClientRect();
    const scale = event.deltaY < 0 ? 0.85 : 1 / 0.85;
    const fx = (event.clientX - rect.left) / rect.width, fy = (event.clientY - rect.top) / rect.height;
    const w = view.w * scale, h = view.h * scale;
    view = { x: view.x + (view.w - w) * fx, y: view.y + (view.h - h) * fy, w, h };
    apply();
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (event) => { drag = { x: event.clientX, y: event.clientY, view: { ...view }, moved: false }; });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const rect = svg.getBoundingClientRect();
    const dx = (event.clientX - drag.x) * view.w / rect.width, dy = (event.clientY - drag.y) * view.h / rect.height;
    if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 3) drag.moved = true;
    view = { ...view, x: drag.view.x - dx, y: drag.view.y - dy };
    apply();
  });
  svg.addEventListener("pointerup", () => { setTimeout(() => { drag = null; }, 0); });
  svg.addEventListener("click", (event) => { if (drag && drag.moved) { event.stopPropagation(); event.preventDefault(); } }, true);
}

async function loadPicture(holder) {
  const response = await fetch(holder.dataset.src);
  if (!response.ok) { holder.textContent = "The picture could not be drawn (" + response.status + ")."; return; }
  const text = await response.text();
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = parsed.documentElement;
  if (svg.nodeName !== "svg") { holder.textContent = "The picture could not be read."; return; }
  // Scripts and event attributes never come from Graphviz; drop any all the same.
  svg.querySelectorAll("script, foreignObject").forEach((node) => node.remove());
  holder.replaceChildren(document.importNode(svg, true));
  const shown = holder.querySelector("svg");
  const names = new Set();
  shown.querySelectorAll("g.node").forEach((node) => {
    const title = node.querySelector("title");
    if (title && title.textContent.startsWith("person:")) names.add(title.textContent.slice(7));
  });
  const communities = document.getElementById("communities");
  const groups = communities ? JSON.parse(communities.textContent) : null;
  shown.querySelectorAll("g.node").forEach((node) => {
    const title = node.querySelector("title");
    if (!title || !title.textContent.startsWith("person:")) return;
    const name = title.textContent.slice(7);
    node.dataset.person = name;
    if (groups && name in groups && groups[name] >= 0) {
      const shape = node.querySelector("ellipse, polygon");
      if (shape) shape.setAttribute("fill", palette[groups[name] % palette.length]);
    }
    node.addEventListener("click", (event) => { event.preventDefault(); location.href = "/person?name=" + encodeURIComponent(name); });
  });
  const panel = document.getElementById("tie-panel");
  shown.querySelectorAll("g.edge").forEach((edge) => {
    const title = edge.querySelector("title");
    const pair = title && tieNames(title.textContent, names);
    if (!pair) return;
    edge.dataset.a = pair[0];
    edge.dataset.b = pair[1];
    edge.addEventListener("click", (event) => { event.preventDefault(); if (panel) showTie(panel, pair[0], pair[1]); });
  });
  panAndZoom(shown);
  holder.dataset.loaded = "true";
}

document.querySelectorAll(".picture[data-src]").forEach((holder) => { loadPicture(holder); });
