// The API's documentation page: Swagger UI from our own static files, configured by the
// JSON the page carries (no inline script, no request to another origin).
const settings = JSON.parse(document.getElementById("swagger-settings").textContent);
settings.dom_id = "#swagger-ui";
settings.presets = [SwaggerUIBundle.presets.apis];
settings.validatorUrl = null; // the validator badge would ask validator.swagger.io
SwaggerUIBundle(settings);

// Swagger UI draws a parameter's field without a label: name each by its parameter's
// row (and a request body's by its section), so that a screen reader says what it is.
function nameFields(root) {
  root.querySelectorAll("tr.parameters select, tr.parameters input, tr.parameters textarea").forEach((field) => {
    if (field.labels?.length || field.getAttribute("aria-label")) return;
    const name = field.closest("tr").querySelector(".parameter__name");
    if (name) field.setAttribute("aria-label", name.textContent.replace("*", "").trim());
  });
  root.querySelectorAll(".opblock-section-request-body textarea, .body-param textarea").forEach((field) => {
    if (!field.getAttribute("aria-label")) field.setAttribute("aria-label", "Request body");
  });
  root.querySelectorAll("select").forEach((field) => {
    if (field.labels?.length || field.getAttribute("aria-label")) return;
    const heading = field.closest("[class*=section], .opblock-section-header, .response-control-media-type");
    const label = heading?.querySelector("label, h4, .response-control-media-type__title");
    if (label) field.setAttribute("aria-label", label.textContent.trim());
  });
  // Each operation's table of responses is a region: named by its operation, so that
  // two open operations do not give two regions of the same name.
  root.querySelectorAll(".responses-table[role=region]").forEach((table) => {
    if (table.getAttribute("aria-label")) return;
    const path = table.closest(".opblock")?.querySelector(".opblock-summary-path");
    const method = table.closest(".opblock")?.querySelector(".opblock-summary-method");
    if (path) table.setAttribute("aria-label", `Responses: ${method?.textContent ?? ""} ${path.textContent}`);
  });
  // A response's body scrolls sideways: reachable by keyboard.
  root.querySelectorAll("pre.microlight").forEach((code) => {
    if (!code.hasAttribute("tabindex")) code.setAttribute("tabindex", "0");
  });
}
new MutationObserver(() => nameFields(document)).observe(document.getElementById("swagger-ui"), {
  childList: true,
  subtree: true,
});
