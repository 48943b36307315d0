#pragma once
// Redis for sessions and cache: memory, operations per second, shards, replicas.
//
// Odoo keeps its HTTP sessions in Redis with camptocamp/odoo-cloud-platform `session_redis`:
// one string key `session:<id>` per session, written with a TTL (7 days for a logged-in user,
// 3 hours for an anonymous one), read on every request and rewritten when the session changed.
// The bus does not use Redis (it uses PostgreSQL LISTEN/NOTIFY), so no pub/sub traffic is
// modelled. docs/sizing-redis.md gives the method, a worked example and the sources.

#include <string>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/verdict.h"

namespace headroom {

struct RedisSettings {
  // Engineering estimate: an Odoo session is a JSON document of a few hundred bytes (uid, login,
  // db, context, token); 4 KiB covers a large context plus Redis's per-key overhead.
  double session_kib = 4;
  // session_redis DEFAULT_SESSION_TIMEOUT: 7 days (ODOO_SESSION_REDIS_EXPIRATION).
  double session_expiry_days = 7;
  // Engineering estimate: a new session per named user per business day (a new browser, a
  // logout, a second device), all kept until they expire.
  double sessions_per_user_week = 5;
  // Engineering estimate: room for other keys (add-on caches, locks, rate-limit counters).
  double cache_mib = 256;
  // session_redis: a GET on every request and a SET (with EX) when the session changed; 2 is the
  // upper bound of one read and one write per request.
  double ops_per_request = 2;
  // Engineering estimate below redis-benchmark's published figures without pipelining (about
  // 110,000 SET and 81,000 GET per second with 256-byte values, 50 clients, one core: Redis
  // "How fast is Redis?" benchmark page), for 4 KiB values and TLS.
  double ops_per_s_per_core = 80000;
  // Engineering estimate: maxmemory = data × 1.5 covers Redis's per-key overhead, the replication
  // backlog and client buffers (both count towards maxmemory) and room before noeviction errors.
  double memory_overhead = 1.5;
  // The request class whose requests come from portal users: their sessions are stored too.
  std::string portal_class = "portal";
  // Engineering estimate: a portal session makes about an hour's requests of an active portal
  // user (the estate default portal.requests_per_user_hour, 60) before it goes idle.
  double portal_requests_per_session = 60;
  // Redis documentation (administration, memory): while it saves an RDB file or rewrites the
  // AOF, which a replica's full resynchronisation also triggers, Redis may use up to 2 times the
  // memory normally used (fork and copy-on-write). The child is in the same container.
  double pod_memory_factor = 2.0;
  // Engineering estimate: more shards than this is not a Redis for sessions any more; the layer
  // is reported saturated instead.
  int max_shards = 16;
};

struct RedisSizing {
  double sessions = 0;         // stored at the end of the month (back office + portal)
  double portal_sessions = 0;  // ... of which portal sessions
  double data_mib = 0;         // sessions × session size + cache, before overhead
  double memory_mib = 0;       // maxmemory of one shard, a multiple of 64 MiB
  double ops_per_s_peak = 0;
  double ops_per_s_recovery = 0;
  int shards = 1;     // primaries (cluster mode when > 1, then at least 3)
  int replicas = 0;   // primary + replicas, per shard
  int sentinels = 0;  // Sentinel processes (failover without cluster mode)
  // maxmemory-policy. Always "noeviction": every session key carries a TTL, so a volatile-*
  // policy would evict sessions (log users out) first; noeviction refuses writes instead and
  // the memory is sized so that it never has to.
  std::string eviction_policy = "noeviction";
  double pod_cpu_request_m = 0;     // the main thread at the busiest window
  double pod_memory_limit_mib = 0;  // maxmemory × pod_memory_factor, a multiple of 64 MiB
  LayerVerdict verdict;
};

// Sizes Redis for the month. Pure, total: non-finite or negative inputs read as 0, and a load no
// allowed shard count carries gives max_shards with verdict.saturated = true.
RedisSizing SizeRedis(const MonthLoad& load, const HeadroomPolicy& policy,
                      const RedisSettings& settings);

}  // namespace headroom
