// Decoding of the API server's answers to get and list: the bytes of a response into a JSON
// object, a list page or a typed error. Pure (no I/O), so Client and the fuzz targets share it.
#pragma once

#include "kubeclient/core/result.h"
#include "kubeclient/transport/http.h"
#include "kubeclient/watch/listerwatcher.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kube {

// A 2xx body as JSON (an empty body is {}); a non-2xx response becomes an Api error naming
// `what`, a body that is not JSON a Decode error. `where` names the cluster.
Result<nlohmann::json> decodeJsonResponse(const HttpResponse &response, const std::string &what,
                                          const std::string &where);

// One page of a list: its items (null items is an empty page), resourceVersion and continue.
Result<ListPage> decodeListPage(nlohmann::json &&doc, const std::string &what, const std::string &where);

} // namespace kube
