// The staff pages' shared login (counter and manager): the form the server puts into each page from
// parts/staff-login.html, its submit, the "who" label in the header and the error line.
'use strict';
window.motcuaStaff = function (onLogin) {
  function $(id) { return document.getElementById(id); }
  function error(text) { var e = $('error'); e.textContent = text || ''; e.hidden = !text; }
  function json(r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); }
  function loggedIn(me) { $('login').hidden = true; $('who').textContent = '· ' + me.staff; }

  $('login-form').onsubmit = function (ev) {
    ev.preventDefault();
    fetch('/counter/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: $('user').value, password: $('password').value }) }).then(json).then(function (r) {
      $('password').value = '';
      if (r.status !== 200) { return error(r.body.message_vi + ' / ' + r.body.message_en); }
      error(''); loggedIn(r.body); onLogin(r.body);
    });
  };
  return {
    error: error, json: json, loggedIn: loggedIn,
    loggedOut: function () { $('login').hidden = false; $('who').textContent = ''; }
  };
};
