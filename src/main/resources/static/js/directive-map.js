// A directive's progress on the map: the place's children outlined and filled by how far they have
// answered (red: silent past the deadline, orange: still waiting, green: all acknowledged); a tap
// opens that child's progress. Works without a tile server; without outlines the map stays hidden.
(function () {
  'use strict';
  var COLOURS = { silent: '#b3261e', waiting: '#e37400', done: '#1e7b34' };
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('progress-map');
    if (!el || !window.L || !window.GongzhiMapLabels) { return; }
    var d = el.dataset;
    var counts = JSON.parse(d.counts || '{}');
    fetch('/api/geo/units/' + encodeURIComponent(d.code) + '/children/boundaries', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { features: [] }; })
      .then(function (fc) {
        var features = (fc.features || []).filter(function (f) { return f.geometry && counts[f.properties.code]; });
        if (!features.length) { return; }
        el.hidden = false;
        var legend = document.getElementById('progress-map-legend');
        if (legend) { legend.hidden = false; }
        var map = L.map(el, { zoomControl: false, attributionControl: false });
        window.GongzhiMapLabels.zoom(map);
        var layer = L.geoJSON({ type: 'FeatureCollection', features: features }, {
          style: function (f) {
            var c = counts[f.properties.code];
            var state = c.silent > 0 ? 'silent' : (c.acknowledged >= c.total ? 'done' : 'waiting');
            return { color: '#ffffff', weight: 1.5, fillColor: COLOURS[state], fillOpacity: state === 'done' ? 0.35 : 0.6 };
          },
          onEachFeature: function (f, l) {
            window.GongzhiMapLabels.name(f, l);
            l.on('click', function () { window.location.href = d.link.replace('CODE', encodeURIComponent(f.properties.code)); });
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [8, 8] });
        window.GongzhiMapLabels.fit(map, layer);
        map.on('zoomend', function () { window.GongzhiMapLabels.fit(map, layer); });
      });
  });
})();
