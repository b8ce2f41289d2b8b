// "Use my location" on the report form: the phone's position fills lon/lat, which the server locates to grid and community.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('locate-me');
  const shown = document.getElementById('located');
  if (!button || !navigator.geolocation) {
    if (button) button.hidden = true;
    return;
  }
  button.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(position => {
      document.getElementById('lon').value = position.coords.longitude.toFixed(6);
      document.getElementById('lat').value = position.coords.latitude.toFixed(6);
      shown.textContent = button.dataset.located + ' ' + position.coords.latitude.toFixed(5) + ', ' + position.coords.longitude.toFixed(5);
    }, () => {
      shown.textContent = button.dataset.failed;
    }, {enableHighAccuracy: true, timeout: 10000});
  });
});
