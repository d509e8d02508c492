// Progressive enhancement for charts. The server draws every chart as SVG with ECharts'
// server-side rendering (src/charts/render-svg.ts), which marks each shape with the series and
// data point it shows. Here ECharts' own lightweight SSR client (/assets/echarts-ssr-client.js,
// about 4 KB instead of the 200 KB+ of a browser ECharts) reports pointer events on those
// shapes, and this script adds what people use a chart for: a tooltip with the point's values,
// written the page's way, and a legend that turns series on and off. The numbers come from the
// chart's option, which the page carries as JSON beside the picture. Without JavaScript the SVG
// and the data table remain; the tooltip is for pointers, the table is the text alternative.
(function () {
  'use strict';
  var figures = document.querySelectorAll('figure.chart');
  if (!figures.length) return;
  var loader = document.createElement('script');
  loader.src = '/assets/echarts-ssr-client.js';
  loader.onload = function () {
    var client = window['echarts-ssr-client'];
    if (!client) return;
    for (var i = 0; i < figures.length; i++) enhance(figures[i], client);
  };
  document.head.appendChild(loader);

  function pageLocale(figure) {
    var holder = figure.closest('[lang]');
    var lang = (holder && holder.getAttribute('lang')) || document.documentElement.lang || 'sv';
    return lang === 'sv' ? 'sv-SE' : lang === 'en' ? 'en-GB' : lang;
  }

  function asArray(value) {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }

  function categories(axis) {
    var first = asArray(axis)[0];
    return first && first.type === 'category' ? first.data || [] : null;
  }

  function axisName(axis, fallback) {
    var first = asArray(axis)[0];
    return (first && first.name) || fallback;
  }

  /** What one data point shows: a heading and label–value lines, from the chart's option. */
  function describe(option, seriesIndex, dataIndex, format) {
    var series = asArray(option.series)[seriesIndex];
    if (!series || dataIndex === undefined) return null;
    var item = asArray(series.data)[dataIndex];
    if (item === undefined || item === null) return null;
    var value = typeof item === 'object' && !Array.isArray(item) ? item.value : item;
    var name = typeof item === 'object' && !Array.isArray(item) ? item.name : undefined;
    var number = function (v) {
      return typeof v === 'number' ? format.format(v) : v === null || v === undefined || v === '-' ? '–' : String(v);
    };
    var xs = categories(option.xAxis);
    var ys = categories(option.yAxis);
    if (series.type === 'radar') {
      var radar = asArray(option.radar)[series.radarIndex || 0] || {};
      var indicators = radar.indicator || [];
      return {
        heading: name || series.name,
        lines: asArray(value).map(function (v, i) {
          return [indicators[i] ? indicators[i].name : '', number(v)];
        }),
      };
    }
    if (series.type === 'heatmap' && Array.isArray(value)) {
      var label = [ys && ys[value[1]], xs && xs.length > 1 ? xs[value[0]] : null].filter(Boolean).join(' – ');
      return { heading: series.name, lines: [[label, number(value[2])]] };
    }
    if (Array.isArray(value)) {
      return {
        heading: name || series.name,
        lines: [
          [axisName(option.xAxis, 'x'), number(value[0])],
          [axisName(option.yAxis, 'y'), number(value[1])],
        ],
      };
    }
    var category = (xs && xs[dataIndex]) || (ys && ys[dataIndex]) || name || '';
    return { heading: series.name, lines: [[category, number(value)]] };
  }

  function showTooltip(tooltip, canvas, described, event) {
    tooltip.textContent = '';
    if (described.heading) {
      var heading = document.createElement('strong');
      heading.textContent = described.heading;
      tooltip.appendChild(heading);
    }
    described.lines.forEach(function (line) {
      var row = document.createElement('span');
      row.textContent = (line[0] ? line[0] + ': ' : '') + line[1];
      tooltip.appendChild(row);
    });
    var box = canvas.getBoundingClientRect();
    var x = event.clientX - box.left + 12;
    var y = event.clientY - box.top + 12;
    tooltip.hidden = false;
    // Keep it inside the chart: flip to the pointer's other side near the right or bottom edge.
    if (x + tooltip.offsetWidth > box.width) x = Math.max(0, x - tooltip.offsetWidth - 24);
    if (y + tooltip.offsetHeight > box.height) y = Math.max(0, y - tooltip.offsetHeight - 24);
    tooltip.style.left = x + 'px';
    tooltip.style.top = y + 'px';
  }

  /** Shapes that draw one legend entry: a whole series, or one item of a radar series. */
  function legendSelector(option, seriesIndex, dataIndex) {
    var series = asArray(option.series)[seriesIndex];
    var selector = '[ecmeta_series_index="' + seriesIndex + '"]';
    return series && series.type === 'radar' ? selector + '[ecmeta_data_index="' + dataIndex + '"]' : selector;
  }

  function toggleSeries(svg, option, params) {
    var selector = legendSelector(option, params.seriesIndex, params.dataIndex);
    var legend = svg.querySelectorAll(selector + '[ecmeta_ssr_type="legend"]');
    var off = !(legend[0] && legend[0].classList.contains('chart-legend-off'));
    legend.forEach(function (element) {
      element.classList.toggle('chart-legend-off', off);
    });
    svg.querySelectorAll(selector + '[ecmeta_ssr_type="chart"]').forEach(function (element) {
      element.classList.toggle('chart-series-off', off);
    });
  }

  function enhance(figure, client) {
    var canvas = figure.querySelector('.chart-canvas');
    var source = figure.querySelector('script.chart-option');
    var svg = canvas && canvas.querySelector('svg');
    if (!svg || !source) return;
    var option;
    try {
      option = JSON.parse(source.textContent);
    } catch {
      return; // keep the picture as it is
    }
    var format = new Intl.NumberFormat(pageLocale(figure), { maximumFractionDigits: 2 });
    var tooltip = document.createElement('div');
    tooltip.className = 'chart-tooltip';
    // The data table beside the chart says the same to screen readers; this is for pointers.
    tooltip.setAttribute('aria-hidden', 'true');
    tooltip.hidden = true;
    canvas.appendChild(tooltip);
    client.hydrate(canvas, {
      on: {
        mousemove: function (params) {
          var described = params.ssrType === 'chart' ? describe(option, params.seriesIndex, params.dataIndex, format) : null;
          if (described) showTooltip(tooltip, canvas, described, params.event);
          else tooltip.hidden = true;
        },
        mouseout: function () {
          tooltip.hidden = true;
        },
        click: function (params) {
          if (params.ssrType === 'legend' && params.seriesIndex !== undefined) toggleSeries(svg, option, params);
        },
      },
    });
    canvas.setAttribute('data-chart-ready', 'true');
  }
})();
