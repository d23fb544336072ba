// On a narrow screen the filters sit above the results as one folded bar
// that opens on a tap. Without JavaScript they stay open.
(function () {
  const filters = document.querySelector("details.facets");
  if (filters && window.matchMedia("(max-width: 50rem)").matches) filters.open = false;
})();
