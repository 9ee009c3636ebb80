// Hall display: draws the snapshot, then applies calls and queue changes pushed by /events.
// Each call holds the big panel at least HOLD_MS and blinks BLINK_MS; calls that arrive together wait their
// turn. Announcements play one after another from a queue. Everything kept is bounded (weeks without reload).
'use strict';
(function () {
  var HOLD_MS = 5000, BLINK_MS = 6000, RECENT = 8, MAX_PENDING = 30;
  var el = window.motcuaEl, zone = 'Asia/Ho_Chi_Minh';
  var heroQueue = [], heroBusyUntil = 0, heroTimer = null, blinkTimer = null;
  var sounds = [], playing = false, repeat = 1; // repeat: [voice] repeat, from the snapshot (call_repeat)
  window.motcuaLatencies = [];   // call -> drawn, in ms, for the benchmark; a ring of the last 1000
  window.motcuaHero = [];        // {number, at} each time the big panel changes; ring of 100 (tests)
  window.motcuaSpoken = [];      // {src, start, end} per announcement; ring of 100 (tests)
  function ring(list, item, max) { list.push(item); if (list.length > max) { list.shift(); } return item; }

  function $(id) { return document.getElementById(id); }

  function services(list) {
    var box = $('services'); box.textContent = '';
    list.forEach(function (s) {
      var d = el('div', 'svc'); d.dataset.service = s.code;
      d.appendChild(el('div', 'n', s.prefix + ' · ' + s.name_vi));
      d.appendChild(el('div', 'en', s.name_en));
      var w = el('div', 'w', s.waiting); w.dataset.waiting = s.code; w.title = 'đang chờ / waiting';
      d.appendChild(w);
      d.appendChild(el('div', 'en', 'đang chờ / waiting'));
      box.appendChild(d);
    });
  }

  function counters(list) {
    var box = $('counters'); box.textContent = '';
    list.forEach(function (c) {
      var d = el('div', 'ctr ' + c.status.toLowerCase()); d.dataset.counter = c.number;
      d.appendChild(el('span', null, 'Quầy ' + c.number));
      d.appendChild(el('b', null, c.ticket || '—'));
      box.appendChild(d);
    });
  }

  function queue(q) { services(q.services); counters(q.counters); }

  function recentRow(c, fresh) {
    var li = el('li', fresh ? 'fresh' : null);
    li.dataset.number = c.number;
    li.appendChild(el('span', null, c.number));
    li.appendChild(el('span', null, '→ ' + c.counter));
    if (fresh) { setTimeout(function () { li.classList.remove('fresh'); }, BLINK_MS); }
    return li;
  }

  function showHero(c) {
    $('hero-number').textContent = c.number;
    $('hero-counter').textContent = c.counter;
    var hero = $('hero'); hero.classList.add('blink');
    clearTimeout(blinkTimer);
    blinkTimer = setTimeout(function () { hero.classList.remove('blink'); }, BLINK_MS);
    heroBusyUntil = Date.now() + HOLD_MS;
    ring(window.motcuaHero, { number: c.number, at: Date.now() }, 100);
  }

  function pumpHero() {
    clearTimeout(heroTimer);
    if (!heroQueue.length) { return; }
    var wait = heroBusyUntil - Date.now();
    if (wait > 0) { heroTimer = setTimeout(pumpHero, wait); return; }
    showHero(heroQueue.shift());
    if (heroQueue.length) { heroTimer = setTimeout(pumpHero, HOLD_MS); }
  }

  function call(c) {
    var list = $('recent');
    list.insertBefore(recentRow(c, true), list.firstChild);
    while (list.children.length > RECENT) { list.removeChild(list.lastChild); }
    if (heroQueue.length >= MAX_PENDING) { heroQueue.shift(); }
    heroQueue.push(c); pumpHero();
    requestAnimationFrame(function () {
      var ms = performance.timeOrigin + performance.now() - c.at;
      window.motcuaLatencies.push(ms);
      if (window.motcuaLatencies.length > 1000) { window.motcuaLatencies.shift(); }
    });
    if (c.clips) {
      // The whole call, [voice] repeat times in a row (each time queued like a call of its own, never over another).
      for (var i = 0; i < repeat; i++) {
        if (sounds.length >= MAX_PENDING) { sounds.shift(); }
        sounds.push('/voice/call?number=' + encodeURIComponent(c.number) + '&counter=' + c.counter);
      }
      playNext();
    }
  }

  // One announcement at a time: the next starts when the previous ends (or fails), never over it.
  function playNext() {
    if (playing || !sounds.length) { return; }
    playing = true;
    var src = sounds.shift(), a = new Audio(src);
    var log = ring(window.motcuaSpoken, { src: src, start: Date.now(), end: null, ok: false }, 100);
    var done = function (ev) {
      a.onended = a.onerror = null; log.end = Date.now(); log.ok = !!(ev && ev.type === 'ended');
      playing = false; playNext();
    };
    a.onended = done; a.onerror = done;
    var p = a.play();
    if (p && p.catch) { p.catch(done); }
  }

  function snapshot(s) {
    zone = s.zone || zone;
    repeat = Math.max(1, Math.min(5, s.call_repeat || 1));
    $('office-vi').textContent = s.office.name_vi;
    $('office-en').textContent = s.office.name_en;
    notice(s.notice);
    queue(s);
    var list = $('recent'); list.textContent = '';
    s.recent_calls.forEach(function (c) { list.appendChild(recentRow(c, false)); });
    if (s.recent_calls.length && !heroQueue.length) {
      $('hero-number').textContent = s.recent_calls[0].number;
      $('hero-counter').textContent = s.recent_calls[0].counter;
    }
    document.body.dataset.synced = String(s.server_time);
  }

  function notice(n) {
    var t = [n.vi, n.en].filter(Boolean).join('   ·   ');
    $('notice').textContent = t;
  }

  function clock() {
    var now = new Date();
    $('time').textContent = now.toLocaleTimeString('vi-VN', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
    $('date').textContent = now.toLocaleDateString('vi-VN', { timeZone: zone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });
  }

  clock(); setInterval(clock, 1000);
  window.motcuaLive({
    snapshot: snapshot, call: call, queue: queue, notice: notice,
    online: function (up) { document.body.classList.toggle('is-offline', !up); }
  });
})();
