// Progressive enhancement for charts: the server sends each chart as SVG plus its ECharts option
// as JSON. When JavaScript runs, this swaps the picture for an interactive chart (tooltips,
// series on and off by clicking the legend). Without JavaScript the SVG and table remain.
(function () {
  'use strict';
  var figures = document.querySelectorAll('figure.chart');
  if (!figures.length) return;
  var loader = document.createElement('script');
  loader.src = '/assets/echarts.js';
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
        var tag = languageTag(rest.slice(0, colon));
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

  // The Intl tag of a page language, as src/i18n/locales.ts registers it for sv and en; any other
  // language by its code, which Intl formats as the language's main region does.
  function languageTag(code) {
    return code === 'sv' ? 'sv-SE' : code === 'en' ? 'en-GB' : code;
  }

  // The page's language decides how axis numbers are written (2,5 on Swedish pages), as in the
  // server's SVG (withLocaleNumbers in src/charts/chart-theme.ts); ECharts always writes 2.5.
  function pageLocale(figure) {
    var holder = figure.closest('[lang]');
    return (holder && holder.getAttribute('lang')) || document.documentElement.lang || 'sv';
  }

  function withLocaleNumbers(option, lang) {
    var format;
    try {
      format = new Intl.NumberFormat(languageTag(lang), { maximumFractionDigits: 2 });
    } catch {
      return option;
    }
    var formatter = function (value) {
      return typeof value === 'number' ? format.format(value) : String(value);
    };
    var localise = function (axis, valueByDefault) {
      if (!axis) return axis;
      var isValue = axis.type === 'value' || axis.type === 'log' || (axis.type === undefined && valueByDefault);
      if (!isValue || (axis.axisLabel && axis.axisLabel.formatter !== undefined)) return axis;
      var copy = Object.assign({}, axis);
      copy.axisLabel = Object.assign({}, axis.axisLabel, { formatter: formatter });
      return copy;
    };
    var each = function (axes, valueByDefault) {
      if (axes === undefined) return undefined;
      return Array.isArray(axes)
        ? axes.map(function (axis) {
            return localise(axis, valueByDefault);
          })
        : localise(axes, valueByDefault);
    };
    var localised = Object.assign({}, option);
    if (option.xAxis !== undefined) localised.xAxis = each(option.xAxis, false);
    if (option.yAxis !== undefined) localised.yAxis = each(option.yAxis, true);
    if (option.radar !== undefined) localised.radar = each(option.radar, true);
    return localised;
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
    chart.setOption(withLocaleNumbers(withLocaleAxisLabels(option), pageLocale(figure)));
    canvas.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () {
      size();
      chart.resize();
    });
  }
})();
