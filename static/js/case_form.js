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
    // Each picker fills its own worksheet: the main lines, or the offense-date lines (§1B1.11).
    const formset = form.querySelector(`.formset[data-prefix="${picker.dataset.formset}"]`);
    const blank = Array.from(formset.querySelectorAll(".formset-rows > .formset-row")).filter(isBlankNewRow);
    const countGroup = picker.querySelector(".preset-count-group");
    ticked.forEach(function (box) {
      const row = blank.shift() || addRow(formset);
      field(row, "kind").value = box.dataset.kind;
      field(row, "guideline").value = box.dataset.guideline;
      field(row, "description").value = box.dataset.description;
      field(row, "levels").value = box.dataset.levels;
      field(row, "group").value = box.dataset.group;
      if (countGroup && field(row, "count_group")) field(row, "count_group").value = countGroup.value || "1";
      box.checked = false;
    });
    const what = picker.dataset.formset === "earlier" ? "offense-date line" : "offense line";
    status.textContent = ticked.length === 1 ? `Added 1 ${what}.` : `Added ${ticked.length} ${what}s.`;
    form.dispatchEvent(new Event("formset-changed"));
  });

  // A screen reader hears the figures that changed, once, rather than the whole panel.
  const announcement = document.getElementById("result-announcement");
  let announced = "";
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (!announcement || event.detail.target.id !== "result-panel") return;
    const panel = event.detail.target;
    const figure = (name) => {
      const element = panel.querySelector(`[data-result="${name}"]`);
      return element ? element.textContent.trim() : "";
    };
    const level = figure("total-offense-level");
    const text = level
      ? `Offense level ${level}, category ${figure("criminal-history-category")}, ` +
        `guideline sentence ${figure("guideline-sentence")}.`
      : figure("problem");
    if (text && text !== announced) {
      announcement.textContent = text;
      announced = text;
    }
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
