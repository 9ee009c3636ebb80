// Kiosk: service buttons -> POST /api/tickets -> the ticket on screen with its QR code. Returns to the
// start screen after IDLE_MS without a touch, so the next resident never sees someone else's ticket.
// A citizen ID card read beside the kiosk gives a one-time token (`card`): the next ticket taken here carries
// the resident's key on the server; the screen only says the card was read (no name, no number: the hall is public).
'use strict';
(function () {
  var IDLE_MS = 30000, el = window.motcuaEl, priority = 'NORMAL', card = null, idle = null, info = null, zone = 'Asia/Ho_Chi_Minh';
  function $(id) { return document.getElementById(id); }

  function resetIdle() { clearTimeout(idle); idle = setTimeout(start, IDLE_MS); }
  ['pointerdown', 'keydown'].forEach(function (t) { document.addEventListener(t, resetIdle); });

  function start() {
    priority = 'NORMAL'; card = null; $('card-read').hidden = true; $('ticket').hidden = true; $('state').hidden = true;
    $('start').hidden = false; $('error').hidden = true;
    $('code').value = '';
    load();
  }

  function load() {
    fetch('/kiosk/info', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (i) {
      info = i; zone = i.zone || zone; draw();
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
    $('start').hidden = true; $('ticket').hidden = false;
    $('t-number').textContent = t.number;
    $('t-service').textContent = t.service_name_vi + ' / ' + t.service_name_en;
    $('t-ahead').textContent = t.people_ahead;
    $('t-wait').textContent = window.motcuaMinutes(t.estimated_wait_seconds);
    $('t-time').textContent = new Date(t.issued_at).toLocaleTimeString('vi-VN', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
    window.scrollTo(0, 0);
    $('t-qr').src = '/kiosk/qr/' + encodeURIComponent(t.number) + '.svg';
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
        $('start').hidden = true; $('ticket').hidden = true; $('state').hidden = false;
        $('s-number').textContent = t.number;
        $('s-service').textContent = t.service_name_vi + ' / ' + t.service_name_en;
        say($('s-state'), 'state', t.state_vi, t.state_en);
        $('s-waiting').hidden = t.status !== 'WAITING';
        $('s-ahead').textContent = t.people_ahead;
        $('s-wait').textContent = window.motcuaMinutes(t.estimated_wait_seconds);
        resetIdle();
      }).catch(function () { fail('Không kết nối được, vui lòng thử lại / Cannot connect, please try again'); });
  }

  function fail(text) { var e = $('error'); e.textContent = text; e.hidden = false; resetIdle(); }

  $('done').onclick = start;
  $('s-done').onclick = start;
  window.motcuaLive({
    snapshot: function (s) { $('office-vi').textContent = s.office.name_vi; $('office-en').textContent = s.office.name_en; },
    // Waiting counts follow the queue live; the full info (printer, priorities) is fetched per screen.
    queue: function (q) { if (info && !$('start').hidden) { info.services = q.services; draw(); } },
    // The code reader beside the kiosk: a slip opens its dossier status; an elderly resident's ID card
    // pre-selects priority; today's ticket shows where it stands; anything else is explained.
    scan: function (s) {
      if (s.kind === 'dossier') { window.location.href = '/status?code=' + encodeURIComponent(s.code); return; }
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
