import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

initAll();
