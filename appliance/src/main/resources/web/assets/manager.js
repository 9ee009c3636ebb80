// Manager view: the counters as they are now (from the live feed's snapshot and queue frames, drawn at once) and
// today's figures from /manager/summary, refreshed (at most every 2 s) when the queue changes.
'use strict';
(function () {
  var el = window.motcuaEl, pending = null, loggedIn = false;
  var staff = window.motcuaStaff(function () { load(); });
  // The figures as DayFigures defines them (tickets and transferred: by the service issued for; the rest: by the
  // service the ticket is in now). Ratings: 1 = very satisfied (best) .. 4 = not satisfied, never a bare number.
  var COLS = [['tickets', 'Số phiếu', 'Tickets'], ['transferred', 'Đã chuyển đi', 'Transferred'],
    ['called', 'Đã gọi', 'Called'], ['served', 'Đã phục vụ', 'Served'], ['no_shows', 'Vắng mặt', 'No-shows'],
    ['average_wait_seconds', 'Chờ TB (phút)', 'Avg wait (min)', 'min'], ['longest_wait_seconds', 'Chờ lâu nhất', 'Longest wait', 'min'],
    ['average_service_seconds', 'Phục vụ TB', 'Avg service', 'min'], ['ratings', 'Số đánh giá', 'Ratings'],
    ['average_rating', 'Đánh giá TB', 'Avg rating', 'rating']];
  var scale = [];
  function $(id) { return document.getElementById(id); }

  function label(score) {
    var r = scale.filter(function (x) { return x.score === score; })[0];
    return r ? r.label_vi + ' / ' + r.label_en : String(score);
  }

  function cell(c, v) {
    if (v === null || v === undefined) { return '—'; }
    if (c[3] === 'min') { return (v / 60).toFixed(1); }
    if (c[3] === 'rating') { return v.toFixed(2) + ' ≈ ' + label(Math.round(v)); }
    return String(v);
  }

  function table(id, label0, rows) {
    var t = $(id); t.textContent = '';
    var head = el('tr'); head.appendChild(el('th', null, label0));
    COLS.forEach(function (c) { var th = el('th', null, c[1]); th.appendChild(el('div', 'en', c[2])); head.appendChild(th); });
    scale.forEach(function (x) {
      var th = el('th', 'rating-count', x.score + ' · ' + x.label_vi); th.appendChild(el('div', 'en', x.label_en)); head.appendChild(th);
    });
    t.appendChild(head);
    rows.forEach(function (r) {
      var tr = el('tr'); tr.dataset.key = r[2]; tr.appendChild(el('td', null, r[0]));
      COLS.forEach(function (c) { var td = el('td', null, cell(c, r[1][c[0]])); td.dataset.figure = c[0]; tr.appendChild(td); });
      scale.forEach(function (x) {
        var td = el('td', null, String(r[1].rating_counts[x.score])); td.dataset.figure = 'rating_' + x.score; tr.appendChild(td);
      });
      t.appendChild(tr);
    });
  }

  function legend() {
    $('rating-scale').textContent = 'Thang đánh giá / Rating scale: ' + scale.map(function (x) {
      return x.score + ' = ' + x.label_vi + ' / ' + x.label_en;
    }).join(' · ') + ' — điểm thấp là tốt / lower is better';
  }

  var STATUS = { OPEN: ['Đang mở', 'Open'], PAUSED: ['Tạm nghỉ', 'Paused'], CLOSED: ['Đóng', 'Closed'] };
  var TICKET = { CALLED: ['đã gọi', 'called'], SERVING: ['đang phục vụ', 'serving'] };

  function counters(list) {
    var t = $('counters'); t.textContent = '';
    var head = el('tr');
    [['Quầy', 'Counter'], ['Trạng thái', 'Status'], ['Cán bộ', 'Staff'], ['Số đang phục vụ', 'Ticket now']].forEach(function (c) {
      var th = el('th', null, c[0]); th.appendChild(el('div', 'en', c[1])); head.appendChild(th);
    });
    t.appendChild(head);
    list.forEach(function (c) {
      var tr = el('tr', 'ctr-' + c.status.toLowerCase()); tr.dataset.counter = c.number;
      var st = STATUS[c.status] || [c.status, c.status];
      var tk = c.ticket ? c.ticket + ' (' + (TICKET[c.ticket_status] || [c.ticket_status, c.ticket_status]).join(' / ') + ')' : '—';
      [c.name, st[0] + ' / ' + st[1], c.staff || '—', tk].forEach(function (v) { tr.appendChild(el('td', null, v)); });
      t.appendChild(tr);
    });
  }

  function draw(s) {
    var a = $('alerts'); a.textContent = '';
    s.alerts.forEach(function (x) {
      a.appendChild(el('div', 'warning late', 'Cảnh báo: ' + x.name_vi + ' — ' + x.waiting + ' người chờ, dự kiến '
        + Math.round(x.estimated_wait_seconds / 60) + ' phút / Alert: ' + x.name_en));
    });
    var b = s.bookings;
    $('bookings').textContent = b ? 'Lịch hẹn hôm nay: ' + b.booked + ' đặt, ' + b.checked_in + ' đã đến, ' + b.on_time
      + ' đúng giờ, ' + b.no_shows + ' vắng / Appointments today: ' + b.booked + ' booked, ' + b.checked_in + ' checked in, '
      + b.on_time + ' on time, ' + b.no_shows + ' no-shows' : '';
    scale = s.rating_scale; legend();
    table('services', 'Dịch vụ / Service', s.services.map(function (x) { return [x.name_vi + ' (' + x.waiting + ' chờ)', x, x.code]; }));
    table('staff', 'Cán bộ / Staff', Object.keys(s.staff).map(function (k) { return [k, s.staff[k], k]; }));
    table('by-counter', 'Quầy / Counter', Object.keys(s.counters).map(function (k) { return ['Quầy ' + k, s.counters[k], k]; }));
    table('hours', 'Giờ / Hour', Object.keys(s.hours).map(function (k) { return [k + ':00', s.hours[k], k]; }));
  }

  function load() {
    pending = null;
    fetch('/manager/summary', { cache: 'no-store' }).then(staff.json).then(function (r) {
      if (r.status !== 200) {
        loggedIn = false; staff.loggedOut(); $('board').hidden = true;
        if (r.status === 403 && r.body.error === 'MANAGER_ONLY') { staff.error(r.body.message_vi + ' / ' + r.body.message_en); }
        return;
      }
      loggedIn = true; $('login').hidden = true; $('board').hidden = false; draw(r.body);
    });
  }

  function queued(q) {
    counters(q.counters);
    if (loggedIn && !pending) { pending = setTimeout(load, 2000); }
  }

  window.motcuaLive({ snapshot: queued, queue: queued,
    devices: window.motcuaFaults('device-faults') });
  load();
})();
