// The kiosk's voice guidance: the large "Hướng dẫn bằng giọng nói / Voice guidance" button in the header speaks the
// screen the resident sees (GET /voice/guide?state=..., Vietnamese then English, made offline by the appliance);
// pressed while speaking it stops, pressed again it starts over. The sound is fetched before it plays, so a guidance
// the appliance has not made yet (503 in the first minute after a first start) is said on the button, not waited for.
// A ticket from a service button is spoken through speakTicketWhenPrinted (kiosk.js), once the printer has answered,
// so "take your ticket" is never said of one that did not print.
'use strict';
(function () {
  var VIEWS = ['start', 'ticket', 'state', 'typing', 'dossier-view'];
  var NOT_READY_MS = 8000;
  var button = document.getElementById('voice-guide'), audio = null, url = null, asked = 0, speaking = null, back = null;
  var currentLog = null, awake = null;
  window.motcuaGuided = []; // {src, state, status, bytes, start, played, end, ok} per guidance asked; ring of 50 (tests)
  function $(id) { return document.getElementById(id); }

  function view() {
    for (var i = 0; i < VIEWS.length; i++) { if (!$(VIEWS[i]).hidden) { return VIEWS[i]; } }
    return 'start';
  }

  // What the resident sees, as the guidance names it (KioskGuidance on the server).
  function current() {
    switch (view()) {
      case 'ticket':
        return { state: $('t-print').classList.contains('warning') ? 'ticket-on-screen' : 'ticket', number: $('t-number').textContent };
      case 'state': return { state: 'ticket-state', number: $('s-number').textContent };
      case 'typing': return { state: 'typing' };
      case 'dossier-view': return { state: 'dossier' };
      default: return { state: $('closed-today').hidden ? 'start' : 'closed' };
    }
  }

  function words(vi, en, pressed) {
    $('voice-vi').textContent = vi; $('voice-en').textContent = en;
    button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    button.classList.toggle('speaking', pressed);
  }
  function idle() { words('Hướng dẫn bằng giọng nói', 'Voice guidance', false); }
  function announce(text) { $('voice-status').textContent = text; }

  // A resident listening is a resident at the kiosk: while the guidance speaks, and from its end, the kiosk waits its
  // idle time before going back to its start (kiosk.js counts this event as a touch).
  function present() { document.dispatchEvent(new Event('motcua-guidance')); }

  function stop() {
    asked++; speaking = null;
    if (currentLog && currentLog.end === null) { currentLog.end = Date.now(); }
    currentLog = null; clearInterval(awake);
    if (audio) { audio.onended = audio.onerror = audio.onplaying = null; audio.pause(); audio = null; }
    if (url) { URL.revokeObjectURL(url); url = null; }
    clearTimeout(back); idle();
  }

  // Not made yet, or the browser would not play it: said on the button for a few seconds, then the button is back.
  function unavailable() {
    stop();
    words('Chưa có giọng nói', 'Voice not ready yet', false);
    announce('Chưa có giọng nói, xin thử lại sau. Voice not ready yet, please try later.');
    back = setTimeout(idle, NOT_READY_MS);
  }

  function play(g) {
    stop();
    var mine = ++asked, src = '/voice/guide?state=' + g.state + (g.number ? '&number=' + encodeURIComponent(g.number) : '');
    var log = { src: src, state: g.state, status: null, bytes: null, start: Date.now(), played: null, end: null, ok: false };
    window.motcuaGuided.push(log); currentLog = log;
    if (window.motcuaGuided.length > 50) { window.motcuaGuided.shift(); }
    speaking = view(); present(); awake = setInterval(present, 10000);
    words('Đang đọc, bấm để dừng', 'Speaking, press to stop', true);
    announce('Đang đọc hướng dẫn. Speaking the guidance.');
    fetch(src, { cache: 'no-store' }).then(function (r) {
      log.status = r.status;
      if (!r.ok) { throw new Error('guidance ' + r.status); }
      return r.blob();
    }).then(function (b) {
      if (mine !== asked) { return; } // stopped, or another screen's guidance asked, meanwhile
      log.bytes = b.size; url = URL.createObjectURL(b); audio = new Audio(url);
      audio.onplaying = function () { if (log.played === null) { log.played = Date.now(); } };
      audio.onended = function () { log.end = Date.now(); log.ok = true; if (mine === asked) { stop(); announce(''); present(); } };
      audio.onerror = function () { log.end = Date.now(); if (mine === asked) { unavailable(); } };
      var p = audio.play();
      if (p && p.catch) { p.catch(function () { log.end = Date.now(); if (mine === asked) { unavailable(); } }); }
    }).catch(function () { log.end = Date.now(); if (mine === asked) { unavailable(); } });
  }

  button.onclick = function () {
    if (button.getAttribute('aria-pressed') === 'true') { stop(); announce(''); } else { play(current()); }
  };

  // Another screen (the resident moved on, or the kiosk went back to its start): its guidance no longer applies.
  var watch = new MutationObserver(function () { if (speaking !== null && view() !== speaking) { stop(); } });
  VIEWS.forEach(function (v) { watch.observe($(v), { attributes: true, attributeFilter: ['hidden'] }); });

  window.motcuaGuidance = {
    // The ticket view of a service button's ticket: spoken once its print answer is on screen (at most 8 s).
    speakTicketWhenPrinted: function (number) {
      var until = Date.now() + 8000;
      (function wait() {
        if (view() !== 'ticket' || $('t-number').textContent !== number) { return; } // the resident moved on
        if ($('t-print').classList.contains('pending') && Date.now() < until) { setTimeout(wait, 200); return; }
        play(current());
      })();
    }
  };
})();
