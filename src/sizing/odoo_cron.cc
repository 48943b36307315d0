#include "sizing/odoo_cron.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

constexpr double kHourS = 3600;

// ⌈x⌉ in [0, kMaxCronWorkers], ignoring a relative 1e-9 of rounding noise.
int CeilWorkers(double x) {
  if (!(x > 0)) return 0;
  const double c = std::ceil(x - 1e-9 * std::max(1.0, x));
  return c >= kMaxCronWorkers ? kMaxCronWorkers : static_cast<int>(c);
}

}  // namespace

OdooCron SizeOdooCron(const MonthLoad& load, const OdooSettings& settings) {
  const double efficiency = std::clamp(settings.cron_efficiency, 0.01, 1.0);
  const double release_cpu_s = std::max(0.0, load.heaviest_batch_cpu_s);
  const double deadline_h = load.heaviest_batch_deadline_h;
  // No deadline (0) asks nothing of the release beyond one worker.
  int need = 1;
  int binding = -1;
  if (deadline_h > 0)
    need = std::max(need, CeilWorkers(release_cpu_s / (deadline_h * kHourS * efficiency)));
  for (int w : {kSustained, kPeak, kRecovery}) {
    const int in_flight =
        CeilWorkers(load.batch_cpu_s[static_cast<size_t>(w)] / (kHourS * efficiency));
    if (in_flight > need) {
      need = in_flight;
      binding = w;
    }
  }
  need = std::clamp(std::max(need, settings.min_cron_workers), 1, kMaxCronWorkers);
  OdooCron cron;
  const int threads = std::max(1, settings.cron_threads_per_pod);
  cron.pods = (need + threads - 1) / threads;
  cron.threads_per_pod = (need + cron.pods - 1) / cron.pods;
  cron.workers = cron.pods * cron.threads_per_pod;
  cron.binding = binding;
  const double capacity_s_per_h = cron.workers * kHourS * efficiency;
  cron.batch_duration_h = BatchDurationH(release_cpu_s, cron.workers, settings);
  cron.meets_deadline = deadline_h <= 0 || cron.batch_duration_h <= deadline_h * (1 + 1e-12);
  for (double in_flight_s : load.batch_cpu_s) {
    cron.meets_deadline = cron.meets_deadline && !(in_flight_s > capacity_s_per_h * (1 + 1e-12));
  }
  return cron;
}

double BatchDurationH(double cpu_s, int workers, const OdooSettings& settings) {
  const double efficiency = std::clamp(settings.cron_efficiency, 0.01, 1.0);
  const double capacity_s_per_h = std::max(1, workers) * kHourS * efficiency;
  return std::min(std::max(0.0, cpu_s) / capacity_s_per_h, 1e9);
}

}  // namespace headroom
