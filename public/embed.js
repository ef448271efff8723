/* e-Sanjeevani in figures: sizes this report's chart iframes to their content (README: Embedding a
   chart). ES5. Obeys only pym|<path>|height|<px> (Pym.js format, | = xPYMx) from this script's own
   origin, sent by the iframe at <path>. */
(function (w, d) {
  var SEP = 'xPYMx', me = d.currentScript, all, i;
  if (!me) {
    all = d.getElementsByTagName('script');
    for (i = all.length - 1; i >= 0 && !me; i--) if (/\/embed\.js([?#]|$)/.test(all[i].src)) me = all[i];
  }
  var m = me && /^(https?:\/\/[^\/?#]+)/.exec(me.src);
  if (!m) return;
  var origin = m[1], flag = '_esjEmbed ' + origin;
  if (w[flag]) return; // pasted twice: one listener is enough
  w[flag] = 1;

  // The path of a URL on this origin, or null.
  function path(url) {
    var p = /^(https?:\/\/[^\/?#]+)([^?#]*)/.exec(url || '');
    return p && p[1] === origin ? p[2] : null;
  }
  function frames() {
    var f = d.getElementsByTagName('iframe'), out = [];
    for (var j = 0; j < f.length; j++) if (path(f[j].src)) out.push(f[j]);
    return out;
  }

  w.addEventListener('message', function (e) {
    if (e.origin !== origin || typeof e.data !== 'string' || e.data.length > 500) return;
    var b = e.data.split(SEP);
    if (b.length !== 4 || b[0] !== 'pym' || b[2] !== 'height' || !/^\d{2,5}$/.test(b[3])) return;
    var h = +b[3], f = frames();
    if (h < 50 || h > 20000) return;
    for (var j = 0; j < f.length; j++) {
      if (f[j].contentWindow === e.source) {
        if (path(f[j].src) === b[1]) {
          f[j].style.height = h + 'px';
          f[j].setAttribute('height', '' + h);
        }
        return;
      }
    }
  }, false);

  // Iframes loaded before this script: ask for the height again, as Pym.js does.
  all = frames();
  for (i = 0; i < all.length; i++) {
    try {
      all[i].contentWindow.postMessage([ 'pym', path(all[i].src), 'width', all[i].offsetWidth ].join(SEP), origin);
    } catch (err) { /* not loaded yet: it will send its height */ }
  }
})(window, document);
