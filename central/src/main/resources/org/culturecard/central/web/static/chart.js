// Draws the engagement report's chart from the figures the server put in data-chart (the table
// beside it has the same figures; without JavaScript the table is the report). No inline script:
// the page's Content-Security-Policy allows scripts from this origin only.
(function () {
  var el = document.getElementById('report-chart');
  if (!el || !window.echarts) {
    return;
  }
  var data = JSON.parse(el.getAttribute('data-chart'));
  var chart = window.echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { top: 40, left: 50, right: 20, bottom: 30 },
    xAxis: { type: 'category', data: data.periods },
    yAxis: { type: 'value', name: 'check-ins' },
    series: data.series.map(function (s) {
      return { name: s.name, type: 'bar', data: s.data };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
