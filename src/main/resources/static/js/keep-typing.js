/*
 * Keeps what a person types into a form marked data-keep, in this browser tab only (sessionStorage,
 * gone when the tab closes), until Rapport accepts the form. When a session ends mid-form, the post
 * is refused; after signing in again the person opens the form and finds their words filled in.
 *
 * A kept entry is {page, fields, sent}. Submitting marks it sent. The next page decides its fate:
 * a page marked data-form-not-accepted (expired form, sign-in) keeps it for later; any other page
 * means the form was accepted (or came back from the server with the typed values), so it goes.
 */
(function () {
	'use strict';
	var PREFIX = 'rapport.kept:';
	var SKIPPED_TYPES = ['password', 'hidden', 'file', 'submit', 'button', 'reset', 'image'];

	function storage() {
		try {
			return window.sessionStorage;
		} catch (e) {
			return null;
		}
	}

	function keyOf(form) {
		return PREFIX + location.pathname + '|' + (form.getAttribute('data-keep') || form.getAttribute('action') || '');
	}

	function keptFields(form) {
		return Array.prototype.filter.call(form.elements, function (field) {
			return field.name && field.name !== '_csrf' && SKIPPED_TYPES.indexOf(field.type) < 0;
		});
	}

	function read(store, key) {
		try {
			return JSON.parse(store.getItem(key) || 'null');
		} catch (e) {
			return null;
		}
	}

	function save(store, form, sent) {
		var fields = {};
		var typed = false;
		keptFields(form).forEach(function (field) {
			if (field.type === 'checkbox' || field.type === 'radio') {
				if (field.checked) {
					fields[field.name + '=' + field.value] = true;
				}
			} else {
				fields[field.name] = field.value;
				typed = typed || isText(field) && field.value.trim() !== '';
			}
		});
		if (!typed) {
			store.removeItem(keyOf(form));
			return;
		}
		store.setItem(keyOf(form), JSON.stringify({ fields: fields, sent: sent }));
	}

	function isText(field) {
		return field.tagName === 'TEXTAREA' || field.type === 'text';
	}

	/** Puts kept words back where they differ from what the page shows; offers to undo it. */
	function restore(store, form, kept) {
		var replaced = [];
		keptFields(form).forEach(function (field) {
			if (field.type === 'checkbox' || field.type === 'radio') {
				var checked = !!kept.fields[field.name + '=' + field.value];
				if (checked !== field.checked && Object.keys(kept.fields).some(function (k) {
					return k.indexOf(field.name + '=') === 0;
				})) {
					replaced.push({ field: field, checked: field.checked });
					field.checked = checked;
				}
			} else if (Object.prototype.hasOwnProperty.call(kept.fields, field.name)
					&& kept.fields[field.name] !== field.value && kept.fields[field.name] !== '') {
				replaced.push({ field: field, value: field.value });
				field.value = kept.fields[field.name];
			}
		});
		if (!replaced.some(function (r) { return isText(r.field); })) {
			replaced.forEach(undo);
			return;
		}
		var notice = document.createElement('p');
		notice.className = 'notice kept-notice';
		notice.setAttribute('role', 'status');
		notice.textContent = 'We kept what you typed here before it could be sent. Check it, then send it again. ';
		var discard = document.createElement('button');
		discard.type = 'button';
		discard.className = 'link-button';
		discard.textContent = 'Discard it';
		discard.addEventListener('click', function () {
			replaced.forEach(undo);
			store.removeItem(keyOf(form));
			notice.remove();
		});
		notice.appendChild(discard);
		form.insertBefore(notice, form.firstChild);
	}

	function undo(replacement) {
		if ('checked' in replacement) {
			replacement.field.checked = replacement.checked;
		} else {
			replacement.field.value = replacement.value;
		}
	}

	function settlePreviousSubmission(store) {
		var accepted = !document.querySelector('[data-form-not-accepted]');
		for (var i = store.length - 1; i >= 0; i--) {
			var key = store.key(i);
			if (key && key.indexOf(PREFIX) === 0) {
				var kept = read(store, key);
				if (kept && kept.sent) {
					if (accepted) {
						store.removeItem(key);
					} else {
						kept.sent = false;
						store.setItem(key, JSON.stringify(kept));
					}
				}
			}
		}
	}

	document.addEventListener('DOMContentLoaded', function () {
		var store = storage();
		if (!store) {
			return;
		}
		settlePreviousSubmission(store);
		document.querySelectorAll('form[data-keep]').forEach(function (form) {
			var kept = read(store, keyOf(form));
			if (kept) {
				restore(store, form, kept);
			}
			var remember = function () {
				save(store, form, false);
			};
			form.addEventListener('input', remember);
			form.addEventListener('change', remember);
			form.addEventListener('submit', function () {
				save(store, form, true);
			});
		});
	});
})();
