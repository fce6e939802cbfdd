/* SCORM 1.2 reporting, in the SCORM package only: quiz results go to the LMS. Without an LMS
   (no API object above this window or its opener) it does nothing, and the course works as
   everywhere else.

   One session for the whole visit: the launch page (scorm-launch.html, data-launch) calls
   LMSInitialize, shows the site in a frame, and calls LMSFinish when the learner leaves; the
   pages inside report to it (each change quiz.js saves in the browser). A page the LMS
   opened by itself holds its own session. Score: correct answers over the course's scored
   questions, 0-100; status: passed at the mastery score, failed when everything is answered
   below it, completed when there is no mastery score (or nothing to answer), else incomplete.
   cmi.suspend_data keeps the answers (at most 4,096 characters: less detail when more; see
   pack() for the compact forms of large courses). */
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
    if (/^[23]:/.test(text)) return this.unpack(text);
    try { data = JSON.parse(text); } catch (e) { return; }
    if (!data || data.v !== 1) return;
    Object.keys(data.p || {}).forEach(function (p) { self.keep(p, data.p[p]); });
    (data.s || []).forEach(function (r) { // scores only
      if (names[r[0]] && !self.pages[names[r[0]]]) self.pages[names[r[0]]] = { s: r.slice(1) };
    });
  };
  Session.prototype.keep = function (p, state) { // answers: back into this browser too
    this.pages[p] = state;
    try { if (!localStorage.getItem(PREFIX + p)) localStorage.setItem(PREFIX + p, JSON.stringify(state)); } catch (e) { /* no storage */ }
  };

  // The compact forms, for courses whose answers do not fit as JSON; one entry per quiz page
  // of the course, in order. "2:<key>:<pages>": per page, its questions' states by their place
  // on the page (CODES), two to a character, pages separated by "."; the key is the course's
  // questions' fingerprint, so states go back only into the questions they came from.
  // "3:<pages>": per page two characters, questions right and answered. A page's total
  // comes from the course's data.
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var CODES = [null, { done: true, ok: false }, { done: true, ok: true }, { rev: true },
    { rev: true, rate: "got" }, { rev: true, rate: "partly" }, { rev: true, rate: "not" }];
  function code(s) {
    if (s.done) return s.ok ? 2 : 1;
    return s.rev ? 3 + Math.max(0, ["got", "partly", "not"].indexOf(s.rate) + 1) : 0;
  }
  function counts(codes) {
    var ok = 0, done = 0;
    codes.forEach(function (c) { ok += c === 2 || c === 4 ? 1 : 0; done += c === 1 || c === 2 || c >= 4 ? 1 : 0; });
    return [ok, done];
  }
  Session.prototype.unpack = function (text) {
    var self = this, names = Object.keys(course.quizzes), parts = text.split(":");
    var detail = parts[0] === "2", same = detail && parts[1] === String(course.key || "");
    var body = parts[parts.length - 1], pages = detail ? body.split(".") : body.match(/../g) || [];
    pages.forEach(function (chunk, k) {
      var p = names[k], total = course.quizzes[p], codes = [], q = {};
      if (!p || !chunk) return;
      if (!detail) {
        var ok = DIGITS.indexOf(chunk[0]), done = DIGITS.indexOf(chunk[1]);
        if (ok >= 0 && done >= 0 && (ok || done)) self.pages[p] = { s: [ok, done, total] };
        return;
      }
      chunk.split("").forEach(function (ch) { var n = DIGITS.indexOf(ch); codes.push(Math.floor(n / 7), n % 7); });
      codes.forEach(function (c, i) { if (CODES[c]) q[i + "-"] = copy(CODES[c]); }); // "i-": quiz.js finds it by place
      if (!Object.keys(q).length) return;
      if (same) self.keep(p, { v: 1, q: q, n: {}, s: counts(codes).concat(total) });
      else self.pages[p] = { s: counts(codes).concat(total) };
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
    var detail = names.map(function (k) { // 2: every question's state
      var codes = [], q = (pages[k] && pages[k].q) || {}, out = "";
      Object.keys(q).forEach(function (id) { var i = parseInt(id, 10); if (i >= 0 && i < 4096) codes[i] = code(q[id]); });
      for (var j = 0; j < codes.length; j += 2) out += DIGITS[7 * (codes[j] || 0) + (codes[j + 1] || 0)];
      return out.replace(/A+$/, "");
    }).join(".").replace(/\.+$/, "");
    if (detail.length + String(course.key || "").length + 3 <= LIMIT) return "2:" + (course.key || "") + ":" + detail;
    var scores = names.map(function (k) { // 3: right and answered, per page
      var s = pages[k] && pages[k].s;
      return s ? DIGITS[Math.min(63, s[0])] + DIGITS[Math.min(63, s[1])] : "AA";
    }).join("").replace(/(AA)+$/, "");
    return "3:" + scores.slice(0, LIMIT - 2 - (LIMIT % 2)); // past 2,047 quiz pages: the first ones
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
