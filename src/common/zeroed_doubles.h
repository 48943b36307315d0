#pragma once
// A fixed-size array of doubles that starts at zero, for the large accumulators that a run
// fills once (the demand synthesis's rows × hours tables, tens of MiB).
//
// The memory comes straight from the kernel as fresh anonymous pages, which are zero already:
// no pass writes zeros over it. It is offered transparent huge pages, so that a 36 MiB table
// faults in 2 MiB at a time (18 faults) rather than 4 KiB at a time (9,000): on virtual
// machines each fault is costly. Where the kernel gives no huge pages it works as before.

#include <cstddef>
#include <span>

namespace headroom {

class ZeroedDoubles {
 public:
  ZeroedDoubles() = default;
  // Throws std::bad_alloc when the kernel refuses the memory.
  explicit ZeroedDoubles(size_t count);
  ~ZeroedDoubles();
  ZeroedDoubles(ZeroedDoubles&& other) noexcept;
  ZeroedDoubles& operator=(ZeroedDoubles&& other) noexcept;
  ZeroedDoubles(const ZeroedDoubles&) = delete;
  ZeroedDoubles& operator=(const ZeroedDoubles&) = delete;

  [[nodiscard]] double* data() { return data_; }
  [[nodiscard]] const double* data() const { return data_; }
  [[nodiscard]] size_t size() const { return count_; }
  [[nodiscard]] std::span<double> span() { return {data_, count_}; }

 private:
  void Release();

  double* data_ = nullptr;
  size_t count_ = 0;
  void* mapping_ = nullptr;
  size_t mapping_bytes_ = 0;
};

}  // namespace headroom
