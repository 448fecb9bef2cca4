// Loaded synchronously at the start of <body> (base.html), before anything is drawn:
// GOV.UK Frontend's styles for enhanced components apply from the first paint. A file,
// not an inline script, so that the Content Security Policy allows no inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
