// The API's documentation page: Swagger UI from our own static files, configured by the
// JSON the page carries (no inline script, no request to another origin).
const settings = JSON.parse(document.getElementById("swagger-settings").textContent);
settings.dom_id = "#swagger-ui";
settings.presets = [SwaggerUIBundle.presets.apis];
settings.validatorUrl = null; // the validator badge would ask validator.swagger.io
SwaggerUIBundle(settings);
