/* SCORM 1.2 reporting, in the SCORM package only: quiz results go to the LMS. Without an LMS
   (no API object above this window or its opener) it does nothing, and the course works as
   everywhere else.

   One session for the whole visit: the launch page (scorm-launch.html, data-launch) calls
   LMSInitialize, shows the site in a frame, and calls LMSFinish when the learner leaves; the
   pages inside report to it (each change quiz.js saves in the browser). A page the LMS
   opened by itself holds its own session. Score: correct answers over the course's scored
   questions, 0-100; status: passed at the mastery score, failed when everything is answered
   below it, completed when there is no mastery score (or nothing to answer), else incomplete.
   cmi.suspend_data keeps the answers (at most 4,096 characters: less detail when more). */
(function () {
  "use strict";
  var me = document.currentScript, course = window.BUILD_COURSE_SCORM || { quizzes: {}, mastery: null };
  var root = "/";
  try { root = new URL("../../", me.src).pathname; } catch (e) { /* "/" */ }
  var PREFIX = "build-course-quiz:" + root + ":", LIMIT = 4096;

  function lookUp(win) {
    for (var i = 0; win && i < 100; i++) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") return win.API; } catch (e) { /* other origin */ }
      var up = null;
      try { up = win.parent; } catch (e) { return null; }
      if (!up || up === win) return null;
      win = up;
    }
    return null;
  }
  function findAPI() {
    var found = lookUp(window);
    try { if (!found && window.opener) found = lookUp(window.opener); } catch (e) { /* closed */ }
    return found;
  }
  function holder() { // the window whose session this page reports to
    for (var win = window, i = 0; win && i < 100; i++) {
      try { if (win.__bcScormSession) return win.__bcScormSession; } catch (e) { return null; }
      if (win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  function copy(x) { return JSON.parse(JSON.stringify(x)); }
  function stored(page) {
    try { return JSON.parse(localStorage.getItem(PREFIX + page) || "null"); } catch (e) { return null; }
  }

  function Session(API) {
    this.api = API; this.pages = {}; this.done = false; this.started = Date.now();
    if (String(API.LMSInitialize("")) !== "true") { this.done = true; return; }
    this.status = String(API.LMSGetValue("cmi.core.lesson_status") || "");
    this.restore(String(API.LMSGetValue("cmi.suspend_data") || ""));
    var self = this;
    Object.keys(course.quizzes).forEach(function (p) { var s = stored(p); if (s && !self.pages[p]) self.pages[p] = s; });
    this.report();
  }
  Session.prototype.set = function (k, v) { this.api.LMSSetValue(k, String(v)); };
  Session.prototype.restore = function (text) {
    var data = null, self = this, names = Object.keys(course.quizzes);
    try { data = JSON.parse(text); } catch (e) { return; }
    if (!data || data.v !== 1) return;
    Object.keys(data.p || {}).forEach(function (p) { // answers: back into this browser too
      self.pages[p] = data.p[p];
      try { if (!localStorage.getItem(PREFIX + p)) localStorage.setItem(PREFIX + p, JSON.stringify(data.p[p])); } catch (e) { /* no storage */ }
    });
    (data.s || []).forEach(function (r) { // scores only
      if (names[r[0]] && !self.pages[names[r[0]]]) self.pages[names[r[0]]] = { s: r.slice(1) };
    });
  };
  Session.prototype.update = function (page, state) {
    if (this.done) return;
    this.pages[page] = state; this.report();
  };
  Session.prototype.totals = function () {
    var ok = 0, answered = 0, total = 0, pages = this.pages;
    var names = Object.keys(course.quizzes).concat(Object.keys(pages).filter(function (p) { return !(p in course.quizzes); }));
    names.forEach(function (p) {
      var s = pages[p] && pages[p].s;
      total += s ? s[2] : course.quizzes[p] || 0;
      if (s) { ok += s[0]; answered += s[1]; }
    });
    return { ok: ok, answered: answered, total: total };
  };
  Session.prototype.report = function () {
    if (this.done) return;
    var t = this.totals(), mastery = course.mastery, status;
    var raw = t.total ? Math.round(100 * t.ok / t.total) : 100;
    if (mastery !== null && raw >= mastery) status = "passed";
    else if (!t.total || t.answered >= t.total) status = mastery === null ? "completed" : "failed";
    else status = "incomplete";
    if (this.status === "passed" && status !== "passed") status = "passed"; // a pass stays
    this.status = status;
    this.set("cmi.core.score.min", 0); this.set("cmi.core.score.max", 100);
    this.set("cmi.core.score.raw", raw);
    this.set("cmi.core.lesson_status", status);
    this.set("cmi.suspend_data", this.pack());
    this.api.LMSCommit("");
  };
  Session.prototype.pack = function () { // the answers, less detail until it fits
    var pages = this.pages, names = Object.keys(course.quizzes), levels = [
      function (s) { return s; },
      function (s) { var c = copy(s); c.n = {}; return c; },
      function (s) { var c = copy(s); c.n = {}; Object.keys(c.q || {}).forEach(function (k) { delete c.q[k].text; }); return c; }
    ];
    for (var i = 0; i < levels.length; i++) {
      var p = {};
      Object.keys(pages).forEach(function (k) { if (pages[k].q) p[k] = levels[i](pages[k]); });
      var text = JSON.stringify({ v: 1, p: p });
      if (text.length <= LIMIT) return text;
    }
    var rows = [], out = "";
    names.forEach(function (k, i) { if (pages[k] && pages[k].s) rows.push([i].concat(pages[k].s)); });
    while (rows.length && (out = JSON.stringify({ v: 1, s: rows })).length > LIMIT) rows.pop();
    return rows.length ? out : JSON.stringify({ v: 1 });
  };
  Session.prototype.finish = function () {
    if (this.done) return;
    this.report();
    this.set("cmi.core.exit", this.status === "incomplete" ? "suspend" : "");
    this.set("cmi.core.session_time", timespan(Date.now() - this.started));
    this.api.LMSCommit("");
    this.api.LMSFinish("");
    this.done = true;
  };

  function timespan(ms) { // SCORM 1.2's HHHH:MM:SS
    var s = Math.floor(ms / 1000), pad = function (n, w) { return ("000" + n).slice(-w); };
    return pad(Math.min(9999, Math.floor(s / 3600)), 4) + ":" + pad(Math.floor(s / 60) % 60, 2) + ":" + pad(s % 60, 2);
  }

  function start(API) {
    var session = window.__bcScormSession = new Session(API);
    var end = function () { session.finish(); };
    window.addEventListener("pagehide", end);
    window.addEventListener("beforeunload", end);
    return session;
  }

  if (me && me.hasAttribute("data-launch")) {
    var API = findAPI(), frame = document.getElementById("course");
    if (API) start(API);
    if (frame) frame.src = frame.getAttribute("data-src");
    return;
  }
  var session = holder();
  if (!session) {
    var found = findAPI();
    if (!found) return; // not in an LMS: nothing to report
    session = start(found);
  }
  // quiz.js keeps each quiz page's state in localStorage; after each click, change or
  // keystroke (its handlers run first) the page's state is read there and reported.
  var page = location.pathname.replace(/index\.html$/, ""), pending = false;
  if (page.indexOf(root) === 0) page = page.slice(root.length);
  function send() {
    pending = false;
    var state = stored(page);
    if (state) try { session.update(page, state); } catch (err) { /* the LMS went away */ }
  }
  ["click", "change", "input"].forEach(function (type) {
    document.addEventListener(type, function () { if (!pending) { pending = true; setTimeout(send, 0); } }, true);
  });
})();
