// The report form's place. The map opens on the reporter's area with the places one level down by
// name; a tap on a district or sub-district opens it, a tap inside a community or finer (or "Use my
// location") sets the pin and fills lon/lat, which the server locates to grid and community. The
// place the pin falls in is named under the map, which then draws that community's grids. Typing a name instead offers the
// places whose name holds it, and clears the pin (a pin wins over a name on the server).
document.addEventListener('DOMContentLoaded', () => {
  'use strict';
  const lang = document.documentElement.lang || 'zh-CN';
  const button = document.getElementById('locate-me');
  const shown = document.getElementById('located');
  const unpin = document.getElementById('unpin');
  const lonField = document.getElementById('lon');
  const latField = document.getElementById('lat');
  const search = document.getElementById('place');
  const options = document.getElementById('place-options');
  const json = {headers: {Accept: 'application/json'}, credentials: 'same-origin'};

  const mapEl = document.getElementById('report-map');
  let map = null;
  let pin = null;
  let outlines = null;
  let drawnArea = null;

  // Outlines one level down from {@code code}. A district or a sub-district opens on a tap (the map
  // zooms into it and draws its own children); inside a community or finer a tap sets the pin.
  const OPENS = ['CITY', 'DISTRICT', 'SUBDISTRICT'];
  // A place without places below it on record (a community whose grids are not drawn yet) shows its
  // own outline, to pin inside.
  function drawArea(code, fit, self) {
    if (!map || !code || code === drawnArea) { return; }
    drawnArea = code;
    fetch(mapEl.dataset.outlines.replace('CODE', encodeURIComponent(code)) + '?lang=' + lang, json)
      .then(r => r.ok ? r.json() : {features: []})
      .then(fc => {
        const leaf = !fc.features.length && !!self;
        if (leaf) { fc = {type: 'FeatureCollection', features: [self]}; }
        if (outlines) { outlines.remove(); }
        outlines = L.geoJSON(fc, {
          style: {color: '#5b6472', weight: 1.2, fillColor: '#ffffff', fillOpacity: 0.3},
          onEachFeature: (f, layer) => {
            window.GongzhiMapLabels.name(f, layer);
            layer.on('click', e => {
              L.DomEvent.stopPropagation(e);
              if (!leaf && OPENS.includes(f.properties.level)) {
                trail.push(drawnArea);
                drawArea(f.properties.code, true, f);
              } else {
                pinAt(e.latlng);
              }
            });
          }
        }).addTo(map);
        if (fit && fc.features.length) { map.fitBounds(outlines.getBounds(), {padding: [8, 8]}); }
        fitLabels();
        listAreas(leaf ? [] : fc.features);
        mapEl.dataset.areasDrawn = String(fc.features.length);
        mapEl.dataset.areaLevel = fc.features.length ? fc.features[0].properties.level : '';
      })
      .catch(() => {});
  }

  // a label shows only where its place is wide enough on screen to carry it; the list under the map names them all
  function fitLabels() { window.GongzhiMapLabels.fit(map, outlines); }

  // the places drawn, as buttons: a district, sub-district or community opens on a tap
  const areaList = document.getElementById('map-areas');
  const trail = [];
  function listAreas(features) {
    if (!areaList) { return; }
    // a community opens from the list too (to its grids), though a tap on it on the map sets the pin
    const opening = features.filter(f => OPENS.includes(f.properties.level) || f.properties.level === 'COMMUNITY');
    const buttons = opening.map(f => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'chip';
      b.textContent = f.properties.name;
      b.addEventListener('click', () => { trail.push(drawnArea); drawArea(f.properties.code, true, f); });
      return b;
    });
    if (trail.length) {
      const up = document.createElement('button');
      up.type = 'button';
      up.className = 'chip up';
      up.textContent = areaList.dataset.up;
      up.addEventListener('click', () => drawArea(trail.pop(), true));
      buttons.unshift(up);
    }
    areaList.replaceChildren(...buttons);
  }

  function pinAt(latlng) {
    setPin(latlng.lat, latlng.lng, mapEl.dataset.picked || button.dataset.located);
    if (map.getZoom() < 15) { map.setView(latlng, 15); }
  }

  function clearPin() {
    lonField.value = '';
    latField.value = '';
    if (pin) { pin.remove(); pin = null; }
    shown.textContent = '';
    if (unpin) { unpin.hidden = true; }
    if (mapEl) { mapEl.dataset.pinned = ''; }
  }

  function setPin(lat, lon, prefix) {
    lonField.value = lon.toFixed(6);
    latField.value = lat.toFixed(6);
    if (search && search.tagName === 'INPUT') { search.value = ''; }
    if (search && search.tagName === 'SELECT') { search.value = ''; }
    if (unpin) { unpin.hidden = false; }
    if (map) {
      if (pin) { pin.setLatLng([lat, lon]); } else {
        pin = L.marker([lat, lon], {draggable: true, keyboard: true}).addTo(map);
        pin.on('dragend', () => { const at = pin.getLatLng(); setPin(at.lat, at.lng, prefix); });
      }
    }
    shown.textContent = prefix + ' ' + latField.value + ', ' + lonField.value;
    fetch(button.dataset.at + '?lon=' + lonField.value + '&lat=' + latField.value + '&lang=' + lang, json)
      .then(r => {
        if (r.status === 404) { clearPin(); shown.textContent = button.dataset.outside; return null; }
        return r.ok ? r.json() : null;
      })
      .then(place => {
        if (!place) { return; }
        shown.textContent = prefix + ' ' + place.name + (place.where ? (lang.startsWith('zh') ? '（' + place.where + '）' : ' (' + place.where + ')') : '');
        if (mapEl) { mapEl.dataset.pinned = place.code; }
        drawArea(place.community, false);
      })
      .catch(() => {});
  }

  if (mapEl && window.L && window.GongzhiMapLabels) {
    const d = mapEl.dataset;
    map = L.map(mapEl, {zoomControl: false, attributionControl: !!d.tiles, scrollWheelZoom: false, zoomSnap: 0.25});
    window.GongzhiMapLabels.zoom(map);
    mapEl.leafletMap = map; // for whoever drives the page (a browser test) to find a place's pixel
    if (d.tiles) { L.tileLayer(d.tiles, {maxZoom: 19}).addTo(map); }
    map.setView([30.66, 104.06], 10);
    drawArea(d.area, true);
    // a tap outside every outline drawn (e.g. between two districts' labels) pins there too
    map.on('click', e => pinAt(e.latlng));
    map.on('zoomend', fitLabels);
    // a typed-back form (after a refusal) shows its pin again
    if (lonField.value && latField.value) {
      const lat = Number(latField.value);
      const lon = Number(lonField.value);
      setPin(lat, lon, button.dataset.located);
      map.setView([lat, lon], 16);
    }
  }
  if (unpin) { unpin.addEventListener('click', clearPin); }

  if (search) {
    search.addEventListener('change', () => { if (search.value) { clearPin(); } });
  }
  if (search && options && search.dataset.search) {
    let timer;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      const text = search.value.trim();
      if (text.length < 2) { return; }
      timer = setTimeout(() => {
        fetch(search.dataset.search + '?q=' + encodeURIComponent(text) + '&lang=' + lang, json)
          .then(r => r.ok ? r.json() : [])
          .then(places => {
            options.replaceChildren(...places.map(p => {
              const option = document.createElement('option');
              option.value = p.name;
              option.label = p.where;
              return option;
            }));
          })
          .catch(() => {});
      }, 250);
    });
  }
  if (!button) { return; }
  if (!navigator.geolocation) {
    button.hidden = true;
    return;
  }
  button.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(position => {
      const lat = position.coords.latitude;
      const lon = position.coords.longitude;
      setPin(lat, lon, button.dataset.located);
      if (map) { map.setView([lat, lon], 16); }
    }, () => {
      shown.textContent = button.dataset.failed;
    }, {enableHighAccuracy: true, timeout: 10000});
  });
});
