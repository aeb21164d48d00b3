// CancelWait: registers one waker with the token for the lifetime of a request.
// The waker holds the state mutex while it touches the multi handle, which makes setMulti(nullptr) a fence.
#include "kubeclient/core/cancelwait.h"

namespace kube {

CancelWait::CancelWait(CancelTokenPtr token)
    : m_token(std::move(token)), m_state(std::make_shared<State>())
{
    if (!m_token)
        return;
    m_wakerId = m_token->onCancel([state = m_state] {
        std::lock_guard lock(state->mutex);
        if (state->multi)
            curl_multi_wakeup(state->multi);
        state->wake.notify_all();
    });
}

CancelWait::~CancelWait()
{
    if (m_token)
        m_token->removeOnCancel(m_wakerId);
}

bool CancelWait::sleepFor(std::chrono::steady_clock::duration duration)
{
    const auto deadline = std::chrono::steady_clock::now() + duration;
    std::unique_lock lock(m_state->mutex);
    // cancelled() is read under the mutex the waker notifies under, so a cancel cannot slip in
    // between the check and the wait.
    m_state->wake.wait_until(lock, deadline, [this] { return cancelled(); });
    return !cancelled();
}

void CancelWait::setMulti(CURLM *multi)
{
    std::lock_guard lock(m_state->mutex);
    m_state->multi = multi;
}

} // namespace kube
