// Decoding of metav1.Status bodies and of non-2xx responses into kube::Error.
#pragma once

#include "kubeclient/core/error.h"
#include "kubeclient/transport/http.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kube {

// Reads a metav1.Status object (missing fields stay empty).
ApiStatus decodeStatus(const nlohmann::json &status);

// Turns a non-2xx response into an Api error. The body is decoded as a Status when it is one;
// otherwise the code decides the reason and a short excerpt of the body becomes the message.
// `what` names the request for the reader: "list configmaps in namespace x".
Error errorFromResponse(const HttpResponse &response, const std::string &what);

} // namespace kube
