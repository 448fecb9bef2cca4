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
  // The sign-in dialog: a dialog, named by its title; its buttons named by what they say.
  root.querySelectorAll(".modal-ux").forEach((dialog) => {
    if (dialog.getAttribute("role")) return;
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    const title = dialog.querySelector(".modal-ux-header h3");
    if (title) {
      title.id = title.id || "accueil-dialog-title";
      dialog.setAttribute("aria-labelledby", title.id);
    }
  });
  root.querySelectorAll(".modal-ux .close-modal").forEach((button) => {
    if (!button.getAttribute("aria-label")) button.setAttribute("aria-label", "Close");
  });
  root.querySelectorAll(".modal-ux button[aria-label]").forEach((button) => {
    const text = button.textContent.trim();
    if (text && !button.getAttribute("aria-label").includes(text)) button.setAttribute("aria-label", text);
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
