// "Exit this page": the button, or the Shift key pressed three times in a row, blanks the page at
// once and replaces it (location.replace: the Back button does not bring it back) with the neutral
// page the button links to. A plain file, run as soon as the page is read: it works before the
// app's own scripts have loaded, and on every page, whatever React renders.
(function () {
  'use strict';
  var PRESS_GAP_MS = 1000;
  var presses = 0;
  var lastPress = 0;

  function leave(href) {
    document.documentElement.className += ' exiting';
    document.title = '';
    window.location.replace(href);
  }

  function exitLink() {
    return document.getElementById('exit-this-page');
  }

  // Tells screen readers how many more presses leave the page; says nothing once the moment passed.
  // The live region is this script's own (React leaves alone what it did not render in <body>), made
  // empty at once so that screen readers follow it before anything is said in it.
  var status = document.createElement('p');
  status.id = 'exit-this-page-status';
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  document.body.appendChild(status);
  var quiet = 0;
  function say(text) {
    status.textContent = text;
    clearTimeout(quiet);
    if (text) quiet = setTimeout(function () { status.textContent = ''; }, PRESS_GAP_MS);
  }

  // Capture: before React Router's own handling of links.
  document.addEventListener(
    'click',
    function (event) {
      var target = event.target;
      var link = target && target.closest ? target.closest('#exit-this-page') : null;
      if (!link || event.defaultPrevented || event.button !== 0) return;
      event.preventDefault();
      event.stopPropagation();
      leave(link.href);
    },
    true,
  );

  document.addEventListener(
    'keydown',
    function (event) {
      if (event.key !== 'Shift') {
        if (presses > 0) say('');
        presses = 0;
        return;
      }
      if (event.repeat) return;
      var now = Date.now();
      presses = now - lastPress <= PRESS_GAP_MS ? presses + 1 : 1;
      lastPress = now;
      var link = exitLink();
      if (!link) return;
      if (presses >= 3) {
        presses = 0;
        say('');
        leave(link.href);
      } else {
        say(link.getAttribute(presses === 1 ? 'data-two-more' : 'data-one-more') || '');
      }
    },
    true,
  );
})();
