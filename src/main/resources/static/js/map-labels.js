// Names on map outlines, shared by the pages' maps: each outline carries its place's name as a
// label (as text, never as markup), shown only where the place is wide enough on screen to carry
// it, so a zoomed-out map is not a heap of overlapping names.
(function () {
  'use strict';
  function name(feature, layer) {
    var text = feature.properties && (feature.properties.name || feature.properties.displayName);
    if (!text) { return; }
    var label = document.createElement('span');
    label.textContent = text;
    layer.bindTooltip(label, { permanent: true, direction: 'center', className: 'area-label' });
  }
  function fit(map, layers) {
    if (!layers) { return; }
    layers.eachLayer(function (layer) {
      var tip = layer.getTooltip && layer.getTooltip();
      var el = tip && tip.getElement();
      if (!el || !layer.getBounds) { return; }
      var b = layer.getBounds();
      var wide = map.latLngToContainerPoint(b.getNorthEast()).x - map.latLngToContainerPoint(b.getSouthWest()).x;
      el.style.visibility = wide >= el.textContent.length * 10 ? 'visible' : 'hidden';
    });
  }
  window.GongzhiMapLabels = { name: name, fit: fit };
})();
