#pragma once
// Traefik in front of Odoo: one IngressRoute with TLS for every tenant's host, `/websocket`
// routed to Odoo's gevent port and the rest to the HTTP workers; Middlewares for the plan's
// rate limit (one bucket per tenant host) and security headers.

#include "emit/context.h"

namespace headroom::emit {

Manifests TraefikManifests(const EmitContext& context);

}  // namespace headroom::emit
