/*
 * Click-to-play videos.
 *
 * `sxs import` turns DocFX `[!VIDEO url]` into
 *   <span class="sxs-video" data-video-src="URL"><button class="sxs-video__play">…</button> <a …>…</a></span>
 * so a page makes no request to the video host until the reader asks for it.
 * A click on the button swaps in the player's iframe. The listener is
 * delegated from `document`, which survives Material's instant navigation
 * (new page bodies need no re-binding).
 */
(function () {
  "use strict";

  // The player frame's accessible name, in the page's language (its locale file's, which the
  // page carries in <meta name="sxs-texts">).
  function defaultTitle() {
    var meta = document.querySelector('meta[name="sxs-texts"]');
    try {
      return JSON.parse(meta ? meta.content : "{}").video_title || "Video";
    } catch (e) {
      return "Video";
    }
  }

  function playerFor(box) {
    var src = box.getAttribute("data-video-src") || "";
    var url;
    try {
      url = new URL(src, document.baseURI);
    } catch (e) {
      return null;
    }
    if (url.protocol !== "https:") return null;
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = box.getAttribute("data-video-title") || defaultTitle();
    frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.className = "sxs-video__frame";
    return frame;
  }

  function play(box) {
    if (box.classList.contains("sxs-video--playing")) return;
    var frame = playerFor(box);
    if (!frame) return;
    box.classList.add("sxs-video--playing");
    box.replaceChildren(frame);
    frame.focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var button = target.closest(".sxs-video__play");
    if (!button) return;
    var box = button.closest(".sxs-video");
    if (!box) return;
    event.preventDefault();
    play(box);
  });
})();
