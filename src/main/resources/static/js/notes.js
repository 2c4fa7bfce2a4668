// Saves session notes as they are typed. A form marked data-autosave="<url>" posts its fields there
// 1.5 s after the last keystroke, with the header X-Autosave, and shows the answer in its
// [data-save-status] element ("Draft saved 10:42" or "Not saved — …"). Each post carries the version
// the page holds (hidden field "version"), updated from every answer, so an old tab never
// overwrites newer text: the server refuses it and this script stops saving, keeping the text typed.
// Without script the forms' own buttons do the same work.
(function () {
  'use strict';

  var DELAY = 1500;

  function autosave(form) {
    var url = form.getAttribute('data-autosave');
    var status = form.querySelector('[data-save-status]');
    var version = form.querySelector('input[name="version"]');
    var timer = null;
    var saving = false;
    var again = false;
    var stopped = false;
    var unsaved = false;
    var submitAfter = null;

    function show(text, state) {
      if (status) {
        status.textContent = text;
        status.setAttribute('data-state', state);
      }
    }

    function finish() {
      saving = false;
      if (submitAfter) {
        var button = submitAfter;
        submitAfter = null;
        unsaved = false;
        form.requestSubmit(button);
      } else if (again && !stopped) {
        again = false;
        schedule();
      }
    }

    var HINTS = {
      NOTE_CHANGED: ' Your text here is kept. Press the save button to see both versions and choose.',
      NOTE_SIGNED: ' Your text here is kept; copy what you need, then reload the page.'
    };

    function save() {
      if (stopped) {
        return;
      }
      if (saving) {
        again = true;
        return;
      }
      saving = true;
      show('Saving…', 'saving');
      fetch(url, {
        method: 'POST',
        body: new FormData(form),
        headers: { 'X-Autosave': 'true', 'Accept': 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('json') === -1) {
          // Sent to the sign-in page or refused as an expired form: nothing was saved.
          stopped = true;
          show('Not saved — you were signed out or this page expired. Your text is still here: copy it, ' +
            'sign in again in another tab, then reload this page and paste it back.', 'error');
          return null;
        }
        return response.json();
      }).then(function (result) {
        if (!result) {
          return;
        }
        if (result.saved) {
          if (version) {
            version.value = result.version;
          }
          var badge = document.querySelector('[data-note-state]');
          if (badge && result.state) {
            badge.textContent = result.state;
            badge.className = badge.className.replace(/state-[a-z_]+/, 'state-' + result.state.toLowerCase().replace(/[^a-z]+/g, '_'));
          }
          unsaved = again;
          show(result.message, 'saved');
        } else {
          // A refusal is a problem detail (application/problem+json) with a stable code.
          stopped = stopped || result.stop === true;
          show('Not saved — ' + result.message + (HINTS[result.code] || ''), 'error');
        }
      }).catch(function () {
        show('Not saved — no connection to Rapport. Your text is still here; it is saved when you type again ' +
          'or press the save button.', 'error');
      }).then(finish);
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, DELAY);
    }

    form.addEventListener('input', function (event) {
      if (event.target.tagName === 'TEXTAREA') {
        unsaved = true;
        if (!stopped) {
          show('Unsaved changes…', 'pending');
          schedule();
        }
      }
    });

    form.addEventListener('submit', function (event) {
      window.clearTimeout(timer);
      if (saving && event.submitter) {
        // Let the save under way answer first, so the button posts the version it gave.
        event.preventDefault();
        submitAfter = event.submitter;
        return;
      }
      unsaved = false;
    });

    window.addEventListener('beforeunload', function (event) {
      if (unsaved) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }

  // Choosing another template posts the form with its "Change template" button.
  document.querySelectorAll('select[data-change-submits]').forEach(function (select) {
    select.addEventListener('change', function () {
      var button = document.getElementById(select.getAttribute('data-change-submits'));
      if (button && select.form) {
        select.form.requestSubmit(button);
      }
    });
  });

  document.querySelectorAll('form[data-autosave]').forEach(autosave);
})();
