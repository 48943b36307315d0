// A long window (the peak day) cut into consecutive slices of whole hours that offer about the
// same number of requests, each simulated on its own thread, the slices' tallies added into one
// result (docs/simulation.md, "The peak day in parts").
//
// A slice after the first starts an hour before its own hours with that hour's traffic,
// unobserved, so that its pods, the HPA and the queues reach the state the hour before leaves
// them in; a slice before the last runs on past its cut with the next hour's traffic until the
// requests that arrived before the cut are answered, killed or failed, and observes only those.
// Every request of the window is thus counted once, in the slice it arrived in, under the load
// it met. What a cut changes is the random draws and the lead-in's cold start an hour earlier:
// the result agrees with one run of the whole window to its sampling error (the test beside this
// file holds it), bit for bit across runs and machines for the same seed and number of parts.
#include <algorithm>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "common/random.h"
#include "sim/stack/stack_engine.h"
#include "sim/stack/stack_model.h"

namespace headroom::sim {
namespace {

using stack_internal::StackEngine;
using stack_internal::StackTally;

constexpr double kHourS = 3600.0;
// Hours a slice after the first simulates, unobserved, before its own.
constexpr int kLeadInHours = 1;
// A slice is worth its thread when it holds at least this many hours of its own.
constexpr int kMinHoursPerSlice = 2;

// The hours [first_hour, end_hour) a slice observes; it simulates from start_hour.
struct Slice {
  int start_hour = 0;
  int first_hour = 0;
  int end_hour = 0;
};

// How long past its cut a slice follows the requests in flight: past Odoo's kill of the slowest.
double DrainS(const StackConfig& whole) { return std::max(900.0, 2.0 * whole.limit_time_real_s); }

bool Splittable(const StackConfig& c, int parts) {
  const double hours = c.duration_s / kHourS;
  return parts > 1 && c.warmup_s == 0 && c.observe_until_s == 0 && !c.failure &&
         !StandsForLongerSpan(c) && c.cron.batch_cpu_s == 0 && hours >= parts * kMinHoursPerSlice;
}

// Cuts where the offered requests (the events, hence the time a slice takes) split evenly, so
// the threads finish together whatever hour the day peaks in; each slice keeps at least
// kMinHoursPerSlice hours of its own.
std::vector<Slice> Slices(const std::vector<double>& load, int parts) {
  const auto hours = static_cast<int>(load.size());
  double total = 0;
  for (double l : load) total += l;
  std::vector<int> cuts = {0};
  double seen = 0;
  int h = 0;
  for (int p = 1; p < parts; ++p) {
    const double target = total * p / parts;
    const int lowest = cuts.back() + kMinHoursPerSlice;
    const int highest = hours - (parts - p) * kMinHoursPerSlice;
    while (h < highest && (h < lowest || seen + load[static_cast<size_t>(h)] / 2 < target)) {
      seen += load[static_cast<size_t>(h)];
      ++h;
    }
    cuts.push_back(h);
  }
  cuts.push_back(hours);
  std::vector<Slice> out;
  for (int p = 0; p < parts; ++p) {
    const int first = cuts[static_cast<size_t>(p)];
    out.push_back({std::max(0, first - kLeadInHours), first, cuts[static_cast<size_t>(p) + 1]});
  }
  return out;
}

StackConfig SliceConfig(const StackConfig& whole, const Slice& s, bool last) {
  StackConfig c = whole;
  const double offset_s = s.start_hour * kHourS;
  const double cut_s = s.end_hour * kHourS - offset_s;
  c.warmup_s = (s.first_hour - s.start_hour) * kHourS;
  c.duration_s = last ? whole.duration_s - offset_s : cut_s + DrainS(whole);
  c.observe_until_s = last ? 0.0 : cut_s;
  const auto hours = static_cast<size_t>(std::ceil(c.duration_s / kHourS));
  for (StackStream& stream : c.streams) {
    const std::vector<double>& all = stream.hourly_rate_per_s;
    std::vector<double> rates(hours, 0.0);
    for (size_t h = 0; h < hours; ++h) {
      const size_t at = static_cast<size_t>(s.start_hour) + h;
      if (at < all.size()) rates[h] = all[at];
    }
    stream.hourly_rate_per_s = std::move(rates);
  }
  return c;
}

uint64_t SliceSeed(uint64_t seed, int part) {
  if (part == 0) return seed;
  return RandomStream(seed, "part/" + std::to_string(part)).NextU64();
}

// Adds a slice's tally to the whole's, its times moved by `offset_s` to the window's clock; the
// lead-in's timeline points and scaling events (at or before `lead_in_s`) are left out.
void Append(StackTally part, double offset_s, double lead_in_s, StackTally* whole) {
  whole->observed_s += part.observed_s;
  whole->events += part.events;
  for (size_t s = 0; s < part.responses_s.size(); ++s) {
    whole->responses_s[s].Merge(part.responses_s[s]);
    whole->timeouts[s] += part.timeouts[s];
    whole->failed[s] += part.failed[s];
  }
  for (size_t k = 0; k < part.phase_s.size(); ++k) {
    for (size_t i = 0; i < part.phase_s[k].size(); ++i) whole->phase_s[k][i] += part.phase_s[k][i];
  }
  whole->observed.Add(part.observed);
  whole->pool_waits_s.Merge(part.pool_waits_s);
  whole->worker_recycles += part.worker_recycles;
  whole->cron_cpu_s_done += part.cron_cpu_s_done;
  whole->min_ready_pods = std::min(whole->min_ready_pods, part.min_ready_pods);
  whole->max_ready_pods = std::max(whole->max_ready_pods, part.max_ready_pods);
  for (ScalingEvent& e : part.scaling) {
    if (lead_in_s > 0 && e.time_s <= lead_in_s) continue;
    e.time_s += offset_s;
    whole->scaling.push_back(std::move(e));
  }
  for (TimelinePoint& t : part.timeline) {
    if (lead_in_s > 0 && t.time_s <= lead_in_s + 1e-9) continue;
    t.time_s += offset_s;
    whole->timeline.push_back(t);
  }
}

}  // namespace

std::vector<double> HourlyOfferedRate(const StackConfig& config) {
  std::vector<double> load(static_cast<size_t>(std::ceil(config.duration_s / kHourS)), 0.0);
  for (const StackStream& s : config.streams) {
    for (size_t h = 0; h < load.size() && h < s.hourly_rate_per_s.size(); ++h) {
      load[h] += s.hourly_rate_per_s[h];
    }
  }
  return load;
}

double OfferedRequests(const StackConfig& config) {
  const std::vector<double> load = HourlyOfferedRate(config);
  double requests = 0;
  for (size_t h = 0; h < load.size(); ++h) {
    requests +=
        load[h] * std::clamp(config.duration_s - static_cast<double>(h) * kHourS, 0.0, kHourS);
  }
  return requests;
}

StackResult SimulateStackInParts(const StackConfig& config, uint64_t seed, int parts) {
  if (!Splittable(config, parts)) return SimulateStack(config, seed);
  const std::vector<Slice> slices = Slices(HourlyOfferedRate(config), parts);
  std::vector<StackConfig> configs;
  for (size_t p = 0; p < slices.size(); ++p) {
    configs.push_back(SliceConfig(config, slices[p], p + 1 == slices.size()));
  }
  std::vector<StackTally> tallies(slices.size());
  const auto run = [&](size_t p) {
    StackEngine engine(configs[p], SliceSeed(seed, static_cast<int>(p)));
    tallies[p] = engine.RunTally();
  };
  std::vector<std::thread> threads;
  for (size_t p = 1; p < slices.size(); ++p) threads.emplace_back(run, p);
  run(0);
  for (std::thread& t : threads) t.join();

  StackTally whole = std::move(tallies[0]);
  for (size_t p = 1; p < slices.size(); ++p) {
    Append(std::move(tallies[p]), slices[p].start_hour * kHourS, configs[p].warmup_s, &whole);
  }
  return Summarise(config, whole);
}

}  // namespace headroom::sim
