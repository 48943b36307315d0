#pragma once
// Odoo on Kubernetes: the HTTP Deployment (its replicas owned by the HPA), the cron Deployment,
// their ConfigMap (odoo.conf), the Service, the HPA and a PodDisruptionBudget per Deployment.

#include "emit/context.h"

namespace headroom::emit {

Manifests OdooManifests(const EmitContext& context);

// A cron pod's memory limit: its master and gevent base plus every worker (the cron threads
// and the health probes' HTTP worker) at odoo.conf's hard limit in resident terms, so Odoo's
// own limits act before the kernel's OOM killer (docs/sizing-odoo.md, section 8). At least
// `request_mib`.
double CronMemoryLimitMib(const EmitContext& context, double request_mib);

}  // namespace headroom::emit
