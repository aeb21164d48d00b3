// CancelToken: the flag plus wake-ups for blocked waiters.
#include "kubeclient/core/canceltoken.h"

namespace kube {

void CancelToken::cancel()
{
    m_cancelled.store(true, std::memory_order_release);
    std::vector<std::pair<int, std::function<void()>>> wakers;
    {
        std::lock_guard lock(m_mutex);
        wakers = m_wakers;
    }
    for (auto &w : wakers)
        w.second();
}

int CancelToken::onCancel(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    const int id = m_nextId++;
    m_wakers.emplace_back(id, std::move(wake));
    return id;
}

void CancelToken::removeOnCancel(int id)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_wakers, [id](const auto &w) { return w.first == id; });
}

} // namespace kube
