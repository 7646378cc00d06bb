// Starts the GOV.UK Frontend components. A module file, not inline script, so a strict CSP holds.
import { initAll } from "/static/govuk/govuk-frontend.min.js";
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
