// Progressive enhancement for charts: the server sends each chart as SVG plus its ECharts option
// as JSON. When JavaScript runs, this swaps the picture for an interactive chart (tooltips,
// series on and off by clicking the legend). Without JavaScript the SVG and table remain.
(function () {
  'use strict';
  var figures = document.querySelectorAll('figure.chart');
  if (!figures.length) return;
  var loader = document.createElement('script');
  loader.src = '/assets/echarts.min.js';
  loader.onload = function () {
    for (var i = 0; i < figures.length; i++) hydrate(figures[i]);
  };
  document.head.appendChild(loader);

  // Axis-label markers from src/charts/axis-labels.ts ("mogna-axis:sv: %") become formatters
  // that write the tick as the locale does ("3,5 %"), like the server's SVG.
  var MARKER = 'mogna-axis:';
  function withLocaleAxisLabels(node) {
    if (Array.isArray(node)) return node.map(withLocaleAxisLabels);
    if (node === null || typeof node !== 'object') return node;
    var copy = {};
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (key === 'axisLabel' && value && typeof value.formatter === 'string' && value.formatter.indexOf(MARKER) === 0) {
        var rest = value.formatter.slice(MARKER.length);
        var colon = rest.indexOf(':');
        var tag = rest.slice(0, colon) === 'sv' ? 'sv-SE' : 'en-GB';
        var unit = rest.slice(colon + 1);
        var format = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
        copy[key] = Object.assign({}, value, {
          formatter: function (tick) {
            return format.format(tick) + unit;
          },
        });
      } else {
        copy[key] = withLocaleAxisLabels(value);
      }
    });
    return copy;
  }

  function hydrate(figure) {
    var canvas = figure.querySelector('.chart-canvas');
    var source = figure.querySelector('script.chart-option');
    if (!canvas || !source || !window.echarts) return;
    var option;
    try {
      option = JSON.parse(source.textContent);
    } catch {
      return; // keep the server picture
    }
    var ratio = Number(canvas.getAttribute('data-chart-height')) / Number(canvas.getAttribute('data-chart-width'));
    var size = function () {
      canvas.style.height = Math.round(canvas.clientWidth * ratio) + 'px';
    };
    canvas.innerHTML = '';
    size();
    var chart = window.echarts.init(canvas, null, { renderer: 'svg' });
    chart.setOption(withLocaleAxisLabels(option));
    canvas.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () {
      size();
      chart.resize();
    });
  }
})();
