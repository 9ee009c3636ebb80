// The pairing page: asks for a code (POST /pair/code: the claim comes back as an HttpOnly cookie), shows it, and asks
// every 2 s whether a manager confirmed it (GET /pair/state). Confirmed, the answer carries the screen's token cookie
// and names the page to open; an expired code is replaced by a new one. A screen that loses the link says so and
// keeps trying.
'use strict';
(function () {
  var POLL_MS = 2000;
  function $(id) { return document.getElementById(id); }
  function say(text) { $('message').textContent = text || ''; }
  function answer(r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); }
  function refused(b) { return b.message_vi + ' / ' + b.message_en; }

  function show(b) {
    $('code').textContent = b.code;
    var min = Math.max(1, Math.ceil(b.expires_in_seconds / 60));
    $('expires').textContent = 'Mã dùng được trong ' + min + ' phút / Valid for ' + min + ' min';
  }

  function newCode() {
    fetch('/pair/code', { method: 'POST', cache: 'no-store' }).then(answer).then(function (r) {
      if (r.status !== 200) { say(refused(r.body)); setTimeout(newCode, 60000); return; }
      if (r.body.state === 'paired') { location.replace(r.body.page); return; } // paired already: its own page
      say(''); show(r.body); setTimeout(poll, POLL_MS);
    }).catch(function () { lost(); setTimeout(newCode, 5000); });
  }

  function poll() {
    fetch('/pair/state', { cache: 'no-store' }).then(answer).then(function (r) {
      if (r.status === 200 && r.body.state === 'paired') {
        say('Đã ghép nối: ' + r.body.name + ' / Paired: ' + r.body.name);
        location.replace(r.body.page);
        return;
      }
      if (r.status === 200) { say(''); show(r.body); setTimeout(poll, POLL_MS); return; }
      if (r.status === 410) { newCode(); return; }
      say(refused(r.body)); setTimeout(poll, 30000);
    }).catch(function () { lost(); setTimeout(poll, 5000); });
  }

  function lost() { say('Mất kết nối, đang thử lại… / Connection lost, retrying…'); }

  newCode();
})();
