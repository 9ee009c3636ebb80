// The satellite kiosk's touch page. /satellite/state (polled) says whether the master is reachable (and, before
// pairing, the code a manager types on the master's /manager) and carries the master's kiosk state as this
// satellite last read it: each service's waiting count, open or why not, the priorities offered, a closed day. The
// page draws the services and priorities from it, as the master's own kiosk does from /kiosk/info; without it
// (offline) every button refuses. A service button asks this satellite's /api/tickets, which takes the ticket from
// the master and prints it here. Vietnamese first, English beside.
(function () {
  'use strict';
  var IDLE_MS = 30000;
  var banner = document.getElementById('link');
  var result = document.getElementById('result');
  var services = document.getElementById('services');
  var priorities = document.getElementById('priorities');
  var busy = false, usable = false, kiosk = null, drawn = '', priority = 'NORMAL', idle = null, hide = null;

  function text(tag, cls, words) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (cls === 'en') { e.lang = 'en'; }
    e.textContent = words;
    return e;
  }

  function show(el, vi, en) {
    el.textContent = '';
    el.appendChild(text('p', null, vi));
    el.appendChild(text('p', 'en', en));
    el.hidden = false;
  }

  function minutes(seconds) {
    if (seconds === null || seconds === undefined) { return ['—', '—']; }
    if (seconds < 60) { return ['< 1 phút', '< 1 min']; }
    var m = Math.round(seconds / 60);
    return [m + ' phút', m + ' min'];
  }

  // Untouched for IDLE_MS: the next resident gets the kiosk as it starts (no priority chosen for them).
  function resetIdle() {
    clearTimeout(idle);
    idle = setTimeout(function () { priority = 'NORMAL'; drawn = ''; draw(); }, IDLE_MS);
  }
  document.addEventListener('pointerdown', resetIdle);

  // The services and priorities as the master's kiosk shows them; redrawn only when they changed, so a touch is
  // never lost to a redraw.
  function draw() {
    var key = JSON.stringify([kiosk, usable, busy, priority]);
    if (key === drawn) { return; }
    drawn = key;
    document.getElementById('closed-today').hidden = !(kiosk && kiosk.closed_today);
    if (!kiosk) { // no state from the master: the buttons made at start, each refusing
      Array.prototype.forEach.call(services.querySelectorAll('button.service'), function (b) { b.disabled = true; });
      document.getElementById('priority-choice').hidden = true;
      return;
    }
    services.textContent = '';
    kiosk.services.forEach(function (s) {
      var b = document.createElement('button');
      b.type = 'button'; b.className = 'service'; b.dataset.service = s.code;
      var name = text('span', null, s.name_vi + ' ');
      name.appendChild(text('span', 'en', '/ ' + s.name_en));
      b.appendChild(name);
      var open = s.open && !kiosk.closed_today;
      var side = document.createElement('span');
      side.className = 'wait';
      if (open) {
        side.appendChild(text('span', null, s.waiting + ' người chờ '));
        side.appendChild(text('span', 'en', s.waiting + ' waiting'));
      } else if (s.refused) { // why this service takes no ticket now, in the master's words
        side.appendChild(text('span', null, s.refused.message_vi + ' '));
        side.appendChild(text('span', 'en', s.refused.message_en));
      }
      b.appendChild(side);
      if (!open) {
        b.classList.add('closed');
        b.setAttribute('aria-disabled', 'true');
      }
      b.disabled = busy || !usable;
      b.onclick = function () {
        if (!open) { // refused here, with the reason, as the master would refuse it
          if (s.refused) { show(result, s.refused.message_vi, s.refused.message_en); }
          later();
          return;
        }
        take(s.code);
      };
      services.appendChild(b);
    });
    priorities.textContent = '';
    kiosk.priorities.forEach(function (p) {
      var b = document.createElement('button');
      b.type = 'button'; b.dataset.priority = p.code;
      b.setAttribute('aria-pressed', priority === p.code ? 'true' : 'false');
      b.appendChild(text('span', null, p.name_vi + ' '));
      b.appendChild(text('span', 'en', p.name_en));
      b.disabled = busy || !usable;
      b.onclick = function () { priority = priority === p.code ? 'NORMAL' : p.code; draw(); };
      priorities.appendChild(b);
    });
    document.getElementById('priority-choice').hidden = kiosk.priorities.length === 0;
  }

  function state() {
    fetch('/satellite/state', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
      usable = s.paired && s.online && !!s.kiosk;
      kiosk = s.kiosk || null;
      if (s.message_vi) {
        show(banner, s.message_vi + (s.code ? ' ' + s.code : ''), s.message_en + (s.code ? ' ' + s.code : ''));
      } else {
        banner.hidden = true;
      }
      draw();
    }).catch(function () {
      usable = false; kiosk = null; draw();
      show(banner, 'Ki-ốt đang khởi động lại…', 'The kiosk is restarting…');
    });
  }

  function later() {
    clearTimeout(hide);
    hide = setTimeout(function () { result.hidden = true; }, 15000);
  }

  function ticket(t) {
    result.textContent = '';
    result.appendChild(text('p', null, 'Số của bạn / Your number:'));
    result.appendChild(text('p', 'number', t.number));
    var kinds = kiosk && kiosk.ticket_priority;
    if (t.priority && t.priority !== 'NORMAL' && kinds) { // the priority as the paper prints it
      result.appendChild(text('p', null, kinds.mark + ' ' + (kinds.kinds[t.priority] || '')));
    }
    var wait = minutes(t.estimated_wait_seconds);
    result.appendChild(text('p', null, t.service_name_vi + '. Trước bạn có ' + t.people_ahead
      + ' người, chờ khoảng ' + wait[0] + '. Vui lòng nhận phiếu.'));
    result.appendChild(text('p', 'en', t.service_name_en + '. ' + t.people_ahead + ' ahead of you, about '
      + wait[1] + '. Please take your ticket.'));
    result.hidden = false;
  }

  function take(service) {
    if (busy) { return; }
    busy = true; draw();
    show(result, 'Đang lấy số…', 'Taking your number…');
    fetch('/api/tickets', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: service, priority: priority }) })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); })
      .then(function (a) {
        if (a.status === 201) {
          priority = 'NORMAL'; // the choice was for this ticket only
          ticket(a.body.ticket);
        } else {
          show(result, a.body.message_vi, a.body.message_en);
        }
      })
      .catch(function () { show(result, 'Không lấy được số, vui lòng thử lại.', 'No number could be taken, please try again.'); })
      .then(function () { busy = false; drawn = ''; state(); later(); });
  }

  state();
  setInterval(state, 2000);
})();
