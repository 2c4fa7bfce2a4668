// Schedule page: turns the day list into a FullCalendar time grid when JavaScript runs (the list stays
// for everyone else). Times come from the server as the practice's wall-clock times without an offset,
// and the grid runs in "UTC" so it shows them exactly as given, wherever the browser is.
(function () {
  'use strict';
  var el = document.getElementById('grid');
  if (!el || typeof FullCalendar === 'undefined') {
    return;
  }
  var status = document.getElementById('grid-status');
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function clock(d) {
    var h = d.getUTCHours();
    return (h % 12 === 0 ? 12 : h % 12) + ':' + pad(d.getUTCMinutes()) + (h < 12 ? ' a.m.' : ' p.m.');
  }
  function when(d) { return DAYS[d.getUTCDay()] + ' ' + clock(d); }
  function localDate(d) { return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()); }
  function localDateTime(d) { return localDate(d) + 'T' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()); }
  function say(message, problem) {
    status.textContent = message;
    status.hidden = false;
    status.classList.toggle('error', !!problem);
    status.setAttribute('role', problem ? 'alert' : 'status');
  }

  function confirmMove(question) {
    var dialog = document.getElementById('move-dialog');
    document.getElementById('move-question').textContent = question;
    return new Promise(function (resolve) {
      function answer(yes) {
        return function () {
          dialog.close();
          yes_.removeEventListener('click', onYes);
          no_.removeEventListener('click', onNo);
          resolve(yes);
        };
      }
      var yes_ = document.getElementById('move-yes');
      var no_ = document.getElementById('move-no');
      var onYes = answer(true);
      var onNo = answer(false);
      yes_.addEventListener('click', onYes);
      no_.addEventListener('click', onNo);
      dialog.showModal();
    });
  }

  // The same rules as the reschedule form run on the server; a refusal puts the session back.
  function moved(info) {
    var from = info.oldEvent.start;
    var to = info.event.start;
    var question = info.oldEvent.end && info.event.end && from.getTime() === to.getTime()
      ? 'Change ' + info.event.title + '\u2019s session on ' + when(from) + ' to end at ' + clock(info.event.end) + '?'
      : 'Move ' + info.event.title + '\u2019s session from ' + when(from) + ' to ' + when(to) + '?';
    confirmMove(question).then(function (yes) {
      if (!yes) {
        info.revert();
        return;
      }
      var body = new URLSearchParams();
      body.set('start', localDateTime(to));
      if (info.event.end) {
        body.set('end', localDateTime(info.event.end));
      }
      var headers = { 'Accept': 'application/json' };
      headers[el.getAttribute('data-csrf-header')] = el.getAttribute('data-csrf-token');
      fetch(el.getAttribute('data-move') + info.event.id + '/move', {
        method: 'POST', headers: headers, body: body, credentials: 'same-origin'
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (response.ok) {
            say(json.message || 'Session moved.', false);
          } else {
            info.revert();
            say(json.detail || 'The session was not moved.', true);
          }
        });
      }).catch(function () {
        info.revert();
        say('The session was not moved: Rapport could not be reached. Try again.', true);
      });
    });
  }

  function book(info) {
    var dialog = document.getElementById('book-dialog');
    document.getElementById('book-date').value = localDate(info.date);
    document.getElementById('book-time').value = pad(info.date.getUTCHours()) + ':' + pad(info.date.getUTCMinutes());
    document.getElementById('book-when').textContent = 'Starting ' + when(info.date) + ', ' + localDate(info.date);
    dialog.showModal();
  }
  document.getElementById('book-cancel').addEventListener('click', function () {
    document.getElementById('book-dialog').close();
  });

  var time = { hour: 'numeric', minute: '2-digit', meridiem: 'short' };
  el.hidden = false;
  document.body.classList.add('js-grid');
  var calendar = new FullCalendar.Calendar(el, {
    timeZone: 'UTC',
    initialView: el.getAttribute('data-view') || 'timeGridWeek',
    initialDate: el.getAttribute('data-date'),
    headerToolbar: { left: 'prev,next today', center: 'title', right: 'timeGridWeek,timeGridDay' },
    // Words rather than the icon font, which the Content-Security-Policy (font-src 'self') would block.
    buttonIcons: false,
    buttonText: { prev: '\u2039 Previous', next: 'Next \u203a', today: 'Today', week: 'Week', day: 'Day' },
    firstDay: 1,
    allDaySlot: false,
    slotMinTime: '07:00:00',
    slotMaxTime: '21:00:00',
    scrollTime: '08:00:00',
    height: 'auto',
    slotDuration: '00:30:00',
    slotLabelFormat: time,
    eventTimeFormat: time,
    dayHeaderFormat: { weekday: 'short', day: 'numeric', month: 'short' },
    editable: false,
    eventDurationEditable: true,
    events: { url: el.getAttribute('data-events'), failure: function () {
      say('The calendar could not be loaded. The list below still works if you reload without JavaScript.', true);
    } },
    dateClick: book,
    eventDrop: moved,
    eventResize: moved
  });
  calendar.render();
}());
