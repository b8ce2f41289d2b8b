// The dispatcher's map: open cases as dots (red overdue, orange waiting for the dispatcher,
// blue the rest); a dot opens the case, and cases at the same spot share one dot with their count
// that lists them all. Works without a tile server.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('case-map');
    if (!el || !window.L || !window.GongzhiMapLabels) { return; }
    var d = el.dataset;
    var note = document.getElementById('map-note');
    var map = L.map(el, { zoomControl: false, attributionControl: !!d.tiles });
    window.GongzhiMapLabels.zoom(map);
    if (d.tiles) { L.tileLayer(d.tiles, { maxZoom: 19 }).addTo(map); }
    map.setView([30.66, 104.07], 10);
    var query = new URLSearchParams();
    // the page's language, not the browser's: names and states read as the page does
    query.set('lang', document.documentElement.lang || 'zh-CN');
    if (d.overdue === 'true') { query.set('overdue', 'true'); }
    if (d.category) { query.set('category', d.category); }
    // the areas' outlines, named, frame the map once drawn: the dots are seen where they lie in the area, not as a heap with stray lines
    var framed = false;
    var outlined = L.featureGroup();
    function frame() {
      if (outlined.getLayers().length) {
        map.fitBounds(outlined.getBounds(), { padding: [8, 8] });
        framed = true;
      }
      window.GongzhiMapLabels.fit(map, outlined);
    }
    map.on('zoomend', function () { window.GongzhiMapLabels.fit(map, outlined); });
    map.createPane('areas');
    map.getPane('areas').style.zIndex = 350;
    var areas = L.layerGroup().addTo(map);
    // the caller's areas, split one level down, under the dots (no tile server needed); a refusal just leaves them out
    (d.areas ? d.areas.split(',') : []).forEach(function (code) {
      fetch('/api/geo/units/' + encodeURIComponent(code) + '/children/boundaries', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : { features: [] }; })
        .then(function (fc) {
          L.geoJSON(fc, {
            interactive: false,
            pane: 'areas',
            style: { color: '#8a8f98', weight: 1, fillColor: '#ffffff', fillOpacity: 0.35 },
            onEachFeature: function (f, layer) { window.GongzhiMapLabels.name(f, layer); outlined.addLayer(layer); }
          }).addTo(areas);
          frame();
          el.dataset.areasDrawn = String((Number(el.dataset.areasDrawn) || 0) + fc.features.length);
        });
    });
    fetch('/api/cases/map?' + query.toString(), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw r; } return r.json(); })
      .then(function (fc) {
        var colour = function (p) {
          if (p.overdue) { return '#b3261e'; }
          if (p.state === 'reported' || p.state === 'accepted' || p.pending !== 'NONE') { return '#e37400'; }
          return '#1a73e8';
        };
        var urgency = function (p) { return p.overdue ? 0 : (p.state === 'reported' || p.state === 'accepted' || p.pending !== 'NONE') ? 1 : 2; };
        var entry = function (p) {
          var item = document.createElement('div');
          item.className = 'map-case';
          var title = document.createElement('strong');
          title.textContent = '#' + p.id + ' ' + p.category;
          var state = document.createElement('div');
          state.textContent = p.stateName + (p.lead ? ' · ' + p.lead : '');
          var text = document.createElement('div');
          text.textContent = p.description;
          var link = document.createElement('a');
          link.href = '/cases/' + p.id; link.textContent = d.openCase; link.className = 'open-case';
          [title, state, text, link].forEach(function (n) { item.appendChild(n); });
          return item;
        };
        // cases within about ten metres of each other share one dot that says how many and lists them all
        var groups = {};
        fc.features.forEach(function (f) {
          var c = f.geometry.coordinates;
          var key = c[1].toFixed(4) + ',' + c[0].toFixed(4);
          (groups[key] = groups[key] || []).push(f);
        });
        var layer = L.featureGroup();
        Object.keys(groups).forEach(function (key) {
          var group = groups[key].sort(function (a, b) { return urgency(a.properties) - urgency(b.properties); });
          var c = group[0].geometry.coordinates;
          var dot = L.circleMarker([c[1], c[0]], { radius: group.length > 1 ? 11 : 7, weight: group.length > 1 ? 2 : 1, color: '#fff',
            fillColor: colour(group[0].properties), fillOpacity: 0.9 });
          if (group.length > 1) {
            dot.bindTooltip(String(group.length), { permanent: true, direction: 'center', className: 'stack-count' });
          }
          var box = document.createElement('div');
          box.className = 'map-cases';
          group.forEach(function (f) { box.appendChild(entry(f.properties)); });
          dot.bindPopup(box, { maxHeight: 280 });
          layer.addLayer(dot);
        });
        layer.addTo(map);
        el.dataset.dots = String(Object.keys(groups).length);
        if (fc.features.length && !framed) {
          map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 16 });
        }
        var lines = [];
        if (!fc.features.length) { lines.push(d.none); }
        if (fc.unlocated > 0) { lines.push(d.unlocated.replace('{n}', fc.unlocated)); }
        if (fc.truncated) { lines.push(d.truncated); }
        note.textContent = lines.join(' ');
        el.dataset.drawn = String(fc.features.length);
      });
  });
})();
