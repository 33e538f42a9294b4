// The demo article's own script: a file, because the page's CSP allows no inline script.
// 1. a Pym.js embed; 2. a link to the view the reader has reached in the embed.js embed, from its
// `powershift:view` events; 3. scrollytelling: each paragraph sets the sticky embed's date.
(function () {
  'use strict';
  var d = document;

  // The app's address relative to this page (its folder, where the demo sits next to the app),
  // so the demo works under any sub-path.
  function appUrl(el, attr) { return new URL(el.getAttribute(attr), d.baseURI); }

  // 1. Pym.js, from the vendored copy: no third-party request.
  var pymBox = d.getElementById('pym-embed');
  if (pymBox && window.pym) {
    new window.pym.Parent('pym-embed', appUrl(pymBox, 'data-pym-app-src').href, {
      title: 'The AI power shift: interactive timeline and partnership network (Pym.js)'
    });
  }

  // 2. "Open this view": a link to the full app at the view the reader has reached in the frame.
  var first = d.getElementById('embedjs-embed');
  if (first) {
    var note = d.createElement('p');
    note.className = 'note view-link';
    note.hidden = true;
    var link = d.createElement('a');
    note.appendChild(link);
    first.parentNode.insertBefore(note, first.nextSibling);
    first.addEventListener('powershift:view', function (ev) {
      var url = appUrl(first, 'data-powershift-src');
      url.search = new URLSearchParams(ev.detail || {}).toString();
      link.href = url.href;
      link.textContent = 'Open this view of the graphic on its own page' + (ev.detail && ev.detail.date ? ' (' + ev.detail.date + ')' : '');
      note.hidden = false;
    });
  }

  // 3. Scrollytelling: the paragraph crossing the middle of the window sets the graphic's date.
  var box = d.getElementById('scrolly-embed');
  var steps = d.querySelectorAll('.step[data-date]');
  if (!box || !steps.length || !window.IntersectionObserver) return;
  var wanted = null;
  var sent = null;
  function go() {
    // PowerShift.set queues until the frame is ready; before embed.js has loaded (it is async),
    // the `powershift:ready` event below sends the date.
    if (wanted && wanted !== sent && window.PowerShift && window.PowerShift.set(box, { date: wanted })) sent = wanted;
  }
  box.addEventListener('powershift:ready', function () { sent = null; go(); });
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      for (var i = 0; i < steps.length; i++) steps[i].classList.toggle('is-active', steps[i] === entry.target);
      wanted = entry.target.getAttribute('data-date');
      go();
    });
  }, { rootMargin: '-45% 0px -45% 0px' });
  for (var i = 0; i < steps.length; i++) observer.observe(steps[i]);
})();
