// Manager view, staff accounts: list, add, disable/enable, reset a password, set a clerk's counters
// (/manager/staff). Shown when the figures board is (a manager logged in), so manager.js needs no hook.
// A password typed here is sent once and cleared from the page; it is never shown again.
'use strict';
(function () {
  var el = window.motcuaEl, csrf = null, myName = null, counters = [];
  function $(id) { return document.getElementById(id); }
  var ROLE = { clerk: 'Cán bộ / Clerk', manager: 'Quản lý / Manager' };

  function say(text, bad) {
    var m = $('staff-admin-message'); m.textContent = text || ''; m.hidden = !text;
    m.className = bad ? 'warning' : 'notice';
  }
  function answer(r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); }

  function post(path, body, done) {
    fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf || '' },
      body: JSON.stringify(body || {}) }).then(answer).then(function (r) {
      if (r.status !== 200) { return say(r.body.message_vi + ' / ' + r.body.message_en, true); }
      say(done); draw(r.body);
      if (path === '/manager/staff') { $('staff-add-name').value = ''; $('staff-add-full-name').value = ''; }
    });
  }

  function boxes(into, chosen, cls) {
    counters.forEach(function (c) {
      var label = el('label', 'counter-choice'), box = el('input', cls);
      box.type = 'checkbox'; box.value = c.number; box.checked = chosen === '*' || chosen.indexOf(c.number) >= 0;
      label.appendChild(box); label.appendChild(document.createTextNode(' ' + c.name));
      into.appendChild(label);
    });
  }
  function picked(within, cls) {
    var out = [];
    within.querySelectorAll('input.' + cls).forEach(function (b) { if (b.checked) { out.push(Number(b.value)); } });
    return out.length === counters.length ? '*' : out;
  }

  function button(cls, text, onclick) { var b = el('button', cls, text); b.type = 'button'; b.onclick = onclick; return b; }

  function row(a) {
    var tr = el('tr', a.enabled ? 'account-active' : 'account-disabled'); tr.dataset.account = a.name;
    var who = el('td', null, a.name);
    var full = el('input', 'full-name'); full.maxLength = 64; full.value = a.full_name || '';
    full.setAttribute('aria-label', 'Họ tên của ' + a.name + ' / Full name of ' + a.name);
    full.placeholder = 'Họ tên / Full name';
    who.appendChild(full);
    who.appendChild(button('save-full-name', 'Lưu họ tên / Save name', function () {
      post('/manager/staff/' + a.name + '/full-name', { full_name: full.value },
        'Đã lưu họ tên của ' + a.name + ' / Full name saved for ' + a.name);
    }));
    tr.appendChild(who);
    tr.appendChild(el('td', null, ROLE[a.role] || a.role));
    var where = el('td', 'account-counters');
    if (a.role === 'manager') {
      where.textContent = 'Mọi quầy / Every counter';
    } else {
      boxes(where, a.counters, 'counter');
      where.appendChild(button('save-counters', 'Lưu quầy / Save counters', function () {
        post('/manager/staff/' + a.name + '/counters', { counters: picked(tr, 'counter') },
          'Đã lưu quầy của ' + a.name + ' / Counters saved for ' + a.name);
      }));
    }
    tr.appendChild(where);
    tr.appendChild(el('td', null, a.enabled ? 'Đang dùng / Active' : 'Đã khóa / Disabled'));
    var acts = el('td', 'account-actions');
    if (a.name !== myName) { // the server refuses it too: a manager never locks themselves out
      acts.appendChild(a.enabled
        ? button('disable', 'Khóa / Disable', function () {
            post('/manager/staff/' + a.name + '/disable', {}, 'Đã khóa ' + a.name + ' / ' + a.name + ' disabled');
          })
        : button('enable', 'Mở khóa / Enable', function () {
            post('/manager/staff/' + a.name + '/enable', {}, 'Đã mở khóa ' + a.name + ' / ' + a.name + ' enabled');
          }));
    }
    var pw = el('input', 'new-password'); pw.type = 'password'; pw.autocomplete = 'new-password'; pw.maxLength = 256;
    pw.placeholder = 'Mật khẩu mới / New password';
    acts.appendChild(pw);
    acts.appendChild(button('reset', 'Đặt lại mật khẩu / Reset password', function () {
      var value = pw.value; pw.value = '';
      post('/manager/staff/' + a.name + '/password', { password: value },
        'Đã đặt mật khẩu mới cho ' + a.name + ' / New password set for ' + a.name);
    }));
    tr.appendChild(acts);
    return tr;
  }

  function draw(list) {
    counters = list.counters;
    var t = $('staff-accounts'); t.textContent = '';
    var head = el('tr');
    [['Tên', 'Name'], ['Vai trò', 'Role'], ['Quầy', 'Counters'], ['Trạng thái', 'State'], ['Thao tác', 'Actions']]
      .forEach(function (c) { var th = el('th', null, c[0]); th.appendChild(el('div', 'en', c[1])); head.appendChild(th); });
    t.appendChild(head);
    list.accounts.forEach(function (a) { t.appendChild(row(a)); });
    var add = $('staff-add-counters');
    add.querySelectorAll('label').forEach(function (l) { l.remove(); });
    boxes(add, [], 'add-counter');
    $('staff-admin').hidden = false;
  }

  function load() {
    fetch('/counter/me', { cache: 'no-store' }).then(answer).then(function (me) {
      if (me.status !== 200 || me.body.role !== 'manager') { $('staff-admin').hidden = true; return null; }
      csrf = me.body.csrf; myName = me.body.staff;
      return fetch('/manager/staff', { cache: 'no-store' }).then(answer);
    }).then(function (r) {
      if (r && r.status === 200) { draw(r.body); }
    });
  }

  $('staff-add-role').onchange = function () { $('staff-add-counters').hidden = this.value === 'manager'; };
  $('staff-add').onsubmit = function (ev) {
    ev.preventDefault();
    var name = $('staff-add-name').value, role = $('staff-add-role').value, password = $('staff-add-password').value;
    var fullName = $('staff-add-full-name').value;
    $('staff-add-password').value = '';
    post('/manager/staff', { name: name, role: role, password: password, full_name: fullName,
      counters: role === 'manager' ? '*' : picked($('staff-add'), 'add-counter') },
      'Đã thêm ' + name + ' / ' + name + ' added');
  };

  // the figures board is shown once a manager is logged in, and hidden on logout or refusal: follow it
  new MutationObserver(function () {
    if ($('board').hidden) { $('staff-admin').hidden = true; csrf = null; } else if (!csrf) { load(); }
  }).observe($('board'), { attributes: true, attributeFilter: ['hidden'] });
})();
