#include "sim/tenant_limits.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>
#include <limits>

#include "common/random.h"
#include "sim/distribution.h"
#include "sim/event_queue.h"

namespace headroom::sim {
namespace {

enum Kind : EventKind { kArrival, kAppDone, kDbDone };

struct Request {
  int tenant = 0;
  double arrival_s = 0;
  double db_s = 0;
};

struct TenantState {
  TenantState(uint64_t seed, const std::string& name)
      : arrivals(seed, "tenant-arrivals/" + name), service(seed, "tenant-service/" + name) {}
  RandomStream arrivals;
  RandomStream service;
  Distribution app = Distribution::Deterministic(0);
  Distribution db = Distribution::Deterministic(0);
  std::deque<uint32_t> worker_queue;  // requests waiting for a worker
  std::deque<uint32_t> db_queue;      // requests holding a worker, waiting for a connection
  int workers = 0;                    // workers serving this tenant now
  int db_connections = 0;
  double tokens = 0;  // Traefik bucket
  double tokens_at_s = 0;
  std::vector<double> response_ms;
  TenantOutcome outcome;
};

// cv 1 is the exponential (so one tenant without limits is exactly M/M/c), other values the
// lognormal of that mean and cv.
Distribution Phase(double mean_s, double cv) {
  if (cv == 0) return Distribution::Deterministic(mean_s);
  if (cv == 1) return Distribution::Exponential(mean_s);
  return Distribution::Lognormal(mean_s, cv);
}

class PoolModel {
 public:
  PoolModel(const SharedPoolShape& pool, const std::vector<TenantTraffic>& tenants,
            const std::vector<TenantLimit>& limits, const PoolRunSettings& settings)
      : pool_(pool), traffic_(tenants), limits_(limits), settings_(settings) {
    for (const TenantTraffic& t : tenants) {
      TenantState s(settings.seed, t.name);
      s.app = Phase(t.app_mean_s, t.service_cv);
      s.db = Phase(t.db_mean_s, t.service_cv);
      s.outcome.name = t.name;
      state_.push_back(std::move(s));
    }
    for (size_t i = 0; i < tenants.size(); ++i) {
      state_[i].tokens = limits[i].rate_burst;
      ScheduleArrival(static_cast<int>(i));
    }
  }

  std::vector<TenantOutcome> Run() {
    const double end_s = settings_.warmup_s + settings_.duration_s;
    while (!events_.empty() && events_.top().time_s <= end_s) {
      const Event e = events_.Pop();
      now_s_ = e.time_s;
      if (e.kind == kArrival) Arrive(static_cast<int>(e.target));
      if (e.kind == kAppDone) AppDone(e.target);
      if (e.kind == kDbDone) DbDone(e.target);
    }
    now_s_ = end_s;
    return Finish();
  }

 private:
  bool Observed(double time_s) const { return time_s >= settings_.warmup_s; }

  void ScheduleArrival(int tenant) {
    const double rate = traffic_[static_cast<size_t>(tenant)].rate_per_s;
    if (rate <= 0) return;
    const double at = now_s_ + state_[static_cast<size_t>(tenant)].arrivals.NextExponential(rate);
    events_.Push(Event{at, 0, kArrival, static_cast<uint32_t>(tenant), 0});
  }

  // Traefik's token bucket: refilled at the average rate up to the burst.
  bool Admit(int tenant) {
    const TenantLimit& limit = limits_[static_cast<size_t>(tenant)];
    if (limit.rate_limit_per_s <= 0) return true;
    TenantState& s = state_[static_cast<size_t>(tenant)];
    const double burst = std::max(1.0, limit.rate_burst);
    s.tokens = std::min(burst, s.tokens + (now_s_ - s.tokens_at_s) * limit.rate_limit_per_s);
    s.tokens_at_s = now_s_;
    if (s.tokens < 1) return false;
    s.tokens -= 1;
    return true;
  }

  void Arrive(int tenant) {
    ScheduleArrival(tenant);
    TenantState& s = state_[static_cast<size_t>(tenant)];
    if (Observed(now_s_)) ++s.outcome.offered;
    if (!Admit(tenant)) {
      if (Observed(now_s_)) ++s.outcome.rejected;
      return;
    }
    const uint32_t id = NewRequest(Request{tenant, now_s_, 0});
    s.worker_queue.push_back(id);
    DispatchWorkers();
  }

  uint32_t NewRequest(const Request& r) {
    if (!free_.empty()) {
      const uint32_t id = free_.back();
      free_.pop_back();
      requests_[id] = r;
      return id;
    }
    requests_.push_back(r);
    return static_cast<uint32_t>(requests_.size() - 1);
  }

  // The tenant allowed one more unit whose head request arrived first; -1 when none.
  template <typename QueueOf, typename Allowed>
  int Earliest(QueueOf queue_of, Allowed allowed) const {
    int best = -1;
    double best_arrival = std::numeric_limits<double>::infinity();
    for (size_t t = 0; t < state_.size(); ++t) {
      const std::deque<uint32_t>& q = queue_of(state_[t]);
      if (q.empty() || !allowed(t)) continue;
      const double arrival = requests_[q.front()].arrival_s;
      if (arrival < best_arrival) {
        best_arrival = arrival;
        best = static_cast<int>(t);
      }
    }
    return best;
  }

  void DispatchWorkers() {
    while (busy_workers_ < pool_.workers) {
      const int t = Earliest([](const TenantState& s) -> const auto& { return s.worker_queue; },
                             [&](size_t i) {
                               const int cap = limits_[i].max_workers;
                               return cap <= 0 || state_[i].workers < cap;
                             });
      if (t < 0) return;
      TenantState& s = state_[static_cast<size_t>(t)];
      const uint32_t id = s.worker_queue.front();
      s.worker_queue.pop_front();
      ++s.workers;
      ++busy_workers_;
      requests_[id].db_s = s.db.Sample(s.service);
      events_.Push(Event{now_s_ + s.app.Sample(s.service), 0, kAppDone, id, 0});
    }
  }

  void DispatchDatabase() {
    while (busy_db_ < pool_.db_connections) {
      const int t = Earliest([](const TenantState& s) -> const auto& { return s.db_queue; },
                             [&](size_t i) {
                               const int cap = limits_[i].max_db_connections;
                               return cap <= 0 || state_[i].db_connections < cap;
                             });
      if (t < 0) return;
      TenantState& s = state_[static_cast<size_t>(t)];
      const uint32_t id = s.db_queue.front();
      s.db_queue.pop_front();
      ++s.db_connections;
      ++busy_db_;
      events_.Push(Event{now_s_ + requests_[id].db_s, 0, kDbDone, id, 0});
    }
  }

  void AppDone(uint32_t id) {
    state_[static_cast<size_t>(requests_[id].tenant)].db_queue.push_back(id);
    DispatchDatabase();
  }

  void DbDone(uint32_t id) {
    const Request r = requests_[id];
    TenantState& s = state_[static_cast<size_t>(r.tenant)];
    --s.db_connections;
    --busy_db_;
    --s.workers;
    --busy_workers_;
    if (Observed(r.arrival_s)) {
      ++s.outcome.served;
      s.response_ms.push_back((now_s_ - r.arrival_s) * 1000.0);
    }
    free_.push_back(id);
    DispatchDatabase();
    DispatchWorkers();
  }

  // Requests still waiting or in service count with their age so far.
  void CountUnfinished() {
    std::vector<bool> done(requests_.size(), false);
    for (uint32_t id : free_) done[id] = true;
    for (size_t id = 0; id < requests_.size(); ++id) {
      const Request& r = requests_[id];
      if (done[id] || !Observed(r.arrival_s)) continue;
      state_[static_cast<size_t>(r.tenant)].response_ms.push_back((now_s_ - r.arrival_s) * 1000.0);
    }
  }

  std::vector<TenantOutcome> Finish() {
    CountUnfinished();
    std::vector<TenantOutcome> out;
    for (TenantState& s : state_) {
      std::vector<double>& v = s.response_ms;
      if (!v.empty()) {
        double sum = 0;
        for (double x : v) sum += x;
        s.outcome.mean_ms = sum / static_cast<double>(v.size());
        // The nearest-rank 95th percentile (Hyndman & Fan 1996, definition 1).
        const size_t rank = static_cast<size_t>(std::ceil(0.95 * static_cast<double>(v.size())));
        std::nth_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(rank - 1), v.end());
        s.outcome.p95_ms = v[rank - 1];
      }
      out.push_back(s.outcome);
    }
    return out;
  }

  SharedPoolShape pool_;
  const std::vector<TenantTraffic>& traffic_;
  const std::vector<TenantLimit>& limits_;
  PoolRunSettings settings_;
  std::vector<TenantState> state_;
  std::vector<Request> requests_;
  std::vector<uint32_t> free_;
  EventQueue events_;
  double now_s_ = 0;
  int busy_workers_ = 0;
  int busy_db_ = 0;
};

}  // namespace

std::vector<TenantOutcome> SimulateSharedPool(const SharedPoolShape& pool,
                                              const std::vector<TenantTraffic>& tenants,
                                              const std::vector<TenantLimit>& limits,
                                              const PoolRunSettings& settings) {
  assert(limits.size() == tenants.size());
  PoolModel model(pool, tenants, limits, settings);
  return model.Run();
}

}  // namespace headroom::sim
