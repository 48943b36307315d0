#pragma once
// PostgreSQL and PgBouncer settings from the plan: the parameters for the CloudNativePG Cluster
// and, for installations without the operator, a plain postgresql.conf and pgbouncer.ini.

#include <string>
#include <utility>
#include <vector>

#include "emit/context.h"
#include "sizing/postgres_sizer.h"

namespace headroom::emit {

// name → value, as postgresql.conf spells them (memory in kB or MB), in a stable order: the
// plan's connections and PGTune's settings with the load-based work_mem. Settings PGTune
// leaves out stay at PostgreSQL's defaults. `for_operator` leaves out wal_level and
// max_wal_senders, which CloudNativePG manages for its replicas.
using Parameters = std::vector<std::pair<std::string, std::string>>;
Parameters PostgresParameters(const PostgresSizing& postgres, bool for_operator);

std::string PostgresqlConf(const EmitContext& context);

// PgBouncer in front of the cluster: transaction pooling for every tenant database, and a
// session-mode pool for Odoo's bus on the `postgres` database (LISTEN needs a session).
std::string PgBouncerIni(const EmitContext& context);

// pgbouncer [pgbouncer] settings shared by the plain ini and the CloudNativePG Poolers.
Parameters PgBouncerPoolParameters(const PgBouncerPools& pools, bool session);

}  // namespace headroom::emit
