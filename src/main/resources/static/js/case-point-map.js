// A case's place on its page: the reported point, over the outlines of its community's grids with
// their names (from the map's API for staff, from the report form's outlines for a reporter), on the
// configured tiles or a plain background.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('case-point-map');
    if (!el || !window.L || !window.GongzhiMapLabels) { return; }
    var d = el.dataset;
    var at = [Number(d.lat), Number(d.lon)];
    var map = L.map(el, { zoomControl: false, attributionControl: !!d.tiles, scrollWheelZoom: false });
    window.GongzhiMapLabels.zoom(map);
    if (d.tiles) { L.tileLayer(d.tiles, { maxZoom: 19 }).addTo(map); }
    map.setView(at, 16);
    if (d.area) {
      fetch(d.outlines.replace('CODE', encodeURIComponent(d.area)), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : { features: [] }; })
        .then(function (fc) {
          var drawn = L.geoJSON(fc, {
            interactive: false,
            style: { color: '#8a8f98', weight: 1, fillColor: '#ffffff', fillOpacity: 0.35 },
            onEachFeature: function (f, layer) { window.GongzhiMapLabels.name(f, layer); }
          }).addTo(map);
          window.GongzhiMapLabels.fit(map, drawn);
          map.on('zoomend', function () { window.GongzhiMapLabels.fit(map, drawn); });
          el.dataset.areasDrawn = String(fc.features.length);
        })
        .catch(function () {});
    }
    L.circleMarker(at, { radius: 8, weight: 2, color: '#fff', fillColor: '#b3261e', fillOpacity: 0.95 }).addTo(map);
    el.dataset.drawn = 'true';
  });
})();
