// The screens' live link: /events (server-sent events), with a full snapshot on every (re)connect.
// EventSource reconnects by itself after an error; the watchdog also reopens a link that went silent
// (no ping for 40 s: a half-open connection after a network blip), so a screen never stays stale.
'use strict';
window.motcuaLive = function (handlers) {
  var es = null, last = Date.now();
  function seen() { last = Date.now(); }
  function open() {
    if (es) { es.close(); }
    es = new EventSource('/events');
    seen();
    ['snapshot', 'call', 'queue', 'notice', 'ping', 'scan', 'devices', 'button'].forEach(function (type) {
      es.addEventListener(type, function (ev) {
        seen();
        if (handlers[type]) { handlers[type](JSON.parse(ev.data)); }
        if (type === 'snapshot' && handlers.online) { handlers.online(true); }
      });
    });
    es.onerror = function () {
      if (handlers.online) { handlers.online(false); }
      if (es.readyState === EventSource.CLOSED) { stillPaired(); setTimeout(open, 2000); }
    };
  }
  // A feed refused outright (not a network blip): on the LAN a screen whose pairing was revoked is sent to the
  // pairing page by its own page's address, so it shows a new code instead of "connection lost" for ever.
  function stillPaired() {
    fetch(location.pathname + location.search, { cache: 'no-store' }).then(function (r) {
      if (r.redirected && new URL(r.url).pathname === '/pair') { location.replace('/pair'); }
    }).catch(function () { /* offline: the banner says so, the next try asks again */ });
  }
  setInterval(function () { if (Date.now() - last > 40000) { open(); } }, 5000);
  open();
};
// Text helpers shared by the pages.
window.motcuaEl = function (tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) { e.className = cls; }
  // English beside the Vietnamese is marked as English, so a screen reader speaks it with an English voice.
  if (cls === 'en') { e.lang = 'en'; }
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  return e;
};
// A duration as the pages show it, unit and both languages included: a dash when there is none (nobody served
// yet: not "1 min"), "< 1" under a minute (never rounded up to a minute that did not happen), else whole minutes.
window.motcuaMinutes = function (seconds) {
  if (seconds === null || seconds === undefined) { return '—'; }
  if (seconds < 60) { return '< 1 phút / < 1 min'; }
  var m = Math.round(seconds / 60);
  return m + ' phút / ' + m + ' min';
};
