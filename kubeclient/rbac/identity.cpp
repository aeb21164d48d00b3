// Identities and the implicit groups a request carries.
// Service-account names are parsed strictly: exactly system:serviceaccount:NS:NAME.
#include "kubeclient/rbac/identity.h"

#include <algorithm>

namespace kube::rbac {

std::string serviceAccountUserName(const std::string &ns, const std::string &name)
{
    return std::string(kServiceAccountPrefix) + ns + ":" + name;
}

Identity Identity::verbatim(std::string name, std::vector<std::string> groups)
{
    return Identity{std::move(name), std::move(groups)};
}

Identity Identity::impersonated(std::string name, std::vector<std::string> groups)
{
    Identity id{std::move(name), std::move(groups)};
    std::string saNs, saName;
    if (id.groups.empty() && id.serviceAccountParts(saNs, saName)) {
        id.groups.push_back(kGroupServiceAccounts);
        id.groups.push_back(std::string(kGroupServiceAccounts) + ":" + saNs);
    }
    if (id.name == kUserAnonymous) {
        if (!id.inGroup(kGroupUnauthenticated))
            id.groups.push_back(kGroupUnauthenticated);
    } else if (!id.inGroup(kGroupAuthenticated) && !id.inGroup(kGroupUnauthenticated)) {
        id.groups.push_back(kGroupAuthenticated);
    }
    return id;
}

Identity Identity::serviceAccount(const std::string &ns, const std::string &name)
{
    return impersonated(serviceAccountUserName(ns, name));
}

bool Identity::inGroup(const std::string &group) const
{
    return std::find(groups.begin(), groups.end(), group) != groups.end();
}

bool Identity::isServiceAccount() const
{
    std::string ns, n;
    return serviceAccountParts(ns, n);
}

bool Identity::serviceAccountParts(std::string &ns, std::string &saName) const
{
    const std::string prefix = kServiceAccountPrefix;
    if (name.compare(0, prefix.size(), prefix) != 0)
        return false;
    const std::string rest = name.substr(prefix.size());
    const auto colon = rest.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= rest.size() ||
        rest.find(':', colon + 1) != std::string::npos)
        return false;
    ns = rest.substr(0, colon);
    saName = rest.substr(colon + 1);
    return true;
}

std::string Identity::toString() const
{
    std::string out = name.empty() ? std::string("<no user>") : name;
    out += " [";
    for (size_t i = 0; i < groups.size(); ++i)
        out += (i ? ", " : "") + groups[i];
    return out + "]";
}

} // namespace kube::rbac
