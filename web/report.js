// hsim report: draws the charts of a run folder from the data embedded in the page (one front end for
// report.html and any page that embeds the same data). Needs Chart.js (inlined before this script).
"use strict";

(function () {
  const palette = ["#1b6ca8", "#d1495b", "#2e933c", "#e09f3e", "#6c4f9c", "#3d3d3d"];
  const charts = [];
  window.hsimCharts = charts;

  function colour(index, alpha) {
    const hex = palette[index % palette.length];
    const r = parseInt(hex.slice(1, 3), 16), g = parseInt(hex.slice(3, 5), 16), b = parseInt(hex.slice(5, 7), 16);
    return "rgba(" + r + "," + g + "," + b + "," + alpha + ")";
  }

  function percent(value) {
    return (100 * value).toFixed(1) + " %";
  }

  function nok(value) {
    return Math.round(value).toLocaleString("en-GB") + " NOK";
  }

  // A figure: a heading, a canvas, a note and a button that saves the chart as PNG for slides.
  function figure(title, note) {
    const section = document.createElement("section");
    section.className = "figure";
    const heading = document.createElement("h2");
    heading.textContent = title;
    section.appendChild(heading);
    const holder = document.createElement("div");
    holder.className = "canvas-holder";
    const canvas = document.createElement("canvas");
    holder.appendChild(canvas);
    section.appendChild(holder);
    if (note) {
      const paragraph = document.createElement("p");
      paragraph.className = "note";
      paragraph.textContent = note;
      section.appendChild(paragraph);
    }
    const save = document.createElement("a");
    save.className = "save";
    save.textContent = "Save as PNG";
    save.href = "#";
    save.download = title.toLowerCase().replace(/[^a-z0-9]+/g, "-") + ".png";
    section.appendChild(save);
    document.getElementById("figures").appendChild(section);
    return { canvas: canvas, save: save };
  }

  function draw(place, config) {
    config.options = config.options || {};
    config.options.animation = false;
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    const chart = new Chart(place.canvas, config);
    place.save.addEventListener("click", function () {
      place.save.href = chart.toBase64Image();
    });
    charts.push(chart);
    return chart;
  }

  // Median and 50 % / 90 % bands over replicates, one colour per arm.
  function fanChart(fan) {
    const place = figure(fan.title, fan.note);
    const datasets = [];
    fan.arms.forEach(function (arm, index) {
      const band = function (label, values, fill, alpha) {
        datasets.push({
          label: arm.label + " " + label, data: values, borderWidth: 0, pointRadius: 0,
          backgroundColor: colour(index, alpha), fill: fill,
        });
      };
      band("95th", arm.p95, false, 0.15);
      band("5th-95th", arm.p05, "-1", 0.15);
      band("75th", arm.p75, false, 0.3);
      band("25th-75th", arm.p25, "-1", 0.3);
      datasets.push({
        label: arm.label + " median", data: arm.p50, borderColor: colour(index, 1), backgroundColor: colour(index, 1),
        borderWidth: 2, pointRadius: 0, fill: false,
      });
    });
    draw(place, {
      type: "line",
      data: { labels: fan.months, datasets: datasets },
      options: {
        scales: { x: { title: { display: true, text: "months since the start date" } },
                  y: { title: { display: true, text: fan.unit }, beginAtZero: true } },
        plugins: { legend: { labels: { filter: function (item) { return item.text.endsWith("median"); } } } },
      },
    });
  }

  function survivalChart(survival) {
    const place = figure("First stay in housing kept (Kaplan-Meier)", survival.note);
    draw(place, {
      type: "line",
      data: {
        datasets: survival.arms.map(function (arm, index) {
          return {
            label: arm.label, data: arm.months.map(function (m, i) { return { x: m, y: arm.survival[i] }; }),
            borderColor: colour(index, 1), backgroundColor: colour(index, 1), stepped: true, pointRadius: 0,
            borderWidth: 2,
          };
        }),
      },
      options: {
        scales: { x: { type: "linear", title: { display: true, text: "months since moving in" } },
                  y: { min: 0, max: 1, title: { display: true, text: "share still housed without a break" } } },
      },
    });
  }

  // Paired differences with their 95 % intervals: a bar from low to high and the mean as a point.
  function forestChart(forest) {
    const place = figure(forest.title, forest.note);
    const labels = forest.rows.map(function (row) { return row.label; });
    draw(place, {
      type: "bar",
      data: {
        labels: labels,
        datasets: [
          { type: "bar", label: "95 % interval", data: forest.rows.map(function (row) { return [row.low, row.high]; }),
            backgroundColor: colour(0, 0.35), borderColor: colour(0, 1), borderWidth: 1, barPercentage: 0.4 },
          { type: "scatter", label: "mean", data: forest.rows.map(function (row, i) { return { x: row.mean, y: labels[i] }; }),
            backgroundColor: colour(1, 1), pointRadius: 5 },
        ],
      },
      options: {
        indexAxis: "y",
        scales: { x: { title: { display: true, text: forest.unit } }, y: { type: "category" } },
        plugins: { tooltip: { callbacks: { label: function (item) {
          const row = forest.rows[item.dataIndex];
          const show = forest.unit.indexOf("NOK") >= 0 ? nok : function (v) { return v.toFixed(3); };
          return show(row.mean) + " [" + show(row.low) + ", " + show(row.high) + "]";
        } } } },
      },
    });
  }

  function costChart(costs) {
    const place = figure("Cost by payer and year (mean over replicates)", costs.note);
    const datasets = [];
    costs.arms.forEach(function (arm, armIndex) {
      arm.payers.forEach(function (payer, payerIndex) {
        datasets.push({ label: arm.label + ": " + payer.payer, data: payer.amounts, stack: arm.label,
                        backgroundColor: colour(payerIndex, armIndex === 0 ? 0.9 : 0.5) });
      });
    });
    draw(place, {
      type: "bar",
      data: { labels: costs.years, datasets: datasets },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: "NOK" } } },
        plugins: { tooltip: { callbacks: { label: function (item) { return item.dataset.label + ": " + nok(item.raw); } } } },
      },
    });
  }

  function acceptabilityChart(curves) {
    const place = figure("Cost-effectiveness acceptability curve", curves.note);
    draw(place, {
      type: "line",
      data: {
        datasets: curves.rows.map(function (curve, index) {
          return { label: curve.label, data: curve.points, borderColor: colour(index, 1),
                   backgroundColor: colour(index, 1), pointRadius: 3 };
        }),
      },
      options: {
        scales: { x: { type: "linear", title: { display: true, text: "willingness to pay per extra day housed, NOK" } },
                  y: { min: 0, max: 1, title: { display: true, text: "probability cost-effective" } } },
      },
    });
  }

  // Each target: the observation's 95 % interval and the simulated 90 % band, with both points.
  function fitChart(fit) {
    const place = figure(fit.title, fit.note);
    place.canvas.parentNode.style.height = Math.max(22, 1.6 * fit.rows.length) + "rem";
    const labels = fit.rows.map(function (row) { return row.label; });
    draw(place, {
      type: "bar",
      data: {
        labels: labels,
        datasets: [
          { type: "bar", label: "observed, 95 % interval", data: fit.rows.map(function (r) { return [r.low, r.high]; }),
            backgroundColor: colour(0, 0.3), borderColor: colour(0, 1), borderWidth: 1, barPercentage: 0.8,
            grouped: false },
          { type: "bar", label: "simulated, 90 % of replicates",
            data: fit.rows.map(function (r) { return [r.sim_low, r.sim_high]; }),
            backgroundColor: colour(1, 0.3), borderColor: colour(1, 1), borderWidth: 1, barPercentage: 0.35,
            grouped: false },
          { type: "scatter", label: "observed", data: fit.rows.map(function (r, i) { return { x: r.observed, y: labels[i] }; }),
            backgroundColor: colour(0, 1), pointRadius: 5 },
          { type: "scatter", label: "simulated mean", data: fit.rows.map(function (r, i) { return { x: r.sim, y: labels[i] }; }),
            backgroundColor: colour(1, 1), pointStyle: "rectRot", pointRadius: 6 },
        ],
      },
      options: { indexAxis: "y", scales: { x: { min: 0, max: 1, title: { display: true, text: "share" } },
                                          y: { type: "category" } } },
    });
  }

  // One chart per policy and metric: a bar per parameter and index, with its interval as a thin bar.
  function sensitivityCharts(sensitivity) {
    sensitivity.charts.forEach(function (chart, chartIndex) {
      const place = figure(chart.title, chartIndex === 0 ? sensitivity.note : "");
      const datasets = [];
      chart.series.forEach(function (series, index) {
        datasets.push({ type: "bar", label: series.index, data: series.estimates, backgroundColor: colour(index, 0.7) });
        datasets.push({ type: "bar", label: series.index + " 95 % interval", data: series.intervals,
                        backgroundColor: colour(index, 0.25), borderColor: colour(index, 1), borderWidth: 1,
                        barPercentage: 0.3 });
      });
      draw(place, { type: "bar", data: { labels: chart.series[0].parameters, datasets: datasets },
                    options: { scales: { y: { beginAtZero: true } } } });
    });
  }

  // x-y curves: each series' points with 95 % intervals drawn as vertical whiskers, an optional
  // horizontal reference (a required share) and an optional vertical marker (the answer of a search).
  function curveChart(curve, note) {
    const place = figure(curve.title, note);
    const datasets = [];
    const xs = [];
    curve.series.forEach(function (series, index) {
      const points = series.points.filter(function (p) { return p.x !== null && p.y !== null; });
      points.forEach(function (p) { xs.push(p.x); });
      datasets.push({
        type: curve.lines ? "line" : "scatter", label: series.label,
        data: points.map(function (p) { return { x: p.x, y: p.y }; }),
        borderColor: colour(index, 1), backgroundColor: colour(index, curve.lines ? 1 : 0.6),
        pointRadius: curve.lines ? 3 : 2, showLine: !!curve.lines, borderWidth: curve.lines ? 2 : 0,
      });
      const whiskers = [];
      points.forEach(function (p) {
        if (p.low === null || p.high === null) return;
        whiskers.push({ x: p.x, y: p.low }, { x: p.x, y: p.high }, { x: p.x, y: null });
      });
      if (whiskers.length > 0) {
        datasets.push({
          type: "line", label: series.label + " 95 % interval", data: whiskers, spanGaps: false, pointRadius: 0,
          borderColor: colour(index, 0.35), borderWidth: 1,
        });
      }
    });
    const low = Math.min.apply(null, xs), high = Math.max.apply(null, xs);
    if (curve.reference) {
      datasets.push({
        type: "line", label: curve.reference.label, data: [{ x: low, y: curve.reference.y }, { x: high, y: curve.reference.y }],
        borderColor: "#3d3d3d", borderDash: [6, 4], borderWidth: 1, pointRadius: 0,
      });
    }
    if (curve.marker) {
      datasets.push({
        type: "line", label: curve.marker.label, data: [{ x: curve.marker.x, y: 0 }, { x: curve.marker.x, y: 1 }],
        borderColor: "#2e933c", borderWidth: 2, pointRadius: 0,
      });
    }
    const y = { title: { display: true, text: curve.y_label } };
    if (curve.y_share) { y.min = 0; y.max = 1; }
    draw(place, {
      type: "scatter",
      data: { datasets: datasets },
      options: {
        scales: { x: { type: "linear", title: { display: true, text: curve.x_label } }, y: y },
        plugins: { legend: { labels: { filter: function (item) { return !item.text.endsWith("95 % interval"); } } } },
      },
    });
  }

  function summaryTable(table) {
    const section = document.createElement("section");
    section.className = "table";
    const heading = document.createElement("h2");
    heading.textContent = table.title || "Main results, mean [95 % interval]";
    section.appendChild(heading);
    const element = document.createElement("table");
    const head = element.createTHead().insertRow();
    ["", ...table.columns].forEach(function (text) {
      const cell = document.createElement("th");
      cell.textContent = text;
      head.appendChild(cell);
    });
    const body = element.createTBody();
    table.rows.forEach(function (row) {
      const line = body.insertRow();
      line.insertCell().textContent = row.label;
      row.cells.forEach(function (text) { line.insertCell().textContent = text; });
    });
    section.appendChild(element);
    document.getElementById("figures").appendChild(section);
  }

  function render(data) {
    document.getElementById("title").textContent = data.title;
    document.getElementById("subtitle").textContent = data.subtitle;
    if (data.table) summaryTable(data.table);
    if (data.fit) fitChart(data.fit);
    if (data.sensitivity) sensitivityCharts(data.sensitivity);
    (data.fans || []).forEach(fanChart);
    if (data.survival) survivalChart(data.survival);
    (data.forests || []).forEach(forestChart);
    if (data.costs) costChart(data.costs);
    if (data.acceptability) acceptabilityChart(data.acceptability);
    (data.curves || []).forEach(function (curve) { curveChart(curve, data.curves_note); });
  }

  window.hsimRender = render;
  document.addEventListener("DOMContentLoaded", function () {
    const embedded = document.getElementById("hsim-data");
    if (embedded) render(JSON.parse(embedded.textContent));
  });
})();
