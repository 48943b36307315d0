#pragma once
// The settings of the emitted artifacts that the plan does not decide: images, the user the
// containers run as, ports, names of the neighbouring namespaces and secrets, the backup
// schedule and alert margins. Each default says where it comes from; docs/assumptions.md
// ("Artifacts") lists them. Every size, count and limit in the artifacts comes from the plan.

#include <string>

namespace headroom::emit {

struct EmitSettings {
  // Images, pinned to a release tag (kube-linter latest-tag). Odoo 17.0 is the version the
  // plan's db_maxconn_gevent targets; CloudNativePG's operand image for PostgreSQL 17
  // (kTargetPostgresVersion); Redis 7.2, the last BSD-licensed series.
  std::string odoo_image = "odoo:17.0";
  std::string postgres_image = "ghcr.io/cloudnative-pg/postgresql:17.2";
  std::string redis_image = "redis:7.2.6";
  // The official Odoo image's `odoo` user and group (created by the Debian package as a system
  // account, uid/gid 101); a numeric id is needed with runAsNonRoot. The Redis image's `redis`
  // user is 999.
  int odoo_uid = 101;
  int redis_uid = 999;
  // Odoo's defaults (odoo/tools/config.py): http_port 8069, gevent_port 8072.
  int odoo_http_port = 8069;
  int odoo_gevent_port = 8072;
  int redis_port = 6379;  // Redis's default
  int postgres_port = 5432;
  // CloudNativePG's instance manager status port, which the operator polls.
  int cnpg_status_port = 8000;
  // Metrics ports: CloudNativePG instances 9187, its PgBouncer poolers 9127.
  int postgres_metrics_port = 9187;
  int pgbouncer_metrics_port = 9127;
  // Namespaces of the neighbours the NetworkPolicies admit: the ingress controller, the
  // CloudNativePG operator (its Helm chart's default), Prometheus.
  std::string ingress_namespace = "traefik";
  std::string cnpg_namespace = "cnpg-system";
  std::string monitoring_namespace = "monitoring";
  // The namespace of the shared pool's overlay.
  std::string pool_namespace = "odoo-shared";
  // Tenants are served as <tenant>.<base_domain>, with a wildcard certificate in tls_secret;
  // Odoo's dbfilter `^%d$` maps each host to the tenant's database. Set both in the overlay.
  std::string base_domain = "odoo.example.com";
  std::string tls_secret = "odoo-wildcard-tls";
  // Object store for base backups and WAL (barman-cloud), and the secret with its keys.
  std::string backup_destination = "s3://odoo-backups";
  std::string backup_credentials_secret = "odoo-backup-credentials";
  // Base backups start at this UTC hour, on the days the plan's backups per week give (night in
  // Europe, before the business day of most tenants; move it to a quiet hour of the estate).
  int backup_hour_utc = 2;
  // Container defaults of the namespace's LimitRange, for pods the plan does not size (the
  // operator's initdb and join jobs, the backup plugin's sidecar): engineering estimate, as
  // much as a PgBouncer pod (plan/workloads.h).
  int default_cpu_request_m = 100;
  int default_memory_request_mib = 128;
  int default_cpu_limit_m = 500;
  int default_memory_limit_mib = 512;
  // Scratch space of each Odoo and Redis pod (emptyDir /tmp and Odoo's data_dir, whose
  // attachments live in object storage and sessions in Redis): engineering estimate; kube-score
  // wants ephemeral-storage requests and limits.
  int ephemeral_storage_gib = 2;
  // Probes (engineering estimate): readiness every probe_period_s takes a pod out of its Service
  // after probe_failures misses (30 s); liveness every liveness_period_s restarts it after as
  // many (a minute: a worker busy with a long request must not look dead); the startup probe
  // allows startup_failures × probe_period_s (5 min) for Odoo to load its modules.
  int probe_period_s = 10;
  int liveness_period_s = 20;
  int probe_failures = 3;
  int startup_failures = 30;
  int probe_timeout_s = 5;
  // PodDisruptionBudget: voluntary evictions (node drains) take one pod at a time; the plan's
  // maintenance reserve carries its load.
  int pdb_max_unavailable = 1;
  // Alerts: memory working set over this share of the limit leaves one large request before an
  // OOM kill (engineering estimate; the kubernetes-mixin uses 0.9 for its quota alerts).
  double memory_alert_share = 0.9;
  // kubernetes-mixin KubePersistentVolumeFillingUp: less than 15% free and predict_linear over
  // 6 h says full within 4 days, for 1 h.
  double volume_free_alert_share = 0.15;
  int volume_predict_days = 4;
};

}  // namespace headroom::emit
