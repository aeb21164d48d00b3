// Quota and container-default plans. A new object is applied whole, shaped as the console writes
// it; an existing one gets a JSON merge patch of exactly the keys that change (null removes a
// key), so keys the user did not name stay and no other field manager's keys are taken over.
#include "kubeclient/tenancy/plan/quotaplans.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"

#include <algorithm>
#include <map>
#include <set>

namespace kube::tenancy {

using nlohmann::json;

const char *QuotaPlans::kUnenforcedNote =
    "standalone mode: nothing in kube-apiserver enforces the workspace quota (KubeSphere's admission webhook is "
    "absent); the project quotas are enforced, and Tenantry reports projects that break the workspace quota "
    "(panel, `quota get`, `repair`)";

namespace {

std::string trimmed(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// All problems in one error: the first one's field is where it happened.
Error problemsError(const std::vector<EntryProblem> &problems)
{
    std::string message;
    for (const auto &p : problems)
        message += (message.empty() ? "" : "; ") + p.message;
    return PlanContext::invalid(message, problems.front().field);
}

bool sameQuantity(const std::string &a, const std::string &b)
{
    auto qa = Quantity::parse(a);
    auto qb = Quantity::parse(b);
    return qa && qb ? *qa == *qb : a == b;
}

const json &mapAt(const json &object, std::initializer_list<const char *> path)
{
    static const json empty = json::object();
    const json *at = &object;
    for (const char *key : path) {
        if (!at->is_object() || !at->contains(key))
            return empty;
        at = &(*at)[key];
    }
    return at->is_object() ? *at : empty;
}

StringMap toStringMap(const json &map)
{
    StringMap out;
    for (auto it = map.begin(); it != map.end(); ++it)
        out[it.key()] = it->is_string() ? it->get<std::string>() : it->dump();
    return out;
}

PlannedWrite mergePatch(const GroupVersionResource &gvr, const std::string &ns, const std::string &name, json patch,
                        std::string reason)
{
    PlannedWrite w;
    w.action = WriteAction::MergePatch;
    w.gvr = gvr;
    w.ns = gvr.namespaced ? ns : std::string();
    w.name = name;
    w.object = std::move(patch);
    w.reason = std::move(reason);
    return w;
}

} // namespace

QuotaPlans::QuotaPlans(const PlanContext &context)
    : m_context(context)
{
}

std::optional<json> QuotaPlans::pick(const std::vector<json> &objects, const std::string &preferred)
{
    if (objects.empty())
        return std::nullopt;
    for (const auto &o : objects)
        if (ObjectMeta(o).name() == preferred)
            return o;
    return *std::min_element(objects.begin(), objects.end(),
                             [](const json &a, const json &b) { return ObjectMeta(a).name() < ObjectMeta(b).name(); });
}

bool QuotaPlans::workspaceQuotaServed() const
{
    return m_context.reader().hasSubresource(m_context.api().workspaceQuota, "status");
}

Result<std::optional<json>> QuotaPlans::workspaceQuotaOf(const std::string &workspace) const
{
    auto all = m_context.list(m_context.api().workspaceQuota, "", "");
    if (!all)
        return all.error();
    std::vector<json> mine;
    for (auto &q : *all)
        if (WorkspaceQuotaView(q).selectedWorkspace() == workspace)
            mine.push_back(std::move(q));
    return pick(mine, workspace);
}

Result<BudgetInput> QuotaPlans::budgetOf(const std::string &workspace) const
{
    BudgetInput in;
    in.workspace = workspace;
    in.controllerUsage = !m_context.standalone();
    if (workspaceQuotaServed()) {
        auto wq = workspaceQuotaOf(workspace);
        if (!wq)
            return wq.error();
        if (*wq) {
            in.workspaceQuota = quotaFigures(**wq);
            in.controllerUsage = in.controllerUsage && !in.workspaceQuota->used.empty();
        }
    }
    auto projects = m_context.projectsOf(workspace);
    if (!projects)
        return projects.error();
    for (const auto &p : *projects) {
        auto quotas = m_context.list(TenancyApi::resourceQuota, p, "");
        if (!quotas)
            return quotas.error();
        ProjectQuotaFigures f{p, {}};
        for (const auto &q : *quotas)
            f.quotas.push_back(quotaFigures(q));
        in.projects.push_back(std::move(f));
    }
    return in;
}

Result<void> QuotaPlans::addBudgetWarnings(Plan &plan, const std::string &workspace, const BudgetInput &proposed,
                                           const std::string &project, const std::string &quota,
                                           const std::set<std::string> &changed) const
{
    const WorkspaceBudget budget = checkBudget(proposed);
    if (budget.hasWorkspaceQuota)
        for (auto &w : budget.budgetWarnings())
            plan.warnings.push_back(std::move(w));
    for (const auto &o : budget.overUsed) {
        // Only the limits this plan writes: others' over-use is the panel's and `quota get`'s news.
        if (o.project != project || o.quota != quota || !changed.count(o.resource))
            continue;
        const std::string who = project.empty() ? "workspace " + workspace + " quota" : "project " + project + " quota";
        plan.warnings.push_back(who + " would be over-used: " + o.resource + " used " + o.used.toString()
                                + " > new hard " + o.hard.toString()
                                + " (what exists stays; new objects are refused until usage drops)");
    }
    return {};
}

Result<Plan> QuotaPlans::setQuota(const QuotaSpec &spec) const
{
    const bool ws = spec.level == QuotaLevel::Workspace;
    std::vector<QuotaEntry> entries;
    for (const auto &e : spec.set)
        entries.push_back({trimmed(e.key), trimmed(e.quantity)});
    std::vector<std::string> removals;
    for (const auto &k : spec.remove)
        removals.push_back(trimmed(k));

    std::optional<json> existing;
    json ns;
    const std::vector<PlanContext::Check> checks = {
        m_context.exists(ws ? PlanTarget::Workspace : PlanTarget::Project, spec.target),
        [&]() -> Result<void> {
            auto problems = QuotaRules::checkQuota(entries);
            for (const auto &k : removals)
                if (auto p = QuotaRules::quotaKeyProblem(k); !p.empty())
                    problems.push_back({0, "hard[" + k + "]", "hard[" + k + "]: " + p});
            if (!problems.empty())
                return problemsError(problems);
            if (entries.empty() && removals.empty() && !spec.replace)
                return PlanContext::invalid("give at least one KEY=QUANTITY to set", "hard");
            return {};
        },
        [&]() -> Result<void> {
            if (ws) {
                if (!workspaceQuotaServed()) {
                    Error e = PlanContext::invalid("the workspace quota kind (quota.kubesphere.io/v1alpha2 "
                                                   "ResourceQuota) is not served by this cluster",
                                                   "workspace quota");
                    e.hint = "in standalone mode `tenantryctl install` installs KubeSphere's CRDs, this one included";
                    return e;
                }
                auto q = workspaceQuotaOf(spec.target);
                if (!q)
                    return q.error();
                existing = std::move(*q);
                return {};
            }
            auto nsObject = m_context.require(TenancyApi::namespaces, "", spec.target,
                                              "project \"" + spec.target + "\"", "project");
            if (!nsObject)
                return nsObject.error();
            ns = std::move(*nsObject);
            auto quotas = m_context.list(TenancyApi::resourceQuota, spec.target, "");
            if (!quotas)
                return quotas.error();
            existing = pick(*quotas, spec.target);
            return {};
        }};

    const std::string what = (ws ? "workspace " : "project ") + spec.target;
    return PlanContext::compose("set quota of " + what, checks, [&](Plan &plan) -> Result<void> {
        const GroupVersionResource gvr = ws ? m_context.api().workspaceQuota : TenancyApi::resourceQuota;
        const std::string name = existing ? ObjectMeta(*existing).name() : spec.target;
        const StringMap current = existing ? toStringMap(ws ? mapAt(*existing, {"spec", "quota", "hard"})
                                                            : mapAt(*existing, {"spec", "hard"}))
                                           : StringMap{};
        StringMap desired = spec.replace ? StringMap{} : current;
        for (const auto &k : removals) {
            if (!current.count(k))
                return PlanContext::invalid("hard[" + k + "]: quota " + name + " of " + what + " does not limit " + k,
                                            "hard[" + k + "]");
            desired.erase(k);
        }
        for (const auto &e : entries)
            desired[e.key] = QuotaRules::canonical(e.quantity);

        json changes = json::object();
        for (const auto &[k, v] : desired) {
            auto it = current.find(k);
            if (it == current.end() || !sameQuantity(it->second, v))
                changes[k] = v;
        }
        for (const auto &[k, v] : current)
            if (!desired.count(k))
                changes[k] = nullptr;

        if (ws && m_context.standalone())
            plan.notes.push_back(kUnenforcedNote);
        if (!existing) {
            if (desired.empty())
                return PlanContext::invalid("give at least one KEY=QUANTITY to set", "hard");
            json hard = json::object();
            for (const auto &[k, v] : desired)
                hard[k] = v;
            json object;
            if (ws) {
                object = {{"apiVersion", gvr.apiVersion()},
                          {"kind", "ResourceQuota"},
                          {"metadata", {{"name", spec.target}, {"labels", {{kWorkspaceLabel, spec.target}}}}},
                          {"spec", {{"selector", {{kWorkspaceLabel, spec.target}}}, {"quota", {{"hard", hard}}}}}};
            } else {
                object = {{"apiVersion", "v1"},
                          {"kind", "ResourceQuota"},
                          {"metadata", {{"name", spec.target}, {"namespace", spec.target}}},
                          {"spec", {{"hard", hard}}}};
            }
            PlanContext::addApply(plan, gvr, std::move(object), ws ? "the workspace quota" : "the project quota");
        } else if (!changes.empty()) {
            json patch = ws ? json{{"spec", {{"quota", {{"hard", changes}}}}}} : json{{"spec", {{"hard", changes}}}};
            plan.writes.push_back(mergePatch(gvr, spec.target, name, std::move(patch),
                                             ws ? "the workspace quota's hard limits" : "the project quota's hard limits"));
        } else {
            plan.notes.push_back("quota " + name + " already holds these limits");
            return {};
        }
        if (existing && !ws && name != spec.target)
            plan.notes.push_back("project " + spec.target + " has no quota named after it; quota " + name
                                 + " is edited instead");

        // The budget check: read what the workspace holds, put the proposal in, compare.
        const std::string workspace = ws ? spec.target : ObjectMeta(ns).label(kWorkspaceLabel);
        if (workspace.empty())
            return {};
        auto input = budgetOf(workspace);
        if (!input) {
            plan.notes.push_back("workspace budget not checked: " + input.error().describe());
            return {};
        }
        BudgetInput proposed = ws ? withWorkspaceHard(std::move(*input), name, desired)
                                  : withProjectQuota(std::move(*input), spec.target, name, desired);
        if (!ws && !proposed.workspaceQuota)
            return {};
        std::set<std::string> changed;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            if (!it->is_null())
                changed.insert(ws ? canonicalQuotaResource(it.key()) : it.key());
        return addBudgetWarnings(plan, workspace, proposed, ws ? std::string() : spec.target, name, changed);
    });
}

Result<Plan> QuotaPlans::removeQuota(QuotaLevel level, const std::string &target, const std::vector<std::string> &keys) const
{
    if (!keys.empty()) {
        QuotaSpec spec;
        spec.level = level;
        spec.target = target;
        spec.remove = keys;
        auto plan = setQuota(spec);
        if (plan)
            plan->title = "remove " + std::to_string(keys.size()) + (keys.size() == 1 ? " key" : " keys") + " from the quota of "
                + (level == QuotaLevel::Workspace ? "workspace " : "project ") + target;
        return plan;
    }
    const bool ws = level == QuotaLevel::Workspace;
    std::optional<json> existing;
    const std::vector<PlanContext::Check> checks = {
        m_context.exists(ws ? PlanTarget::Workspace : PlanTarget::Project, target), [&]() -> Result<void> {
            if (ws) {
                if (workspaceQuotaServed()) {
                    auto q = workspaceQuotaOf(target);
                    if (!q)
                        return q.error();
                    existing = std::move(*q);
                }
            } else {
                auto quotas = m_context.list(TenancyApi::resourceQuota, target, "");
                if (!quotas)
                    return quotas.error();
                existing = pick(*quotas, target);
            }
            if (!existing)
                return PlanContext::invalid(std::string(ws ? "workspace \"" : "project \"") + target + "\" has no quota",
                                            ws ? "workspace" : "project");
            return {};
        }};
    return PlanContext::compose(std::string("remove the quota of ") + (ws ? "workspace " : "project ") + target, checks,
                                [&](Plan &plan) -> Result<void> {
                                    const std::string name = ObjectMeta(*existing).name();
                                    PlanContext::addDelete(plan, ws ? m_context.api().workspaceQuota : TenancyApi::resourceQuota,
                                                           ws ? std::string() : target, name,
                                                           ws ? "the workspace quota" : "the project quota");
                                    return {};
                                });
}

namespace {

// A LimitRange item's figures by resource.
std::map<std::string, LimitEntry> entriesOf(const json &item)
{
    std::map<std::string, LimitEntry> out;
    const std::pair<const char *, std::string LimitEntry::*> fields[] = {{"default", &LimitEntry::defaultLimit},
                                                                         {"defaultRequest", &LimitEntry::defaultRequest},
                                                                         {"min", &LimitEntry::min},
                                                                         {"max", &LimitEntry::max}};
    for (const auto &[key, member] : fields)
        for (const auto &[resource, value] : toStringMap(mapAt(item, {key}))) {
            out[resource].resource = resource;
            out[resource].*member = value;
        }
    return out;
}

} // namespace

std::optional<json> QuotaPlans::limitRangeFor(const std::vector<json> &ranges, const std::string &project,
                                              const std::string &type)
{
    for (const auto &r : ranges)
        if (ObjectMeta(r).name() == project)
            return r;
    for (const auto &r : ranges)
        for (const auto &item : LimitRangeView(r).items())
            if (item.type == type)
                return r;
    return pick(ranges, project);
}

std::vector<LimitEntry> QuotaPlans::limitEntries(const json &limitRange, const std::string &type)
{
    std::vector<LimitEntry> out;
    const json &limits = mapAt(limitRange, {"spec"}).value("limits", json::array());
    if (!limits.is_array())
        return out;
    for (const auto &item : limits)
        if (item.is_object() && item.value("type", "") == type)
            for (auto &[resource, e] : entriesOf(item))
                out.push_back(std::move(e));
    return out;
}

Result<Plan> QuotaPlans::setLimits(const LimitsSpec &spec) const
{
    std::vector<LimitEntry> entries;
    for (const auto &e : spec.entries)
        entries.push_back({trimmed(e.resource), trimmed(e.defaultLimit), trimmed(e.defaultRequest), trimmed(e.min),
                           trimmed(e.max)});
    std::optional<json> existing;
    const std::vector<PlanContext::Check> checks = {
        m_context.exists(PlanTarget::Project, spec.project),
        [&]() -> Result<void> {
            if (auto problems = QuotaRules::checkLimits(spec.type, entries); !problems.empty())
                return problemsError(problems);
            if (entries.empty() && !spec.replace)
                return PlanContext::invalid("give at least one figure (--default, --default-request, --min or --max)",
                                            "limits");
            return {};
        },
        [&]() -> Result<void> {
            auto ranges = m_context.list(TenancyApi::limitRange, spec.project, "");
            if (!ranges)
                return ranges.error();
            existing = limitRangeFor(*ranges, spec.project, spec.type);
            return {};
        }};
    return PlanContext::compose(std::string(spec.type == "Pod" ? "set pod limits of project " : "set container defaults of project ")
                                    + spec.project,
                                checks, [&](Plan &plan) -> Result<void> {
        json limits = existing ? mapAt(*existing, {"spec"}).value("limits", json::array()) : json::array();
        if (!limits.is_array())
            limits = json::array();
        auto item = std::find_if(limits.begin(), limits.end(),
                                 [&](const json &i) { return i.is_object() && i.value("type", "") == spec.type; });
        json before = item == limits.end() ? json{{"type", spec.type}} : *item;
        std::map<std::string, LimitEntry> merged = spec.replace ? std::map<std::string, LimitEntry>{} : entriesOf(before);
        for (const auto &e : entries) {
            LimitEntry &m = merged[e.resource];
            m.resource = e.resource;
            for (auto member : {&LimitEntry::defaultLimit, &LimitEntry::defaultRequest, &LimitEntry::min, &LimitEntry::max})
                if (!(e.*member).empty())
                    m.*member = QuotaRules::canonical(e.*member);
        }
        // What the server checks is the merged item, not just the figures typed now.
        std::vector<LimitEntry> rows;
        for (const auto &[k, v] : merged)
            rows.push_back(v);
        if (auto problems = QuotaRules::checkLimits(spec.type, rows); !problems.empty()) {
            Error e = problemsError(problems);
            if (!spec.replace)
                e.hint = "the figures already in LimitRange " + (existing ? ObjectMeta(*existing).name() : spec.project)
                    + " count too";
            return e;
        }
        json after = before;
        const std::pair<const char *, std::string LimitEntry::*> fields[] = {{"default", &LimitEntry::defaultLimit},
                                                                             {"defaultRequest", &LimitEntry::defaultRequest},
                                                                             {"min", &LimitEntry::min},
                                                                             {"max", &LimitEntry::max}};
        for (const auto &[key, member] : fields) {
            json map = json::object();
            for (const auto &[resource, e] : merged)
                if (!(e.*member).empty())
                    map[resource] = e.*member;
            if (map.empty())
                after.erase(key);
            else
                after[key] = map;
        }
        const bool emptyItem = std::none_of(std::begin(fields), std::end(fields),
                                            [&](const auto &f) { return after.contains(f.first); })
            && !after.contains("maxLimitRequestRatio");
        if (item == limits.end()) {
            if (!emptyItem)
                limits.push_back(after);
        } else if (emptyItem) {
            limits.erase(item);
        } else {
            *item = after;
        }
        if (!existing) {
            if (limits.empty())
                return PlanContext::invalid("give at least one figure (default, default request, min or max)", "limits");
            PlanContext::addApply(plan, TenancyApi::limitRange,
                                  {{"apiVersion", "v1"},
                                   {"kind", "LimitRange"},
                                   {"metadata", {{"name", spec.project}, {"namespace", spec.project}}},
                                   {"spec", {{"limits", limits}}}},
                                  "the project's container defaults");
            return {};
        }
        const std::string name = ObjectMeta(*existing).name();
        if (limits == mapAt(*existing, {"spec"}).value("limits", json::array())) {
            plan.notes.push_back("LimitRange " + name + " already holds these figures");
            return {};
        }
        if (limits.empty()) {
            PlanContext::addDelete(plan, TenancyApi::limitRange, spec.project, name, "no limits remain in it");
            return {};
        }
        // A list is replaced whole by a merge patch: it carries every item, the others unchanged.
        plan.writes.push_back(mergePatch(TenancyApi::limitRange, spec.project, name, {{"spec", {{"limits", limits}}}},
                                         "the project's container defaults"));
        return {};
    });
}

Result<Plan> QuotaPlans::removeLimits(const std::string &project) const
{
    std::optional<json> existing;
    const std::vector<PlanContext::Check> checks = {m_context.exists(PlanTarget::Project, project), [&]() -> Result<void> {
        auto ranges = m_context.list(TenancyApi::limitRange, project, "");
        if (!ranges)
            return ranges.error();
        existing = pick(*ranges, project);
        if (!existing)
            return PlanContext::invalid("project \"" + project + "\" has no LimitRange", "project");
        return {};
    }};
    return PlanContext::compose("remove the container defaults of project " + project, checks, [&](Plan &plan) -> Result<void> {
        PlanContext::addDelete(plan, TenancyApi::limitRange, project, ObjectMeta(*existing).name(),
                               "the project's container defaults");
        return {};
    });
}

Result<std::vector<std::string>> QuotaPlans::repairReport() const
{
    std::vector<std::string> out;
    if (!workspaceQuotaServed())
        return out;
    auto quotas = m_context.list(m_context.api().workspaceQuota, "", "");
    if (!quotas)
        return quotas.error();
    std::set<std::string> workspaces;
    for (const auto &q : *quotas)
        if (auto ws = WorkspaceQuotaView(q).selectedWorkspace(); !ws.empty())
            workspaces.insert(ws);
    for (const auto &ws : workspaces) {
        auto input = budgetOf(ws);
        if (!input)
            return input.error();
        const WorkspaceBudget budget = checkBudget(*input);
        for (auto &w : budget.budgetWarnings())
            out.push_back(std::move(w));
        for (const auto &o : budget.overUsed) {
            if (!o.project.empty())
                continue;
            // Name the projects that use the resource, largest first: they break the quota together.
            std::vector<std::pair<Quantity, std::string>> users;
            for (const auto &p : input->projects)
                for (const auto &q : p.quotas)
                    for (const auto &[key, used] : q.used)
                        if (canonicalQuotaResource(key) == o.resource)
                            if (auto v = Quantity::parse(used); v && !v->isZero()) {
                                users.emplace_back(*v, p.project);
                                break;
                            }
            std::sort(users.begin(), users.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            std::string list;
            for (const auto &[v, p] : users)
                list += (list.empty() ? "" : ", ") + p + " " + v.toString();
            out.push_back("workspace " + ws + " quota " + o.quota + " broken: " + o.resource + " used "
                          + o.used.toString() + " > hard " + o.hard.toString()
                          + (list.empty() ? std::string() : " by projects " + list) + " (not enforced in standalone mode)");
        }
    }
    return out;
}

} // namespace kube::tenancy
