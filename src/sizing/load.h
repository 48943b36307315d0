#pragma once
// What the sizers see: the load of one month, for one Monte Carlo sample or for the mid
// evaluation, already reduced from Demand to plain numbers with units. Sizers never read the
// estate's tenants or the demand tables directly; one MonthLoad is all one sizing pass needs.

#include <array>
#include <string>
#include <vector>

#include "estate/model.h"

namespace headroom {

struct Demand;

inline constexpr int kSustained = 0;
inline constexpr int kPeak = 1;
inline constexpr int kRecovery = 2;

// One request class with its per-request demands and its rates in the three windows.
struct ClassLoad {
  std::string name;
  std::array<double, 3> rate_per_s{};  // [kSustained, kPeak, kRecovery]
  double app_cpu_ms = 0;
  double db_cpu_ms = 0;
  double db_reads = 0;   // 8 KiB blocks read from storage per request
  double db_writes = 0;  // 8 KiB blocks written per request
  double worker_memory_mib = 0;
  double response_kib = 0;
  double service_cv = 1.0;
  double p95_target_ms = 0;   // the tightest target among the tenants that send this class
  double requests_month = 0;  // requests in the whole month (for WAL and database growth)
  bool long_lived = false;    // the websocket bus: counted as sessions, not rates
};

struct MonthLoad {
  int month = 0;                   // offset from Estate::start
  std::vector<ClassLoad> classes;  // Estate::request_classes order
  // Concurrent websocket sessions per window: one per active user (interactive and portal).
  std::array<double, 3> sessions{};
  double max_sessions = 0;                   // the month's highest hourly sessions
  std::array<double, 3> batch_cpu_s{};       // batch CPU-seconds in flight per window
  double batch_month_cpu_s = 0;              // all batch work released in the month
  double heaviest_batch_cpu_s = 0;           // the month's heaviest single release
  double heaviest_batch_deadline_h = 0;      // ... and its deadline
  int sites = 0;                             // all tenants' sites this month
  double named_users = 0;                    // all tenants' named users this month (mid draw)
  double documents_added_mib = 0;            // attachments added this month
  double documents_total_mib = 0;            // attachments stored at the end of the month
  double database_gib = 0;                   // the databases' size at the end of the month
  double database_gib_lookahead = 0;         // ... policy.storage_lookahead_months later
  double documents_total_mib_lookahead = 0;  // attachments stored that many months later
  double rto_hours = 0;                      // the tightest recovery time objective
  double rpo_hours = 0;                      // the tightest recovery point objective
  // [n − 1]: the largest share of the databases' load one of n PostgreSQL clusters carries
  // when the tenants' databases are spread over n (sizing/postgres_clusters.h); its size is the
  // most clusters the databases can be spread over. Empty: the load cannot be split.
  std::vector<double> cluster_shares;
  // [n − 1]: the largest share of the estate's requests per second or sessions one of n cells
  // carries with the databases spread over n (plan/ingress_cells.h). Empty: one ingress.
  std::vector<double> ingress_shares;
};

}  // namespace headroom
