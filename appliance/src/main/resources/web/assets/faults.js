// The staff pages' device fault list (printer, code reader, counter boards, service buttons): the server pushes
// the whole current list as a 'devices' frame on connect and on every change, so a fault appears within seconds
// and disappears when the device recovers. One line per device, Vietnamese then English, the technician's detail
// in small print.
'use strict';
window.motcuaFaults = function (containerId) {
  var el = window.motcuaEl;
  return function (msg) {
    var box = document.getElementById(containerId);
    box.textContent = '';
    (msg.faults || []).forEach(function (f) {
      var line = el('div', 'warning late', f.message_vi);
      line.dataset.device = f.device;
      line.appendChild(el('div', 'en', f.message_en));
      line.appendChild(el('small', 'en', f.detail));
      box.appendChild(line);
    });
  };
};
