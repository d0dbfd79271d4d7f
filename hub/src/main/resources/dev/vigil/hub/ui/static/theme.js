// Applied before the first paint, so a dark theme never flashes light.
(function () {
  var saved = null;
  try { saved = localStorage.getItem('vigil.theme'); } catch (e) { /* storage off */ }
  var dark = saved ? saved === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
