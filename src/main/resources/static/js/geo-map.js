// The geography page's map: draws the children of the current unit, drills down on click,
// and answers "where is this?" for any point clicked. Works without a tile server.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('map');
    if (!el || !window.L) { return; }
    var d = el.dataset;
    var levelName = function (level) { return el.getAttribute('data-level-' + level.toLowerCase()) || level; };
    var map = L.map(el, { zoomControl: true, attributionControl: !!d.tiles });
    if (d.tiles) { L.tileLayer(d.tiles, { maxZoom: 19 }).addTo(map); }
    map.setView([30.66, 104.07], 9);
    var layer = null;
    var highlight = null;

    function get(url) {
      return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) { throw r; } return r.json(); });
    }

    function crumbs(code) {
      get('/api/geo/units/' + encodeURIComponent(code) + '/chain').then(function (chain) {
        var nav = document.getElementById('geo-crumbs');
        nav.textContent = '';
        chain.forEach(function (u, i) {
          if (i > 0) { nav.appendChild(document.createTextNode(' › ')); }
          var a = document.createElement('a');
          a.href = '#'; a.textContent = u.displayName; a.dataset.code = u.code; a.className = 'unit';
          nav.appendChild(a);
        });
      });
    }

    function show(code, focus) {
      get('/api/geo/units/' + encodeURIComponent(code) + '/children/boundaries').then(function (fc) {
        if (!fc.features.length) { if (focus) { mark(focus); } return; }
        if (layer) { map.removeLayer(layer); }
        if (highlight) { map.removeLayer(highlight); highlight = null; }
        layer = L.geoJSON(fc, {
          style: { color: '#b3261e', weight: 1.5, fillColor: '#b3261e', fillOpacity: 0.06 },
          onEachFeature: function (f, l) {
            // Leaflet reads a string as HTML: a name is text (an imported name may look like markup)
            var tip = document.createElement('span');
            tip.textContent = f.properties.name + ' · ' + levelName(f.properties.level);
            l.bindTooltip(tip, { sticky: true });
            // one click: say where the point is, and open the area one level down
            l.on('click', function (e) { L.DomEvent.stop(e); locate(e.latlng, f.properties.code); });
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [8, 8] });
        crumbs(code);
        if (focus) { mark(focus); }
      });
    }

    function mark(code) {
      if (highlight) { map.removeLayer(highlight); highlight = null; }
      if (!layer) { return; }
      layer.eachLayer(function (l) {
        if (l.feature.properties.code === code) {
          highlight = L.geoJSON(l.feature, { style: { color: '#1a73e8', weight: 3, fillOpacity: 0.15 } }).addTo(map);
          map.fitBounds(highlight.getBounds(), { maxZoom: 15 });
        }
      });
    }

    function locate(latlng, clicked) {
      var box = document.getElementById('geo-located');
      get('/api/geo/locate?lon=' + latlng.lng.toFixed(6) + '&lat=' + latlng.lat.toFixed(6)).then(function (loc) {
        box.textContent = '';
        ['district', 'subdistrict', 'community', 'grid', 'compound'].forEach(function (k) {
          if (!loc[k]) { return; }
          var row = document.createElement('div');
          var b = document.createElement('strong');
          b.textContent = levelName(k.toUpperCase()) + '：';
          row.appendChild(b);
          row.appendChild(document.createTextNode(loc[k].name + ' (' + loc[k].code + ')'));
          box.appendChild(row);
        });
        if (clicked) { show(clicked); }
      }).catch(function () { box.textContent = d.outside; });
    }

    map.on('click', function (e) { locate(e.latlng); });

    document.addEventListener('click', function (e) {
      var a = e.target.closest('a.unit');
      if (!a) { return; }
      e.preventDefault();
      if (a.dataset.parent) { show(a.dataset.parent, a.dataset.code); } else { show(a.dataset.code); }
    });

    if (d.focus) {
      get('/api/geo/units/' + encodeURIComponent(d.focus)).then(function (u) { show(u.parentCode || u.code, u.code); });
    } else if (d.root) {
      show(d.root);
    }
  });
}());
