// Who is asking: a user name and the groups authentication gave it. Helpers add the groups a
// real request carries implicitly (system:authenticated, system:serviceaccounts[:NS]) the
// way kube-apiserver's impersonation filter does, because SubjectAccessReview does not.
#pragma once

#include <string>
#include <vector>

namespace kube::rbac {

inline constexpr const char *kGroupAuthenticated = "system:authenticated";
inline constexpr const char *kGroupUnauthenticated = "system:unauthenticated";
inline constexpr const char *kGroupServiceAccounts = "system:serviceaccounts";
inline constexpr const char *kGroupMasters = "system:masters";
inline constexpr const char *kUserAnonymous = "system:anonymous";
inline constexpr const char *kServiceAccountPrefix = "system:serviceaccount:";

struct Identity {
    std::string name;
    std::vector<std::string> groups;

    // The identity exactly as given (what SubjectAccessReview evaluates).
    static Identity verbatim(std::string name, std::vector<std::string> groups = {});
    // As `kubectl --as NAME --as-group G...` is seen by the server: a service-account user
    // without groups gets system:serviceaccounts and system:serviceaccounts:NS;
    // system:authenticated is appended unless the groups already hold system:authenticated
    // or system:unauthenticated; system:anonymous gets system:unauthenticated instead.
    static Identity impersonated(std::string name, std::vector<std::string> groups = {});
    static Identity serviceAccount(const std::string &ns, const std::string &name);

    bool inGroup(const std::string &group) const;
    bool isServiceAccount() const;
    // "system:serviceaccount:NS:NAME" split; false for other users.
    bool serviceAccountParts(std::string &ns, std::string &name) const;
    // "alice [devs, system:authenticated]"
    std::string toString() const;
    bool operator==(const Identity &other) const = default;
};

// "system:serviceaccount:NS:NAME"
std::string serviceAccountUserName(const std::string &ns, const std::string &name);

} // namespace kube::rbac
