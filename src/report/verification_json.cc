#include "report/verification_json.h"

namespace headroom {
namespace {

using Json = nlohmann::ordered_json;

Json ClassJson(const SimulatedClass& c) {
  return Json{{"class", c.request_class},
              {"target_ms", c.target_ms},
              {"p95_ms_analytic", c.p95_ms_analytic},
              {"p95_ms_simulated", c.p95_ms_simulated},
              {"p99_ms_simulated", c.p99_ms_simulated},
              {"completed", c.completed},
              {"timeouts", c.timeouts},
              {"failed", c.failed},
              {"meets_target", c.meets_target},
              {"time_ms",
               {{"queue", c.queue_ms},
                {"pool_wait", c.pool_wait_ms},
                {"app", c.app_ms},
                {"db", c.db_ms},
                {"io", c.io_ms}}}};
}

Json WindowJson(const SimulatedWindow& w) {
  Json classes = Json::array();
  for (const SimulatedClass& c : w.classes) classes.push_back(ClassJson(c));
  return Json{{"window", w.window},
              {"duration_s", w.duration_s},
              {"meets_targets", w.meets_targets},
              {"classes", std::move(classes)},
              {"worker_utilisation",
               {{"analytic", w.worker_utilisation_analytic},
                {"simulated", w.worker_utilisation_simulated}}},
              {"postgres_cpu_utilisation",
               {{"analytic", w.postgres_cpu_utilisation_analytic},
                {"simulated", w.postgres_cpu_utilisation_simulated}}},
              {"pod_cpu_utilisation_simulated", w.pod_cpu_utilisation_simulated},
              {"pool_utilisation_simulated", w.pool_utilisation_simulated},
              {"pods",
               {{"start", w.start_pods},
                {"min_ready", w.min_ready_pods},
                {"max_ready", w.max_ready_pods},
                {"final_desired", w.final_desired_pods}}},
              {"underprovisioned_s", w.underprovisioned_s},
              {"autoscaler_lags", w.autoscaler_lags},
              {"bottleneck", w.bottleneck}};
}

}  // namespace

nlohmann::ordered_json VerificationJson(const MonthVerification& v) {
  Json windows = Json::array();
  for (const SimulatedWindow& w : v.windows) windows.push_back(WindowJson(w));
  return Json{{"simulated", v.simulated},
              {"not_simulated", v.not_simulated},
              {"holds", v.holds},
              {"passes", v.passes},
              {"adjustments", v.adjustments},
              {"windows", std::move(windows)}};
}

}  // namespace headroom
