#include "report/terminal_summary.h"

#include <fmt/format.h>

namespace headroom {
namespace {

int SitesIn(const Demand& demand, int month) {
  int sites = 0;
  for (const TenantDemand& t : demand.tenants) sites += t.sites[static_cast<size_t>(month)];
  return sites;
}

std::string Coinciding(const Demand& demand, int month) {
  std::string text;
  for (const TenantEvents& te : demand.CoincidingMid(month)) {
    for (const std::string& e : demand.EventNames(te.events)) {
      if (text.find(e) != std::string::npos) continue;
      text += text.empty() ? e : ", " + e;
    }
  }
  return text.empty() ? "-" : text;
}

}  // namespace

std::string TerminalSummary(const Estate& estate, const PlanRun& run, const std::string& source) {
  const Demand& d = run.demand;
  std::string out = fmt::format("{} — {} months from {} ({}), {} tenants, {} samples, p{:g}\n",
                                estate.name, d.months(), d.MonthLabel(0), source,
                                d.tenants.size(), d.samples, estate.planning.quantile * 100);
  out += fmt::format("\nOffered CPU load (cores) at the planning quantile\n");
  out += fmt::format("{:<8} {:>5} {:>10} {:>8} {:>9}  {:<20} {}\n", "month", "sites", "sustained",
                     "peak", "recovery", "peak hour (UTC)", "coinciding at peak");
  for (int m = 0; m < d.months(); ++m) {
    const MonthSummary& s = d.estate_summary[static_cast<size_t>(m)];
    const LoadWindow peak = d.estate_mid.At(m, 0, WindowKind::kPeak);
    std::string events = Coinciding(d, m);
    if (events.size() > 40) events = events.substr(0, 37) + "...";
    out += fmt::format("{:<8} {:>5} {:>10.2f} {:>8.2f} {:>9.2f}  {:<20} {}\n", d.MonthLabel(m),
                       SitesIn(d, m), s.Window(WindowKind::kSustained).offered_cpu_cores.planning,
                       s.Window(WindowKind::kPeak).offered_cpu_cores.planning,
                       s.Window(WindowKind::kRecovery).offered_cpu_cores.planning,
                       d.HourUtc(peak.facts.hour).substr(0, 16), events);
  }
  return out;
}

}  // namespace headroom
