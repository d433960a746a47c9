// Case form: add formset rows from their <template>, fill a known statute's limits, and add the
// §2L1.2 preset lines ticked in the picker as offense lines.
(function () {
  "use strict";
  const form = document.getElementById("case-form");
  if (!form) return;

  function addRow(formset) {
    const prefix = formset.dataset.prefix;
    const total = formset.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
    const index = Number(total.value);
    const html = formset.querySelector("template.formset-empty").innerHTML.replace(/__prefix__/g, index);
    formset.querySelector(".formset-rows").insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
    return formset.querySelector(".formset-rows").lastElementChild;
  }

  function field(row, name) {
    return row.querySelector(`[name$="-${name}"]`);
  }

  // A row added but not typed in yet: the preset fills it rather than adding another.
  function isBlankNewRow(row) {
    const id = field(row, "id");
    if (id && id.value) return false;
    return ["guideline", "description", "levels", "group"].every((name) => !field(row, name) || !field(row, name).value);
  }

  form.addEventListener("click", function (event) {
    const button = event.target.closest(".formset-add");
    if (!button) return;
    const row = addRow(button.closest(".formset"));
    const firstField = row.querySelector("input:not([type=hidden]), select");
    if (firstField) firstField.focus();
    form.dispatchEvent(new Event("formset-changed"));
  });

  form.addEventListener("click", function (event) {
    const button = event.target.closest(".preset-add");
    if (!button) return;
    const picker = button.closest(".preset-picker");
    const status = picker.querySelector('[data-preset="status"]');
    const ticked = Array.from(picker.querySelectorAll("input.preset-line:checked"));
    if (!ticked.length) {
      status.textContent = "Tick the lines that apply first.";
      return;
    }
    const formset = form.querySelector('.formset[data-prefix="lines"]');
    const blank = Array.from(formset.querySelectorAll(".formset-rows > .formset-row")).filter(isBlankNewRow);
    ticked.forEach(function (box) {
      const row = blank.shift() || addRow(formset);
      field(row, "kind").value = box.dataset.kind;
      field(row, "guideline").value = box.dataset.guideline;
      field(row, "description").value = box.dataset.description;
      field(row, "levels").value = box.dataset.levels;
      field(row, "group").value = box.dataset.group;
      box.checked = false;
    });
    status.textContent = ticked.length === 1 ? "Added 1 offense line." : `Added ${ticked.length} offense lines.`;
    form.dispatchEvent(new Event("formset-changed"));
  });

  form.addEventListener("change", function (event) {
    const input = event.target;
    if (!input.name || !input.name.endsWith("-statute")) return;
    const option = Array.from(document.querySelectorAll("#known-statutes option")).find((o) => o.value === input.value);
    if (!option) return;
    // The statute's limits as they stood on the offense date: "from/until/maximum/minimum[/r]"
    // texts, ISO dates (compared as strings), blank for open ends; "r", a later and lesser
    // penalty for every sentence not yet imposed when it took effect. None: the server says why.
    const day = (form.querySelector('input[name="offense_date"]') || {}).value;
    const sentenced = (form.querySelector('input[name="sentencing_date"]') || {}).value;
    const texts = (option.dataset.texts || "").split(";").map((t) => t.split("/"));
    let text = texts.find(([from, until]) => day && (!from || from <= day) && (!until || day < until));
    texts.forEach(function (later) {
      if (later[4] === "r" && day && sentenced && day < later[0] && later[0] <= sentenced) text = later;
    });
    if (!text) return;
    const row = input.closest(".count-row");
    const maximum = row.querySelector('input[name$="-maximum_months"]');
    const minimum = row.querySelector('input[name$="-minimum_months"]');
    if (maximum && !maximum.value) maximum.value = text[2];
    if (minimum && !minimum.value) minimum.value = text[3];
  });
})();
