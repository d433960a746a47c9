// A "Print" button (data-print) prints the page; the print stylesheet leaves only the tables.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
