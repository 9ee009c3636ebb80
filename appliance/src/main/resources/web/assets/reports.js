// The reports page: the controls make the query every report address takes (period, date or from/to, group), the
// figures come from /manager/reports/data and the charts are SVG drawn by the server at /manager/reports/chart.svg.
// Nothing is computed here but the change against the previous period; times are shown as m:ss, "—" when unmeasured.
'use strict';
(function () {
  var tried = false; // a login was made on this page: a clerk's is refused in words
  var staff = window.motcuaStaff(function () { tried = true; load(); });
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (cls === 'en') { e.lang = 'en'; } // the English beside the Vietnamese, read in its own language
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  // [figure in Figures.asMap(), Vietnamese, English, how it is shown]
  var FIGURES = [
    ['issued', 'Số phiếu', 'Issued', 'n'], ['served', 'Đã phục vụ', 'Served', 'n'],
    ['no_shows', 'Vắng mặt', 'No-shows', 'n'], ['expired', 'Hết hạn', 'Expired', 'n'],
    ['transferred', 'Đã chuyển', 'Transferred', 'n'], ['parked', 'Tạm gác', 'Parked', 'n'],
    ['average_wait_seconds', 'Chờ TB', 'Avg wait', 't'], ['p50_wait_seconds', 'Chờ trung vị', 'Median wait', 't'],
    ['p90_wait_seconds', 'Chờ P90', 'P90 wait', 't'], ['longest_wait_seconds', 'Chờ lâu nhất', 'Longest wait', 't'],
    ['average_service_seconds', 'Phục vụ TB', 'Avg service', 't'], ['ratings', 'Số đánh giá', 'Ratings', 'n'],
    ['average_rating', 'Đánh giá TB', 'Avg rating', 'r'], ['rating_1', 'Rất hài lòng (1)', 'Very satisfied (1)', 'n'],
    ['rating_2', 'Hài lòng (2)', 'Satisfied (2)', 'n'], ['rating_3', 'Bình thường (3)', 'Neutral (3)', 'n'],
    ['rating_4', 'Không hài lòng (4)', 'Not satisfied (4)', 'n'],
    ['breaches', 'Chờ quá giới hạn', 'Waits over the limit', 'n'],
    ['booked', 'Lịch hẹn', 'Booked', 'n'], ['checked_in', 'Lịch hẹn đã đến', 'Checked in', 'n'],
    ['booked_on_time', 'Lịch hẹn đúng giờ', 'Booked on time', 'n'],
    ['booking_no_shows', 'Lịch hẹn vắng mặt', 'Booking no-shows', 'n']];
  var last = null;

  function value(f, key) { return key.indexOf('rating_') === 0 ? f.rating_counts[key.substring(7)] : f[key]; }

  function mss(s) { return Math.floor(s / 60) + ':' + ('0' + (s % 60)).slice(-2); }

  function shown(kind, v) {
    if (v === null || v === undefined) { return '—'; }
    if (kind === 't') { return mss(v); }
    if (kind === 'r') { return v.toFixed(2); }
    return String(v);
  }

  // The change against the previous period: a count's difference and percentage, a time's difference in m:ss.
  function change(kind, now, before) {
    if (now === null || before === null || now === undefined || before === undefined) { return ['—', '']; }
    var d = now - before;
    var sign = d > 0 ? '+' : d < 0 ? '−' : '±';
    var text = kind === 't' ? sign + mss(Math.abs(d)) : kind === 'r' ? sign + Math.abs(d).toFixed(2) : sign + Math.abs(d);
    if (kind === 'n' && before > 0) { text += ' (' + sign + Math.round(Math.abs(d) * 100 / before) + '%)'; }
    return [(d > 0 ? '▲ ' : d < 0 ? '▼ ' : '') + text, d > 0 ? 'up' : d < 0 ? 'down' : ''];
  }

  function th(vi, en) { var h = el('th', null, vi); h.appendChild(el('div', 'en', en)); return h; }

  function totals(d) {
    var t = $('totals'); t.textContent = '';
    var head = el('tr');
    [['Số liệu', 'Figure'], ['Kỳ này', 'This period'], ['Kỳ trước', 'Previous period'], ['Thay đổi', 'Change']]
      .forEach(function (c) { head.appendChild(th(c[0], c[1])); });
    t.appendChild(head);
    FIGURES.forEach(function (c) {
      var tr = el('tr'); tr.dataset.figure = c[0];
      var now = value(d.total, c[0]), before = value(d.previous_total, c[0]), ch = change(c[3], now, before);
      var name = el('td', null, c[1]); name.appendChild(el('span', 'en', ' / ' + c[2])); tr.appendChild(name);
      tr.appendChild(el('td', 'now', shown(c[3], now)));
      tr.appendChild(el('td', 'before', shown(c[3], before)));
      tr.appendChild(el('td', 'change ' + ch[1], ch[0]));
      t.appendChild(tr);
    });
  }

  function rowCells(tr, f) {
    FIGURES.forEach(function (c) {
      var td = el('td', null, shown(c[3], value(f, c[0]))); td.dataset.figure = c[0]; tr.appendChild(td);
    });
  }

  function rows(d) {
    $('rows-title').textContent = 'Theo ' + d.grouping.vi.toLowerCase() + ' ';
    $('rows-title').appendChild(el('span', 'en', '/ By ' + d.grouping.en.toLowerCase()));
    var t = $('rows'); t.textContent = '';
    var thead = el('thead'), head = el('tr');
    head.appendChild(th(d.grouping.vi, d.grouping.en));
    FIGURES.forEach(function (c) { head.appendChild(th(c[1], c[2])); });
    thead.appendChild(head); t.appendChild(thead);
    var body = el('tbody');
    if (d.rows.length === 0) {
      var empty = el('tr'), td = el('td', null, 'Không có số liệu trong kỳ này / No figures in this period');
      td.colSpan = FIGURES.length + 1; empty.appendChild(td); body.appendChild(empty);
    }
    d.rows.forEach(function (r) {
      var tr = el('tr'); tr.dataset.key = r.key;
      var name = el('td', null, r.label_vi);
      if (r.label_en !== r.label_vi) { name.appendChild(el('div', 'en', r.label_en)); }
      tr.appendChild(name); rowCells(tr, r.figures); body.appendChild(tr);
    });
    t.appendChild(body);
    var foot = el('tfoot'), total = el('tr'); total.dataset.key = 'total';
    total.appendChild(el('td', null, 'Tổng cộng / Total')); rowCells(total, d.total);
    foot.appendChild(total); t.appendChild(foot);
  }

  function title(p) {
    var vi = p.kind_vi + ' ' + dmy(p.from) + (p.from === p.to ? '' : ' – ' + dmy(p.to));
    return vi + ' / ' + p.kind_en + ' ' + p.from + (p.from === p.to ? '' : ' – ' + p.to);
  }
  function dmy(iso) { var p = iso.split('-'); return p[2] + '/' + p[1] + '/' + p[0]; }

  function query() {
    var q = new URLSearchParams();
    q.set('period', $('period').value);
    if ($('period').value === 'custom') { q.set('from', $('from').value); q.set('to', $('to').value); }
    else if ($('date').value) { q.set('date', $('date').value); }
    q.set('group', $('group').value);
    return q;
  }

  function chart(id, q, kind, of, vi, en) {
    var c = new URLSearchParams(q); c.set('kind', kind); if (of) { c.set('of', of); }
    var img = $(id); img.alt = vi + ' / ' + en; img.src = '/manager/reports/chart.svg?' + c.toString();
  }

  function draw(d, q) {
    last = d;
    if (d.period.kind !== 'custom' && !$('date').value) { $('date').value = d.period.from; } // say which period it is
    $('title').textContent = title(d.period);
    totals(d); rows(d);
    chart('chart-groups', q, 'groups', null, 'Số phiếu và đã phục vụ theo ' + d.grouping.vi.toLowerCase(),
      'Issued and served by ' + d.grouping.en.toLowerCase());
    chart('chart-trend', q, 'trend', null, 'Số phiếu và thời gian chờ trung bình theo ngày', 'Issued and average wait by day');
    chart('chart-arrivals', q, 'heatmap', 'arrivals', 'Số người đến theo giờ và thứ', 'Arrivals by hour and weekday');
    chart('chart-waits', q, 'heatmap', 'waits', 'Thời gian chờ trung bình theo giờ và thứ', 'Average wait by hour and weekday');
  }

  function load() {
    var q = query();
    history.replaceState(null, '', '/manager/reports?' + q.toString());
    fetch('/manager/reports/data?' + q.toString(), { cache: 'no-store' }).then(staff.json).then(function (r) {
      if (r.status === 403) {
        staff.loggedOut(); $('reports').hidden = true;
        if (r.body.error === 'MANAGER_ONLY' && tried) { staff.error(r.body.message_vi + ' / ' + r.body.message_en); }
        return;
      }
      $('login').hidden = true; $('reports').hidden = false;
      if (r.status !== 200) { return staff.error(r.body.message_vi + ' / ' + r.body.message_en); }
      staff.error(''); draw(r.body, q);
    });
  }

  // Previous / next: the server says which period comes before and after (a calendar unit, or a custom range's length).
  function go(p) {
    $('period').value = p.kind; kindChanged();
    if (p.kind === 'custom') { $('from').value = p.from; $('to').value = p.to; } else { $('date').value = p.from; }
    load();
  }

  function kindChanged() {
    var custom = $('period').value === 'custom';
    $('date-box').hidden = custom; $('from-box').hidden = !custom; $('to-box').hidden = !custom;
  }

  // A link or a reload keeps its report: the controls start from the address's query.
  var start = new URLSearchParams(location.search);
  ['period', 'date', 'from', 'to', 'group'].forEach(function (k) { if (start.get(k)) { $(k).value = start.get(k); } });
  kindChanged();
  $('period').onchange = kindChanged;
  $('report-form').onsubmit = function (ev) { ev.preventDefault(); load(); };
  $('previous').onclick = function () { if (last) { go(last.previous_period); } };
  $('next').onclick = function () { if (last) { go(last.next_period); } };
  load();
})();
