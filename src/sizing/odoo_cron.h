#pragma once
// Cron workers for batch work (Odoo runs scheduled actions in max_cron_threads cron worker
// processes per Odoo instance; a cron worker runs one job at a time).
//
//   for the month's heaviest release:  ⌈cpu_s / (deadline_h × 3600 × cron_efficiency)⌉
//   for the batch in flight in a window (CPU-seconds in its hour): ⌈cpu_s / (3600 × efficiency)⌉
//   cron workers = the largest, at least 1, in pods of max_cron_threads threads each
//   (cron_threads_per_pod, Odoo's default 2): pods = ⌈workers / threads⌉, then threads per pod
//   = ⌈workers / pods⌉ and workers = pods × threads (every pod runs the same odoo.conf);
//   batch duration = cpu_s / (workers × 3600 × efficiency).
// The release is taken as divisible among the workers (many jobs or chunked jobs): a single
// indivisible job runs on one worker whatever their number.

#include "sizing/load.h"
#include "sizing/odoo_sizer.h"

namespace headroom {

// Beyond any estate; a batch that needs more is reported as missing its deadline.
inline constexpr int kMaxCronWorkers = 100'000;

struct OdooCron {
  int workers = 1;  // threads across the cron deployment
  int pods = 1;
  int threads_per_pod = 1;  // odoo.conf max_cron_threads
  double batch_duration_h = 0;
  bool meets_deadline = true;  // the heaviest release and every window's batch fit
  // What set the count: -1 for the heaviest release's deadline, else the window
  // (kSustained, kPeak, kRecovery) whose batch in flight needed the most.
  int binding = -1;
};

OdooCron SizeOdooCron(const MonthLoad& load, const OdooSettings& settings);

// Hours a release of `cpu_s` CPU-seconds takes on `workers` cron workers:
// cpu_s / (workers × 3600 × cron_efficiency), at most 1e9. REQUIRES: workers >= 1.
double BatchDurationH(double cpu_s, int workers, const OdooSettings& settings);

}  // namespace headroom
