// Starts the GOV.UK Frontend components. A module file, not inline script, so a strict CSP holds.
import { initAll } from "/static/govuk/govuk-frontend.min.js";
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// A table wider than the screen scrolls inside its own region, which the keyboard can reach and a
// screen reader names by the table's caption, rather than widening the page (WCAG 1.4.10 reflow).
document.querySelectorAll("main table.govuk-table").forEach((table, index) => {
  if (table.closest(".bl-scroll")) return;
  const region = document.createElement("div");
  region.className = "bl-scroll";
  region.tabIndex = 0;
  region.setAttribute("role", "region");
  const caption = table.querySelector("caption");
  if (caption) {
    caption.id ||= `table-caption-${index}`;
    region.setAttribute("aria-labelledby", caption.id);
  } else {
    region.setAttribute("aria-label", "Table");
  }
  table.parentNode.insertBefore(region, table);
  region.appendChild(table);
});
