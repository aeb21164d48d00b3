// Whether a failed request had gone out before the failure: then the server may have acted on
// it (a write may be done, its answer lost). The transport notes it in the error's hint, in
// words a user reads too; the plan executor and the watcher test for it here.
#pragma once

#include "kubeclient/core/error.h"

#include <string>
#include <string_view>

namespace kube {

inline constexpr std::string_view kRequestSentNote = "the request had been sent: the server may have acted on it";

inline void noteRequestSent(Error &e)
{
    if (e.hint.find(kRequestSentNote) != std::string::npos)
        return;
    e.hint = e.hint.empty() ? std::string(kRequestSentNote) : e.hint + "; " + std::string(kRequestSentNote);
}

inline bool requestWasSent(const Error &e)
{
    return e.hint.find(kRequestSentNote) != std::string::npos;
}

} // namespace kube
