// The status page on the Pi's own screens: back to the kiosk's start after a minute without a touch or a key, so a
// resident's dossier does not stay on the public screen. Any touch or key starts the minute again, so a resident still
// reading keeps the page as long as they want (WCAG 2.2.1, timing adjustable; a <meta> refresh could not be extended).
// Without script the page works as before and stays until someone presses "Back".
'use strict';
(function () {
  var IDLE_MS = 60000, idle = null;
  function restart() { clearTimeout(idle); idle = setTimeout(function () { window.location.href = '/kiosk'; }, IDLE_MS); }
  ['pointerdown', 'keydown'].forEach(function (t) { document.addEventListener(t, restart); });
  restart();
})();
