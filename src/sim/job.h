#pragma once
// What resources and the models that use them share: a job is a small integer the model chooses
// (an index into its own table of requests), and a resource tells its listener when a job may go
// on. Resources never own jobs, so a model keeps per-request data in flat arrays of its own.

#include <cstdint>

namespace headroom::sim {

using JobId = uint32_t;

// What happened to a job offered to a resource.
enum class Admission : uint8_t {
  kStarted,   // served (or granted a token) at once
  kQueued,    // waiting; the listener hears OnJobReady when it is done (or granted)
  kRejected,  // the waiting room was full; the resource forgot the job
};

class JobListener {
 public:
  virtual ~JobListener() = default;
  // `job` may go on past the resource tagged `resource_tag`: its service at a FifoServers or
  // ProcessorSharing resource ended, or a TokenPool granted it a token it had waited for.
  // Called from the resource's event handler after the resource's own state is updated, so the
  // listener may offer jobs to the same resource again.
  virtual void OnJobReady(uint32_t resource_tag, JobId job) = 0;
};

}  // namespace headroom::sim
