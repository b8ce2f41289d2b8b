// The grid worker's visits on a phone: tap a household, answer the round's form (drawn from its
// definition), save. Each visit gets a key made here and waits in the phone's storage until the
// server has answered for it, so nothing is lost without a connection or on a reload, and sending
// a batch again changes nothing on the server. Batches of up to 50 go whenever they can: at once,
// every 5 s after a failure, and when the browser says it is online again.
(function () {
  'use strict';
  var app = document.getElementById('visit-app');
  if (!app) {
    return;
  }
  var t = app.dataset;
  var form = JSON.parse(document.getElementById('visit-form').textContent);
  // per person as well as per round: on a shared phone, what one worker saved is never sent under another's sign-in
  var storeKey = 'gongzhi.screening.visits.' + t.round + '.' + t.user;
  var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
  try {
    Object.assign(headers, JSON.parse(document.body.getAttribute('hx-headers') || '{}'));
  } catch (e) { /* no token: the server will say so */ }
  var panel = document.getElementById('visit-panel');
  var fieldsBox = document.getElementById('visit-fields');
  var error = document.getElementById('visit-error');
  var sync = document.getElementById('sync');
  var queue = load();
  var sending = false;
  var failed = false;
  var sentAny = false;
  var current = null;
  var retry = null;

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeKey) || '[]');
    } catch (e) {
      return [];
    }
  }

  function store() {
    localStorage.setItem(storeKey, JSON.stringify(queue));
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function stateText(state) {
    var name = 'state' + state.toLowerCase().replace(/(^|_)([a-z])/g, function (m, u, c) { return c.toUpperCase(); });
    return t[name] || state;
  }

  function mark(household, state) {
    var button = document.getElementById('h-' + household);
    if (!button) {
      return;
    }
    var badge = button.querySelector('.badge');
    badge.className = 'badge v-' + state;
    badge.textContent = stateText(state);
    if (state !== 'PENDING') {
      button.dataset.state = state;
    }
  }

  function say(text) {
    sync.hidden = !text;
    sync.textContent = text || '';
    sync.classList.toggle('offline', failed && queue.length > 0);
  }

  function status() {
    if (queue.length) {
      say((sending ? t.sending : failed ? t.offline : t.waiting).replace('{0}', queue.length));
    } else {
      say(sentAny ? t.sent : '');
    }
  }

  // --- the form, drawn from its definition -------------------------------------------------

  // compares as the server does: numbers as numbers, dates as ISO days (which sort as text), the rest as text
  function compare(type, a, b) {
    if (type === 'NUMBER') {
      return Number(a) - Number(b);
    }
    return a === b ? 0 : a < b ? -1 : 1;
  }

  function holds(c, answers) {
    var a = answers[c.field];
    if (a === undefined || a === '') {
      return false;
    }
    var field = form.fields.filter(function (f) { return f.key === c.field; })[0];
    var type = field ? field.type : 'TEXT';
    if (type === 'NUMBER' && isNaN(Number(a))) {
      return false;
    }
    switch (c.op) {
      case 'IN': return c.values.indexOf(a) >= 0;
      case 'EQ': return compare(type, a, c.value) === 0;
      case 'NE': return compare(type, a, c.value) !== 0;
      case 'GE': return compare(type, a, c.value) >= 0;
      case 'GT': return compare(type, a, c.value) > 0;
      case 'LE': return compare(type, a, c.value) <= 0;
      case 'LT': return compare(type, a, c.value) < 0;
      case 'WITHIN_DAYS': return (Date.parse(t.today) - Date.parse(a)) / 86400000 <= Number(c.value) && a <= t.today;
      default: return false;
    }
  }

  function control(f) {
    var box = document.createElement('div');
    box.className = 'visit-field';
    box.dataset.key = f.key;
    var id = 'vf-' + f.key;
    if (f.type === 'YES_NO' || f.type === 'CHOICE') {
      var set = document.createElement('fieldset');
      set.className = 'choices';
      var legend = document.createElement('legend');
      legend.textContent = f.label;
      set.appendChild(legend);
      var options = f.type === 'YES_NO' ? [['1', t.yes], ['0', t.no]] : f.choices.map(function (c) { return [c, c]; });
      options.forEach(function (o, i) {
        var label = document.createElement('label');
        label.className = 'check';
        var input = document.createElement('input');
        input.type = 'radio';
        input.name = id;
        input.value = o[0];
        input.id = id + '-' + i;
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + o[1]));
        set.appendChild(label);
      });
      box.appendChild(set);
    } else {
      var label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = f.label;
      var input = document.createElement('input');
      input.id = id;
      input.name = id;
      if (f.type === 'NUMBER') {
        input.type = 'number';
        input.step = 'any';
        input.inputMode = 'decimal';
      } else if (f.type === 'DATE') {
        input.type = 'date';
        input.max = t.today;
      } else {
        input.type = 'text';
        input.maxLength = 200;
      }
      box.appendChild(label);
      box.appendChild(input);
    }
    return box;
  }

  function valueOf(box) {
    var checked = box.querySelector('input[type=radio]:checked');
    var input = box.querySelector('input:not([type=radio])');
    return checked ? checked.value : input ? input.value.trim() : '';
  }

  function box(f) {
    return fieldsBox.querySelector('[data-key="' + f.key + '"]');
  }

  // the answers of the fields shown, each shown only when its condition holds on the answers before it
  function answers() {
    var given = {};
    form.fields.forEach(function (f) {
      var value = box(f).hidden ? '' : valueOf(box(f));
      if (value !== '') {
        given[f.key] = value;
      }
    });
    return given;
  }

  function refresh() {
    var visited = panel.querySelector('input[name=outcome]:checked').value === 'VISITED';
    var given = {};
    form.fields.forEach(function (f) {
      var b = box(f);
      b.hidden = !visited || !!(f.shownIf && !holds(f.shownIf, given));
      var value = b.hidden ? '' : valueOf(b);
      if (value !== '') {
        given[f.key] = value;
      }
    });
  }

  function open(button) {
    current = button;
    document.getElementById('visit-title').textContent = button.dataset.address;
    fieldsBox.textContent = '';
    form.fields.forEach(function (f) { fieldsBox.appendChild(control(f)); });
    panel.querySelector('input[value=VISITED]').checked = true;
    error.hidden = true;
    refresh();
    panel.hidden = false;
    panel.scrollIntoView({block: 'start'});
    var first = fieldsBox.querySelector('input');
    if (first) {
      first.focus({preventScroll: true});
    }
  }

  function close() {
    panel.hidden = true;
    if (current) {
      current.focus({preventScroll: true});
      current.scrollIntoView({block: 'center'});
    }
    current = null;
  }

  function saveVisit() {
    var outcome = panel.querySelector('input[name=outcome]:checked').value;
    var given = outcome === 'VISITED' ? answers() : {};
    if (outcome === 'VISITED') {
      var missing = form.fields.filter(function (f) {
        return f.required && !box(f).hidden && given[f.key] === undefined;
      });
      if (missing.length) {
        error.textContent = t.required.replace('{0}', missing.map(function (f) { return f.label; }).join('、'));
        error.hidden = false;
        return;
      }
    }
    var household = Number(current.dataset.household);
    queue.push({key: newKey(), household: household, outcome: outcome, visitedAt: new Date().toISOString(),
      answers: outcome === 'VISITED' ? given : null});
    store();
    mark(household, 'PENDING');
    close();
    send();
  }

  // --- sending ---------------------------------------------------------------------------

  function refuse(visit, text) {
    var item = document.createElement('li');
    var button = document.getElementById('h-' + visit.household);
    item.textContent = (button ? button.dataset.address : visit.household) + '：' + text;
    document.getElementById('refused-list').appendChild(item);
    document.getElementById('refused-visits').hidden = false;
    if (button) {
      mark(visit.household, button.dataset.state);
    }
  }

  function later() {
    clearTimeout(retry);
    retry = setTimeout(send, 5000);
  }

  function send() {
    if (sending || !queue.length) {
      status();
      return;
    }
    sending = true;
    status();
    var batch = queue.slice(0, 50);
    fetch(t.api, {method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify({visits: batch})})
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          throw new Error('signin');
        }
        if (response.status === 400) {
          return response.json().then(function (problem) {
            return {results: batch.map(function () { return {status: 'REFUSED', problems: [{message: problem.detail || problem.title}]}; })};
          });
        }
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        var done = {};
        answer.results.forEach(function (result, i) {
          var visit = batch[i];
          done[visit.key] = true;
          if (result.status === 'REFUSED') {
            refuse(visit, (result.problems || []).map(function (p) { return p.message; }).join('；') || t.refused);
          } else {
            mark(visit.household, result.state);
          }
        });
        queue = load().filter(function (v) { return !done[v.key]; });
        store();
        sending = false;
        failed = false;
        sentAny = true;
        if (queue.length) {
          send();
        } else {
          status();
        }
      })
      .catch(function (e) {
        sending = false;
        failed = true;
        status();
        if (e.message === 'signin') {
          say(t.signin.replace('{0}', queue.length));
        }
        later();
      });
  }

  document.getElementById('households').addEventListener('click', function (e) {
    var button = e.target.closest('button.household');
    if (button) {
      open(button);
    }
  });
  panel.addEventListener('change', refresh);
  panel.addEventListener('input', refresh);
  document.getElementById('save-visit').addEventListener('click', saveVisit);
  document.getElementById('cancel-visit').addEventListener('click', close);
  window.addEventListener('online', send);
  queue.forEach(function (v) { mark(v.household, 'PENDING'); });
  send();
}());
