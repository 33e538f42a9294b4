/*! Power Shift embed.js: <div data-powershift-src="https://…/powershift/?date=2023-01-23"></div>
 *  becomes a responsive iframe of the graphic. API and messages: docs/embedding.md */
(function (w, d) {
  'use strict';
  // Loaded twice (two embeds pasted with their script tags): the first copy does the work.
  if (w.PowerShift && w.PowerShift.scan) { w.PowerShift.scan(); return; }

  var SRC = 'data-powershift-src';
  var SEL = '[' + SRC + ']';
  var TITLE = 'The AI power shift: interactive timeline and partnership network';
  var P = 'powershift:';
  var list = []; // { element, iframe, view, ready, queue }
  var warned = {};

  // Bad input is ignored with one console warning per kind.
  function warn(kind, what) {
    if (warned[kind]) return false;
    warned[kind] = 1;
    console.warn('PowerShift embed: ' + kind + '; ignored', what === undefined ? '' : what);
    return false;
  }

  // A view: an object of strings (the deep-link keys).
  function cleanView(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    var out = {};
    for (var k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      if (typeof v[k] !== 'string' || v[k].length > 2000) return null;
      out[k] = v[k];
    }
    return out;
  }

  function copy(v) { return v && cleanView(v); }

  // The embed of a container, its iframe or its window (compared only: a foreign window throws on reads).
  function find(x) {
    for (var i = 0; x != null && i < list.length; i++) {
      var e = list[i];
      if (x === e.element || x === e.iframe || x === e.iframe.contentWindow) return e;
    }
    return null;
  }

  function prune() {
    list = list.filter(function (e) { return d.contains(e.element); });
  }

  // Sets (never duplicates) a key of a query string; the values here need no escaping.
  function param(q, key, value) {
    return q.split('&').filter(function (p) { return p && p.split('=')[0] !== key; })
      .concat(key + '=' + value).join('&');
  }

  function address(el) {
    var raw = el.getAttribute(SRC), u = null;
    try { u = new URL(raw, d.baseURI); } catch (x) { /* below */ }
    if (!u || !/^https?:$/.test(u.protocol)) return warn(SRC + ' is not an http(s) address', raw);
    var q = param(u.search.slice(1), 'embed', '1');
    var theme = el.getAttribute('data-powershift-theme');
    if (theme !== null) {
      if (/^(light|dark|auto)$/.test(theme)) q = param(q, 'theme', theme);
      else warn('data-powershift-theme is not light, dark or auto', theme);
    }
    if (el.getAttribute('data-powershift-title') === '0') q = param(q, 'title', '0');
    u.search = q;
    return u.href;
  }

  // Until the first height message: data-powershift-height, else about the embed's usual height.
  function initialHeight(el) {
    var a = el.getAttribute('data-powershift-height');
    if (a !== null) {
      if (/^\d{2,4}$/.test(a)) return +a;
      warn('data-powershift-height is not a number of pixels', a);
    }
    return (el.clientWidth || w.innerWidth) < 600 ? 1250 : 1100;
  }

  function mount(el) {
    if (find(el)) return;
    var src = address(el);
    if (!src) return;
    var f = d.createElement('iframe');
    f.setAttribute('loading', 'lazy');
    f.title = el.getAttribute('data-powershift-title-text') || TITLE;
    // Styles through the CSSOM, which a CSP without 'unsafe-inline' allows.
    var s = f.style;
    s.display = 'block';
    s.width = '100%';
    s.border = '0';
    s.height = initialHeight(el) + 'px';
    f.src = src;
    while (el.firstChild) el.removeChild(el.firstChild); // the no-script fallback link
    list.push({ element: el, iframe: f, view: null, ready: false, queue: [] });
    el.appendChild(f);
  }

  function scan(root) {
    prune();
    var r = root && root.querySelectorAll ? root : d;
    if (r.nodeType === 1 && r.hasAttribute(SRC)) mount(r);
    var found = r.querySelectorAll(SEL);
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  function send(e, msg) {
    var win = e.iframe.contentWindow;
    if (win) win.postMessage(JSON.stringify(msg), '*');
  }

  // Messages wait until the app is ready to obey them.
  function post(x, msg) {
    var e = find(x);
    try { e = e || find(x.element); } catch (_) { /* a foreign window */ }
    if (!e) return warn('not a Power Shift embed', x);
    if (e.ready) send(e, msg);
    else if (e.queue.push(msg) > 20) e.queue.shift();
    return true;
  }

  function fire(e, type, v) {
    e.element.dispatchEvent(new CustomEvent(P + type, { bubbles: true, detail: copy(v) }));
  }

  function onMessage(ev) {
    var e = find(ev.source);
    if (!e) return; // another frame's traffic
    var m = ev.data;
    if (typeof m === 'string') {
      if (m.slice(0, 3) === 'pym') return; // Pym's protocol, for a pym.Parent
      if (m.length > 1e5) return warn('oversized message', m.length + ' characters');
      try { m = JSON.parse(m); } catch (x) { return warn('message is not JSON'); }
    }
    if (!m || typeof m.type !== 'string' || m.type.indexOf(P) !== 0) return warn('not a powershift: message', m);
    var type = m.type.slice(P.length);
    if (type === 'height') {
      var h = m.height;
      if (typeof h !== 'number' || !(h > 0 && h < 1e5)) return warn('bad height', h);
      e.iframe.style.height = Math.ceil(h) + 'px';
    } else if (type === 'ready' || type === 'view') {
      var v = cleanView(m.view);
      if (v) e.view = v;
      else warn('bad view', m.view);
      if (type === 'ready' && !e.ready) {
        e.ready = true;
        while (e.queue.length) send(e, e.queue.shift());
      }
      if (type === 'ready') fire(e, type, e.view);
      if (v) fire(e, 'view', v);
    } else warn('unknown message type', m.type);
  }

  w.PowerShift = {
    /** Every embed on the page: [{ element, iframe, view, ready }]; view is the latest the app reported. */
    embeds: function () {
      prune();
      return list.map(function (e) { return { element: e.element, iframe: e.iframe, view: copy(e.view), ready: e.ready }; });
    },
    /** Mounts containers added since (also done by a MutationObserver). */
    scan: scan,
    set: function (x, view) {
      var v = cleanView(view);
      return v ? post(x, { type: P + 'set', view: v }) : warn('set() takes an object of strings', view);
    },
    play: function (x) { return post(x, { type: P + 'play' }); },
    pause: function (x) { return post(x, { type: P + 'pause' }); },
    step: function (x, n) {
      return n >= 1 && n < 1e4 && n === Math.floor(n) ? post(x, { type: P + 'step', step: n }) : warn('step() takes a whole number from 1', n);
    }
  };

  w.addEventListener('message', onMessage);
  scan();
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', function () { scan(); });
  if (w.MutationObserver) {
    var pending = 0;
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length && !pending; i++) {
        var r = records[i];
        var nodes = r.type === 'attributes' ? [r.target] : r.addedNodes;
        for (var j = 0; j < nodes.length; j++) {
          var n = nodes[j];
          if (n.nodeType === 1 && (n.hasAttribute(SRC) || n.querySelector(SEL))) {
            pending = setTimeout(function () { pending = 0; scan(); }, 0);
            break;
          }
        }
      }
    }).observe(d.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: [SRC] });
  }
})(window, document);
