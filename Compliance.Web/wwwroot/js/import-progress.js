// Progressive enhancement for /Suppliers/Import/Status: while the import runs, poll its API and move the bar;
// when it ends, reload so the server renders the summary, errors and warnings. Without JS the page shows its state
// when loaded (and the user reloads).
(function () {
  const section = document.getElementById("import-status");
  if (!section || section.dataset.finished === "true") return;
  const bar = document.getElementById("import-progress");
  const rows = document.getElementById("import-rows");
  const state = document.getElementById("import-state");
  const format = new Intl.NumberFormat();

  async function poll() {
    try {
      const response = await fetch(section.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) {
        const s = await response.json();
        bar.max = Math.max(1, s.totalRows);
        bar.value = s.processedRows;
        bar.textContent = Math.round(s.progress * 100) + "%";
        rows.textContent = format.format(s.processedRows) + " of " + format.format(s.totalRows) + " rows";
        state.textContent = s.status;
        if (s.status === "Completed" || s.status === "Failed") {
          window.location.reload();
          return;
        }
      }
    } catch (e) {
      // A network hiccup: try again on the next tick.
    }
    window.setTimeout(poll, 1000);
  }

  window.setTimeout(poll, 500);
})();
