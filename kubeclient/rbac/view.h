// Which authorizer a question is about: kube-apiserver's RBAC (what kubectl gets) or
// ks-apiserver's (what the KubeSphere console gets).
#pragma once

#include <optional>
#include <string>

namespace kube::rbac {

enum class View { Kubernetes, KubeSphere };

inline const char *toString(View view)
{
    return view == View::Kubernetes ? "kubernetes" : "kubesphere";
}

inline std::optional<View> viewFromString(const std::string &text)
{
    if (text == "kubernetes" || text == "k8s" || text == "kubectl")
        return View::Kubernetes;
    if (text == "kubesphere" || text == "ks")
        return View::KubeSphere;
    return std::nullopt;
}

} // namespace kube::rbac
