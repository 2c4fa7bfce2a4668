// At phone width wide tables scroll sideways inside themselves (rapport.css). A region that
// scrolls must be reachable by keyboard too (WCAG 2.1.1): such a table joins the tab order, so
// arrow keys scroll it; tables that fit are left out of it.
(function () {
  function mark() {
    document.querySelectorAll('table').forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.setAttribute('tabindex', '0');
      } else if (table.getAttribute('tabindex') === '0') {
        table.removeAttribute('tabindex');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', mark);
  window.addEventListener('resize', mark);
  document.addEventListener('htmx:afterSettle', mark);
})();
