// Opens report.html in Debian's headless Chromium (through playwright-core, which never
// downloads a browser here: executablePath is given) and checks what a reader would see:
// every chart drew, no console errors, nothing fetched from anywhere, the figures equal
// plan.json's, and it opens in under a second. Saves a full-page screenshot.
//
// Usage: node check_report.cjs REPORT_HTML PLAN_JSON SCREENSHOT_PNG [SIMULATION_JSON]
// With SIMULATION_JSON (the data island's "simulation" member, docs/report.md), a copy of the
// report carrying that simulation is checked instead, and its simulation section must show it.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { chromium } = require("playwright-core");

const OPEN_BUDGET_MS = 1000;
const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

function whole(n) {
  return Number(n).toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 0 });
}

// The cells of a table's body, as text, by the table's wrapper class.
async function tableCells(page, cls) {
  return page.$$eval(`.${cls} tbody tr`, (rows) => rows.map((r) => Array.from(r.cells).map((c) => c.textContent)));
}

async function checkCharts(page) {
  const charts = await page.$$eval("figure.chart", (figures) => figures.map((f) => {
    const canvas = f.querySelector("canvas");
    let inked = 0;
    if (canvas) {
      const ctx = canvas.getContext("2d");
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) inked++;
    }
    const plot = f.querySelector(".plot");
    return {
      title: f.getAttribute("data-title"),
      drawn: f.getAttribute("data-drawn") === "true",
      canvas: Boolean(canvas),
      inked: inked,
      label: plot ? plot.getAttribute("aria-label") : null,
      role: plot ? plot.getAttribute("role") : null,
      tableRows: f.querySelectorAll("details table tbody tr").length,
    };
  }));
  assert.ok(charts.length >= 10, `expected at least 10 charts, found ${charts.length}`);
  for (const c of charts) {
    assert.ok(c.canvas && c.drawn, `chart '${c.title}' did not draw`);
    assert.ok(c.inked > 1000, `chart '${c.title}' drew an empty canvas (${c.inked} inked pixels)`);
    assert.equal(c.role, "img", `chart '${c.title}' has no role`);
    assert.ok(c.label && c.label.length > c.title.length, `chart '${c.title}' has no description`);
    assert.ok(c.tableRows > 0, `chart '${c.title}' has no data table`);
  }
  return charts.length;
}

// The figures on the page are plan.json's: the data island holds the same document, and the
// rendered tables show its values.
async function checkFigures(page, planJson) {
  const island = await page.$eval("#report-data", (s) => JSON.parse(s.textContent));
  assert.deepEqual(island.plan, planJson, "the data island's plan differs from plan.json");
  const months = planJson.plan;

  const cost = await tableCells(page, "cost-table");
  assert.equal(cost.length, months.length);
  months.forEach((m, i) => {
    assert.equal(cost[i][0], m.label);
    assert.equal(cost[i][1], whole(m.cost.nodes), `${m.label} node cost`);
    assert.equal(cost[i][7], whole(m.cost.total), `${m.label} total cost`);
  });
  const odoo = await tableCells(page, "odoo-table");
  months.forEach((m, i) => {
    assert.equal(odoo[i][1], whole(m.odoo.http_workers), `${m.label} workers`);
    assert.equal(odoo[i][2], whole(m.odoo.pods), `${m.label} pods`);
  });
  const pg = await tableCells(page, "postgres-table");
  months.forEach((m, i) => {
    assert.equal(pg[i][1], whole(m.postgres.clusters), `${m.label} clusters`);
    assert.equal(pg[i][2], whole(m.postgres.vcpu), `${m.label} vCPU`);
    assert.equal(pg[i][6], `${m.cost.block_storage_class}, ${whole(m.cost.data_volume_iops)}`,
      `${m.label} data volume`);
  });
  const ingress = await tableCells(page, "ingress-table");
  months.forEach((m, i) => {
    assert.equal(ingress[i][1], whole(m.ingress.cells), `${m.label} ingress cells`);
    assert.equal(ingress[i][2], whole(m.ingress.replicas), `${m.label} Traefik replicas`);
  });
  const nodes = await tableCells(page, "nodes-table");
  months.forEach((m, i) => assert.equal(nodes[i][1], whole(m.nodes.nodes), `${m.label} nodes`));

  const roadmap = await tableCells(page, "roadmap-table");
  assert.equal(roadmap.length, planJson.roadmap.length, "roadmap rows");
  planJson.roadmap.forEach((s, i) => {
    assert.equal(roadmap[i][0], s.label);
    assert.equal(roadmap[i][6], s.reason);
  });
  const assumptions = await tableCells(page, "assumptions-table");
  assert.equal(assumptions.length, planJson.assumptions.length, "assumption rows");
  planJson.assumptions.forEach((a, i) => {
    assert.equal(assumptions[i][0], a.key);
    assert.equal(assumptions[i][3], a.source);
  });

  // The recovery table: one row per workflow and scenario, in plan.json's order.
  const dr = await tableCells(page, "dr-table");
  const pairs = planJson.recovery.workflows.flatMap((w) => w.scenarios.map((s) => [w, s]));
  assert.equal(dr.length, pairs.length, "recovery rows");
  pairs.forEach(([w, s], i) => {
    assert.equal(dr[i][1], w.workflow);
    assert.equal(dr[i][2], s.name);
    assert.equal(dr[i][5].startsWith("meets"), s.meets, `${w.workflow} / ${s.name} verdict '${dr[i][5]}'`);
  });

  // Where each tenant lives: the three models with plan.json's costs, one row per tenant, and
  // one interference chart per shared pool with a bar per tenant and mitigation.
  if (planJson.tenancy) {
    const options = await tableCells(page, "tenancy-options");
    assert.equal(options.length, planJson.tenancy.options.length, "tenancy options");
    planJson.tenancy.options.forEach((o, i) => {
      assert.ok(options[i][0].startsWith(o.model), `tenancy option ${o.model}`);
      assert.equal(options[i][1], `${whole(o.mean_monthly_cost)} ${planJson.currency}`);
    });
    const rows = await tableCells(page, "tenancy-tenants");
    assert.deepEqual(rows.map((r) => r[0]), planJson.tenancy.tenants.map((t) => t.tenant));
    const bars = await page.$$eval(".interference-chart .bar", (b) => b.length);
    const expected = planJson.tenancy.interference.reduce((n, p) => n + p.aggressors.length * p.aggressors[0].effects.length, 0);
    assert.equal(bars, expected, "interference bars");
  }

  // Names from the estate show as the text they are.
  assert.equal(await page.$eval("h1", (e) => e.textContent), planJson.estate);
  assert.equal(await page.title(), `Capacity plan: ${planJson.estate}`);
  const tenants = await tableCells(page, "tenants-table");
  assert.deepEqual(tenants.map((row) => row[0]), island.tenants.map((t) => t.name));

  const card = await page.$eval("#cost-card .figure", (e) => e.textContent);
  const last = months[months.length - 1];
  assert.equal(card, `${whole(months[0].cost.total)} ${planJson.currency} → ${whole(last.cost.total)} ${planJson.currency}`);
  const verdict = await page.$eval("#verdict", (e) => e.textContent);
  assert.equal(verdict.startsWith("The plan holds"), planJson.holds, `verdict '${verdict}' against holds=${planJson.holds}`);

  // Per-tenant costs add up to each month's total.
  island.tenant_costs.months.forEach((m, i) => {
    const sum = m.tenants.reduce((s, t) => s + t.total, 0);
    assert.ok(Math.abs(sum - months[i].cost.total) <= 1e-6 * months[i].cost.total, `${m.label}: tenants add up to ${sum}, not ${months[i].cost.total}`);
  });
}

const ISLAND = /(<script type="application\/json" id="report-data">)(.*?)(<\/script>)/s;

// The simulation the report carries in its data island (null when it has none).
function islandSimulation(reportPath) {
  const match = ISLAND.exec(fs.readFileSync(reportPath, "utf8"));
  assert.ok(match, "the report has no data island");
  return JSON.parse(match[2]).simulation;
}

// A copy of the report whose data island carries `simulation` in place of its own.
function withSimulation(reportPath, simulation) {
  const html = fs.readFileSync(reportPath, "utf8");
  const match = ISLAND.exec(html);
  assert.ok(match, "the report has no data island");
  const data = JSON.parse(match[2]);
  data.simulation = simulation;
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  const copy = path.join(path.dirname(reportPath), "report-with-simulation.html");
  fs.writeFileSync(copy, html.replace(ISLAND, (m, open, body, close) => open + json + close));
  return copy;
}

// The forecast section (headroom plan --forecast): one table row and one drawn chart per
// measured resource, with plan.json's saturation dates and plan months; else it says none.
async function checkForecast(page, forecast) {
  if (!forecast) {
    assert.ok(await page.$("#no-forecast"), "the forecast section does not say it has no forecast");
    return;
  }
  const rows = await tableCells(page, "forecast-table");
  assert.deepEqual(rows.map((r) => [r[0], r[4]]),
    forecast.resources.map((f) => [f.name, f.plan_month ? f.plan_month.label : "–"]));
  const drawn = await page.$$eval("#forecast figure.chart", (fs) => fs.map((f) => f.getAttribute("data-drawn")));
  assert.deepEqual(drawn, forecast.resources.map(() => "true"), "every forecast chart drew");
}

async function checkSimulation(page, simulation) {
  if (simulation === null) {
    assert.ok(await page.$("#no-simulation"), "the simulation section does not say it has no simulation");
    return;
  }
  assert.equal(await page.$("#no-simulation"), null);
  const rows = await tableCells(page, "simulation-latency");
  assert.deepEqual(rows.map((r) => [r[0], r[2]]), simulation.latency.map((l) => [l.class, whole(l.p95_ms)]));
  const titles = await page.$$eval("#simulation figure.chart", (fs) => fs.map((f) => f.getAttribute("data-title")));
  assert.deepEqual(titles, ["Queues over the simulated day", "Replicas over the simulated day"]);
}

async function main() {
  const [givenReport, planPath, screenshotPath, simulationPath] = process.argv.slice(2);
  const simulation = simulationPath ? JSON.parse(fs.readFileSync(simulationPath, "utf8")) : islandSimulation(givenReport);
  const reportPath = simulationPath ? withSimulation(givenReport, simulation) : givenReport;
  const planJson = JSON.parse(fs.readFileSync(planPath, "utf8"));
  const reportUrl = pathToFileURL(path.resolve(reportPath)).href;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "headroom-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    timezoneId: "UTC",
  });
  try {
    // Every request is recorded; any but the report itself is blocked and fails the test.
    const requests = new Set();
    await context.route("**/*", (route) => {
      const url = route.request().url();
      requests.add(url);
      return url === reportUrl ? route.continue() : route.abort();
    });
    context.on("request", (r) => requests.add(r.url()));
    const page = context.pages()[0] || (await context.newPage());
    const problems = [];
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // A name in the estate that ran as script would open a dialog.
    page.on("dialog", (d) => {
      problems.push(`dialog: ${d.message()}`);
      return d.dismiss();
    });

    // Chromium's own start (its renderer process, font caches) is not the page's cost: warm
    // it with a page of no content before timing the report.
    await page.setContent("<!DOCTYPE html><p>warm-up</p>");
    // The page's cost is the main thread's CPU time from navigation to every chart drawn
    // (Chromium's ThreadTime metric); wall-clock time is printed too, but on a shared machine
    // it measures the other processes as much as the page.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const threadMs = async () => 1000 * (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value;
    const before = await threadMs();
    await page.goto(reportUrl, { waitUntil: "load" });
    await page.waitForSelector("body[data-rendered='true']", { timeout: 10000 });
    await page.waitForFunction(() => Array.from(document.querySelectorAll("figure.chart")).every((f) => f.getAttribute("data-drawn") === "true"), null, { timeout: 10000 });
    const cpuMs = (await threadMs()) - before;
    const wallMs = await page.evaluate(() => performance.now());

    const charts = await checkCharts(page);
    await checkFigures(page, planJson);
    await checkSimulation(page, simulation);
    await checkForecast(page, planJson.forecast);
    const external = Array.from(requests).filter((u) => u !== reportUrl);
    assert.deepEqual(external, [], "the report fetched something");
    assert.deepEqual(problems, [], "console errors");
    assert.ok(cpuMs < OPEN_BUDGET_MS, `opening took ${cpuMs.toFixed(0)} ms of CPU (budget ${OPEN_BUDGET_MS} ms)`);

    // Off-screen blocks are laid out only as a reader scrolls to them (content-visibility in
    // report.css); the whole-page picture needs them all, as printing does.
    await page.addStyleTag({ content: ".layer, .table-wrap, figure.chart { content-visibility: visible !important; }" });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    const size = fs.statSync(reportPath).size;
    console.log(`${path.basename(path.dirname(reportPath))}: ${charts} charts drawn, opened in ${cpuMs.toFixed(0)} ms of main-thread CPU ` +
      `(${wallMs.toFixed(0)} ms wall-clock, load average ${os.loadavg()[0].toFixed(1)}), ` +
      `${(size / 1024).toFixed(0)} KiB, ${requests.size} request(s) (the file itself), screenshot ${screenshotPath}`);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`FAIL: ${e.message}`);
  process.exit(1);
});
