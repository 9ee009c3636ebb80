// Kiosk: service buttons -> POST /api/tickets -> the ticket on screen with its QR code. Returns to the
// start screen after IDLE_MS without a touch, so the next resident never sees someone else's ticket.
// A citizen ID card read beside the kiosk gives a one-time token (`card`): the next ticket taken here carries
// the resident's key on the server; the screen only says the card was read (no name, no number: the hall is public).
// A dossier's status (a scanned slip, or a code typed on the on-screen keyboard) is shown here, not on another page,
// so the kiosk keeps listening: the next scan shows its own result, and a touch or [kiosk] status_timeout_seconds
// brings the start screen back.
'use strict';
(function () {
  var IDLE_MS = 30000, el = window.motcuaEl, priority = 'NORMAL', card = null, idle = null, info = null, zone = 'Asia/Ho_Chi_Minh';
  var statusMs = 20000, lookups = 0, typingFor = 'dossier';
  var VIEWS = ['start', 'ticket', 'state', 'typing', 'dossier-view'];
  // The characters of a dossier code (StatusPage.CODE), digits first: codes are mostly digits and dots.
  var KEYS = '1234567890.-/_ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  function $(id) { return document.getElementById(id); }

  function resetIdle(ms) { clearTimeout(idle); idle = setTimeout(idleStart, typeof ms === 'number' ? ms : IDLE_MS); }
  // Untouched for IDLE_MS (or a status's timeout): the next person at the kiosk gets the kiosk as it starts, large
  // text off. Done and Back keep it: the same resident may take another ticket or look up a slip.
  function idleStart() { largeText(false); start(); }
  function largeText(on) {
    document.body.classList.toggle('large-text', on);
    $('large-text').setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  $('large-text').onclick = function () { largeText($('large-text').getAttribute('aria-pressed') !== 'true'); };
  // motcua-guidance: the voice guidance is speaking (kiosk-voice.js), so someone is listening at the kiosk.
  ['pointerdown', 'keydown', 'motcua-guidance'].forEach(function (t) { document.addEventListener(t, resetIdle); });
  // A status view goes back to the start at the first touch anywhere on it, but for the voice guidance button, which
  // speaks that view.
  document.addEventListener('pointerdown', function (e) {
    if (e.target.closest && e.target.closest('#voice-guide')) { return; }
    if (!$('dossier-view').hidden || !$('state').hidden) { start(); }
  }, true);

  function only(view) { VIEWS.forEach(function (v) { $(v).hidden = v !== view; }); window.scrollTo(0, 0); }

  function start() {
    priority = 'NORMAL'; card = null; $('card-read').hidden = true; lookups++;
    only('start'); $('error').hidden = true;
    $('code').value = '';
    load();
  }

  function load() {
    fetch('/kiosk/info', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (i) {
      info = i; zone = i.zone || zone; statusMs = (i.status_timeout_seconds || 20) * 1000; draw();
    }).catch(function () { setTimeout(load, 3000); });
  }

  function draw() {
    var box = $('services'); box.textContent = '';
    info.services.forEach(function (s) {
      var b = el('button'); b.dataset.service = s.code;
      var left = el('span'); left.appendChild(el('span', 'vi', s.name_vi)); left.appendChild(el('span', 'en', s.name_en));
      b.appendChild(left);
      var wait = el('span', 'wait', s.waiting + ' người chờ'); wait.appendChild(el('span', 'en', 'waiting'));
      b.appendChild(wait);
      b.onclick = function () { take(s.code); };
      b.disabled = !!info.closed_today; // a closed day (Tết, a holiday): no tickets, the look-up still works
      box.appendChild(b);
    });
    var pbox = $('priorities'); pbox.textContent = '';
    info.priorities.forEach(function (p) {
      var b = el('button', priority === p.code ? 'on' : null);
      b.dataset.priority = p.code;
      b.appendChild(el('span', 'vi', p.name_vi)); b.appendChild(el('span', 'en', p.name_en));
      b.onclick = function () { priority = priority === p.code ? 'NORMAL' : p.code; draw(); };
      pbox.appendChild(b);
    });
    $('printer-warning').hidden = info.printer.ok;
    $('closed-today').hidden = !info.closed_today;
  }

  function take(service) {
    fetch('/api/tickets', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(card ? { service: service, priority: priority, card: card } : { service: service, priority: priority }) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) {
        if (!r.ok) { return fail(r.body.message_vi + ' / ' + r.body.message_en); }
        card = null; $('card-read').hidden = true; // the card applies to this ticket only
        show(r.body.ticket);
      }).catch(function () { fail('Không kết nối được, vui lòng thử lại / Cannot connect, please try again'); });
  }

  function show(t) {
    only('ticket');
    $('t-booking').hidden = true;
    $('t-number').textContent = t.number;
    $('t-service').textContent = t.service_name_vi + ' / ' + t.service_name_en;
    // The priority as the paper ticket prints it (the office's ticket template): mark, then which priority.
    var onPaper = info && info.ticket_priority;
    $('t-priority').hidden = t.priority === 'NORMAL' || !onPaper;
    if (onPaper && t.priority !== 'NORMAL') {
      $('t-priority-mark').textContent = onPaper.mark;
      $('t-priority-kind').textContent = onPaper.kinds[t.priority] || '';
    }
    $('t-ahead').textContent = t.people_ahead;
    $('t-wait').textContent = window.motcuaMinutes(t.estimated_wait_seconds);
    $('t-time').textContent = new Date(t.issued_at).toLocaleTimeString('vi-VN', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
    window.scrollTo(0, 0);
    $('t-qr').src = '/kiosk/qr/' + encodeURIComponent(t.number) + '.svg';
    // The paper's short code, on screen too: the resident still has it when the paper did not come out.
    $('t-phone').hidden = true;
    fetch('/kiosk/phone/' + encodeURIComponent(t.number), { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (f) {
      if ($('t-number').textContent !== t.number || !f.enabled) { return; }
      $('t-phone-entry').textContent = f.entry;
      $('t-phone-code').textContent = f.code;
      $('t-phone').hidden = false;
    }).catch(function () { /* the QR still carries the link */ });
    // What really happened to this ticket's paper: the server answers once the print job ends (or says it
    // does not know), so "take your ticket below" is said only for a ticket that came out.
    say($('t-print'), 'pending', 'Đang in phiếu…', 'Printing your ticket…');
    var shown = t.number;
    fetch('/kiosk/print/' + encodeURIComponent(t.number), { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (p) {
      if ($('t-number').textContent !== shown) { return; } // the resident moved on to another ticket
      say($('t-print'), p.printed || p.state === 'sent' ? 'ok' : 'warning', p.message_vi, p.message_en);
    }).catch(function () {
      if ($('t-number').textContent !== shown) { return; }
      say($('t-print'), 'warning', 'Chưa rõ phiếu đã được in hay chưa. Vui lòng ghi nhớ số hoặc chụp ảnh mã QR.',
        'Printing status unknown. Please note your number or take a photo of the QR code.');
    });
    resetIdle();
  }

  // A booked resident's check-in: the booking's slot and what it means (early, on time, or a walk-in when late).
  function showBooking(b) {
    $('tb-slot').textContent = b.slot_start + '–' + b.slot_end;
    $('tb-service').textContent = b.service_name_vi + ' / ' + b.service_name_en;
    say($('tb-message'), b.walk_in ? 'warning' : 'ok', b.message_vi, b.message_en);
    $('t-booking').hidden = false;
  }

  function checkIn(code) {
    fetch('/kiosk/booking', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code }) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) {
        if (!r.ok) { start(); return fail(r.body.message_vi + ' / ' + r.body.message_en); }
        show(r.body.ticket); showBooking(r.body.booking);
      }).catch(function () { fail('Không kết nối được, vui lòng thử lại / Cannot connect, please try again'); });
  }

  function say(box, cls, vi, en) {
    box.className = cls; box.textContent = vi + ' '; box.appendChild(el('span', 'en', en));
  }

  // A resident scanned their own ticket: where it stands now, fetched fresh (the scan frame carries only the number).
  function ticketState(number) {
    fetch('/kiosk/ticket/' + encodeURIComponent(number), { cache: 'no-store' })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) {
        if (!r.ok) { return fail(r.body.message_vi + ' / ' + r.body.message_en); }
        var t = r.body.ticket;
        only('state');
        $('s-number').textContent = t.number;
        $('s-service').textContent = t.service_name_vi + ' / ' + t.service_name_en;
        say($('s-state'), 'state', t.state_vi, t.state_en);
        $('s-waiting').hidden = t.status !== 'WAITING';
        $('s-ahead').textContent = t.people_ahead;
        $('s-wait').textContent = window.motcuaMinutes(t.estimated_wait_seconds);
        resetIdle(statusMs);
      }).catch(function () { fail('Không kết nối được, vui lòng thử lại / Cannot connect, please try again'); });
  }

  function fail(text) { var e = $('error'); e.textContent = text; e.hidden = false; resetIdle(); }

  // A dossier's status from the same lookup as /status (GET /status.json): only the latest question's answer is
  // shown, so a slow answer never replaces the one of a slip scanned after it.
  function dossier(code) {
    var asked = ++lookups;
    fetch('/status.json?code=' + encodeURIComponent(code), { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (b) { if (asked === lookups) { showDossier(b); } })
      .catch(function () {
        if (asked === lookups) { showDossier({ message_vi: 'Không kết nối được, vui lòng thử lại', message_en: 'Cannot connect, please try again' }); }
      });
  }

  function showDossier(b) {
    var d = b.dossier, box = $('dossier');
    only('dossier-view');
    box.hidden = !d || !d.found;
    $('d-message').hidden = !box.hidden;
    if (box.hidden) {
      say($('d-message'), 'warning', d ? d.message_vi : b.message_vi, d ? d.message_en : b.message_en);
    } else {
      box.className = 'ticket dossier' + (d.late ? ' late' : '');
      $('d-code').textContent = d.code;
      $('dossier-status').textContent = d.status_vi + ' '; $('dossier-status').appendChild(el('span', 'en', '/ ' + d.status_en));
      $('d-department').hidden = !d.department; $('d-department-name').textContent = d.department || '';
      $('d-promised').hidden = !d.promised; $('d-promised-date').textContent = d.promised || '';
      $('late').hidden = !d.late;
      $('d-cached').hidden = d.cached_minutes === null || d.cached_minutes === undefined;
      if (!$('d-cached').hidden) {
        say($('d-cached'), 'warning', 'Thông tin lưu lúc mất kết nối, cách đây ' + d.cached_minutes + ' phút',
          'Saved answer, ' + d.cached_minutes + ' minutes old (server unreachable)');
      }
    }
    resetIdle(statusMs);
  }

  // The on-screen keyboard: every key a large button; what it types goes to the same lookup as a scan.
  function keyboard() {
    var box = $('keys');
    KEYS.split('').forEach(function (k) {
      var b = el('button', null, k); b.type = 'button'; b.dataset.key = k;
      b.onclick = function () { if ($('typed').value.length < 32) { $('typed').value += k; } };
      box.appendChild(b);
    });
    $('key-back').onclick = function () { $('typed').value = $('typed').value.slice(0, -1); };
    $('key-clear').onclick = function () { $('typed').value = ''; };
    // Cleared once sent: an ID card number typed by mistake does not stay on the public screen.
    $('key-submit').onclick = function () { var c = $('typed').value; $('typed').value = ''; if (c) { dossier(c); } };
    $('key-check-in').onclick = function () { var c = $('typed').value; $('typed').value = ''; if (c) { checkIn(c); } };
    $('key-cancel').onclick = start;
  }

  // One keyboard for both codes: a dossier's (look it up) or a booking's (check in).
  function typing(forWhat) {
    typingFor = forWhat === 'booking' ? 'booking' : 'dossier';
    var booking = typingFor === 'booking';
    $('typing-dossier').hidden = booking; $('typing-booking').hidden = !booking;
    $('key-submit').hidden = booking; $('key-check-in').hidden = !booking;
    $('typed').value = booking ? '' : $('code').value.toUpperCase(); only('typing'); resetIdle();
  }
  $('booking-button').onclick = function () { typing('booking'); };

  $('code').addEventListener('focus', function () { $('code').blur(); typing(); });
  $('lookup').onsubmit = function (e) {
    e.preventDefault();
    if ($('code').value.trim()) { dossier($('code').value.trim()); } else { typing(); }
  };
  keyboard();
  $('done').onclick = start;
  $('s-done').onclick = start;
  $('d-done').onclick = start;
  window.motcuaLive({
    snapshot: function (s) { $('office-vi').textContent = s.office.name_vi; $('office-en').textContent = s.office.name_en; },
    // Waiting counts follow the queue live; the full info (printer, priorities) is fetched per screen.
    queue: function (q) { if (info && !$('start').hidden) { info.services = q.services; draw(); } },
    // A ticket taken with a service button: shown as one taken here, so a resident who cannot use the touch screen
    // sees it, and spoken when the office wants ([voice] guidance_on_buttons) once the printer said whether it printed.
    button: function (b) {
      fetch('/kiosk/ticket/' + encodeURIComponent(b.number), { cache: 'no-store' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (r) {
          if (!r) { return; }
          show(r.ticket);
          if (b.speak && window.motcuaGuidance) { window.motcuaGuidance.speakTicketWhenPrinted(b.number); }
        }).catch(function () { /* the paper ticket and the busy LED still tell the resident */ });
    },
    // The code reader beside the kiosk: a slip opens its dossier status; an elderly resident's ID card
    // pre-selects priority; today's ticket shows where it stands; anything else is explained.
    scan: function (s) {
      if (s.kind === 'dossier') { dossier(s.code); return; }
      // a booking's QR: the server checked it in already (or refused it); shown here
      if (s.kind === 'booking') {
        start();
        if (s.ok) { show(s.ticket); showBooking(s.booking); } else { fail(s.message_vi + ' / ' + s.message_en); }
        return;
      }
      start();
      if (s.kind === 'citizen_id') { card = s.card; $('card-read').hidden = false; }
      if (s.kind === 'citizen_id' && s.priority) { priority = 'ELDERLY'; if (info) { draw(); } }
      if (s.kind === 'rejected') { fail(s.message_vi + ' / ' + s.message_en); }
      if (s.kind === 'ticket' && s.today) { ticketState(s.number); }
      if (s.kind === 'ticket' && !s.today) {
        fail('Phiếu này không phải của hôm nay tại đây. Vui lòng lấy số mới. / This ticket is not from today at this office. Please take a new number.');
      }
      resetIdle();
    }
  });
  start();
})();
