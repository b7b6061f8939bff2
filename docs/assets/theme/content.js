// Material for MkDocs' inline script of partials/javascripts/content.html (9.8.2), as a file: the
// site's security policy lets no inline script run (tools/sxs/site/security.py).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
