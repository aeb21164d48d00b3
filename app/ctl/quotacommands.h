// `tenantryctl quota` and `tenantryctl limits`: the arguments as data (so tests check them without
// a cluster), then reads through the graph and the budget check the GUI shows, and writes as
// plans through the shared write flow.
#pragma once

#include "commandargs.h"

#include "kubeclient/tenancy/plan/quotaplans.h"

#include <optional>
#include <string>
#include <vector>

namespace ctl {

struct QuotaCommand {
    enum class Verb { Get, Set, Remove };
    Verb verb = Verb::Get;
    bool limits = false;  // `limits ...` (a project's LimitRange) rather than `quota ...`
    kube::tenancy::QuotaLevel level = kube::tenancy::QuotaLevel::Project;
    std::string target;  // workspace (-w) or project (-n)
    std::vector<kube::tenancy::QuotaEntry> set;  // quota set KEY=QUANTITY...
    std::vector<std::string> keys;               // quota remove KEY...
    kube::tenancy::LimitsSpec limitsSpec;        // limits set
};

// Parses `quota get|set|remove (-w WS | -n NS) ...` (limits = false) or `limits get|set|remove
// -n NS ...`; nullopt with `error` on a usage error. Quantities are not checked here (the
// planner's rules do it, naming the field).
std::optional<QuotaCommand> parseQuotaCommand(const CommandArgs &args, bool limits, std::string &error);

// "cpu=500m" -> {cpu, 500m}; a list flag's value may hold several, comma-separated.
bool parseAssignments(const std::string &text, std::vector<kube::tenancy::QuotaEntry> &out, std::string &error);

int runQuota(const CommandArgs &args);
int runLimits(const CommandArgs &args);

} // namespace ctl
