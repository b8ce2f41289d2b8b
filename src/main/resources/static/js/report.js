// The report form's place: "Use my location" fills lon/lat (which the server locates to grid and
// community) and shows the place by name; typing a name offers the places whose name holds it.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('locate-me');
  const shown = document.getElementById('located');
  const lang = document.documentElement.lang || 'zh-CN';
  const search = document.getElementById('place');
  const options = document.getElementById('place-options');
  if (search && options && search.dataset.search) {
    let timer;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      const text = search.value.trim();
      if (text.length < 2) { return; }
      timer = setTimeout(() => {
        fetch(search.dataset.search + '?q=' + encodeURIComponent(text) + '&lang=' + lang, {headers: {Accept: 'application/json'}})
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
  if (!button || !navigator.geolocation) {
    if (button) button.hidden = true;
    return;
  }
  button.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(position => {
      const lon = position.coords.longitude.toFixed(6);
      const lat = position.coords.latitude.toFixed(6);
      document.getElementById('lon').value = lon;
      document.getElementById('lat').value = lat;
      shown.textContent = button.dataset.located + ' ' + lat + ', ' + lon;
      fetch(button.dataset.at + '?lon=' + lon + '&lat=' + lat + '&lang=' + lang, {headers: {Accept: 'application/json'}})
        .then(r => r.ok ? r.json() : null)
        .then(place => {
          if (place) { shown.textContent = button.dataset.located + ' ' + place.name + (place.where ? '（' + place.where + '）' : ''); }
        })
        .catch(() => {});
    }, () => {
      shown.textContent = button.dataset.failed;
    }, {enableHighAccuracy: true, timeout: 10000});
  });
});
