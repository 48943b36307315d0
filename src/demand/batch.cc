#include "demand/batch.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

int ClampMonth(int month, int months) { return std::clamp(month, 0, months - 1); }

void AddRelease(std::vector<BatchRelease>& out, int tenant, int source, int hour, int hours,
                double cpu_seconds, double deadline_hours) {
  if (hour < 0 || hour >= hours || cpu_seconds <= 0) return;
  out.push_back(BatchRelease{tenant, source, hour, cpu_seconds, deadline_hours});
}

}  // namespace

std::vector<BatchRelease> TenantBatchReleases(const Estate& estate, int tenant_index,
                                              const LocalClock& clock, const Horizon& horizon,
                                              const SiteGrowth& growth,
                                              const std::vector<EventOccurrence>& occurrences,
                                              const std::vector<int>& job_sources) {
  const Tenant& tenant = estate.tenants[static_cast<size_t>(tenant_index)];
  std::vector<BatchRelease> out;
  for (const EventOccurrence& occ : occurrences) {
    const CalendarEvent& event = estate.events[static_cast<size_t>(occ.event)];
    if (!event.batch) continue;
    const int day = clock.DayOf(occ.release_day);
    if (day < 0) continue;
    double scale = 1.0;
    if (event.batch->per_site) {
      scale =
          event.kind == EventKind::kOnboarding
              ? growth.AddedSites(occ.month)
              : growth.TotalSites(ClampMonth(horizon.MonthOffset(occ.release_day), horizon.months));
    }
    AddRelease(out, tenant_index, occ.event, clock.HourAt(day, event.batch->start_hour_local),
               horizon.hours, event.batch->cpu_seconds * scale, event.batch->deadline_hours);
  }
  for (size_t j = 0; j < tenant.nightly_jobs.size(); ++j) {
    const BatchWork& work = tenant.nightly_jobs[j].work;
    for (int day = 0; day < clock.DayCount(); ++day) {
      const int month = ClampMonth(horizon.MonthOffset(clock.Date(day)), horizon.months);
      const double scale = work.per_site ? growth.TotalSites(month) : 1.0;
      AddRelease(out, tenant_index, job_sources[j], clock.HourAt(day, work.start_hour_local),
                 horizon.hours, work.cpu_seconds * scale, work.deadline_hours);
    }
  }
  std::sort(out.begin(), out.end(), [](const BatchRelease& a, const BatchRelease& b) {
    return a.hour != b.hour ? a.hour < b.hour : a.source < b.source;
  });
  return out;
}

BatchInFlight::BatchInFlight(const std::vector<BatchRelease>& releases, int hours)
    : started_ms_(static_cast<size_t>(hours) + 1, 0), ended_ms_(static_cast<size_t>(hours) + 1, 0) {
  for (const BatchRelease& r : releases) {
    const auto ms = static_cast<int64_t>(std::llround(r.cpu_seconds * 1000.0));
    const int run_hours = std::max(1, static_cast<int>(std::ceil(r.deadline_hours)));
    started_ms_[static_cast<size_t>(r.hour) + 1] += ms;
    const int end = r.hour + run_hours;
    if (end <= hours) ended_ms_[static_cast<size_t>(end)] += ms;
  }
  for (size_t x = 1; x < started_ms_.size(); ++x) {
    started_ms_[x] += started_ms_[x - 1];
    ended_ms_[x] += ended_ms_[x - 1];
  }
}

double BatchInFlight::CpuSecondsOverlapping(int begin, int end) const {
  if (started_ms_.empty()) return 0.0;
  const int hours = static_cast<int>(started_ms_.size()) - 1;
  begin = std::clamp(begin, 0, hours);
  end = std::clamp(end, 0, hours);
  if (end <= begin) return 0.0;
  // Releases started before `end`, minus those already finished by `begin`.
  return static_cast<double>(started_ms_[static_cast<size_t>(end)] -
                             ended_ms_[static_cast<size_t>(begin)]) /
         1000.0;
}

}  // namespace headroom
