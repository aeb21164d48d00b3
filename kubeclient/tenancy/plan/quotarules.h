// What kube-apiserver accepts in a ResourceQuota's hard and a LimitRange item (its
// ValidateResourceQuota / ValidateLimitRange rules, plus "no negatives" everywhere), checked
// before a plan is made: the planner, tenantryctl and the editors' live checks share it. Each
// problem names its field, as `hard[limits.cpu]: "lots" is not a quantity`.
#pragma once

#include <string>
#include <vector>

namespace kube::tenancy {

// One row of a quota editor: a resource name and its quantity, as typed.
struct QuotaEntry {
    std::string key;
    std::string quantity;
};

// One row of a container-defaults editor: a resource and its four figures ("" = not set).
struct LimitEntry {
    std::string resource;
    std::string defaultLimit;    // LimitRange "default" (the limit a container gets)
    std::string defaultRequest;  // "defaultRequest"
    std::string min;
    std::string max;
};

struct EntryProblem {
    size_t row = 0;       // index into the rows checked
    std::string field;    // "hard[limits.cpu]", "defaultRequest[cpu]"
    std::string message;  // starts with the field
};

class QuotaRules
{
public:
    // Resource names offered in the editors' combo boxes (any other valid name may be typed).
    static const std::vector<std::string> &commonQuotaResources();
    static const std::vector<std::string> &commonLimitResources();

    // "" when `key` may be a quota's hard key, else why (without the field).
    static std::string quotaKeyProblem(const std::string &key);
    // "" when `key` may be a Container / Pod limit's resource, else why.
    static std::string limitResourceProblem(const std::string &key);
    // "" when `value` is a quantity the server stores for `key` (parses, not negative, whole for
    // object counts), else why, quoting the value.
    static std::string quantityProblem(const std::string &key, const std::string &value, bool quota);

    // Every problem of a quota's rows (empty keys, duplicates, names, quantities), in row order.
    // `field` is the map's name in the messages ("hard").
    static std::vector<EntryProblem> checkQuota(const std::vector<QuotaEntry> &rows, const std::string &field = "hard");
    // Every problem of one LimitRange item of `type` (Container or Pod): names, quantities, Pod
    // items without defaults, and min <= defaultRequest <= default <= max per resource.
    static std::vector<EntryProblem> checkLimits(const std::string &type, const std::vector<LimitEntry> &rows);

    // The canonical form the server would store ("1024Mi" -> "1Gi"); the text itself when it
    // does not parse.
    static std::string canonical(const std::string &quantity);
};

} // namespace kube::tenancy
