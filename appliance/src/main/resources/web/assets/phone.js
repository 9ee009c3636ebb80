'use strict';
// The phone page (PhoneHandler): asks for the ticket's state every data-refresh seconds (and at once when the page is
// shown again), updates the texts, and when the number is called shows it, vibrates where the phone allows and, once
// the resident turned the sound on (a browser plays sound only after a touch), beeps. A recall is a new call_id: it
// alerts again. Stops when the ticket is finished. Written for old phone browsers: no modules, no arrow functions.
(function () {
  var box = document.getElementById('ticket');
  if (!box) {
    return;
  }
  var stateUrl = box.getAttribute('data-state');
  var every = Math.max(2, parseInt(box.getAttribute('data-refresh'), 10) || 5) * 1000;
  var status = box.getAttribute('data-status');
  var callId = box.getAttribute('data-call');
  var alerts = 0;
  var audio = null;
  var timer = null;
  var done = false;
  var soundButton = document.getElementById('sound');
  var updatedText = document.getElementById('updated').innerHTML;

  function set(id, text) {
    var el = document.getElementById(id);
    if (el) {
      el.textContent = text;
    }
  }

  function tone(at, freq, length) {
    var osc = audio.createOscillator();
    var gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.6, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    osc.connect(gain);
    gain.connect(audio.destination);
    osc.start(at);
    osc.stop(at + length + 0.05);
  }

  // the hall's two-tone chime, three times
  function chime() {
    if (!audio) {
      return;
    }
    var t = audio.currentTime + 0.05;
    for (var i = 0; i < 3; i++) {
      tone(t + i * 1.1, 880, 0.4);
      tone(t + i * 1.1 + 0.45, 660, 0.5);
    }
  }

  function alertCalled() {
    alerts++;
    box.setAttribute('data-alerts', String(alerts));
    var called = document.getElementById('called');
    called.classList.remove('flash');
    void called.offsetWidth; // restart the flash for a recall
    called.classList.add('flash');
    chime();
    if (navigator.vibrate) {
      try {
        box.setAttribute('data-vibrated', String(navigator.vibrate([500, 250, 500, 250, 500])));
      } catch (e) {
        // a browser that refuses vibration without a touch: the screen and the sound still tell
      }
    }
  }

  function show(s) {
    var wasCall = callId;
    status = s.status;
    callId = String(s.call_id);
    box.setAttribute('data-status', status);
    box.setAttribute('data-call', callId);
    set('state-vi', s.state_vi);
    set('state-en', '/ ' + s.state_en);
    set('ahead', String(s.people_ahead));
    set('wait-vi', s.wait_vi);
    set('wait-en', '/ ' + s.wait_en);
    document.getElementById('wait').hidden = status !== 'waiting';
    var called = document.getElementById('called');
    if (status === 'called') {
      set('called-vi', s.state_vi);
      set('called-en', s.state_en);
      called.hidden = false;
      document.getElementById('state-box').hidden = true; // the alert says it, once
      if (callId !== wasCall || alerts === 0) {
        alertCalled();
      }
    } else {
      called.hidden = true;
      document.getElementById('state-box').hidden = false;
    }
    var u = document.getElementById('updated');
    if (u.classList.contains('stale')) {
      u.classList.remove('stale');
      u.innerHTML = updatedText; // the server's own markup, as it was
    }
  }

  function finished(vi, en) {
    done = true;
    box.setAttribute('data-status', 'finished');
    var main = box.parentNode;
    main.textContent = '';
    var msg = document.createElement('div');
    msg.id = 'finished';
    msg.className = 'message';
    msg.setAttribute('role', 'alert');
    var p1 = document.createElement('p');
    p1.textContent = vi;
    var p2 = document.createElement('p');
    p2.className = 'en';
    p2.lang = 'en';
    p2.textContent = en;
    msg.appendChild(p1);
    msg.appendChild(p2);
    main.appendChild(msg);
  }

  function poll() {
    if (done) {
      return;
    }
    clearTimeout(timer);
    var req = new XMLHttpRequest();
    req.open('GET', stateUrl, true);
    req.timeout = 8000;
    req.onload = function () {
      var body = null;
      try {
        body = JSON.parse(req.responseText);
      } catch (e) {
        body = null;
      }
      if (req.status === 200 && body) {
        show(body);
      } else if ((req.status === 410 || req.status === 404) && body && body.message_vi) {
        finished(body.message_vi, body.message_en);
      } else {
        stale();
      }
      next();
    };
    req.onerror = req.ontimeout = function () {
      stale();
      next();
    };
    req.send();
  }

  // a lost Wi-Fi is said, not hidden: the numbers on screen may be old
  function stale() {
    var u = document.getElementById('updated');
    u.classList.add('stale');
    u.textContent = 'Mất kết nối, đang thử lại… / Connection lost, retrying…';
  }

  function next() {
    if (!done) {
      timer = setTimeout(poll, every);
    }
  }

  soundButton.addEventListener('click', function () {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) {
      return;
    }
    if (!audio) {
      audio = new Ctx();
    }
    if (audio.resume) {
      audio.resume();
    }
    soundButton.setAttribute('aria-pressed', 'true');
    soundButton.innerHTML = 'Đã bật âm báo <span lang="en">/ Sound alert on</span>';
    box.setAttribute('data-sound', 'on');
    tone(audio.currentTime + 0.05, 880, 0.25); // so the resident hears what the alert will sound like
  });

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      poll();
    }
  });

  if (status === 'called') {
    alertCalled();
  }
  next();
})();
