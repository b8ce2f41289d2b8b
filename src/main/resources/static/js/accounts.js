// The place picker on the account pages: a found unit's code is added to the places field.
document.addEventListener('click', function (event) {
    var button = event.target.closest('.pick-unit');
    if (!button) {
        return;
    }
    var field = document.getElementById('units');
    var codes = field.value.split(/[\s,，;；]+/).filter(function (c) { return c.length > 0; });
    if (codes.indexOf(button.dataset.code) < 0) {
        codes.push(button.dataset.code);
    }
    field.value = codes.join(' ');
    button.closest('ul').innerHTML = '';
    var picker = document.getElementById('unit-picker');
    picker.value = '';
    field.focus();
});
