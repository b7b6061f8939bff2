// Material for MkDocs' inline script of partials/javascripts/base.html (9.8.2), as a file: the
// site's security policy lets no inline script run (tools/sxs/site/security.py).
// The scope is the site root, found from this file's address (assets/theme/base.js) instead of
// the page's base_url: the same folder.
__md_scope=new URL("../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
