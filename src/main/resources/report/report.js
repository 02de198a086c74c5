// The household index: pages through the JSON rows of every household, filtered by id. Rows are
// built with textContent, so an id that holds markup shows as text and never runs.
(function () {
  var data = document.getElementById('household-index');
  var section = document.getElementById('index');
  if (!data || !section) { return; }
  var rows = JSON.parse(data.textContent);
  var detailed = Number(section.getAttribute('data-detailed'));
  var filter = document.getElementById('index-filter');
  var outOnly = document.getElementById('index-out-of-band');
  var body = document.getElementById('index-rows');
  var count = document.getElementById('index-count');
  var prev = document.getElementById('index-prev');
  var next = document.getElementById('index-next');
  var PAGE = 50;
  var page = 0;
  var matching = rows;

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function draw() {
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var from = page * PAGE;
    var shown = matching.slice(from, from + PAGE);
    shown.forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-household', r[1]);
      cell(tr, String(r[0]), 'num');
      var name = cell(tr, '', '');
      if (r[0] <= detailed) {
        var a = document.createElement('a');
        a.href = '#hh-' + r[0];
        a.textContent = r[1];
        name.appendChild(a);
      } else {
        name.textContent = r[1];
      }
      cell(tr, String(r[2]), 'num');
      cell(tr, r[3], 'num');
      cell(tr, String(r[4]), 'num' + (r[4] > 0 ? ' bad' : ''));
      cell(tr, r[5], 'num');
      cell(tr, String(r[6]), 'num');
      cell(tr, String(r[7]), 'num');
      body.appendChild(tr);
    });
    count.textContent = matching.length === 0 ? 'no household matches'
      : (from + 1) + '–' + (from + shown.length) + ' of ' + matching.length.toLocaleString('en-US')
        + (matching.length === rows.length ? '' : ' matching');
    prev.disabled = page === 0;
    next.disabled = from + PAGE >= matching.length;
  }

  function apply() {
    var q = filter.value.trim().toLowerCase();
    var only = outOnly.checked;
    matching = rows.filter(function (r) {
      return (!only || r[4] > 0) && (q === '' || r[1].toLowerCase().indexOf(q) >= 0);
    });
    page = 0;
    draw();
  }

  filter.addEventListener('input', apply);
  outOnly.addEventListener('change', apply);
  prev.addEventListener('click', function () { if (page > 0) { page--; draw(); } });
  next.addEventListener('click', function () {
    if ((page + 1) * PAGE < matching.length) { page++; draw(); }
  });
  draw();
}());
