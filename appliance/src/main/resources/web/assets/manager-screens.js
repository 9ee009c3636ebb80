// Manager view, paired screens (/manager/screens): every hall display and counter-top screen paired over the LAN
// (name, kind, what it shows, online, last seen) with a revoke button, and the form that confirms a new screen's code.
// Shown when the figures board is (a manager logged in); the list is asked again every 10 s for online / last seen.
'use strict';
(function () {
  var el = window.motcuaEl, csrf = null, timer = null, office = { services: [], counters: [] };
  function $(id) { return document.getElementById(id); }

  function say(text, bad) {
    var m = $('screens-message'); m.textContent = text || ''; m.hidden = !text;
    m.className = bad ? 'warning' : 'notice';
  }
  function answer(r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); }

  function post(path, body, done, after) {
    fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf || '' },
      body: JSON.stringify(body || {}) }).then(answer).then(function (r) {
      if (r.status !== 200) { return say(r.body.message_vi + ' / ' + r.body.message_en, true); }
      say(done); draw(r.body); if (after) { after(); }
    });
  }

  function when(ms) {
    if (!ms) { return '—'; }
    return new Date(ms).toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit', day: '2-digit', month: '2-digit' });
  }

  function shows(s) {
    if (s.role === 'counter-screen') { return 'Quầy ' + s.counters.join(', ') + ' / Counter ' + s.counters.join(', '); }
    if (s.role === 'satellite') {
      // a satellite takes every service's tickets; what matters is its devices' faults, as it last reported them
      return !s.faults || !s.faults.length ? 'Thiết bị bình thường / Devices OK' : s.faults.map(function (f) {
        return 'Lỗi ' + f.device + ': ' + f.reason + ' / ' + f.device + ' fault: ' + f.reason;
      }).join('; ');
    }
    var services = !s.services.length ? 'Mọi dịch vụ / Every service' : s.services.map(function (code) {
      var d = office.services.filter(function (x) { return x.code === code; })[0];
      return d ? d.name_vi + ' / ' + d.name_en : code;
    }).join('; ');
    return s.counters.length ? services + '; quầy ' + s.counters.join(', ') + ' / counters ' + s.counters.join(', ') : services;
  }

  function row(s) {
    var tr = el('tr', s.revoked ? 'screen-revoked' : 'screen-working'); tr.dataset.screen = s.id;
    tr.appendChild(el('td', null, s.name));
    tr.appendChild(el('td', null, s.role_vi + ' / ' + s.role_en));
    tr.appendChild(el('td', null, shows(s)));
    tr.appendChild(el('td', 'screen-online', s.revoked ? 'Đã thu hồi / Revoked'
      : (s.online ? 'Đang kết nối / Online' : 'Không kết nối / Offline')));
    tr.appendChild(el('td', null, when(s.last_seen)));
    var acts = el('td');
    if (!s.revoked) {
      var b = el('button', 'revoke', 'Thu hồi / Revoke'); b.type = 'button';
      b.setAttribute('aria-label', 'Thu hồi ' + s.name + ' / Revoke ' + s.name);
      b.onclick = function () {
        post('/manager/screens/' + s.id + '/revoke', {}, 'Đã thu hồi ' + s.name + ' / ' + s.name + ' revoked');
      };
      acts.appendChild(b);
    }
    tr.appendChild(acts);
    return tr;
  }

  function draw(list) {
    office = list;
    var t = $('screens'); t.textContent = '';
    var head = el('tr');
    [['Tên', 'Name'], ['Loại', 'Kind'], ['Hiển thị', 'Shows'], ['Kết nối', 'Link'], ['Lần cuối', 'Last seen'],
      ['Thao tác', 'Actions']].forEach(function (c) {
      var th = el('th', null, c[0]); th.appendChild(el('div', 'en', c[1])); head.appendChild(th);
    });
    t.appendChild(head);
    list.screens.forEach(function (s) { t.appendChild(row(s)); });
    var box = $('screen-services');
    if (!box.querySelector('input')) {
      list.services.forEach(function (s) {
        var label = el('label', 'counter-choice'), input = el('input', 'screen-service');
        input.type = 'checkbox'; input.value = s.code;
        label.appendChild(input); label.appendChild(document.createTextNode(' ' + s.name_vi + ' / '));
        label.appendChild(el('span', 'en', s.name_en));
        box.appendChild(label);
      });
      var sel = $('screen-counter'), boxes = $('screen-counters');
      list.counters.forEach(function (c) {
        var o = el('option', null, c.name); o.value = c.number; sel.appendChild(o);
        var label = el('label', 'counter-choice'), input = el('input', 'screen-counter-choice');
        input.type = 'checkbox'; input.value = c.number;
        label.appendChild(input); label.appendChild(document.createTextNode(' ' + c.name));
        boxes.appendChild(label);
      });
    }
    $('screens-admin').hidden = false;
  }

  function load() {
    fetch('/counter/me', { cache: 'no-store' }).then(answer).then(function (me) {
      if (me.status !== 200 || me.body.role !== 'manager') { stop(); return null; }
      csrf = me.body.csrf;
      return fetch('/manager/screens', { cache: 'no-store' }).then(answer);
    }).then(function (r) {
      if (r && r.status === 200) { draw(r.body); }
    });
  }
  function refresh() {
    fetch('/manager/screens', { cache: 'no-store' }).then(answer).then(function (r) {
      if (r.status === 200) { draw(r.body); }
    }).catch(function () { /* offline: the next tick asks again */ });
  }
  function stop() { $('screens-admin').hidden = true; csrf = null; clearInterval(timer); timer = null; }

  $('screen-role').onchange = function () {
    var counterScreen = this.value === 'counter-screen', satellite = this.value === 'satellite';
    $('screen-services').hidden = counterScreen || satellite; $('screen-counters').hidden = counterScreen || satellite;
    $('screen-counter').hidden = !counterScreen; $('screen-counter-label').hidden = !counterScreen;
  };
  $('screen-pair').onsubmit = function (ev) {
    ev.preventDefault();
    var role = $('screen-role').value, name = $('screen-name').value, services = [], counters = [];
    $('screen-services').querySelectorAll('input.screen-service').forEach(function (b) {
      if (b.checked) { services.push(b.value); }
    });
    $('screen-counters').querySelectorAll('input.screen-counter-choice').forEach(function (b) {
      if (b.checked) { counters.push(Number(b.value)); }
    });
    var body = { code: $('screen-code').value, name: name, role: role };
    if (role === 'counter-screen') {
      body.counter = Number($('screen-counter').value);
    } else if (role !== 'satellite') {
      body.services = services; body.counters = counters;
    }
    post('/manager/screens', body, 'Đã ghép nối ' + name + ' / ' + name + ' paired', function () {
      $('screen-code').value = ''; $('screen-name').value = '';
    });
  };

  new MutationObserver(function () {
    if ($('board').hidden) { stop(); } else if (!csrf) { load(); if (!timer) { timer = setInterval(refresh, 10000); } }
  }).observe($('board'), { attributes: true, attributeFilter: ['hidden'] });
})();
