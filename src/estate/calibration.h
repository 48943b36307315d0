#pragma once
// What a calibration file holds (estate/calibration_reader.h): figures measured on the user's own
// systems that replace the model's defaults. Every section is optional; a file holds at least one.

#include <optional>
#include <string>
#include <vector>

#include "dr/dr_settings.h"

namespace headroom {

// One request class's measured service demands (`headroom calibrate demands`): CPU time per
// request, named as the estate's request classes are. They replace the class's app_cpu_ms (and
// db_cpu_ms when measured) in the plan.
struct ServiceDemand {
  std::string request_class;
  double app_cpu_ms = 0;            // Odoo worker CPU per request, > 0
  std::optional<double> db_cpu_ms;  // PostgreSQL CPU per request, >= 0, when measured
};

struct ServiceDemandCalibration {
  std::vector<ServiceDemand> classes;
  // CPU cores busy whatever the load (the idle/background term of the fit), >= 0.
  double background_cores = 0;
  std::string source;  // where and how it was measured
};

// A Universal Scalability Law fit (queueing/usl.h) of a server's throughput against its
// concurrency: `headroom calibrate usl`.
struct UslCalibration {
  double lambda_per_s = 0;  // throughput of one client, > 0
  double sigma = 0;         // contention, >= 0
  double kappa = 0;         // coherency, >= 0
  std::string source;
};

struct Calibration {
  std::string file;  // the file it was read from (engine/load.h); empty when made in memory
  std::optional<BackupCalibration> backup;
  std::optional<ServiceDemandCalibration> service_demands;
  std::optional<UslCalibration> usl;
};

// What a plan took from a calibration (engine/apply_calibration.h), for plan.json: each class
// whose demands were replaced, with the estate's figures before.
struct CalibratedClass {
  std::string request_class;
  double app_cpu_ms = 0;
  double estate_app_cpu_ms = 0;
  double db_cpu_ms = 0;
  double estate_db_cpu_ms = 0;
  bool db_measured = false;
};

struct AppliedCalibration {
  std::string file;
  std::string service_demands_source;
  std::vector<CalibratedClass> classes;  // empty: no service_demands section
  std::optional<UslCalibration> usl;
};

}  // namespace headroom
