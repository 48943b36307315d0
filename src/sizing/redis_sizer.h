#pragma once
// Redis for sessions and cache: memory, operations per second, replicas.

#include <cstdint>
#include <string>
#include <vector>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/verdict.h"

namespace headroom {

struct RedisSettings {
  double session_kib = 4;             // one Odoo session (camptocamp session_redis)
  double session_expiry_days = 7;     // session_redis default expiry
  double sessions_per_user_week = 5;  // logins per named user within the expiry
  double cache_mib = 256;             // other cached keys
  double ops_per_request = 2;         // session read + write
  double ops_per_s_per_core = 80000;  // a single-threaded Redis core
  double memory_overhead = 1.5;       // fragmentation and replication buffers
};

struct RedisSizing {
  double sessions = 0;
  double memory_mib = 0;       // maxmemory
  double ops_per_s_peak = 0;
  int replicas = 0;            // primary + replicas
  LayerVerdict verdict;
};

RedisSizing SizeRedis(const MonthLoad& load, const HeadroomPolicy& policy,
                      const RedisSettings& settings);

}  // namespace headroom
