// Autocomplete for the search box: completions from /api/suggest, chosen with
// the arrow keys and Enter (or the mouse). Without JavaScript the box is a
// plain form.
(function () {
  const input = document.querySelector("input[data-suggest]");
  if (!input) return;
  const list = document.getElementById(input.getAttribute("aria-controls"));
  let items = [];
  let active = -1;
  let pending = null;

  function show(completions) {
    list.replaceChildren();
    items = completions.map(function (completion, i) {
      const li = document.createElement("li");
      li.id = "completion-" + i;
      li.setAttribute("role", "option");
      li.textContent = completion.text;
      li.className = completion.kind;
      li.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(i);
      });
      list.appendChild(li);
      return li;
    });
    active = -1;
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(items.length > 0));
  }

  function highlight(i) {
    items.forEach(function (li, n) { li.setAttribute("aria-selected", String(n === i)); });
    active = i;
    if (i >= 0) input.setAttribute("aria-activedescendant", items[i].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function choose(i) {
    input.value = items[i].textContent;
    show([]);
    input.form.submit();
  }

  input.addEventListener("input", function () {
    const q = input.value;
    if (pending) pending.abort();
    if (!q.trim()) { show([]); return; }
    pending = new AbortController();
    fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q), { signal: pending.signal })
      .then(function (response) { return response.ok ? response.json() : { completions: [] }; })
      .then(function (data) { show(data.completions); })
      .catch(function () {});
  });

  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { highlight((active + 1) % items.length); event.preventDefault(); }
    else if (event.key === "ArrowUp") { highlight((active - 1 + items.length) % items.length); event.preventDefault(); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
    // Escape closes the list; the browser's own Escape would also empty the box.
    else if (event.key === "Escape") { event.preventDefault(); show([]); }
  });

  input.addEventListener("blur", function () { show([]); });
})();
