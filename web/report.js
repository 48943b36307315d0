// Draws report.html from its data island (the JSON script element "report-data",
// docs/report.md). Every figure shown comes from that data: `data.plan` is the plan.json document
// itself. Text from the estate is only ever set as textContent, never parsed as HTML.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("report-data").textContent);
  const plan = data.plan;
  const months = plan.plan;
  const labels = months.map((m) => m.label);
  const last = months[months.length - 1];
  const currency = plan.currency;

  // Okabe and Ito's colour-blind-safe palette ("Color Universal Design", 2008); series are also
  // told apart by dash pattern, and every chart has a data table.
  const COLOURS = {
    blue: "#0072B2",
    orange: "#E69F00",
    vermillion: "#D55E00",
    green: "#009E73",
    purple: "#CC79A7",
    sky: "#56B4E9",
    yellow: "#F0E442",
    black: "#000000",
  };
  const DASHES = { solid: [], dashed: [8, 4], dotted: [2, 3], dashdot: [8, 3, 2, 3] };
  const WINDOW_NAMES = { sustained: "sustained", peak: "peak", recovery: "recovery" };
  const LAYER_NAMES = {
    odoo: "Odoo application",
    postgres: "PostgreSQL",
    redis: "Redis",
    storage: "Storage and backup",
    ingress: "Traefik ingress",
    nodes: "Kubernetes nodes",
  };

  // ---- formatting (fixed locale, so the same data gives the same text everywhere) ----

  // One formatter per precision: creating one per call costs more than the whole page's layout.
  const formatters = new Map();
  function number(value, digits) {
    if (value === null || value === undefined || !isFinite(value)) return "–";
    const d = digits || 0;
    if (!formatters.has(d)) {
      formatters.set(d, new Intl.NumberFormat("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
    }
    return formatters.get(d).format(Number(value));
  }
  function money(value) {
    return number(value, 0) + " " + currency;
  }
  function percent(share) {
    return number(share * 100, 0) + "%";
  }
  function hours(h) {
    return number(h, h < 10 ? 1 : 0) + " h";
  }
  function plural(n, noun) {
    return number(n) + " " + noun + (n === 1 ? "" : "s");
  }
  function monthStart(label) {
    return label + "-01";
  }

  // ---- DOM helpers ----

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }
  function section(id) {
    return document.getElementById(id + "-content");
  }
  function para(text, cls) {
    return el("p", { text: text, class: cls || "" });
  }
  // A table: `columns` are {label, numeric}; `rows` are arrays of cells (strings or nodes).
  function table(caption, columns, rows, cls) {
    const head = el("tr", {}, columns.map((c) => el("th", { scope: "col", text: c.label, class: c.numeric ? "num" : "" })));
    const body = rows.map((row) =>
      el("tr", {}, row.map((cell, i) => {
        const td = el("td", { class: columns[i].numeric ? "num" : "" });
        if (cell instanceof Node) td.appendChild(cell);
        else td.textContent = cell;
        return td;
      })),
    );
    return el("div", { class: "table-wrap" + (cls ? " " + cls : "") }, [
      el("table", {}, [el("caption", { text: caption }), el("thead", {}, [head]), el("tbody", {}, body)]),
    ]);
  }
  function status(ok, yes, no) {
    return el("span", { class: ok ? "status ok" : "status risk", text: ok ? yes : no });
  }

  // ---- charts ----

  let chartCount = 0;
  const charts = [];

  // A line chart over the plan's months (or any x values): `series` are {label, values, colour,
  // dash, width, fill}; `bands` are {upper, lower, colour} (series indices, from 0) drawn as a
  // shaded band. The chart gets a caption, a described role and a data table.
  function lineChart(parent, spec) {
    const id = "chart-" + ++chartCount;
    const x = spec.x || labels.map((_, i) => i);
    const xLabel = spec.xLabel || ((i) => labels[Math.round(i)] || "");
    const figure = el("figure", { class: "chart", id: id, "data-title": spec.title });
    figure.appendChild(el("figcaption", { text: spec.title }));
    const plot = el("div", {
      class: "plot",
      role: "img",
      "aria-label": spec.title + ". " + spec.description,
    });
    figure.appendChild(plot);
    figure.appendChild(para(spec.description, "chart-note"));
    const tableRows = x.map((xv, i) => [xLabel(xv)].concat(spec.series.map((s) => number(s.values[i], spec.digits || 0))));
    figure.appendChild(
      el("details", {}, [
        el("summary", { text: "Data table" }),
        table(spec.title, [{ label: spec.xTitle || "month" }].concat(spec.series.map((s) => ({ label: s.label, numeric: true }))), tableRows),
      ]),
    );
    parent.appendChild(figure);

    const opts = {
      width: chartWidth(),
      height: spec.height || 240,
      scales: { x: { time: false }, y: { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] } },
      axes: [
        Object.assign({ values: (u, ticks) => ticks.map(xLabel), incrs: spec.xIncrs || [1, 2, 3, 6, 12], stroke: "#333", grid: { stroke: "#eee" } }, spec.xSpace ? { space: spec.xSpace } : {}),
        { label: spec.yLabel, stroke: "#333", grid: { stroke: "#eee" }, size: 60 },
      ],
      series: [{ label: spec.xTitle || "month", value: (u, v) => (v === null ? "–" : xLabel(v)) }].concat(
        spec.series.map((s) => ({
          label: s.label,
          stroke: s.colour,
          width: s.width || 2,
          dash: DASHES[s.dash || "solid"],
          fill: s.fill,
          spanGaps: Boolean(s.stepped),
          paths: s.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined,
          points: { show: x.length <= 40 },
          value: (u, v) => (v === null || v === undefined ? "–" : number(v, spec.digits || 0)),
        })),
      ),
      bands: (spec.bands || []).map((b) => ({ series: [b.upper + 1, b.lower + 1], fill: b.colour })),
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      hooks: { draw: [(u) => u.root.closest("figure").setAttribute("data-drawn", "true")] },
    };
    const u = new uPlot(opts, [x].concat(spec.series.map((s) => s.values)), plot);
    charts.push({ u: u });
    return u;
  }

  // Charts take the width of the page's main column. It is read once per drawing pass: reading
  // it after each chart would force the browser to lay the growing page out again every time.
  let mainWidth = 0;
  function measureMain() {
    const main = document.querySelector("main");
    mainWidth = Math.max(320, Math.min((main && main.clientWidth) || 900, 1100) - 8);
  }
  function chartWidth() {
    if (mainWidth === 0) measureMain();
    return mainWidth;
  }

  window.addEventListener("resize", () => {
    measureMain();
    for (const c of charts) c.u.setSize({ width: chartWidth(), height: c.u.height });
  });
  // Printing: a page-wide chart, not the window's width.
  window.addEventListener("beforeprint", () => {
    for (const c of charts) c.u.setSize({ width: 680, height: c.u.height });
  });
  window.addEventListener("afterprint", () => {
    measureMain();
    for (const c of charts) c.u.setSize({ width: chartWidth(), height: c.u.height });
  });

  // ---- what the plan says, month by month ----

  function verdicts(m) {
    return [
      ["odoo", m.odoo.verdict],
      ["postgres", m.postgres.verdict],
      ["redis", m.redis.verdict],
      ["storage", m.storage.verdict],
      ["ingress", m.ingress.verdict],
    ];
  }

  // Why a month does not meet its targets: a list of sentences, empty when it does.
  function monthProblems(m) {
    const problems = [];
    for (const [layer, v] of verdicts(m)) {
      if (v.saturated) problems.push(LAYER_NAMES[layer] + " is saturated: " + v.reason);
    }
    for (const l of m.odoo.latency) {
      if (!l.meets_target) problems.push(l.class + " misses its " + number(l.target_ms) + " ms p95 target");
    }
    if (!m.odoo.batch_meets_deadline) problems.push("the heaviest batch misses its deadline");
    if (m.nodes.error) problems.push("pods cannot be placed: " + m.nodes.error);
    return problems;
  }

  function bindingLayer(m) {
    let best = null;
    for (const [layer, v] of verdicts(m)) {
      if (best === null || v.utilisation > best.v.utilisation) best = { layer: layer, v: v };
    }
    return best;
  }

  // ---- 1. summary ----

  function renderSummary() {
    const root = section("summary");
    const failing = months.filter((m) => monthProblems(m).length > 0);
    const q = "p" + number(plan.quantile * 100);
    const verdict = plan.holds && failing.length === 0
      ? "The plan holds through " + last.label + " at the " + q + " of demand."
      : "The plan does not hold in " + failing.length + " of " + months.length + " months at the " + q + " of demand (first: " + (failing[0] ? failing[0].label : "see the warnings") + ").";
    root.appendChild(el("p", { class: "verdict " + (plan.holds ? "ok" : "risk"), id: "verdict", text: verdict }));

    const horizonCost = months.reduce((sum, m) => sum + m.cost.total, 0);
    const monthEnds = data.month_end.filter((r) => r !== null);
    const worstClose = monthEnds.reduce((a, r) => (a === null || r.duration_h > a.duration_h ? r : a), null);
    const costs = data.tenant_costs.months;
    const tenantCount = data.tenants.length;
    const lastTenantCost = costs.length ? costs[costs.length - 1].total / Math.max(1, tenantCount) : NaN;
    const cards = [
      ["Cost per month", money(months[0].cost.total) + " → " + money(last.cost.total), months[0].label + " to " + last.label + "; " + money(horizonCost) + " over the horizon", "cost-card"],
      ["Cost per tenant", money(lastTenantCost), (tenantCount === 1 ? "the one tenant" : "average of " + tenantCount + " tenants") + " in " + last.label + " (split under Cost)", "tenant-card"],
      worstClose
        ? ["Month-end processing", hours(worstClose.duration_h), "longest month-end close (" + worstClose.source + " of " + worstClose.tenant + ", " + worstClose.released_utc.slice(0, 10) + "), deadline " + hours(worstClose.deadline_h), "batch-card"]
        : ["Month-end processing", "–", "the estate has no month-end close event", "batch-card"],
      ["Sites", number(months[0].load.sites) + " → " + number(last.load.sites), number(months[0].load.named_users) + " → " + number(last.load.named_users) + " named users", "sites-card"],
    ];
    root.appendChild(el("div", { class: "cards" }, cards.map(([title, value, note, id]) =>
      el("div", { class: "card", id: id }, [el("h3", { text: title }), el("p", { class: "figure", text: value }), el("p", { class: "note", text: note })]))));

    root.appendChild(el("h3", { text: "Next actions" }));
    root.appendChild(nextActions());
    root.appendChild(el("h3", { text: "Onboarding readiness of new sites" }));
    root.appendChild(onboarding());
    root.appendChild(el("h3", { text: "Recovery readiness" }));
    root.appendChild(recovery());
    root.appendChild(el("h3", { text: "Month-end processing" }));
    root.appendChild(batchSummary());
    if (plan.warnings.length) {
      root.appendChild(el("h3", { text: "Warnings" }));
      root.appendChild(el("ul", { class: "warnings" }, plan.warnings.map((w) => el("li", { text: w }))));
    }
  }

  // The first months with changes: what must be in place, by the first day of that month.
  function nextActions() {
    const byMonth = new Map();
    for (const s of plan.roadmap) {
      if (!byMonth.has(s.label)) byMonth.set(s.label, []);
      byMonth.get(s.label).push(s);
    }
    const shown = Array.from(byMonth.keys()).slice(0, 4);
    if (shown.length === 0) return para("No change is needed after the first month: the first month's platform carries the whole horizon.");
    const list = el("ol", { class: "actions", id: "next-actions" });
    for (const label of shown) {
      const steps = byMonth.get(label);
      const items = steps.map((s) => el("li", { text: changeText(s) }));
      list.appendChild(el("li", {}, [
        el("strong", { text: "In place by " + monthStart(label) + " (" + plural(steps.length, "change") + ")" }),
        el("ul", {}, items),
      ]));
    }
    const rest = byMonth.size - shown.length;
    const wrap = el("div", {}, [
      para("Each change must be live before the first day of the month that needs it; start it early enough to finish by then (procurement, reviews, a maintenance window)."),
      list,
    ]);
    if (rest > 0) wrap.appendChild(para("… and changes in " + plural(rest, "later month") + ": see the roadmap."));
    return wrap;
  }

  function changeText(s) {
    return LAYER_NAMES[s.layer] + ": " + s.resource + " " + number(s.from, 1).replace(/\.0$/, "") + " → " + number(s.to, 1).replace(/\.0$/, "") + " " + s.unit;
  }

  function onboarding() {
    const rows = [];
    for (const t of data.tenants) {
      t.added_sites.forEach((added, i) => {
        if (added <= 0 || i === 0) return;
        const m = months[i];
        const problems = monthProblems(m);
        const changes = plan.roadmap.filter((s) => s.month === i).length;
        rows.push([
          m.label,
          t.name,
          number(added),
          number(t.sites[i]),
          changes ? plural(changes, "planned change") + " by " + monthStart(m.label) : "none needed",
          problems.length ? status(false, "", "At risk: " + problems[0]) : status(true, "Ready", ""),
        ]);
      });
    }
    if (rows.length === 0) return para("No tenant adds sites within the horizon.");
    // By month, then tenant (labels are YYYY-MM, so text order is time order).
    rows.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
    return table("Sites joining, the month they join, and whether the plan carries them", [
      { label: "month" }, { label: "tenant" }, { label: "new sites", numeric: true }, { label: "sites then", numeric: true },
      { label: "capacity changes" }, { label: "readiness" },
    ], rows, "onboarding");
  }

  // Recovery readiness: per recovery objective, the recovery window's latency of the classes the
  // workflow needs (after losing a zone) against what the policy allows, in the worst month.
  function recovery() {
    const factor = data.inputs.policy.recovery_latency_factor;
    const zoneLoss = months.every((m) => m.nodes.survives_zone_loss);
    const nodeLoss = months.every((m) => m.nodes.survives_node_loss);
    const facts = [
      "Placement survives the loss of a zone in " + (zoneLoss ? "every month" : months.filter((m) => m.nodes.survives_zone_loss).length + " of " + months.length + " months") +
        " and of a node in " + (nodeLoss ? "every month" : months.filter((m) => m.nodes.survives_node_loss).length + " of " + months.length + " months") + ".",
      "PostgreSQL runs " + clusterCount(last) + number(last.postgres.instances) + " instances" + (last.postgres.synchronous_standby ? " with a synchronous standby" : "") +
        "; backups keep " + number(last.storage.base_backups_kept) + " base backups and " + number(last.storage.wal_archive_gib, 1) + " GiB of WAL (" +
        number(last.storage.backup_footprint_gib, 1) + " GiB in " + last.label + ").",
      "Recovery load is the peak plus the backlog an outage of the tightest RTO (" + hours(last.load.rto_hours) + ") leaves, on the capacity left after losing a zone; p95 may reach " + number(factor, 1) + "× the target.",
    ];
    if (plan.recovery && plan.recovery.workflows.length) {
      const pairs = plan.recovery.workflows.flatMap((w) => w.scenarios);
      const met = pairs.filter((s) => s.meets).length;
      facts.push("Backups and failover meet " + met + " of " + pairs.length + " workflow-scenario recovery objectives" +
        (plan.recovery.recommended ? "; " + plan.recovery.recommended.changes.join(", ") + " (+" + money(plan.recovery.recommended.monthly_cost) + "/month) would meet the rest that can be met" : "") +
        " (see Backup and disaster recovery).");
    }
    const rows = [];
    for (const t of data.tenants) {
      for (const r of t.recovery) {
        let worst = null;
        for (const m of months) {
          for (const l of m.odoo.latency) {
            if (r.request_classes.length && !r.request_classes.includes(l.class)) continue;
            const allowed = l.target_ms * factor;
            const ratio = allowed > 0 ? l.p95_ms_recovery / allowed : 0;
            if (worst === null || ratio > worst.ratio) worst = { ratio: ratio, l: l, m: m, allowed: allowed };
          }
        }
        const ok = zoneLoss && (worst === null || worst.ratio <= 1);
        rows.push([
          t.name, r.workflow, number(r.rto_minutes) + " min", number(r.rpo_minutes) + " min",
          worst ? worst.l.class + ": " + number(worst.l.p95_ms_recovery) + " ms of " + number(worst.allowed) + " ms (" + worst.m.label + ")" : "–",
          status(ok, "Ready", "At risk"),
        ]);
      }
    }
    const wrap = el("div", {}, [el("ul", { class: "facts" }, facts.map((f) => el("li", { text: f })))]);
    if (rows.length) {
      wrap.appendChild(table("Recovery objectives and the recovery window's worst p95", [
        { label: "tenant" }, { label: "workflow" }, { label: "RTO", numeric: true }, { label: "RPO", numeric: true },
        { label: "worst recovery p95 (allowed)" }, { label: "readiness" },
      ], rows, "recovery"));
    } else {
      wrap.appendChild(para("The estate names no recovery objectives per workflow; the estate-wide RTO above applies."));
    }
    return wrap;
  }

  // Month-end close (mid evaluation of its size) and the month's heaviest batch of any kind (at
  // the planning quantile, the one the cron workers are sized for), against their deadlines.
  function batchSummary() {
    const late = months.filter((m) => !m.odoo.batch_meets_deadline);
    const closeLate = data.month_end.filter((r) => r !== null && r.duration_h > r.deadline_h);
    const text = [];
    text.push(late.length === 0
      ? "The heaviest batch of every month (month-end close, payroll, onboarding or a nightly job) finishes within its deadline on the planned cron workers."
      : "The heaviest batch misses its deadline in " + late.map((m) => m.label).join(", ") + ".");
    if (data.month_end.some((r) => r !== null)) {
      text.push(closeLate.length === 0 ? "Month-end close finishes within its deadline in every month." : "Month-end close misses its deadline in " + plural(closeLate.length, "month") + ".");
    }
    const wrap = el("div", {}, [para(text.join(" "))]);
    const heaviestDeadline = months.map((m) => (data.heaviest_batch[m.month] ? data.heaviest_batch[m.month].deadline_h : null));
    lineChart(wrap, {
      title: "Batch processing: predicted duration against the deadline",
      description: "Predicted wall-clock hours on the planned cron workers of the month-end close and of the month's heaviest batch, with their deadlines. Longest month-end close: " +
        hours(Math.max(0, ...data.month_end.filter((r) => r !== null).map((r) => r.duration_h))) + "; longest heaviest batch: " + hours(Math.max(...months.map((m) => m.odoo.batch_duration_h))) + ".",
      yLabel: "hours",
      digits: 1,
      series: [
        { label: "month-end close", values: data.month_end.map((r) => (r === null ? null : r.duration_h)), colour: COLOURS.blue },
        { label: "heaviest batch", values: months.map((m) => m.odoo.batch_duration_h), colour: COLOURS.orange, dash: "dashed" },
        { label: "month-end deadline", values: data.month_end.map((r) => (r === null ? null : r.deadline_h)), colour: COLOURS.vermillion, dash: "dotted", width: 1.5 },
        { label: "heaviest batch deadline", values: heaviestDeadline, colour: COLOURS.black, dash: "dashdot", width: 1 },
      ],
      height: 220,
    });
    return wrap;
  }

  // ---- 2. layers ----

  function band(window) {
    return data.demand.months.map((m) => m[window]);
  }

  function renderLayers() {
    const root = section("layers");
    root.appendChild(para("Demand is the load the plan is sized for at the " + "p" + number(plan.quantile * 100) + " of " + plan.samples +
      " Monte Carlo samples; the shaded band spans the samples' p10 to p90. Capacity is what the plan provisions. Each layer names the window (sustained, peak or recovery) and the resource that bind it."));

    const sustained = band("sustained"), peak = band("peak"), rec = band("recovery");
    lineChart(root, {
      title: "Demand: CPU the load offers (application and database), by window",
      description: "Offered CPU in cores at the planning quantile for the sustained, peak and recovery windows, with the p10 to p90 band of the samples for peak and recovery. In " + last.label + ": peak " + number(peak[peak.length - 1].planning, 1) + " cores, recovery " + number(rec[rec.length - 1].planning, 1) + " cores.",
      yLabel: "cores",
      digits: 1,
      series: [
        { label: "sustained", values: sustained.map((q) => q.planning), colour: COLOURS.green },
        { label: "peak", values: peak.map((q) => q.planning), colour: COLOURS.blue },
        { label: "recovery", values: rec.map((q) => q.planning), colour: COLOURS.vermillion, dash: "dashed" },
        { label: "peak p90", values: peak.map((q) => q.p90), colour: "rgba(0,114,178,0.35)", width: 1 },
        { label: "peak p10", values: peak.map((q) => q.p10), colour: "rgba(0,114,178,0.35)", width: 1 },
        { label: "recovery p90", values: rec.map((q) => q.p90), colour: "rgba(213,94,0,0.35)", width: 1, dash: "dotted" },
        { label: "recovery p10", values: rec.map((q) => q.p10), colour: "rgba(213,94,0,0.35)", width: 1, dash: "dotted" },
      ],
      bands: [
        { upper: 3, lower: 4, colour: "rgba(0,114,178,0.12)" },
        { upper: 5, lower: 6, colour: "rgba(213,94,0,0.10)" },
      ],
    });

    const layerKeys = ["odoo", "postgres", "redis", "storage", "ingress"];
    const layerColours = [COLOURS.blue, COLOURS.vermillion, COLOURS.purple, COLOURS.green, COLOURS.orange];
    const layerDashes = ["solid", "dashed", "dotted", "dashdot", "solid"];
    lineChart(root, {
      title: "Utilisation of each layer's binding resource",
      description: "Share of the binding resource used in the binding window, per layer, against the peak ceiling of the headroom policy (" + percent(data.inputs.policy.peak_max_utilisation) + "). Highest in " + last.label + ": " + LAYER_NAMES[bindingLayer(last).layer] + " at " + percent(bindingLayer(last).v.utilisation) + ".",
      yLabel: "% used",
      digits: 0,
      series: layerKeys.map((k, i) => ({ label: LAYER_NAMES[k], values: months.map((m) => m[k].verdict.utilisation * 100), colour: layerColours[i], dash: layerDashes[i] }))
        .concat([{ label: "peak ceiling", values: months.map(() => data.inputs.policy.peak_max_utilisation * 100), colour: COLOURS.black, dash: "dotted", width: 1 }]),
    });

    renderOdoo(root);
    renderPostgres(root);
    renderRedis(root);
    renderStorage(root);
    renderIngress(root);
    renderNodes(root);
  }

  function layerBlock(root, key) {
    const block = el("div", { class: "layer", id: "layer-" + key });
    block.appendChild(el("h3", { text: LAYER_NAMES[key] }));
    root.appendChild(block);
    return block;
  }

  function verdictCells(v) {
    return [percent(v.utilisation), WINDOW_NAMES[v.binding_window], v.bottleneck, v.saturated ? status(false, "", "saturated") : status(true, "ok", "")];
  }
  const VERDICT_COLUMNS = [{ label: "utilisation", numeric: true }, { label: "binding window" }, { label: "bottleneck" }, { label: "state" }];

  function reasonNote(block, key) {
    block.appendChild(para("Why, in " + last.label + ": " + last[key].verdict.reason + ".", "reason"));
  }

  function renderOdoo(root) {
    const b = layerBlock(root, "odoo");
    lineChart(b, {
      title: "Odoo HTTP workers and pods planned",
      description: "HTTP workers (prefork processes, one request each at a time) and pods planned, with the autoscaler's upper bound. In " + last.label + ": " + number(last.odoo.http_workers) + " workers in " + number(last.odoo.pods) + " pods, HPA " + number(last.odoo.hpa.min_replicas) + " to " + number(last.odoo.hpa.max_replicas) + " pods.",
      yLabel: "workers / pods",
      series: [
        { label: "HTTP workers", values: months.map((m) => m.odoo.http_workers), colour: COLOURS.black, width: 2.5 },
        { label: "pods", values: months.map((m) => m.odoo.pods), colour: COLOURS.blue },
        { label: "HPA max pods", values: months.map((m) => m.odoo.hpa.max_replicas), colour: COLOURS.sky, dash: "dashed" },
      ],
      height: 200,
    });
    const policy = data.inputs.policy;
    lineChart(b, {
      title: "Odoo HTTP worker utilisation by window",
      description: "Share of the HTTP workers busy in each window (recovery: on the workers left after losing a zone), as the month's own sizing sees it; the plan never holds fewer workers, so planned utilisation is at most this. Ceilings of the policy: sustained " + percent(policy.sustained_max_utilisation) + ", peak " + percent(policy.peak_max_utilisation) + ". In " + last.label + ": peak " + percent(last.odoo.worker_utilisation.peak) + ", recovery " + percent(last.odoo.worker_utilisation.recovery) + ".",
      yLabel: "% busy",
      series: [
        { label: "sustained", values: months.map((m) => m.odoo.worker_utilisation.sustained * 100), colour: COLOURS.green },
        { label: "peak", values: months.map((m) => m.odoo.worker_utilisation.peak * 100), colour: COLOURS.blue },
        { label: "recovery", values: months.map((m) => m.odoo.worker_utilisation.recovery * 100), colour: COLOURS.vermillion, dash: "dashed" },
        { label: "peak ceiling", values: months.map(() => policy.peak_max_utilisation * 100), colour: COLOURS.black, dash: "dotted", width: 1 },
        { label: "sustained ceiling", values: months.map(() => policy.sustained_max_utilisation * 100), colour: COLOURS.green, dash: "dotted", width: 1 },
      ],
      height: 220,
    });
    b.appendChild(table("Odoo by month", [
      { label: "month" }, { label: "HTTP workers", numeric: true }, { label: "pods", numeric: true }, { label: "HPA min–max" },
      { label: "cron workers", numeric: true }, { label: "pod memory limit", numeric: true }, { label: "coverage", numeric: true },
    ].concat(VERDICT_COLUMNS), months.map((m) => [
      m.label, number(m.odoo.http_workers), number(m.odoo.pods), number(m.odoo.hpa.min_replicas) + "–" + number(m.odoo.hpa.max_replicas),
      number(m.odoo.cron_workers), number(m.odoo.pod_memory_limit_mib) + " MiB", percent(m.coverage.odoo_workers),
    ].concat(verdictCells(m.odoo.verdict))), "odoo-table"));
    reasonNote(b, "odoo");
  }

  // "3 clusters of " when the databases are spread over several, "" for one.
  function clusterCount(m) {
    return m.postgres.clusters > 1 ? number(m.postgres.clusters) + " clusters of " : "";
  }

  function renderPostgres(root) {
    const b = layerBlock(root, "postgres");
    const cpu = data.offered_cpu;
    lineChart(b, {
      title: "PostgreSQL CPU: the load's database CPU against the planned vCPU",
      description: "Database CPU the requests offer (cores, at the planning quantile) in the sustained, peak and recovery windows, against the vCPU planned per instance (the primary serves the writes; reports and reads may use standbys), summed over the clusters when the tenants' databases are spread over several. In " + last.label + ": " + clusterCount(last) + number(last.postgres.vcpu) + " vCPU, " + number(last.postgres.memory_gib) + " GiB, " + number(last.postgres.instances) + " instances; " + number(cpu[cpu.length - 1].db_cores.peak, 1) + " cores offered at peak.",
      yLabel: "cores",
      digits: 1,
      series: [
        { label: "planned vCPU", values: months.map((m) => m.postgres.vcpu * m.postgres.clusters), colour: COLOURS.black, width: 2.5 },
        { label: "sustained", values: cpu.map((c) => c.db_cores.sustained), colour: COLOURS.green },
        { label: "peak", values: cpu.map((c) => c.db_cores.peak), colour: COLOURS.blue },
        { label: "recovery", values: cpu.map((c) => c.db_cores.recovery), colour: COLOURS.vermillion, dash: "dashed" },
      ],
    });
    b.appendChild(table("PostgreSQL by month", [
      { label: "month" }, { label: "clusters", numeric: true }, { label: "vCPU", numeric: true }, { label: "memory GiB", numeric: true }, { label: "instances", numeric: true },
      { label: "IOPS peak (r/w)", numeric: true }, { label: "data volume (class, IOPS)" }, { label: "WAL GiB/day", numeric: true }, { label: "database GiB", numeric: true }, { label: "coverage (CPU)", numeric: true },
    ].concat(VERDICT_COLUMNS), months.map((m) => [
      m.label, number(m.postgres.clusters), number(m.postgres.vcpu), number(m.postgres.memory_gib), number(m.postgres.instances),
      number(m.postgres.read_iops_peak) + " / " + number(m.postgres.write_iops_peak),
      m.cost.block_storage_class + ", " + number(m.cost.data_volume_iops), number(m.postgres.wal_gib_per_day, 1),
      number(m.postgres.database_gib, 1), percent(m.coverage.postgres_vcpu),
    ].concat(verdictCells(m.postgres.verdict))), "postgres-table"));
    reasonNote(b, "postgres");
  }

  function renderRedis(root) {
    const b = layerBlock(root, "redis");
    lineChart(b, {
      title: "Redis memory planned",
      description: "maxmemory planned for sessions and cache. In " + last.label + ": " + number(last.redis.memory_mib) + " MiB for " + number(last.redis.sessions) + " sessions, " + number(last.redis.ops_per_s_peak) + " operations per second at peak.",
      yLabel: "MiB",
      series: [
        { label: "maxmemory", values: months.map((m) => m.redis.memory_mib), colour: COLOURS.black, width: 2.5 },
        { label: "used (utilisation × maxmemory)", values: months.map((m) => m.redis.verdict.utilisation * m.redis.memory_mib), colour: COLOURS.purple },
      ],
      height: 200,
    });
    b.appendChild(table("Redis by month", [
      { label: "month" }, { label: "maxmemory MiB", numeric: true }, { label: "sessions", numeric: true }, { label: "ops/s peak", numeric: true },
      { label: "replicas", numeric: true }, { label: "coverage", numeric: true },
    ].concat(VERDICT_COLUMNS), months.map((m) => [
      m.label, number(m.redis.memory_mib), number(m.redis.sessions), number(m.redis.ops_per_s_peak), number(m.redis.replicas), percent(m.coverage.redis_memory),
    ].concat(verdictCells(m.redis.verdict))), "redis-table"));
    reasonNote(b, "redis");
  }

  function renderStorage(root) {
    const b = layerBlock(root, "storage");
    lineChart(b, {
      title: "Database size against the planned data volume",
      description: "The databases' size at the end of each month (at the planning quantile) against the data volume planned per PostgreSQL instance (times the clusters when the databases are spread over several), sized for the data expected " + data.inputs.policy.storage_lookahead_months + " months ahead. In " + last.label + ": database " + number(last.load.database_gib, 1) + " GiB on " + clusterCount(last) + number(last.postgres.storage_gib) + " GiB volumes.",
      yLabel: "GiB",
      digits: 1,
      series: [
        { label: "data volume (one instance of each cluster)", values: months.map((m) => m.postgres.storage_gib * m.postgres.clusters), colour: COLOURS.black, width: 2.5 },
        { label: "database", values: months.map((m) => m.load.database_gib), colour: COLOURS.vermillion },
      ],
      height: 200,
    });
    lineChart(b, {
      title: "Object storage: attachments and backups",
      description: "Attachments (filestore) and the backup footprint (base backups and WAL archive for the retention window) in object storage. In " + last.label + ": filestore " + number(last.storage.filestore_gib) + " GiB, backups " + number(last.storage.backup_footprint_gib) + " GiB, " + number(last.storage.object_storage_gib) + " GiB in all.",
      yLabel: "GiB",
      series: [
        { label: "object storage in all", values: months.map((m) => m.storage.object_storage_gib), colour: COLOURS.black, width: 2.5 },
        { label: "filestore", values: months.map((m) => m.storage.filestore_gib), colour: COLOURS.green, dash: "dashed" },
        { label: "backup footprint", values: months.map((m) => m.storage.backup_footprint_gib), colour: COLOURS.sky, dash: "dashdot" },
      ],
      height: 200,
    });
    b.appendChild(table("Storage by month", [
      { label: "month" }, { label: "data volume GiB", numeric: true }, { label: "WAL volume GiB", numeric: true }, { label: "filestore GiB", numeric: true },
      { label: "backups kept", numeric: true }, { label: "backup GiB", numeric: true }, { label: "object storage GiB", numeric: true },
    ].concat(VERDICT_COLUMNS), months.map((m) => [
      m.label, number(m.postgres.storage_gib), number(m.postgres.wal_storage_gib), number(m.storage.filestore_gib, 1),
      number(m.storage.base_backups_kept), number(m.storage.backup_footprint_gib, 1), number(m.storage.object_storage_gib, 1),
    ].concat(verdictCells(m.storage.verdict))), "storage-table"));
    reasonNote(b, "storage");
  }

  function renderIngress(root) {
    const b = layerBlock(root, "ingress");
    lineChart(b, {
      title: "Traefik ingress: requests per second at peak and recovery",
      description: "Requests per second through the ingress (through the busiest cell's Traefik when the tenants are spread over several cells, each with its own). In " + last.label + ": " + number(last.ingress.rps_peak) + " at peak, " + number(last.ingress.rps_recovery) + " at recovery, on " + (last.ingress.cells > 1 ? number(last.ingress.cells) + " Traefik deployments of " : "") + number(last.ingress.replicas) + " replicas.",
      yLabel: "requests/s",
      series: [
        { label: "peak", values: months.map((m) => m.ingress.rps_peak), colour: COLOURS.blue },
        { label: "recovery", values: months.map((m) => m.ingress.rps_recovery), colour: COLOURS.vermillion, dash: "dashed" },
        { label: "rate limit (average)", values: months.map((m) => m.ingress.rate_limit_average_per_s), colour: COLOURS.black, dash: "dotted", width: 1.5 },
      ],
      height: 200,
    });
    b.appendChild(table("Ingress by month", [
      { label: "month" }, { label: "cells", numeric: true }, { label: "replicas", numeric: true }, { label: "connections", numeric: true }, { label: "Mbit/s", numeric: true },
      { label: "rate limit /s", numeric: true }, { label: "burst", numeric: true }, { label: "coverage", numeric: true },
    ].concat(VERDICT_COLUMNS), months.map((m) => [
      m.label, number(m.ingress.cells), number(m.ingress.replicas), number(m.ingress.concurrent_connections), number(m.ingress.bandwidth_mbit_s, 1),
      number(m.ingress.rate_limit_average_per_s), number(m.ingress.rate_limit_burst), percent(m.coverage.ingress_replicas),
    ].concat(verdictCells(m.ingress.verdict))), "ingress-table"));
    reasonNote(b, "ingress");
  }

  function renderNodes(root) {
    const b = layerBlock(root, "nodes");
    lineChart(b, {
      title: "Nodes, and how full their requests make them",
      description: "Node count (left scale is shared: count, and requested CPU and memory in %). In " + last.label + ": " + number(last.nodes.nodes) + " nodes, CPU " + percent(last.nodes.cpu_requested_share) + " and memory " + percent(last.nodes.memory_requested_share) + " requested.",
      yLabel: "nodes / %",
      series: [
        { label: "nodes", values: months.map((m) => m.nodes.nodes), colour: COLOURS.black, width: 2.5 },
        { label: "CPU requested %", values: months.map((m) => m.nodes.cpu_requested_share * 100), colour: COLOURS.blue, dash: "dashed" },
        { label: "memory requested %", values: months.map((m) => m.nodes.memory_requested_share * 100), colour: COLOURS.orange, dash: "dotted" },
      ],
      height: 200,
    });
    b.appendChild(table("Nodes by month", [
      { label: "month" }, { label: "nodes", numeric: true }, { label: "by type and zone" }, { label: "survives zone / node loss" }, { label: "packing" },
    ], months.map((m) => [
      m.label, number(m.nodes.nodes),
      m.nodes.by_type_and_zone.map((c) => c.count + " × " + c.type + " (" + c.zone + ")").join(", "),
      (m.nodes.survives_zone_loss ? "yes" : "no") + " / " + (m.nodes.survives_node_loss ? "yes" : "no"),
      m.nodes.error ? m.nodes.error : m.nodes.strategy + ", gap " + percent(m.nodes.optimality_gap),
    ]), "nodes-table"));
  }

  // ---- 3. roadmap ----

  function renderRoadmap() {
    const root = section("roadmap");
    if (plan.roadmap.length === 0) {
      root.appendChild(para("No resource changes after the first month."));
      return;
    }
    root.appendChild(para(plan.roadmap.length + " changes over " + months.length + " months. Sizes never shrink only to grow again later."));
    root.appendChild(table("Every change, with the month it is needed and its reason", [
      { label: "needed from" }, { label: "layer" }, { label: "resource" }, { label: "from", numeric: true }, { label: "to", numeric: true },
      { label: "unit" }, { label: "reason" },
    ], plan.roadmap.map((s) => [s.label, LAYER_NAMES[s.layer] || s.layer, s.resource, number(s.from, 1).replace(/\.0$/, ""), number(s.to, 1).replace(/\.0$/, ""), s.unit, s.reason]), "roadmap-table"));
  }

  // ---- measured resources: forecast saturation beside the plan's months ----

  function day(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }

  function renderForecast() {
    const root = section("forecast");
    const fc = plan.forecast;
    if (!fc) {
      root.appendChild(el("p", { id: "no-forecast", text: "No forecast from measurements was given (headroom forecast --format json, then headroom plan --forecast FILE)." }));
      return;
    }
    const level = number(fc.band_level * 100) + "%";
    root.appendChild(para("Measured resources (" + fc.source + ") forecast " + number(fc.horizon_days) + " days ahead. The saturation date is when the upper edge of the " + level + " prediction band first reaches the capacity; the plan month is the month of the plan it falls in."));
    root.appendChild(table("Forecast saturation of measured resources", [
      { label: "resource" }, { label: "model" }, { label: "capacity", numeric: true }, { label: "band reaches capacity" }, { label: "plan month" }, { label: "forecast reaches capacity" },
    ], fc.resources.map((r) => [r.name, r.model.replace(/_/g, " "), r.capacity === null ? "–" : String(r.capacity),
      r.status === "crosses" ? r.saturation_date : (r.status === "no_capacity" ? "no capacity given" : "not within the horizon"),
      r.plan_month ? r.plan_month.label : "–", r.forecast_date || "–"]), "forecast-table"));
    for (const r of fc.resources) {
      const c = r.chart;
      const x = c.observed_time_s.concat(c.forecast_time_s);
      const pad = (values, before, after) => Array(before).fill(null).concat(values, Array(after).fill(null));
      const nObs = c.observed_time_s.length, nFc = c.forecast_time_s.length;
      const series = [
        { label: "observed", values: pad(c.observed, 0, nFc), colour: COLOURS.blue, width: 1.5 },
        { label: "forecast", values: pad(c.mean, nObs, 0), colour: COLOURS.vermillion, dash: "dashed" },
        { label: "upper " + level, values: pad(c.upper, nObs, 0), colour: "rgba(213,94,0,0.45)", width: 1, dash: "dotted" },
        { label: "lower " + level, values: pad(c.lower, nObs, 0), colour: "rgba(213,94,0,0.45)", width: 1, dash: "dotted" },
      ];
      if (r.capacity !== null) series.push({ label: "capacity", values: x.map(() => r.capacity), colour: COLOURS.black, width: 1 });
      lineChart(root, {
        title: "Forecast: " + r.name,
        description: "Observed values, the " + r.model.replace(/_/g, " ") + " forecast and its " + level + " band" +
          (r.status === "crosses" ? "; the band reaches the capacity " + r.capacity + " on " + r.saturation_date + (r.plan_month ? " (plan month " + r.plan_month.label + ")" : "") : (r.status === "no_capacity" ? "; no capacity given" : "; the band stays below the capacity within the horizon")) + ".",
        x: x,
        xLabel: day,
        xTitle: "date",
        xIncrs: [86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400, 56 * 86400, 91 * 86400, 182 * 86400],
        xSpace: 90, // a date label is about 80 px wide
        yLabel: r.name.split("{")[0],
        digits: 3,
        series: series,
        bands: [{ upper: 2, lower: 3, colour: "rgba(213,94,0,0.12)" }],
      });
    }
  }

  // ---- 4. the simulated peak day ----

  function renderSimulation() {
    const root = section("simulation");
    const sim = data.simulation;
    if (sim === null) {
      root.appendChild(el("p", { class: "notice", id: "no-simulation",
        text: "No simulation of the peak day was given to this report, so no simulated latencies, queues or replica timelines are shown. headroom plan leaves it out when the busiest month's sizing saturated (see the warnings) or the estate is too large to keep its hourly series. The figures below are the plan's analytic predictions (queueing models), not a simulation." }));
      analyticLatency(root);
      return;
    }
    root.appendChild(para("Simulated: " + sim.window + " (seed " + sim.seed + ")."));
    root.appendChild(table("Simulated response times per request class", [
      { label: "class" }, { label: "p50 ms", numeric: true }, { label: "p95 ms", numeric: true }, { label: "p99 ms", numeric: true },
      { label: "p95 target ms", numeric: true }, { label: "requests", numeric: true }, { label: "state" },
    ], sim.latency.map((l) => [l.class, number(l.p50_ms), number(l.p95_ms), number(l.p99_ms), l.target_ms > 0 ? number(l.target_ms) : "–", number(l.completed),
      l.target_ms > 0 ? status(l.p95_ms <= l.target_ms, "meets target", "misses target") : "–"]), "simulation-latency"));
    timelineChart(root, "Queues over the simulated day", "requests waiting", sim.queues);
    timelineChart(root, "Replicas over the simulated day", "replicas", sim.replicas);
  }

  function clock(seconds) {
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60);
    return String(h).padStart(2, "0") + ":" + String(m).padStart(2, "0");
  }

  function timelineChart(root, title, yLabel, series) {
    if (!series.length) {
      root.appendChild(para(title + ": none in the simulation result."));
      return;
    }
    // Series may be sampled at different times: draw them on the union of their times.
    const times = Array.from(new Set(series.flatMap((s) => s.time_s))).sort((a, b) => a - b);
    const palette = [COLOURS.blue, COLOURS.vermillion, COLOURS.green, COLOURS.purple, COLOURS.orange, COLOURS.sky];
    lineChart(root, {
      title: title,
      description: series.map((s) => s.name + " (" + s.unit + "): highest " + number(Math.max(...s.value), 1)).join("; ") + ".",
      x: times,
      xLabel: clock,
      xTitle: "time",
      // Ticks on whole quarter hours, hours or multiples of them.
      xIncrs: [60, 300, 900, 1800, 3600, 7200, 10800, 21600, 43200],
      yLabel: yLabel,
      digits: 1,
      series: series.map((s, i) => {
        const at = new Map(s.time_s.map((t, j) => [t, s.value[j]]));
        // A sampled value holds until the next sample: drawn as steps, across the times at
        // which only other series were sampled.
        return { label: s.name, values: times.map((t) => (at.has(t) ? at.get(t) : null)), colour: palette[i % palette.length], dash: ["solid", "dashed", "dotted", "dashdot"][i % 4], stepped: true };
      }),
    });
  }

  function analyticLatency(root) {
    const classes = last.odoo.latency.map((l) => l.class);
    const palette = [COLOURS.blue, COLOURS.vermillion, COLOURS.green, COLOURS.purple, COLOURS.orange, COLOURS.sky];
    lineChart(root, {
      title: "Predicted p95 response time at peak, as a share of each class's target (analytic)",
      description: "p95 inside Odoo at the peak window with the planned workers, per class, as a percentage of the class's p95 target (100% = at the target). In " + last.label + ": " + last.odoo.latency.map((l) => l.class + " " + number(l.p95_ms_peak) + " ms of " + number(l.target_ms) + " ms").join(", ") + ".",
      yLabel: "% of target",
      series: classes.map((c, i) => ({
        label: c, colour: palette[i % palette.length], dash: ["solid", "dashed", "dotted", "dashdot"][i % 4],
        values: months.map((m) => { const l = m.odoo.latency.find((x) => x.class === c); return l && l.target_ms > 0 ? (100 * l.p95_ms_peak) / l.target_ms : null; }),
      })).concat([{ label: "target", values: months.map(() => 100), colour: COLOURS.black, dash: "dotted", width: 1 }]),
    });
    root.appendChild(table("Predicted p95 per class in " + last.label + " (analytic)", [
      { label: "class" }, { label: "p95 at peak ms", numeric: true }, { label: "p95 at recovery ms", numeric: true }, { label: "target ms", numeric: true }, { label: "state" },
    ], last.odoo.latency.map((l) => [l.class, number(l.p95_ms_peak), number(l.p95_ms_recovery), number(l.target_ms), status(l.meets_target, "meets target", "misses target")]), "analytic-latency"));
  }

  // ---- backup and disaster recovery ----

  function minutes(m) {
    if (m < 10) return number(m, 1) + " min";
    if (m < 600) return number(m) + " min";
    return number(m / 60, 1) + " h";
  }
  function rpoText(m) {
    return m * 60 < 600 ? number(m * 60, 1) + " s" : minutes(m);
  }
  function drVerdict(s) {
    if (s.meets) return status(true, "meets", "");
    if (!s.recoverable) return status(false, "", "cannot recover");
    const what = !s.meets_rto && !s.meets_rpo ? "RTO and RPO" : (!s.meets_rto ? "RTO" : "RPO");
    return status(false, "", "misses " + what + " from " + s.first_miss_label);
  }
  function fixText(s) {
    if (s.meets) return "–";
    if (!s.fix) return "no modelled change meets it";
    return s.fix.changes.join(", ") + " (+" + money(s.fix.monthly_cost) + "/month): RTO " + minutes(s.fix.rto_minutes) + ", RPO " + rpoText(s.fix.rpo_minutes);
  }

  // Per workflow and failure scenario: the worst month's achievable RTO and RPO against the
  // targets, from plan.json's "recovery" section, and the cheapest change that meets a miss.
  function renderRecovery() {
    const root = section("recovery");
    const dr = plan.recovery;
    if (!dr) {
      root.appendChild(para("This plan carries no recovery assessment."));
      return;
    }
    const d = dr.design;
    root.appendChild(para("Recovery design: " + d.base_backups_per_week + " base backup(s) a week, WAL archived at least every " + number(d.archive_timeout_s) + " s, " +
      (d.volume_snapshots ? "daily volume snapshots, " : "") + (d.synchronous_standby ? "a synchronous" : "an asynchronous") + " standby, " +
      (d.secondary_region === "none" ? "no second region" : "a " + d.secondary_region + " second region") + ". Throughputs: backup " + number(dr.settings.backup_mib_s_per_process) +
      " MiB/s per process, restore " + number(dr.settings.restore_mib_s_per_process) + " MiB/s per process, WAL replay " + number(dr.settings.wal_replay_mib_s) + " MiB/s (" +
      (dr.settings.calibration ? "calibrated: " + dr.settings.calibration : "defaults; `headroom calibrate backup` measures them") + ")."));
    const pitr = dr.months.map((m) => m.scenarios.database_corruption);
    const goals = dr.workflows.map((w) => w.rto_target_minutes);
    const tightest = goals.length ? Math.min.apply(null, goals) : null;
    const series = [
      { label: "point-in-time recovery", values: pitr.map((o) => o.rto_minutes), colour: COLOURS.blue },
      { label: "base restore", values: dr.months.map((m) => m.scenarios.database_corruption.rto_terms.find((t) => t.name !== "provisioning").minutes), colour: COLOURS.green, dash: "dashed" },
      { label: "WAL replay", values: dr.months.map((m) => m.wal_replay_minutes), colour: COLOURS.orange, dash: "dotted" },
    ];
    if (tightest !== null) series.push({ label: "tightest RTO", values: dr.months.map(() => tightest), colour: COLOURS.black, dash: "dotted", width: 1 });
    const lastDr = dr.months[dr.months.length - 1];
    lineChart(root, {
      title: "Time to recover the database from its backups (minutes)",
      description: "Point-in-time recovery time per month: provisioning, restoring the newest base backup, replaying the WAL written since, and validation; it grows with the database. In " + lastDr.label + ": " +
        minutes(lastDr.scenarios.database_corruption.rto_minutes) + " for " + number(lastDr.database_gib, 1) + " GiB and " + number(lastDr.wal_since_base_gib, 1) + " GiB of WAL" +
        (tightest !== null ? "; the tightest workflow RTO is " + minutes(tightest) : "") + ".",
      yLabel: "minutes",
      digits: 1,
      series: series,
    });
    const rows = [];
    for (const w of dr.workflows) {
      for (const s of w.scenarios) {
        rows.push([w.tenant, w.workflow, s.name,
          (s.recoverable ? minutes(s.rto_minutes) : "–") + " / " + minutes(w.rto_target_minutes),
          (s.recoverable ? rpoText(s.rpo_minutes) : "–") + " / " + rpoText(w.rpo_target_minutes),
          drVerdict(s), fixText(s)]);
      }
    }
    if (rows.length) {
      root.appendChild(table("Each workflow's recovery objectives in each failure scenario (worst month over the horizon)", [
        { label: "tenant" }, { label: "workflow" }, { label: "scenario" }, { label: "RTO (target)", numeric: true }, { label: "RPO (target)", numeric: true },
        { label: "verdict" }, { label: "cheapest fix" },
      ], rows, "dr-table"));
    } else {
      root.appendChild(para("The estate names no recovery objectives: add `recovery` entries to its tenants."));
    }
    root.appendChild(para(dr.recommended
      ? "Recommended: " + dr.recommended.changes.join(", ") + " (+" + money(dr.recommended.monthly_cost) + "/month) meets every objective some design can meet."
      : "The plan's recovery design meets every objective that some design can meet.", "dr-recommended"));
    if (dr.unreachable.length) root.appendChild(el("ul", { class: "warnings" }, dr.unreachable.map((u) => el("li", { text: "Out of reach: " + u }))));
  }

  // ---- 5. cost ----

  // The plan's cost lines grouped by layer: PostgreSQL's in-cluster share (its part of the nodes
  // by requests, plus its volumes) is the database's; the rest of the nodes and block storage
  // runs Odoo, Redis and Traefik; object storage and backups are storage; egress and the load
  // balancer are the network's. The groups add up to the month's total.
  function byLayer(c) {
    return {
      "Application (Odoo, Redis, Traefik pods)": c.nodes + c.block_storage - c.postgres_options.in_cluster,
      "PostgreSQL (in cluster)": c.postgres_options.in_cluster,
      "Storage and backup": c.object_storage + c.backup_storage,
      "Network (egress, load balancer)": c.egress + c.load_balancer,
    };
  }

  function renderCost() {
    const root = section("cost");
    const total = months.reduce((s, m) => s + m.cost.total, 0);
    root.appendChild(para("Prices from the " + plan.catalog.name + " catalog (" + plan.catalog.price_date + "), in " + currency + " per month. Over the horizon: " + money(total) + "."));

    const layerNames = Object.keys(byLayer(months[0].cost));
    const palette = [COLOURS.blue, COLOURS.vermillion, COLOURS.green, COLOURS.orange];
    lineChart(root, {
      title: "Monthly cost by layer",
      description: "Cost per month, in " + currency + ", grouped by layer, and the total. In " + last.label + ": " + money(last.cost.total) + ".",
      yLabel: currency + " per month",
      series: [{ label: "total", values: months.map((m) => m.cost.total), colour: COLOURS.black, width: 2.5 }].concat(
        layerNames.map((name, i) => ({ label: name, values: months.map((m) => byLayer(m.cost)[name]), colour: palette[i], dash: ["solid", "dashed", "dotted", "dashdot"][i] }))),
    });
    root.appendChild(table("Cost per month, by line of the bill", [
      { label: "month" }, { label: "nodes", numeric: true }, { label: "block storage", numeric: true }, { label: "object storage", numeric: true },
      { label: "backups", numeric: true }, { label: "egress", numeric: true }, { label: "load balancer", numeric: true }, { label: "total", numeric: true },
      { label: "PostgreSQL managed instead" },
    ], months.map((m) => [
      m.label, number(m.cost.nodes), number(m.cost.block_storage), number(m.cost.object_storage), number(m.cost.backup_storage),
      number(m.cost.egress), number(m.cost.load_balancer), number(m.cost.total),
      m.cost.postgres_options.managed > 0 ? number(m.cost.postgres_options.managed) + " (" + m.cost.postgres_options.managed_type + ") vs " + number(m.cost.postgres_options.in_cluster) + " in cluster" : "no managed class large enough",
    ]), "cost-table"));
    root.appendChild(table("Cost per month, by layer", [{ label: "month" }].concat(layerNames.map((n) => ({ label: n, numeric: true }))).concat([{ label: "total", numeric: true }]),
      months.map((m) => [m.label].concat(layerNames.map((n) => number(byLayer(m.cost)[n]))).concat([number(m.cost.total)])), "layer-cost-table"));
    renderTenantCost(root);
  }

  function renderTenantCost(root) {
    root.appendChild(el("h3", { text: "Per tenant" }));
    const tc = data.tenant_costs;
    if (tc.error) {
      root.appendChild(el("p", { class: "notice", text: "Costs could not be split between tenants: " + tc.error }));
      return;
    }
    root.appendChild(para("Each tenant pays for the CPU its own load uses (sustained load and batch work, at the catalog's core-hour price); idle capacity (held for peaks, recovery and maintenance) and the other lines of the bill are shared in proportion (OpenCost's allocation). The tenants' totals add up to the month's total."));
    const names = tc.months[0].tenants.map((t) => t.tenant);
    const palette = [COLOURS.blue, COLOURS.vermillion, COLOURS.green, COLOURS.orange, COLOURS.purple, COLOURS.sky, COLOURS.black];
    lineChart(root, {
      title: "Monthly cost per tenant",
      description: "Each tenant's share of the monthly cost, in " + currency + ". In " + last.label + ": " + tc.months[tc.months.length - 1].tenants.map((t) => t.tenant + " " + money(t.total)).join(", ") + ".",
      yLabel: currency + " per month",
      series: names.map((n, i) => ({ label: n, values: tc.months.map((m) => m.tenants.find((t) => t.tenant === n).total), colour: palette[i % palette.length], dash: ["solid", "dashed", "dotted", "dashdot"][Math.floor(i / palette.length) % 4] })),
    });
    const lastCosts = tc.months[tc.months.length - 1];
    root.appendChild(table("Per tenant in " + lastCosts.label + " and over the horizon", [
      { label: "tenant" }, { label: "own CPU", numeric: true }, { label: "idle share", numeric: true }, { label: "shared lines", numeric: true },
      { label: lastCosts.label + " total", numeric: true }, { label: "horizon total", numeric: true },
    ], lastCosts.tenants.map((t) => [
      t.tenant, number(t.workload), number(t.idle), number(t.shared), number(t.total),
      number(tc.months.reduce((s, m) => s + m.tenants.find((x) => x.tenant === t.tenant).total, 0)),
    ]), "tenant-cost-table"));
  }

  // ---- 6. assumptions and inputs ----

  function renderAssumptions() {
    const root = section("assumptions");
    const inputs = data.inputs;
    root.appendChild(el("h3", { text: "Inputs" }));
    root.appendChild(table("Planning and headroom policy", [{ label: "setting" }, { label: "value", numeric: true }],
      Object.entries(inputs.planning).concat(Object.entries(inputs.policy)).map(([k, v]) => [k.replace(/_/g, " "), typeof v === "boolean" ? (v ? "yes" : "no") : String(v)]), "inputs-table"));
    root.appendChild(table("Tenants", [{ label: "tenant" }, { label: "kind" }, { label: "time zone" }, { label: "sites", numeric: true }, { label: "recovery objectives" }],
      data.tenants.map((t) => [t.name, t.kind.replace(/_/g, " "), t.time_zone, number(t.sites[0]) + " → " + number(t.sites[t.sites.length - 1]),
        t.recovery.map((r) => r.workflow + " (RTO " + number(r.rto_minutes) + " min, RPO " + number(r.rpo_minutes) + " min)").join("; ") || "–"]), "tenants-table"));
    root.appendChild(table("Request classes and their p95 targets", [{ label: "class" }, { label: "p95 target ms", numeric: true }],
      inputs.request_classes.map((c) => [c.name, number(c.p95_target_ms)]), "classes-table"));
    root.appendChild(el("h3", { text: "Defaults used" }));
    if (plan.assumptions.length === 0) {
      root.appendChild(para("The estate sets every value itself: no default was used."));
    } else {
      root.appendChild(para(plan.assumptions.length + " values were not in the estate and came from Headroom's defaults (docs/assumptions.md). Each says where it comes from and how to calibrate it."));
      root.appendChild(table("Every default used, with its source", [{ label: "key" }, { label: "value", numeric: true }, { label: "unit" }, { label: "source" }],
        plan.assumptions.map((a) => [a.key, String(a.value), a.unit, a.source]), "assumptions-table"));
    }
  }

  // ---- where each tenant lives ----

  // Bars of the others' p95 rise at each tenant's worst hour, per mitigation (one group per
  // tenant): what a quota, a PgBouncer cap or a rate limit buys.
  function interferenceBars(pool) {
    const ns = "http://www.w3.org/2000/svg";
    const names = pool.aggressors[0].effects.map((e) => e.mitigation);
    const colours = ["#b3413b", "#2f6f9f", "#6b8e23", "#c98a1a", "#555"];
    const values = pool.aggressors.flatMap((a) => a.effects.map((e) => Math.min(e.others_p95_inflation, 10)));
    const top = Math.max(0.05, ...values);
    const barW = 14, gap = 18, left = 48, height = 160, base = height - 28;
    const width = left + pool.aggressors.length * (names.length * barW + gap) + 10;
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("class", "interference-chart");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Others' p95 rise in " + pool.environment + " at each tenant's worst hour, by mitigation");
    const add = (tag, attrs, text) => {
      const n = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
      if (text !== undefined) n.textContent = text;
      svg.appendChild(n);
      return n;
    };
    add("line", { x1: left, y1: base, x2: width, y2: base, stroke: "#888" });
    add("text", { x: left - 4, y: 12, "text-anchor": "end", "font-size": 10 }, percent(top));
    add("text", { x: left - 4, y: base, "text-anchor": "end", "font-size": 10 }, "0%");
    pool.aggressors.forEach((a, i) => {
      const x0 = left + i * (names.length * barW + gap) + gap / 2;
      a.effects.forEach((e, j) => {
        const v = Math.max(0, Math.min(e.others_p95_inflation, 10));
        const h = (v / top) * (base - 14);
        const bar = add("rect", { x: x0 + j * barW, y: base - h, width: barW - 2, height: h, fill: colours[j % colours.length], class: "bar" });
        const title = document.createElementNS(ns, "title");
        title.textContent = a.tenant + ", " + e.mitigation + ": others' p95 " + number(e.others_p95_ms) + " ms (" + percent(e.others_p95_inflation) + ")";
        bar.appendChild(title);
      });
      add("text", { x: x0, y: base + 14, "font-size": 10 }, a.tenant.slice(0, 14));
    });
    const legend = el("p", { class: "note" }, names.map((n, j) => el("span", { style: "color:" + colours[j % colours.length] + ";margin-right:1em", text: "■ " + n })));
    return el("figure", { class: "interference" }, [svg, legend]);
  }

  function renderTenancy() {
    const root = section("tenancy");
    const t = plan.tenancy;
    if (!t) {
      root.appendChild(para("This plan was written without the tenancy advice (`headroom tenancy` computes it)."));
      return;
    }
    root.appendChild(para("Recommended: " + t.recommended + ". Each environment is planned on its own tenants with the same sizers, packer and prices, plus " +
      money(t.control_plane_monthly) + " a month for its control plane; costs are means over the horizon (" + t.samples + " samples per environment)."));
    root.appendChild(el("ul", { class: "tenancy-reasons" }, t.reasons.map((r) => el("li", { text: r }))));
    root.appendChild(table("Multi-tenant, dedicated or hybrid", [{ label: "model" }, { label: "cost per month", numeric: true }, { label: "environments", numeric: true },
      { label: "blast radius (tenants)", numeric: true }, { label: "others' p95 rise", numeric: true }, { label: "with quota", numeric: true }, { label: "governance" }],
      t.options.map((o) => [o.model + (o.model === t.recommended ? " (recommended)" : ""), money(o.mean_monthly_cost), number(o.environments), number(o.blast_radius_tenants),
        percent(o.p95_inflation), percent(o.p95_inflation_with_quota), o.governance_violations.length ? o.governance_violations.join("; ") : "fits"]), "tenancy-options"));
    root.appendChild(table("Each tenant", [{ label: "tenant" }, { label: "model" }, { label: "environment" }, { label: "dedicated per month", numeric: true },
      { label: "share of a shared pool", numeric: true }, { label: "p95 rise it causes (quota)", numeric: true }, { label: "why" }],
      t.tenants.map((x) => [x.tenant, x.model, x.environment + (x.model === "phased" ? " from " + t.months[x.move_month] : ""), money(x.dedicated_monthly_cost),
        money(x.shared_monthly_cost), percent(x.p95_inflation_caused) + " (" + percent(x.p95_inflation_caused_with_quota) + ")", x.reasons.join("; ")]), "tenancy-tenants"));
    for (const pool of t.interference) {
      root.appendChild(el("h3", { text: "Noisy neighbours in " + pool.environment + " (" + pool.label + ", " + pool.workers + " workers)" }));
      root.appendChild(interferenceBars(pool));
      root.appendChild(para("A runaway burst (3× a tenant's worst hour) raises the others' p95 by " +
        pool.aggressors.map((a) => a.tenant + " " + percent(a.runaway.others_p95_inflation) + " (with its quota " + percent(a.runaway_with_quota.others_p95_inflation) + ")").join(", ") + "."));
    }
  }

  renderSummary();
  renderLayers();
  renderRoadmap();
  renderForecast();
  renderSimulation();
  renderRecovery();
  renderTenancy();
  renderCost();
  renderAssumptions();
  document.body.setAttribute("data-rendered", "true");
})();
