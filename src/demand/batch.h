#pragma once
// Batch (cron) work: CPU-seconds released at a local hour with a deadline, by event occurrences
// that carry `batch` and by nightly jobs (every local day). Work per site is scaled by the
// tenant's sites in the month of release (by the sites added, for onboarding).

#include <cstdint>
#include <vector>

#include "demand/calendar.h"
#include "demand/events.h"
#include "demand/growth.h"
#include "estate/model.h"

namespace headroom {

struct BatchRelease {
  int tenant = 0;  // index into Estate::tenants
  int source = 0;  // index into Demand::batch_sources (events first, then jobs)
  int hour = 0;    // UTC hour index of the release
  double cpu_seconds = 0;
  double deadline_hours = 0;  // must finish within this many hours of `hour`

  friend bool operator==(const BatchRelease&, const BatchRelease&) = default;
};

// The releases of one tenant inside the horizon, ordered by hour then source.
// `occurrences` are the tenant's event occurrences (ListOccurrences); `job_sources[j]` is the
// batch source index of the tenant's nightly job j.
std::vector<BatchRelease> TenantBatchReleases(const Estate& estate, int tenant_index,
                                              const LocalClock& clock, const Horizon& horizon,
                                              const SiteGrowth& growth,
                                              const std::vector<EventOccurrence>& occurrences,
                                              const std::vector<int>& job_sources);

// Batch work in flight over hour ranges, for one tenant's releases: a release runs over hours
// [hour, hour + ceil(deadline_hours)) (at least one hour). Sums are kept in integer
// milli-CPU-seconds so every range query is exact.
class BatchInFlight {
 public:
  BatchInFlight() = default;
  BatchInFlight(const std::vector<BatchRelease>& releases, int hours);

  // CPU-seconds of the releases whose run overlaps [begin, end) (clamped to the horizon).
  [[nodiscard]] double CpuSecondsOverlapping(int begin, int end) const;

 private:
  std::vector<int64_t> started_ms_;  // [x]: releases with hour < x
  std::vector<int64_t> ended_ms_;    // [x]: releases whose run ends at or before x
};

}  // namespace headroom
