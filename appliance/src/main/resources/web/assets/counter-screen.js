// Counter-top screen: one counter's number being served, its last three calls and whether it is paused or closed,
// from the live feed. Paired on the LAN, the feed carries this counter only and the snapshot names it (screen); on
// the Pi's own listener the counter is the page's ?counter=N.
'use strict';
(function () {
  var RECENT = 3, FLASH_MS = 6000;
  var el = window.motcuaEl, zone = 'Asia/Ho_Chi_Minh', counter = null, calls = [];
  function $(id) { return document.getElementById(id); }
  var STATE = {
    OPEN: ['', ''],
    PAUSED: ['Tạm dừng', 'Paused'],
    CLOSED: ['Quầy đóng', 'Closed']
  };

  function fromUrl() {
    var n = Number(new URLSearchParams(location.search).get('counter'));
    return n > 0 ? n : null;
  }

  function title() {
    var t = $('title'); t.textContent = 'Quầy ' + (counter || '?') + ' ';
    t.appendChild(el('span', 'en', '/ Counter ' + (counter || '?')));
  }

  function drawRecent() {
    var list = $('recent'); list.textContent = '';
    calls.slice(0, RECENT).forEach(function (c) { list.appendChild(el('li', null, c.number)); });
  }

  function queue(q) {
    q.counters.forEach(function (c) {
      if (c.number !== counter) { return; }
      $('number').textContent = c.status === 'CLOSED' ? '—' : (c.ticket || '—');
      var s = STATE[c.status] || ['', ''], st = $('state');
      st.textContent = s[0];
      if (s[1]) { st.appendChild(document.createTextNode(' ')); st.appendChild(el('span', 'en', '/ ' + s[1])); }
      st.className = 'state ' + c.status.toLowerCase();
      document.body.dataset.status = c.status;
    });
  }

  function call(c) {
    if (c.counter !== counter) { return; }
    calls.unshift(c); calls = calls.slice(0, RECENT);
    drawRecent();
    var n = $('number'); n.textContent = c.number;
    n.classList.remove('fresh'); void n.offsetWidth; n.classList.add('fresh');
    setTimeout(function () { n.classList.remove('fresh'); }, FLASH_MS);
  }

  function snapshot(s) {
    zone = s.zone || zone;
    counter = s.screen && s.screen.counters.length ? s.screen.counters[0] : fromUrl();
    title();
    calls = s.recent_calls.filter(function (c) { return c.counter === counter; }).slice(0, RECENT);
    drawRecent();
    queue(s);
    document.body.dataset.synced = String(s.server_time);
  }

  function clock() {
    $('time').textContent = new Date().toLocaleTimeString('vi-VN', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  }

  counter = fromUrl(); title();
  clock(); setInterval(clock, 1000);
  window.motcuaLive({
    snapshot: snapshot, call: call, queue: queue,
    online: function (up) { document.body.classList.toggle('is-offline', !up); }
  });
})();
