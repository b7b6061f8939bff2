// Material for MkDocs' inline script of partials/javascripts/content.html (9.8.2), as a file: the
// site's security policy lets no inline script run (tools/sxs/site/security.py). Loaded when
// the content.tabs.link feature is on.
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
