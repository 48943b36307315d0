#pragma once
// The figures the recovery arithmetic uses besides the plan: tool throughputs, procedure times
// and the recovery design's own knobs. Throughputs are engineering estimates until measured:
// `headroom calibrate backup` measures the three that matter most (base backup, restore and
// WAL replay) on the user's own server and writes them to a calibration file (dr/calibration.h).
// docs/dr.md and docs/assumptions.md give each figure's source.

#include <string>

namespace headroom {

struct DrSettings {
  // --- throughputs (raw, uncompressed MiB/s) ---
  // pgBackRest user guide (process-max): about a quarter of the CPUs for backups, so that the
  // primary keeps serving; every CPU for a restore, where nothing else runs.
  double backup_cpu_share = 0.25;
  // Engineering estimate: one backup process reading, compressing (lz4/gzip) and uploading.
  // pg_basebackup alone reaches 300–500 MiB/s uncompressed on fast storage (postgres.ai, 2025);
  // compression bounds one process well below that. Calibrate.
  double backup_mib_s_per_process = 100;
  // Engineering estimate: one restore process downloading, decompressing and writing. Calibrate.
  double restore_mib_s_per_process = 150;
  // Engineering estimate: WAL replay is single-threaded (pgBackRest and PostgreSQL docs), so it
  // does not scale with CPUs; random reads during redo bound it. Calibrate.
  double wal_replay_mib_s = 50;
  // A 10 Gbit/s node network (1.25e9 B/s = 1192 MiB/s), the common general-purpose figure.
  double network_mib_s = 1192;
  // A restored server's start and the end of its recovery beyond redo itself (reading the
  // archive's history files, the end-of-recovery checkpoint), in seconds. Measured by
  // `headroom calibrate backup`; when not measured it is part of provisioning_minutes.
  double restore_start_s = 0;
  // Engineering estimate: copying attachments between object-storage buckets.
  double object_copy_mib_s = 200;

  // --- procedure times ---
  // Engineering estimate: scheduling a PostgreSQL pod and attaching an empty volume.
  double provisioning_minutes = 5;
  // Engineering estimate: the runbook's checks on a restored database before users return
  // (row counts, a login, the last posted journal entry), which the seed insists on.
  double validation_minutes = 15;
  // CloudNativePG default archive_timeout: a WAL segment is archived at least every 5 minutes,
  // so WAL archiving alone gives RPO ≤ 5 min (CNPG backup documentation).
  double archive_timeout_s = 300;
  // PostgreSQL's default WAL segment size.
  double wal_segment_mib = 16;
  // Engineering estimate: CloudNativePG notices a failed primary (probes, node status) and
  // promotes the most advanced standby (failoverDelay 0 by default), then the -rw service and the
  // poolers follow it.
  double failover_s = 60;
  // Engineering estimate: how far an asynchronous standby trails the primary under load
  // (pg_stat_replication.replay_lag); what a failover to it can lose.
  double async_standby_lag_s = 5;
  // Engineering estimate: time for an alert on a failed release to reach a decision to roll back.
  double app_failure_detection_minutes = 5;
  // Engineering estimate: an Odoo pod from creation to Ready (image cached, registry loaded).
  double pod_ready_s = 60;
  // Kubernetes Deployment default rolling update: maxSurge 25%.
  double rollout_max_surge = 0.25;
  // Engineering estimate: a common TTL for a failover DNS record; clients follow the new
  // address after it expires.
  double dns_ttl_s = 300;
  // Engineering estimate: recreating the ingress controller and its load balancer from GitOps.
  double ingress_recovery_minutes = 5;
  // Amazon S3 Replication Time Control: 99.99% of new objects replicated within 15 minutes
  // (S3 user guide, "Meeting compliance requirements with S3 RTC").
  double cross_region_copy_minutes = 15;
  // Engineering estimate: building the platform in a second region from the GitOps repository
  // (cluster, operators, secrets, stack) when nothing runs there yet.
  double secondary_region_cold_minutes = 45;
  // Engineering estimate: promoting a replica cluster that already runs in the second region.
  double secondary_region_warm_minutes = 5;
  // Engineering estimate: creating a volume from a snapshot and starting PostgreSQL on it; blocks
  // load lazily, so the first queries are slower (that cost is in validation).
  double snapshot_restore_minutes = 10;

  // --- choices the remedies may propose ---
  // The shortest archive_timeout proposed: shorter forces a 16 MiB segment out every few
  // seconds, mostly padding.
  double min_archive_timeout_s = 60;
  // The largest provisioned volume throughput proposed (gp3's maximum, 1000 MiB/s).
  double max_volume_mib_s = 1000;
};

// What the user measured: `headroom calibrate backup` writes these (dr/calibration.h). Zero
// means "not measured": the default stays.
struct BackupCalibration {
  double backup_mib_s_per_process = 0;
  double restore_mib_s_per_process = 0;
  double wal_replay_mib_s = 0;
  double restore_start_s = 0;
  std::string source;  // where and how it was measured
};

}  // namespace headroom
