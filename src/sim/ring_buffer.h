#pragma once
// A FIFO queue in a power-of-two ring that doubles when full and never shrinks: after it has
// grown to the longest queue of a run, pushing and popping allocate nothing (unlike std::deque,
// which allocates and frees blocks as it moves through memory).

#include <cassert>
#include <cstddef>
#include <vector>

namespace headroom::sim {

template <typename T>
class RingBuffer {
 public:
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] size_t size() const { return size_; }

  void PushBack(const T& value) {
    if (size_ == slots_.size()) Grow();
    slots_[(head_ + size_) & (slots_.size() - 1)] = value;
    ++size_;
  }
  // REQUIRES: !empty().
  [[nodiscard]] const T& front() const {
    assert(size_ > 0);
    return slots_[head_];
  }
  // REQUIRES: !empty().
  T PopFront() {
    assert(size_ > 0);
    T value = slots_[head_];
    head_ = (head_ + 1) & (slots_.size() - 1);
    --size_;
    return value;
  }
  void Clear() {
    head_ = 0;
    size_ = 0;
  }

 private:
  void Grow() {
    std::vector<T> bigger(slots_.empty() ? 16 : 2 * slots_.size());
    for (size_t i = 0; i < size_; ++i) bigger[i] = slots_[(head_ + i) & (slots_.size() - 1)];
    slots_.swap(bigger);
    head_ = 0;
  }

  std::vector<T> slots_;
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace headroom::sim
