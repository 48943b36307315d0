#include "sim/network.h"

#include <gtest/gtest.h>

#include <vector>

namespace headroom::sim {
namespace {

class Ends final : public RequestListener {
 public:
  void OnRequestEnd(const RequestRecord& request) override {
    records.push_back(request);
    starts.emplace_back(request.step_start_s.begin(), request.step_start_s.end());
  }
  std::vector<RequestRecord> records;
  std::vector<std::vector<double>> starts;
};

// Submits request `index` of a script at its time.
class Submitter final : public EventHandler {
 public:
  Submitter(Simulator& simulator, Network& network, RouteId route)
      : simulator_(simulator),
        network_(network),
        route_(route),
        kind_(simulator.AddHandler(this)) {}
  void Add(double at_s, std::vector<double> demands_s) {
    demands_.push_back(std::move(demands_s));
    simulator_.Schedule(at_s, kind_, static_cast<uint32_t>(demands_.size() - 1));
  }
  void HandleEvent(const Event& event) override { network_.Submit(route_, demands_[event.target]); }

 private:
  Simulator& simulator_;
  Network& network_;
  RouteId route_;
  EventKind kind_;
  std::vector<std::vector<double>> demands_;
};

TEST(NetworkTest, AnOdooShapedRouteByHand) {
  // Route: acquire(workers: 1) → cpu (PS, 1 core) → acquire(db pool: 1) → db (FIFO, 1 server)
  //        → release(db pool) → delay (think) → release(workers).
  Simulator simulator(1);
  Network network(simulator);
  const StationId workers = network.AddTokenPool("workers", 1, TokenPool::kUnboundedWaiters);
  const StationId cpu = network.AddProcessorSharing("cpu", 1.0);
  const StationId pool = network.AddTokenPool("db pool", 1, 0);
  const StationId db = network.AddFifo("db", 1, FifoServers::kUnboundedQueue);
  const StationId think = network.AddDelay("network");
  const Result<RouteId> route = network.AddRoute("web", {{StepKind::kAcquire, workers},
                                                         {StepKind::kVisit, cpu},
                                                         {StepKind::kAcquire, pool},
                                                         {StepKind::kVisit, db},
                                                         {StepKind::kRelease, pool},
                                                         {StepKind::kVisit, think},
                                                         {StepKind::kRelease, workers}});
  ASSERT_TRUE(route.ok());
  Ends ends;
  network.SetRequestListener(&ends);
  Submitter submitter(simulator, network, route.value());
  // Request 0 at 0: cpu 1, db 2, think 0.5 → holds the worker [0, 3.5).
  // Request 1 at 1: waits for the worker until 3.5; cpu 1 → 4.5; db 1 → 5.5; think 0 → 5.5.
  submitter.Add(0.0, {0, 1.0, 0, 2.0, 0, 0.5, 0});
  submitter.Add(1.0, {0, 1.0, 0, 1.0, 0, 0.0, 0});
  simulator.Run(10.0);
  ASSERT_EQ(ends.records.size(), 2u);
  EXPECT_EQ(ends.records[0].id, 0u);
  EXPECT_FALSE(ends.records[0].rejected);
  EXPECT_EQ(ends.records[0].last_step, 7u);
  EXPECT_EQ(ends.records[0].end_s, 3.5);
  EXPECT_EQ(ends.starts[0], (std::vector<double>{0, 0, 1, 1, 3, 3, 3.5}));
  EXPECT_EQ(ends.records[1].arrival_s, 1.0);
  EXPECT_EQ(ends.records[1].end_s, 5.5);
  EXPECT_EQ(ends.starts[1], (std::vector<double>{1, 3.5, 4.5, 4.5, 5.5, 5.5, 5.5}));

  const RouteStatistics& web = network.route_statistics(route.value());
  EXPECT_EQ(web.completions, 2u);
  EXPECT_NEAR(web.response_s.mean(), (3.5 + 4.5) / 2, 1e-12);
  // The worker pool: request 0 present [0, 3.5), request 1 [1, 5.5): residences 3.5 and 4.5,
  // area 8 over 10 s.
  const StationStatistics& w = network.station_statistics(workers);
  EXPECT_EQ(w.arrivals, 2u);
  EXPECT_EQ(w.departures, 2u);
  EXPECT_NEAR(w.residence_s.mean(), 4.0, 1e-12);
  EXPECT_NEAR(w.present.Mean(10.0), 0.8, 1e-12);
  EXPECT_NEAR(network.station_statistics(db).residence_s.mean(), 1.5, 1e-12);
  EXPECT_NEAR(network.station_statistics(think).residence_s.mean(), 0.25, 1e-12);
  EXPECT_EQ(network.in_flight(), 0);
  EXPECT_EQ(network.token_pool(workers).in_use(), 0);
  EXPECT_EQ(network.token_pool(pool).grants(), 2u);
}

TEST(NetworkTest, ARejectedRequestGivesBackItsTokens) {
  // Route: acquire(workers: 5) → acquire(db pool: 1, no waiting) → db (delay) → release both.
  // Two requests at once: the second is refused by the pool and must give its worker back.
  Simulator simulator(1);
  Network network(simulator);
  const StationId workers = network.AddTokenPool("workers", 5, 0);
  const StationId pool = network.AddTokenPool("db pool", 1, 0);
  const StationId db = network.AddDelay("db");
  const Result<RouteId> route = network.AddRoute("report", {{StepKind::kAcquire, workers},
                                                            {StepKind::kAcquire, pool},
                                                            {StepKind::kVisit, db},
                                                            {StepKind::kRelease, pool},
                                                            {StepKind::kRelease, workers}});
  ASSERT_TRUE(route.ok());
  Ends ends;
  network.SetRequestListener(&ends);
  Submitter submitter(simulator, network, route.value());
  submitter.Add(1.0, {0, 0, 2.0, 0, 0});
  submitter.Add(1.0, {0, 0, 2.0, 0, 0});
  simulator.Run(2.0);
  EXPECT_EQ(network.token_pool(workers).in_use(), 1);  // only the first request holds one
  ASSERT_EQ(ends.records.size(), 1u);
  EXPECT_TRUE(ends.records[0].rejected);
  EXPECT_EQ(ends.records[0].id, 1u);
  EXPECT_EQ(ends.records[0].last_step, 1u);  // refused at step 1, the db pool
  simulator.Run(10.0);
  EXPECT_EQ(network.token_pool(workers).in_use(), 0);
  const RouteStatistics& report = network.route_statistics(route.value());
  EXPECT_EQ(report.completions, 1u);
  EXPECT_EQ(report.rejections, 1u);
  EXPECT_EQ(network.station_statistics(pool).rejections, 1u);
  EXPECT_EQ(network.station_statistics(workers).departures, 2u);
  EXPECT_EQ(network.station_statistics(workers).present.level(), 0.0);
}

TEST(NetworkTest, RouteErrorsAreAllReported) {
  Simulator simulator(1);
  Network network(simulator);
  const StationId pool = network.AddTokenPool("pool", 1, 0);
  const StationId cpu = network.AddProcessorSharing("cpu", 1.0);
  EXPECT_FALSE(network.AddRoute("empty", {}).ok());
  const Result<RouteId> bad = network.AddRoute("bad", {{StepKind::kVisit, pool},
                                                       {StepKind::kAcquire, cpu},
                                                       {StepKind::kVisit, 9},
                                                       {StepKind::kRelease, pool},
                                                       {StepKind::kAcquire, pool}});
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.errors().size(), 5u);
  EXPECT_EQ(bad.errors()[0].message,
            "route 'bad' step 0 visits token pool 'pool' (acquire and release it instead)");
  EXPECT_EQ(bad.errors()[1].message,
            "route 'bad' step 1 acquires or releases 'cpu', which is not a token pool");
  EXPECT_EQ(bad.errors()[2].message, "route 'bad' step 2 names station 9, which does not exist");
  EXPECT_EQ(bad.errors()[3].message, "route 'bad' step 3 releases 'pool' without holding a token");
  EXPECT_EQ(bad.errors()[4].message, "route 'bad' acquires 'pool' at step 4 and never releases it");
  EXPECT_EQ(network.route_count(), 0u);
}

}  // namespace
}  // namespace headroom::sim
