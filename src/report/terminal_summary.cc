#include "report/terminal_summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/text_wrap.h"

namespace headroom {
namespace {

constexpr size_t kRoadmapLines = 12;
constexpr size_t kColumns = kTerminalColumns;

std::string Money(double amount) { return fmt::format("{:.0f}", amount); }

std::string Header(const Estate& estate, const Plan& plan, const std::string& source) {
  return fmt::format(
      "{} — {} months from {} ({})\n{} tenants, {} samples, planned at p{:g}; prices in {} "
      "({}, {})\n",
      estate.name, plan.months, plan.start.ToString(), source, estate.tenants.size(), plan.samples,
      plan.quantile * 100, plan.currency, plan.catalog_name, plan.catalog_price_date);
}

// "32", or "3x32" for three PostgreSQL clusters of that size.
std::string PerCluster(const PostgresSizing& pg, const std::string& size) {
  return pg.clusters > 1 ? fmt::format("{}x{}", pg.clusters, size) : size;
}

// Traefik's replicas, "cells x replicas" with several cells.
std::string PerCell(const IngressSizing& ingress) {
  if (ingress.cells < 2) return fmt::format("{}", ingress.replicas);
  return fmt::format("{}x{}", ingress.cells, ingress.replicas);
}

std::string MonthTable(const Plan& plan) {
  std::string out = fmt::format(
      "\n{:<8} {:>5} {:>7} {:>5} {:>7} {:>7} {:>6} {:>6} {:>5} {:>9}  {}\n", "month", "sites",
      "workers", "pods", "pg vCPU", "pg GiB", "redis", "trfk", "nodes", "cost/mo", "binding");
  for (const MonthPlan& m : plan.month_plans) {
    std::string binding = m.odoo.verdict.bottleneck;
    if (m.postgres.verdict.utilisation > m.odoo.verdict.utilisation) {
      binding = m.postgres.verdict.bottleneck;
    }
    out += fmt::format("{:<8} {:>5} {:>7} {:>5} {:>7} {:>7} {:>6.0f} {:>6} {:>5} {:>9}  {}\n",
                       m.label, m.load.sites, m.odoo.http_workers, m.odoo.pods,
                       PerCluster(m.postgres, fmt::format("{}", m.postgres.vcpu)),
                       PerCluster(m.postgres, fmt::format("{:.0f}", m.postgres.memory_gib)),
                       m.redis.memory_mib, PerCell(m.ingress), m.nodes.nodes, Money(m.cost.total),
                       binding.substr(0, 22));
  }
  return out;
}

std::string Roadmap(const Plan& plan) {
  std::string out = "\nRoadmap\n";
  const size_t shown = std::min(plan.roadmap.size(), kRoadmapLines);
  for (size_t i = 0; i < shown; ++i) {
    const RoadmapStep& s = plan.roadmap[i];
    std::string line = fmt::format("  {}: {} {} {:g} → {:g} {}: {}", s.label, s.layer, s.resource,
                                   s.from, s.to, s.unit, s.reason);
    if (line.size() >= kColumns) {
      size_t cut = kColumns - 4;
      // Never split a UTF-8 sequence ("→", "—"): back up to the start of a character.
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
      line = line.substr(0, cut) + "...";
    }
    out += line + "\n";
  }
  if (plan.roadmap.size() > shown) {
    out += fmt::format("  ... and {} more changes in plan.json\n", plan.roadmap.size() - shown);
  }
  return out;
}

std::string Baseline(const Plan& plan) {
  if (plan.month_plans.empty()) return "";
  const MonthPlan& last = plan.month_plans.back();
  const OdooRuleOfThumb& r = last.rule_of_thumb;
  return fmt::format(
      "\nOdoo's rule of thumb for {} ({:.0f} concurrent users): {} workers on {} CPU, "
      "{:.1f} GiB;\nthe load-based plan: {} HTTP + {} cron workers in {} pods.\n",
      last.label, r.concurrent_users, r.workers, r.cpu_cores, r.memory_gib, last.odoo.http_workers,
      last.odoo.cron_workers, last.odoo.pods);
}

}  // namespace

std::string TerminalSummary(const Estate& estate, const PlanRun& run, const std::string& source) {
  const Plan& plan = run.plan;
  std::string out = Header(estate, plan, source);
  out += MonthTable(plan);
  out += Roadmap(plan);
  out += Baseline(plan);
  out += plan.holds ? "\nThe plan holds through the horizon.\n"
                    : "\nThe plan does NOT hold in every month: see the verdicts in plan.json.\n";
  for (const std::string& w : plan.warnings) out += Wrap("warning: ", w);
  return out;
}

}  // namespace headroom
