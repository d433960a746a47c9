// Case form: add formset rows from their <template>, and fill a known statute's limits.
(function () {
  "use strict";
  const form = document.getElementById("case-form");
  if (!form) return;

  form.addEventListener("click", function (event) {
    const button = event.target.closest(".formset-add");
    if (!button) return;
    const formset = button.closest(".formset");
    const prefix = formset.dataset.prefix;
    const total = formset.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
    const index = Number(total.value);
    const html = formset.querySelector("template.formset-empty").innerHTML.replace(/__prefix__/g, index);
    formset.querySelector(".formset-rows").insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
    const firstField = formset.querySelector(".formset-rows").lastElementChild.querySelector("input:not([type=hidden]), select");
    if (firstField) firstField.focus();
    form.dispatchEvent(new Event("formset-changed"));
  });

  form.addEventListener("change", function (event) {
    const input = event.target;
    if (!input.name || !input.name.endsWith("-statute")) return;
    const option = Array.from(document.querySelectorAll("#known-statutes option")).find((o) => o.value === input.value);
    if (!option) return;
    const row = input.closest(".count-row");
    const maximum = row.querySelector('input[name$="-maximum_months"]');
    const minimum = row.querySelector('input[name$="-minimum_months"]');
    if (maximum && !maximum.value) maximum.value = option.dataset.maximum;
    if (minimum && !minimum.value) minimum.value = option.dataset.minimum;
  });
})();
