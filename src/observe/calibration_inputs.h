#pragma once
// The measurement files `headroom calibrate demands` and `headroom calibrate usl` read
// (docs/calibration.md), all CSV (observe/csv_table.h):
//
//   utilisation:  timestamp,busy_cores        one interval per line: unix seconds, and the CPU
//                                             cores busy over it (CPU-seconds per second)
//   throughput:   timestamp,class,rate_per_s  completions per second of each request class in
//                                             the same intervals; one or more files
//   USL points:   concurrency,throughput      clients and the throughput they reached
//
// Every utilisation interval needs a rate for every class (write 0 for none), and every rate an
// interval: gaps and duplicates are errors, located at the offending cell.

#include <string>
#include <vector>

#include "common/result.h"
#include "observe/service_demands.h"
#include "observe/usl_fit.h"

namespace headroom {

struct CsvInput {
  std::string text;
  std::string file;
};

// `busy_cores_scale` multiplies every utilisation value (the number of cores when they are
// fractions of a machine). Every error at once (kInvalid).
Result<DemandSamples> ReadDemandSamples(const CsvInput& utilisation,
                                        const std::vector<CsvInput>& throughput,
                                        double busy_cores_scale = 1.0);

// Every error at once (kInvalid): the CSV's, a concurrency below 1, a throughput not positive.
Result<std::vector<UslPoint>> ReadUslPoints(const CsvInput& points);

}  // namespace headroom
