// Differences between permission matrices: two subjects side by side, or the impact of a
// pending plan (the same subjects before and after its writes are applied to a copy of the
// data): who gains or loses which verbs on what, where.
#pragma once

#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/rbac/rbacdata.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::tenancy {
struct Plan;
}

namespace kube::rbac {

struct DiffEntry {
    std::string subject;
    std::string scope;
    std::string resource;
    std::vector<std::string> gained, lost;  // verbs ("get (names)" when only for some names)
};

class PermissionDiff
{
public:
    // Row-by-row comparison of two matrices over the same catalog, verbs and scopes
    // (rows are paired by scope; the subject label comes from `after`).
    static std::vector<DiffEntry> compare(const PermissionMatrix &before, const PermissionMatrix &after);

    // The impact of `plan` on `data`: every subject named by a binding the plan touches, or by
    // a binding of a role the plan touches (or of a namespace whose workspace changes), is
    // compared before and after at every scope.
    static std::vector<DiffEntry> planImpact(const RbacData &data, const tenancy::Plan &plan,
                                             const ResourceCatalog &catalog, const PermissionMatrix::Options &options);

    static std::string toText(const std::vector<DiffEntry> &entries);
    static nlohmann::json toJson(const std::vector<DiffEntry> &entries);
};

} // namespace kube::rbac
