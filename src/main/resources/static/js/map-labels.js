// Names on map outlines, shared by the pages' maps: each outline carries its place's name as a
// label (as text, never as markup), shown only where the place is wide enough on screen to carry
// it and clear of the names kept beside it, so a zoomed-out map is not a heap of overlapping
// names; and zoom buttons that speak the page's language.
(function () {
  'use strict';
  function name(feature, layer) {
    var text = feature.properties && (feature.properties.name || feature.properties.displayName);
    if (!text) { return; }
    var label = document.createElement('span');
    label.textContent = text;
    layer.bindTooltip(label, { permanent: true, direction: 'center', className: 'area-label' });
  }
  // the widest places keep their names first; a name that would overlap one already kept is hidden
  function fit(map, layers) {
    if (!layers) { return; }
    var labels = [];
    layers.eachLayer(function (layer) {
      var tip = layer.getTooltip && layer.getTooltip();
      var el = tip && tip.getElement();
      if (!el || !layer.getBounds) { return; }
      var b = layer.getBounds();
      var wide = map.latLngToContainerPoint(b.getNorthEast()).x - map.latLngToContainerPoint(b.getSouthWest()).x;
      el.style.visibility = 'hidden';
      if (wide >= el.textContent.length * 10) { labels.push({ el: el, wide: wide }); }
    });
    labels.sort(function (a, b) { return b.wide - a.wide; });
    var kept = [];
    labels.forEach(function (l) {
      var r = l.el.getBoundingClientRect();
      var clear = kept.every(function (k) { return r.right < k.left || r.left > k.right || r.bottom < k.top || r.top > k.bottom; });
      if (clear) { l.el.style.visibility = 'visible'; kept.push(r); }
    });
  }

  // the zoom buttons in the page's language
  function zoom(map) {
    var zh = (document.documentElement.lang || 'zh').indexOf('zh') === 0;
    L.control.zoom({ zoomInTitle: zh ? '放大' : 'Zoom in', zoomOutTitle: zh ? '缩小' : 'Zoom out' }).addTo(map);
  }
  window.GongzhiMapLabels = { name: name, fit: fit, zoom: zoom };
})();
