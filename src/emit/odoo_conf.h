#pragma once
// odoo.conf for the HTTP and the cron Deployments, from the month's Odoo sizing.
//
// HTTP pods run `workers` prefork HTTP workers, the gevent worker for websockets and no cron
// threads. Cron pods run the planned cron threads and one HTTP worker, so that the same
// /web/health probes work on them; their port has no Service, so no user traffic reaches it.
// The memory limits are the plan's, which reconciled Odoo's virtual-memory limits with the
// pod's resident-memory limit (docs/sizing-odoo.md).

#include <string>

#include "emit/context.h"
#include "sizing/odoo_sizer.h"

namespace headroom::emit {

enum class OdooRole { kHttp, kCron };

std::string OdooConf(const EmitContext& context, OdooRole role);

// Cron threads per cron pod: the plan's cron workers spread over its cron pods.
int CronThreadsPerPod(const OdooSizing& odoo);

}  // namespace headroom::emit
