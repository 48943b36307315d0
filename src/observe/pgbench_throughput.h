#pragma once
// Throughput at several concurrencies, measured with pgbench on a running server, for the USL
// fit of `headroom calibrate usl --dsn` (observe/usl_fit.h). Each concurrency runs
// `pgbench -n [-S] -c N -j N -T seconds` against the database of the DSN, which must hold
// pgbench's tables (`pgbench -i`, or init_scale here).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "observe/usl_fit.h"

namespace headroom {

struct PgbenchOptions {
  std::string dsn;
  std::vector<int> clients = {1, 2, 4, 8};
  int seconds = 10;         // per concurrency
  bool select_only = true;  // -S (read-only, CPU-bound); false: the TPC-B-like default
  int init_scale = 0;       // > 0: `pgbench -i -s init_scale` first (replaces pgbench's tables)
  // An unmeasured run first, at the largest client count: the first run after a load or an
  // initialisation otherwise pays for cold caches and reads as poor scaling at one client.
  int warmup_seconds = 2;
  // Rounds over the client counts (up, then down, ...): one point per count and round.
  int rounds = 1;
  std::string pgbench = "pgbench";  // the program
};

// One point per client count and round, in the order measured. Errors: kUsage (no clients, a count
// < 1, seconds < 1), kIo (pgbench could not start), kUnavailable (pgbench failed: its output's end
// is in the message; a server that is down ends here).
Result<std::vector<UslPoint>> MeasurePgbenchThroughput(
    const PgbenchOptions& options, const std::function<void(const std::string&)>& say);

// The "tps = 1234.5 (without initial connection time)" of pgbench's report (PostgreSQL 14+;
// older versions print "excluding connections establishing"); nullopt when absent.
std::optional<double> ParsePgbenchTps(const std::string& output);

}  // namespace headroom
