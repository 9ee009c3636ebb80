// The satellite kiosk's touch page: each service button asks this satellite's /api/tickets, which takes the ticket
// from the master and prints it here; /satellite/state says whether the master is reachable (and, before pairing,
// the code a manager types on the master's /manager). Vietnamese first, English beside.
(function () {
  'use strict';
  var banner = document.getElementById('link');
  var result = document.getElementById('result');
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button.service'));
  var busy = false;

  function show(el, vi, en) {
    el.textContent = '';
    var v = document.createElement('p'); v.textContent = vi;
    var e = document.createElement('p'); e.className = 'en'; e.lang = 'en'; e.textContent = en;
    el.appendChild(v); el.appendChild(e);
    el.hidden = false;
  }

  function state() {
    fetch('/satellite/state', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
      var usable = s.paired && s.online;
      if (s.message_vi) {
        show(banner, s.message_vi + (s.code ? ' ' + s.code : ''), s.message_en + (s.code ? ' ' + s.code : ''));
      } else {
        banner.hidden = true;
      }
      buttons.forEach(function (b) { b.disabled = busy || !usable; });
    }).catch(function () {
      show(banner, 'Ki-ốt đang khởi động lại…', 'The kiosk is restarting…');
    });
  }

  buttons.forEach(function (b) {
    b.onclick = function () {
      if (busy) { return; }
      busy = true;
      buttons.forEach(function (x) { x.disabled = true; });
      show(result, 'Đang lấy số…', 'Taking your number…');
      fetch('/api/tickets', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ service: b.dataset.service }) })
        .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); })
        .then(function (a) {
          if (a.status === 201) {
            var t = a.body.ticket;
            show(result, 'Số của bạn: ' + t.number + ' — ' + t.service_name_vi + '. Trước bạn có ' + t.people_ahead
              + ' người. Vui lòng nhận phiếu.', 'Your number: ' + t.number + ' — ' + t.service_name_en + '. '
              + t.people_ahead + ' ahead of you. Please take your ticket.');
          } else {
            show(result, a.body.message_vi, a.body.message_en);
          }
        })
        .catch(function () { show(result, 'Không lấy được số, vui lòng thử lại.', 'No number could be taken, please try again.'); })
        .then(function () { busy = false; state(); setTimeout(function () { result.hidden = true; }, 15000); });
    };
  });
  state();
  setInterval(state, 2000);
})();
