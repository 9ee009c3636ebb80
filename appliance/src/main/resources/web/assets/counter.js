// Staff counter page: log in, then the keypad's actions through the JSON API with the session's CSRF token.
'use strict';
(function () {
  var el = window.motcuaEl, me = null, lastQueue = null;
  var staff = window.motcuaStaff(show), error = staff.error, json = staff.json;
  function $(id) { return document.getElementById(id); }

  function show(m) {
    me = m; staff.loggedIn(m); $('desk').hidden = false;
    var sel = $('counter');
    if (!sel.options.length) { m.counters.forEach(function (c) { sel.appendChild(el('option', null, c)); }); }
    $('served').textContent = m.figures.served;
    $('avg').textContent = window.motcuaMinutes(m.figures.average_service_seconds);
    if (lastQueue) { queue(lastQueue); }
  }

  function refresh() { fetch('/counter/me').then(json).then(function (r) { if (r.status === 200) { show(r.body); } }); }

  $('logout').onclick = function () {
    fetch('/counter/logout', { method: 'POST' }).then(function () { location.reload(); });
  };

  $('actions').onclick = function (ev) {
    var action = ev.target.closest('button') && ev.target.closest('button').dataset.action;
    if (!action || !me) { return; }
    var body = action === 'open' ? { staff: me.staff } : action === 'transfer' ? { service: $('transfer-to').value } : {};
    fetch('/api/counters/' + $('counter').value + '/' + action, { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf }, body: JSON.stringify(body) })
      .then(json).then(function (r) {
        if (r.status !== 200) { return error(r.body.message_vi + ' / ' + r.body.message_en); }
        error(''); refresh();
      });
  };

  function queue(q) {
    lastQueue = q;
    var list = $('queue'); list.textContent = '';
    var to = $('transfer-to');
    if (!to.options.length) { q.services.forEach(function (s) { var o = el('option', null, s.name_vi); o.value = s.code; to.appendChild(o); }); }
    q.services.forEach(function (s) { list.appendChild(el('li', null, s.name_vi + ' / ' + s.name_en + ': ' + s.waiting)); });
    var mine = q.counters.filter(function (c) { return String(c.number) === $('counter').value; })[0];
    $('current').textContent = mine && mine.ticket ? mine.ticket : '—';
  }

  window.motcuaLive({ snapshot: queue, queue: queue, devices: window.motcuaFaults('device-faults') });
  refresh();
})();
