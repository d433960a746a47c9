// After a failed save, focus goes to the summary of what to correct (WCAG 3.3.1), so that a
// keyboard or screen-reader user lands on it rather than at the top of the page.
(function () {
  "use strict";
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
