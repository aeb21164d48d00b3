// A trace asked through a form (the window's fields) rather than a command line: each field
// checked and named in the error, TYPE resolved through discovery as kubectl resolves it
// ("pods", "po", "deployments.apps", "pods/log" with its subresource), or a non-resource path.
#pragma once

#include "kubeclient/core/result.h"
#include "kubeclient/trace/requesttrace.h"

#include <string>
#include <vector>

namespace kube {
class Discovery;
}

namespace kube::trace {

struct TraceForm {
    std::string user;  // empty or "me": the caller
    std::vector<std::string> groups;
    std::string verb;
    std::string resource;  // TYPE[/SUBRESOURCE] or /non/resource/path
    std::string ns, name;
    std::string requests;  // "cpu=100m,memory=64Mi"
    rbac::View view = rbac::View::Kubernetes;
    std::string workspace;  // KubeSphere view: a workspace-scoped request (a matrix cell's scope)
};

// Errors are ErrorKind::Invalid with the field first: "Resource: the server has no resource
// type \"podz\"". `discovery` may be null (then TYPE is read as typed, group after the first
// dot). Blocking when discovery is not loaded yet: call it off the GUI thread.
Result<TraceQuestion> questionFromForm(const TraceForm &form, Discovery *discovery);

} // namespace kube::trace
