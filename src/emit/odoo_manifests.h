#pragma once
// Odoo on Kubernetes: the HTTP Deployment (its replicas owned by the HPA), the cron Deployment,
// their ConfigMap (odoo.conf), the Service, the HPA and a PodDisruptionBudget per Deployment.

#include "emit/context.h"

namespace headroom::emit {

Manifests OdooManifests(const EmitContext& context);

}  // namespace headroom::emit
