#include "common/zeroed_doubles.h"

#include <sys/mman.h>

#include <cstdint>
#include <limits>
#include <new>
#include <utility>

namespace headroom {
namespace {

constexpr size_t kHugePageBytes = size_t{2} << 20;

size_t RoundUp(size_t bytes, size_t to) { return (bytes + to - 1) / to * to; }

}  // namespace

ZeroedDoubles::ZeroedDoubles(size_t count) : count_(count) {
  if (count == 0) return;
  if (count > std::numeric_limits<size_t>::max() / sizeof(double) - 2 * kHugePageBytes) {
    throw std::bad_alloc();
  }
  // One huge page more than needed, so that the array can start on a huge-page boundary.
  const size_t bytes = RoundUp(count * sizeof(double), kHugePageBytes);
  mapping_bytes_ = bytes + kHugePageBytes;
  mapping_ =
      mmap(nullptr, mapping_bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) {
    mapping_ = nullptr;
    throw std::bad_alloc();
  }
  const auto start = reinterpret_cast<uintptr_t>(mapping_);
  const size_t skip = RoundUp(start, kHugePageBytes) - start;
  data_ = reinterpret_cast<double*>(static_cast<char*>(mapping_) + skip);
  // Advice only: without transparent huge pages the array is ordinary pages.
  madvise(data_, bytes, MADV_HUGEPAGE);
}

ZeroedDoubles::~ZeroedDoubles() { Release(); }

ZeroedDoubles::ZeroedDoubles(ZeroedDoubles&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      count_(std::exchange(other.count_, 0)),
      mapping_(std::exchange(other.mapping_, nullptr)),
      mapping_bytes_(std::exchange(other.mapping_bytes_, 0)) {}

ZeroedDoubles& ZeroedDoubles::operator=(ZeroedDoubles&& other) noexcept {
  if (this != &other) {
    Release();
    data_ = std::exchange(other.data_, nullptr);
    count_ = std::exchange(other.count_, 0);
    mapping_ = std::exchange(other.mapping_, nullptr);
    mapping_bytes_ = std::exchange(other.mapping_bytes_, 0);
  }
  return *this;
}

void ZeroedDoubles::Release() {
  if (mapping_ != nullptr) munmap(mapping_, mapping_bytes_);
  mapping_ = nullptr;
  mapping_bytes_ = 0;
  data_ = nullptr;
  count_ = 0;
}

}  // namespace headroom
