/* Offline copy only: browsers refuse Web Workers on pages opened from disk (file://), and the
   theme's search runs in one. This stands in for Worker there: the worker's script runs in a
   hidden same-origin frame, and messages pass between the page and that frame. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  function FileWorker(url) {
    var self = this, events = new EventTarget(), queue = [], win = null;
    // Zensical's search sets worker.onmessage; Material's adds a listener: serve both
    events.addEventListener("message", function (e) { if (self.onmessage) self.onmessage(e); });
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    (document.body || document.documentElement).appendChild(frame);
    win = frame.contentWindow;
    win.postMessage = function (data) {
      setTimeout(function () { events.dispatchEvent(new MessageEvent("message", { data: data })); });
    };
    win.importScripts = function () { throw new Error("importScripts is not available offline"); };
    function deliver(data) {
      setTimeout(function () { win.dispatchEvent(new win.MessageEvent("message", { data: data })); });
    }
    var script = win.document.createElement("script");
    script.src = new URL(url, location.href).href;
    script.onload = function () { var q = queue; queue = null; q.forEach(deliver); };
    win.document.head.appendChild(script);
    this.postMessage = function (data) { if (queue) queue.push(data); else deliver(data); };
    this.addEventListener = events.addEventListener.bind(events);
    this.removeEventListener = events.removeEventListener.bind(events);
    this.terminate = function () { frame.remove(); };
  }
  window.Worker = FileWorker;
})();
