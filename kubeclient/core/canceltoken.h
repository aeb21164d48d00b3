// A flag that any thread may raise to stop a request, a watch or a plugin run promptly.
// Transports register a wake-up so a blocked transfer notices at once, not at its next timeout.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace kube {

class CancelToken
{
public:
    void cancel();
    bool cancelled() const { return m_cancelled.load(std::memory_order_acquire); }

    // Called (from the cancelling thread) when cancel() happens; returns an id for removal.
    int onCancel(std::function<void()> wake);
    void removeOnCancel(int id);

private:
    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    int m_nextId = 1;
    std::vector<std::pair<int, std::function<void()>>> m_wakers;
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

} // namespace kube
