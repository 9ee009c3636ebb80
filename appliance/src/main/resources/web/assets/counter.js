// Staff counter page: log in, then every counter action through the JSON API with the session's CSRF token.
// Only what the chosen counter can do now is shown (no dead buttons), worked out from its live state in the
// `queue` frames of /events: a call, park, transfer or recall made elsewhere (keypad, another page) redraws it at once.
'use strict';
(function () {
  var el = window.motcuaEl, me = null, lastQueue = null, offset = 0, placed = false, busy = false;
  var staff = window.motcuaStaff(show), error = staff.error, json = staff.json;
  function $(id) { return document.getElementById(id); }
  // The appliance's clock (from the snapshot and pings): the recall and rating windows end by it, not the PC's.
  function now() { return Date.now() + offset; }

  var STATUS = { CLOSED: 'Đóng / Closed', OPEN: 'Đang mở / Open', PAUSED: 'Tạm nghỉ / Paused' };
  var TICKET = { CALLED: 'Đã gọi, chờ người dân đến / Called, waiting for the resident',
    SERVING: 'Đang phục vụ / Being served' };

  function show(m) {
    me = m; staff.loggedIn(m); $('desk').hidden = false;
    var sel = $('counter');
    if (!sel.options.length) { m.counters.forEach(function (c) { sel.appendChild(el('option', null, c)); }); }
    $('served').textContent = m.figures.served;
    $('avg').textContent = window.motcuaMinutes(m.figures.average_service_seconds);
    render();
  }

  function refresh() { fetch('/counter/me').then(json).then(function (r) { if (r.status === 200) { show(r.body); } }); }

  $('logout').onclick = function () {
    fetch('/counter/logout', { method: 'POST' }).then(function () { location.reload(); });
  };
  $('counter').onchange = render;
  $('transfer-counter').onchange = render;

  // Text set only when it changed: the status lines are live regions, read out on a change, not every second.
  function say(id, text) { var e = $(id); if (e.textContent !== text) { e.textContent = text; } }

  function counter(n) { return lastQueue.counters.filter(function (c) { return c.number === n; })[0]; }
  function serviceName(code) {
    var s = lastQueue.services.filter(function (x) { return x.code === code; })[0];
    return s ? s.name_vi + ' / ' + s.name_en : code;
  }

  // A clerk already open at a counter (another tab, a reload) lands on it, once after login.
  function place() {
    if (placed) { return; }
    placed = true;
    var at = lastQueue.counters.filter(function (c) {
      return c.staff === me.staff && c.status !== 'CLOSED' && me.counters.indexOf(c.number) >= 0;
    })[0];
    if (at) { $('counter').value = String(at.number); }
  }

  // Rebuilds a select only when its options changed (keeps the choice and the keyboard focus).
  function fill(select, items) {
    var keep = select.value, sig = JSON.stringify(items);
    if (select.dataset.sig !== sig) {
      select.textContent = '';
      items.forEach(function (i) { var o = el('option', null, i.text); o.value = i.value; select.appendChild(o); });
      select.dataset.sig = sig;
    }
    var still = items.filter(function (i) { return i.value === keep; })[0];
    var open = items.filter(function (i) { return !i.closed; })[0];
    if (still) { select.value = keep; } else if (open) { select.value = open.value; }
  }

  // The parked or skipped tickets this counter may call back: one button each.
  function pick(list, items, action, extra) {
    var sig = JSON.stringify(items.map(function (x) { return [x.number, extra(x)]; }));
    if (list.dataset.sig === sig) { return; }
    list.dataset.sig = sig; list.textContent = '';
    items.forEach(function (x) {
      var b = el('button', null);
      b.dataset.action = action; b.dataset.number = x.number;
      b.appendChild(el('b', null, x.number));
      b.appendChild(el('span', null, ' ' + serviceName(x.service) + extra(x)));
      var li = el('li'); li.appendChild(b); list.appendChild(li);
    });
  }

  function render() {
    if (!me || !lastQueue) { return; }
    place();
    var n = Number($('counter').value), c = counter(n);
    if (!c) { return; }
    var t = c.ticket ? c.ticket_status : null, idle = c.status === 'OPEN' && !c.ticket;
    var elsewhere = lastQueue.counters.filter(function (o) {
      return o.number !== n && o.status !== 'CLOSED' && o.staff === me.staff;
    })[0];
    var can = {
      open: c.status !== 'OPEN' && !elsewhere,
      'call-next': idle, pause: idle, close: c.status !== 'CLOSED' && !c.ticket,
      recall: t === 'CALLED', skip: t === 'CALLED', start: t === 'CALLED',
      finish: !!t, park: !!t
    };
    $('desk').dataset.state = c.status === 'CLOSED' ? 'closed' : t ? t.toLowerCase() : c.status === 'PAUSED' ? 'paused' : 'idle';
    say('counter-state', STATUS[c.status] + (c.staff ? ' · ' + c.staff : ''));
    say('current', c.ticket || '—');
    say('current-state', t ? TICKET[t] || t : '');
    Array.prototype.forEach.call($('actions').children, function (b) { b.hidden = !can[b.dataset.action]; });
    var open = $('actions').querySelector('[data-action=open]'), openText = c.status === 'PAUSED' ? 'Tiếp tục / Resume' : 'Mở quầy / Open';
    if (open.textContent !== openText) { open.textContent = openText; }
    say('next', c.next ? '· ' + c.next : '· Không còn ai chờ / Nobody waiting');

    var warn = $('elsewhere'), where = elsewhere && c.status !== 'OPEN' ? String(elsewhere.number) : '';
    warn.hidden = !where;
    if (warn.dataset.sig !== where) {
      warn.dataset.sig = where; warn.textContent = '';
    }
    if (where && !warn.firstChild) {
      var e = elsewhere.number;
      warn.appendChild(el('span', null, 'Bạn đang mở quầy ' + e + '. Mỗi cán bộ chỉ mở một quầy: hãy đóng quầy ' + e
        + ' trước khi mở quầy này. / You already have counter ' + e + ' open. One clerk, one counter: close counter ' + e
        + ' before opening this one. '));
      if (me.counters.indexOf(e) >= 0) {
        var go = el('button', null, 'Về quầy ' + e + ' / Go to counter ' + e); go.dataset.goto = e; warn.appendChild(go);
      }
    }

    $('transfer').hidden = !t;
    var closedTarget = null, noneOpen = false;
    if (t) {
      fill($('transfer-service'), lastQueue.services.filter(function (s) {
        return s.code !== c.ticket_service && lastQueue.counters.some(function (o) { return o.services.indexOf(s.code) >= 0; });
      }).map(function (s) { return { value: s.code, text: s.name_vi + ' / ' + s.name_en }; }));
      fill($('transfer-counter'), lastQueue.counters.filter(function (o) { return o.number !== n; }).map(function (o) {
        return { value: String(o.number), text: o.name + ' · ' + STATUS[o.status], closed: o.status === 'CLOSED' };
      }));
      var target = counter(Number($('transfer-counter').value));
      closedTarget = target && target.status === 'CLOSED' ? target : null;
      noneOpen = !lastQueue.counters.some(function (o) { return o.number !== n && o.status !== 'CLOSED'; });
    }
    // A closed counter is listed as closed; choosing it says why the transfer is not offered (issue 15, item 6).
    $('transfer-warning').hidden = !closedTarget;
    say('transfer-warning', !closedTarget ? '' : 'Quầy ' + closedTarget.number + ' đang đóng: không thể chuyển đến'
      + (noneOpen ? '; chưa có quầy nào khác đang mở.' : ', hãy chọn quầy đang mở.') + ' / Counter ' + closedTarget.number
      + ' is closed: cannot transfer there' + (noneOpen ? '; no other counter is open yet.' : ', choose an open one.'));

    var rate = !!c.rating_ticket && now() < c.rating_until;
    $('rating').hidden = !rate;
    say('rating-ticket', c.rating_ticket || '');

    function ours(x) { return x.counter === n || c.services.indexOf(x.service) >= 0; }
    var parked = idle ? lastQueue.parked.filter(ours) : [];
    var noShows = idle ? lastQueue.no_shows.filter(function (x) { return ours(x) && now() < x.recall_until; }) : [];
    pick($('parked'), parked, 'call-parked', function (x) { return x.counter ? ' · quầy / counter ' + x.counter : ''; });
    pick($('no-shows'), noShows, 'recall-no-show', function (x) {
      var m = Math.max(1, Math.ceil((x.recall_until - now()) / 60000));
      return ' · còn ' + m + ' phút / ' + m + ' min left';
    });
    $('parked-box').hidden = !parked.length;
    $('no-show-box').hidden = !noShows.length;

    Array.prototype.forEach.call($('desk').querySelectorAll('[data-action]'), function (b) { b.disabled = busy; });
    if (!busy) {
      $('actions').querySelector('[data-action=call-next]').disabled = !c.next;
      $('transfer').querySelector('[data-action=transfer-counter]').disabled = !!closedTarget || !$('transfer-counter').value;
      $('transfer').querySelector('[data-action=transfer-service]').disabled = !$('transfer-service').value;
    }
  }

  function body(b) {
    switch (b.dataset.action) {
      case 'open': return { staff: me.staff };
      case 'transfer-service': return { service: $('transfer-service').value };
      case 'transfer-counter': return { counter: Number($('transfer-counter').value) };
      case 'call-parked': case 'recall-no-show': return { number: b.dataset.number };
      case 'rate': return { score: Number(b.dataset.score) };
      default: return {};
    }
  }

  $('desk').onclick = function (ev) {
    var b = ev.target.closest('button');
    if (!b || !me || busy) { return; }
    if (b.dataset.goto) { $('counter').value = b.dataset.goto; render(); return; }
    if (!b.dataset.action) { return; }
    var path = b.dataset.action.indexOf('transfer-') === 0 ? 'transfer' : b.dataset.action;
    busy = true; render();
    fetch('/api/counters/' + $('counter').value + '/' + path, { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf }, body: JSON.stringify(body(b)) })
      .then(json).then(function (r) {
        busy = false;
        if (r.status !== 200) { error(r.body.message_vi + ' / ' + r.body.message_en); } else { error(''); refresh(); }
        render();
      }, function () {
        busy = false;
        error('Không gửi được, vui lòng thử lại / Could not send, please try again');
        render();
      });
  };

  function queue(q) {
    lastQueue = q;
    var list = $('queue'); list.textContent = '';
    q.services.forEach(function (s) { list.appendChild(el('li', null, s.name_vi + ' / ' + s.name_en + ': ' + s.waiting)); });
    render();
  }

  function clock(m) { offset = m.server_time - Date.now(); }
  window.motcuaLive({ snapshot: function (s) { clock(s); queue(s); }, queue: queue, ping: clock,
    devices: window.motcuaFaults('device-faults') });
  // the recall and rating windows close with time alone: look again every second
  setInterval(render, 1000);
  refresh();
})();
