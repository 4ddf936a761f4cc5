// GOV.UK Frontend's components, started once the page has loaded (served from the webjar, no CDN).
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';
initAll();
