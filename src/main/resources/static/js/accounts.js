// The account form's pickers. A place found by name becomes a chip holding its code (the form
// sends every chip's code); a chip's × removes it. The departments' list narrows as a name is typed.
// Enter in either search box does not send the form.
(function () {
    'use strict';
    function chosen() { return document.getElementById('units-chosen'); }

    function showNone() {
        var none = document.getElementById('units-none');
        if (none) { none.hidden = chosen().querySelector('li') !== null; }
    }

    document.addEventListener('click', function (event) {
        var unpick = event.target.closest('.unpick');
        if (unpick) {
            unpick.closest('li').remove();
            showNone();
            document.getElementById('unit-picker').focus();
            return;
        }
        var button = event.target.closest('.pick-unit');
        if (!button) { return; }
        var list = chosen();
        var code = button.dataset.code;
        var taken = Array.prototype.some.call(list.querySelectorAll('input[name=units]'), function (i) { return i.value === code; });
        if (!taken) {
            var item = document.createElement('li');
            item.className = 'chip picked';
            var input = document.createElement('input');
            input.type = 'hidden';
            input.name = 'units';
            input.value = code;
            var name = document.createElement('span');
            name.textContent = button.dataset.name || code;
            var remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'unpick';
            remove.textContent = '×';
            remove.title = list.dataset.remove;
            remove.setAttribute('aria-label', list.dataset.remove + ' ' + name.textContent);
            item.append(input, name, ' ', remove);
            list.appendChild(item);
        }
        showNone();
        var results = document.getElementById('unit-results');
        if (results) { results.innerHTML = ''; }
        var picker = document.getElementById('unit-picker');
        picker.value = '';
        picker.focus();
    });

    // Enter in a search box searches; it never sends the account form the box sits in
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && (event.target.id === 'unit-picker' || event.target.id === 'department-filter')) {
            event.preventDefault();
        }
    });

    document.addEventListener('input', function (event) {
        if (event.target.id !== 'department-filter') { return; }
        var text = event.target.value.trim().toLowerCase();
        document.querySelectorAll('#department-list label').forEach(function (label) {
            var checked = label.querySelector('input').checked;
            label.hidden = text.length > 0 && !checked && label.textContent.toLowerCase().indexOf(text) < 0;
        });
    });
})();
