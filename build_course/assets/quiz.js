/* Without this script answers stay in <details>; it adds controls, scores and progress
   (localStorage). */
(function () {
  "use strict";
  var root = "/";
  try { root = new URL("../../", document.currentScript.src).pathname; } catch (e) { /* "/" */ }
  var all = function (n, sel) { return Array.from(n.querySelectorAll(sel)); };
  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") n.textContent = attrs[k]; else n.setAttribute(k === "cls" ? "class" : k, attrs[k]);
    });
    (kids || []).forEach(function (c) { n.append(c); });
    return n;
  }
  function btn(text, cls) { return el("button", { type: "button", cls: "bcq-btn " + (cls || ""), text: text }); }
  function kid(box, sel) { return Array.from(box.children).filter(function (c) { return c.matches(sel); })[0]; }
  function hash(s) {
    for (var h = 5381, i = 0; i < s.length; i++) h = (h * 33 + s.charCodeAt(i)) | 0;
    return (h >>> 0).toString(36);
  }

  // Lessons opened (o) and done (d), the last page (l, title t).
  var CK = "build-course-lessons:" + root, QK = "build-course-quiz:" + root + ":";
  function rel(href) {
    var p = new URL(href, location.href).pathname.replace(/index\.html$/, "");
    return p.indexOf(root) === 0 ? p.slice(root.length) : p;
  }
  function load(k) { try { return JSON.parse(localStorage.getItem(k) || "null"); } catch (e) { return null; } }
  function course(change) {
    var c = load(CK) || {};
    c.o = c.o || {}; c.d = c.d || {};
    if (change) { change(c); try { localStorage.setItem(CK, JSON.stringify(c)); } catch (e) { /* not kept */ } }
    return c;
  }
  function visit(p, l) { // l: a quiz's lesson
    var h = document.querySelector("article h1");
    course(function (c) { c.o[p] = c.o[l || p] = 1; c.l = p; c.t = h ? h.textContent.replace(/¶$/, "").trim() : p; });
  }

  function lessonPage(spot) {
    var p = rel(location.href), b = btn("Mark this lesson as done"), said = el("span", { cls: "bcq-hint", "aria-live": "polite" });
    function show(c) { b.setAttribute("aria-pressed", !!c.d[p]); said.textContent = c.d[p] ? "Done. The home page shows it." : ""; }
    visit(p); show(course());
    b.addEventListener("click", function () { show(course(function (c) { if (c.d[p]) delete c.d[p]; else c.d[p] = 1; })); });
    spot.append(el("div", { cls: "bc-done" }, [b, " ", said]));
  }

  // Home page: states, scores, progress, Continue, Clear.
  function homePage(box, end) {
    var said = el("p", { "aria-live": "polite" }), sum = el("p", { cls: "bc-progress" }), go = document.getElementById("bc-continue");
    var links = all(document, "article a.bc-lesson, article a.bc-quiz");
    if (!links.length) return;
    function paint() {
      var c = course(), n = 0, done = 0, right = 0, asked = 0, quizzes = 0;
      all(document, "article .bc-status").forEach(function (s) { s.remove(); });
      links.forEach(function (a) {
        var p = rel(a.href), st = load(QK + p), s = st && st.s, text;
        if (a.classList.contains("bc-lesson")) {
          n++; done += c.d[p] ? 1 : 0;
          text = c.d[p] ? "✓ done" : c.o[p] ? "opened" : "not started";
        } else {
          quizzes++; asked += s ? s[2] : +a.getAttribute("data-questions") || 0; right += s ? s[0] : 0;
          text = s ? s[0] + " of " + s[2] + " right, " + s[1] + " answered" : st ? "started" : "not started";
        }
        a.after(el("span", { cls: "bc-status", text: " (" + text + ")" }));
        if (p === c.l && go) { go.href = a.href; go.textContent = "Continue: " + (c.t || a.textContent); }
      });
      sum.textContent = "Your progress: " + done + " of " + n + " lessons done" + (quizzes ? ", " + right + " of " + asked + " questions right." : ".");
    }
    var clear = btn("Clear my progress…"), yes = btn("Yes, clear my progress", "bcq-main"), no = btn("No, keep it");
    var ask = el("div", { cls: "bc-ask", role: "group", "aria-label": "Clear my progress", hidden: "" }, [el("p", { text:
      "This clears, in this browser, for this course: every quiz answer, score and rating, your reflection notes, " +
      "the lessons you opened or marked done, and where to continue. It cannot be undone." }), yes, no]);
    clear.addEventListener("click", function () { ask.hidden = false; said.textContent = ""; no.focus(); });
    no.addEventListener("click", function () { ask.hidden = true; clear.focus(); });
    yes.addEventListener("click", function () {
      try { Object.keys(localStorage).forEach(function (k) { if (k === CK || k.indexOf(QK) === 0) localStorage.removeItem(k); }); } catch (e) { /* none */ }
      ask.hidden = true; paint(); clear.focus(); said.textContent = "Progress cleared.";
    });
    box.append(sum);
    (end || box).append(clear, ask, said);
    paint();
  }

  function init() {
    var home = document.getElementById("course-progress");
    if (home && !home.childNodes.length) homePage(home, document.getElementById("course-clear"));
    var place = document.querySelector("article .bc-place"); // a lesson's page
    if (place && !place.closest("article").querySelector(".bc-done")) lessonPage(place.closest("article"));
    var boxes = all(document, "article .admonition.question");
    var art = boxes.length && boxes[0].closest("article");
    if (!art || art.hasAttribute("data-bcq")) return;
    art.setAttribute("data-bcq", "");
    var page = rel(location.href);
    var lesson = page.replace(/-quiz(\/|\.html)$/, "$1"), KEY = QK + page, state = { v: 1, q: {}, n: {} }, canStore = false;
    visit(page, lesson);
    try {
      localStorage.setItem(KEY + ":probe", "1"); localStorage.removeItem(KEY + ":probe"); canStore = true;
      var old = JSON.parse(localStorage.getItem(KEY) || "null");
      if (old && old.v === 1 && old.q && old.n) state = old;
    } catch (e) { /* no saving */ }
    function save() {
      try { if (canStore) localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { canStore = false; }
    }
    var score, originals = boxes.map(function (b) { return b.cloneNode(true); });
    var qs = boxes.map(enhance);
    if (!qs.some(function (q) { return q && q.scored; })) return;

    score = el("p", { cls: "bcq-score" });
    var said = el("p", { cls: "bcq-said", "aria-live": "polite" }), again = btn("Start the whole quiz over");
    art.append(el("div", { cls: "bcq-panel", role: "region", "aria-label": "Your quiz progress" }, [
      score, el("p", { cls: "bcq-hint", text: (canStore ? "Your progress is saved in this browser only." :
        "Your progress can't be saved in this browser.") + " Starting over clears answers and ratings; reflection notes stay." }),
      again, said]));
    again.addEventListener("click", function () {
      state.q = {}; save();
      all(art, ".admonition.question").forEach(function (box, i) { renew(box, i); });
      said.textContent = "Answers cleared. " + rescore();
    });
    rescore();

    function renew(box, i) {
      var fresh = originals[i].cloneNode(true);
      box.replaceWith(fresh); qs[i] = enhance(fresh, i);
      return fresh;
    }

    function rescore() {
      var total = 0, ok = 0, done = 0;
      qs.forEach(function (q) {
        var s = q && q.scored && (state.q[q.id] || {});
        if (!s) return;
        total++; done += s.done || s.rate ? 1 : 0; ok += s.ok || s.rate === "got" ? 1 : 0;
      });
      if (score) score.textContent = ok + " of " + total + " correct (" + done + " of " + total + " answered)";
      if (total && done === total && !course().d[lesson]) course(function (c) { c.d[lesson] = 1; });
      state.s = [ok, done, total]; save();
      return score && score.textContent;
    }

    function enhance(box, i) {
      var is = box.classList.contains.bind(box.classList), det = kid(box, "details"), list = kid(box, "ul, ol"), note = is("reflection") && kid(box, "p:last-child");
      var title = kid(box, ".admonition-title"), paras = Array.from(box.children).filter(function (c) { return c.tagName === "P" && c !== title && c !== note; });
      var prompt = paras[paras.length - (is("matching") ? 2 : 1)], id = i + "-" + hash((prompt || box).textContent.trim()), pre = "bcq-" + i, q = { id: id }, fb = el("p", { cls: "bcq-feedback", "aria-live": "polite" });
      box.classList.add("bcq");
      function area(label, value, onInput) {
        var t = el("textarea", { id: pre + "-t", cls: "bcq-text", rows: "4" }), mirror = el("div", { cls: "bcq-print" });
        t.value = mirror.textContent = value || "";
        t.addEventListener("input", function () { mirror.textContent = t.value; onInput(t.value); });
        return [el("label", { "for": t.id, cls: "bcq-label", text: label }), t, mirror];
      }

      if (note) { // reflection: notes only, never an answer
        box.append.apply(box, area("Your notes", state.n[id], function (v) { state.n[id] = v; save(); }).concat(
          el("p", { cls: "bcq-hint", text: canStore ? "Kept in this browser only." : "Notes can't be saved in this browser." })));
        return q;
      }
      if (!det) return null;
      var s = state.q[id] || state.q[i + "-"] || {}; // "i-": by its place, from an LMS (scorm.js)
      if (state.q[i + "-"]) { delete state.q[i + "-"]; state.q[id] = s; save(); }
      function put() { state.q[id] = s; save(); rescore(); }
      q.scored = true;
      var retry = btn("Try again", "bcq-again");
      retry.setAttribute("aria-label", "Try again: " + (title ? title.textContent.trim() : "this question"));
      retry.hidden = true;
      retry.addEventListener("click", function () {
        delete state.q[id]; save();
        var fresh = renew(box, i);
        rescore();
        var first = fresh.querySelector("input, textarea, select");
        if (first) first.focus();
      });

      if (is("matching")) return matching();

      if (is("open")) { // write, reveal, rate yourself
        var reveal = btn("Reveal model answer", "bcq-main"), names = { got: "Got it", partly: "Partly", not: "Not yet" };
        var lab = el("p", { id: pre + "-r", cls: "bcq-label", text: "How did your answer compare?" });
        var rate = el("div", { cls: "bcq-rate", role: "group", "aria-labelledby": lab.id }, [lab]);
        var said2 = function () { if (s.rate) fb.textContent = "You rated this: " + names[s.rate] + (s.rate === "got" ? " (counts as correct)." : "."); };
        var showRate = function () {
          all(rate, "button").forEach(function (b) {
            var k = b.getAttribute("data-rate"), on = k === s.rate;
            b.setAttribute("aria-pressed", on);
            b.textContent = (on ? "✓ " : "") + names[k];
          });
        };
        var showRev = function () {
          det.hidden = rate.hidden = retry.hidden = false; det.open = true;
          reveal.setAttribute("aria-disabled", "true"); reveal.textContent = "Model answer shown";
        };
        Object.keys(names).forEach(function (k) {
          var b = btn(names[k]);
          b.setAttribute("data-rate", k);
          b.addEventListener("click", function () { s.rate = k; put(); showRate(); said2(); });
          rate.append(b);
        });
        reveal.addEventListener("click", function () {
          if (s.rev) return;
          s.rev = true; put(); showRev();
          fb.textContent = "Compare your answer with the model answer above, then rate it.";
        });
        det.before.apply(det, area("Your answer", s.text, function (v) { s.text = v; put(); }).concat(reveal));
        det.after(fb, rate, retry);
        det.hidden = rate.hidden = true; showRate(); said2();
        if (s.rev) showRev();
        return q;
      }

      // choice: letters from the list, key from "Answer: A, C."
      var lis = list ? Array.from(list.children) : [], strong = det.querySelector("strong");
      var m = strong && /^\s*Answer:\s*([A-Z]+(\s*,\s*[A-Z]+)*)\.?\s*$/.exec(strong.textContent);
      var letters = lis.map(function (li) { var x = /^\s*([A-Z]+)\.\s/.exec(li.textContent); return x && x[1]; });
      var correct = m ? m[1].split(/\s*,\s*/).map(function (l) { return letters.indexOf(l); }) : [-1];
      if (!prompt || letters.indexOf(null) >= 0 || correct.indexOf(-1) >= 0) return null;
      var multi = is("multiple-choice"), legend = el("legend"), inputs = [], marks = [], opts = [];
      legend.innerHTML = prompt.innerHTML;
      if (multi) legend.append(el("span", { cls: "bcq-hint", text: " (Choose all that apply.)" }));
      var fs = el("fieldset", { cls: "bcq-options" }, [legend]);
      var picked = function () { return inputs.map(function (x, j) { return x.checked ? j : -1; }).filter(function (j) { return j >= 0; }); };
      lis.forEach(function (li, k) {
        var inp = el("input", { type: multi ? "checkbox" : "radio", name: pre, value: k });
        var txt = el("span"), mark = el("span", { cls: "bcq-mark" });
        txt.innerHTML = li.innerHTML.replace(/^\s*[A-Z]+\.\s*/, "");
        inp.checked = (s.sel || []).indexOf(k) >= 0;
        inp.addEventListener("change", function () { if (!s.done) { s.sel = picked(); put(); } });
        inputs.push(inp); marks.push(mark);
        fs.append(opts[k] = el("label", { cls: "bcq-opt" }, [inp, el("span", { cls: "bcq-letter", text: letters[k] + "." }), txt, mark]));
      });
      var check = btn("Check", "bcq-main");
      check.addEventListener("click", function () {
        if (s.done) return;
        s.sel = picked();
        if (!s.sel.length) { fb.textContent = multi ? "Choose one or more options first." : "Choose an option first."; return; }
        s.done = true; result(); put();
      });
      var L = function (ks) { return ks.map(function (k) { return letters[k]; }).join(", "); };
      function result() {
        if (!s.sel) s.sel = s.ok ? correct.slice() : []; // from an LMS: right or wrong, not which
        var sel = s.sel;
        var wrong = sel.filter(function (k) { return correct.indexOf(k) < 0; });
        var missed = correct.filter(function (k) { return sel.indexOf(k) < 0; });
        s.ok = !wrong.length && !missed.length;
        inputs.forEach(function (inp, k) {
          var good = correct.indexOf(k) >= 0, mine = sel.indexOf(k) >= 0;
          inp.checked = mine; inp.disabled = true;
          opts[k].classList.toggle("bcq-right", good);
          opts[k].classList.toggle("bcq-wrong", mine && !good);
          marks[k].textContent = good ? (mine ? "✓ Correct, your choice" : "✓ Correct answer") : mine ? "✗ Your choice, incorrect" : "";
        });
        fb.className = "bcq-feedback " + (s.ok ? "bcq-ok" : "bcq-no");
        fb.textContent = s.ok ? "✓ Correct." : "✗ Incorrect. " + (multi ? (wrong.length ? "Wrong choices: " + L(wrong) + ". " : "") +
          (missed.length ? "Missed: " + L(missed) + ". " : "") + "All or nothing: the answer is " : "The answer is ") + L(correct) + ".";
        det.hidden = retry.hidden = false; det.open = true;
        check.setAttribute("aria-disabled", "true"); check.textContent = "Checked";
      }
      list.replaceWith(fs); prompt.remove();
      det.before(check, fb);
      det.after(retry);
      det.hidden = true;
      if (s.done) result();
      return q;

      // matching: a select per term, its options the explanations in an order set by a hash;
      // the key from "Answer: 1 B, 2 A."; right only when every term is.
      function matching() {
        var terms = kid(box, "ol"), expl = kid(box, "ul"), key = det.querySelector("strong"), texts = {}, want = [];
        var km = key && /^\s*Answer:\s*(\d+\s*[A-Z]+(\s*,\s*\d+\s*[A-Z]+)*)\.?\s*$/.exec(key.textContent);
        if (!prompt || !terms || !expl || !km) return null;
        Array.from(expl.children).forEach(function (li) {
          var x = /^\s*([A-Z]+)\.\s*/.exec(li.textContent);
          if (x) texts[x[1]] = li.textContent.slice(x[0].length).trim();
        });
        km[1].split(/\s*,\s*/).forEach(function (p) { var x = /(\d+)\s*([A-Z]+)/.exec(p); want[x[1] - 1] = x[2]; });
        var order = Object.keys(texts).sort(function (a, b) { return parseInt(hash(id + texts[a]), 36) - parseInt(hash(id + texts[b]), 36); });
        var legend = el("legend"), fs = el("fieldset", { cls: "bcq-options" }, [legend]), sels = [], rows = [], marks = [];
        legend.innerHTML = prompt.innerHTML;
        legend.append(el("span", { cls: "bcq-hint", text: " (Choose an explanation for each term.)" }));
        Array.from(terms.children).forEach(function (li, k) {
          var sel = el("select", { id: pre + "-m" + k, cls: "bcq-select" }, [el("option", { value: "", text: "Choose…" })]);
          order.forEach(function (L) { sel.append(el("option", { value: L, text: texts[L] })); });
          sel.value = (s.pick || [])[k] || "";
          sel.addEventListener("change", function () { if (!s.done) { s.pick = sels.map(function (x) { return x.value; }); put(); } });
          sels.push(sel); marks.push(el("span", { cls: "bcq-mark" }));
          fs.append(rows[k] = el("div", { cls: "bcq-pair" }, [el("label", { "for": sel.id, text: li.textContent.trim() }), sel, marks[k]]));
        });
        if (want.length !== sels.length || want.some(function (L) { return !texts[L]; })) return null;
        var check = btn("Check", "bcq-main");
        check.addEventListener("click", function () {
          if (s.done) return;
          s.pick = sels.map(function (x) { return x.value; });
          if (s.pick.indexOf("") >= 0) { fb.textContent = "Choose an explanation for every term first."; return; }
          s.done = true; result(); put();
        });
        function result() {
          if (!s.pick) s.pick = s.ok ? want.slice() : []; // from an LMS: right or wrong, not which
          var right = 0;
          sels.forEach(function (sel, k) {
            var good = s.pick[k] === want[k];
            sel.value = s.pick[k] || ""; sel.disabled = true; right += good ? 1 : 0;
            rows[k].classList.toggle("bcq-right", good); rows[k].classList.toggle("bcq-wrong", !good);
            marks[k].textContent = good ? "✓ Correct" : "✗ Incorrect. The answer is: " + texts[want[k]];
          });
          s.ok = right === sels.length;
          fb.className = "bcq-feedback " + (s.ok ? "bcq-ok" : "bcq-no");
          fb.textContent = s.ok ? "✓ Correct: every term matched." : "✗ Incorrect: " + right + " of " + sels.length + " matched. All or nothing.";
          det.hidden = retry.hidden = false; det.open = true;
          check.setAttribute("aria-disabled", "true"); check.textContent = "Checked";
        }
        var sep = terms.nextElementSibling;
        if (sep && sep !== expl && sep.tagName === "P") sep.remove();
        terms.replaceWith(fs); expl.remove(); prompt.remove();
        det.before(check, fb);
        det.after(retry);
        det.hidden = true;
        if (s.done) result();
        return q;
      }
    }
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
