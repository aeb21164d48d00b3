// quota get|set|remove and limits get|set|remove. Reads list the quota kinds once into the graph
// and run the workspace budget check the GUI's Quotas tab shows; writes are Planner plans, so
// their warnings (over budget, over-used) print with the plan like every other write's notes.
#include "quotacommands.h"

#include "commands.h"
#include "tenancysession.h"
#include "tenancytable.h"

#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/session/tenancyfeed.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/quotabudget.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <map>

namespace ctl {

using nlohmann::json;
using namespace kube::tenancy;

bool parseAssignments(const std::string &text, std::vector<QuotaEntry> &out, std::string &error)
{
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const size_t eq = part.find('=');
        if (eq == std::string::npos || eq == 0) {
            error = "\"" + part + "\": expected KEY=QUANTITY (e.g. limits.cpu=2)";
            return false;
        }
        out.push_back({part.substr(0, eq), part.substr(eq + 1)});
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return true;
}

std::optional<QuotaCommand> parseQuotaCommand(const CommandArgs &a, bool limits, std::string &error)
{
    QuotaCommand c;
    c.limits = limits;
    const std::string noun = limits ? "limits" : "quota";
    const auto &pos = a.positional();
    const std::string verb = pos.empty() ? std::string() : pos[0];
    if (verb == "get")
        c.verb = QuotaCommand::Verb::Get;
    else if (verb == "set")
        c.verb = QuotaCommand::Verb::Set;
    else if (verb == "remove" || verb == "rm" || verb == "delete")
        c.verb = QuotaCommand::Verb::Remove;
    else {
        error = noun + " needs get, set or remove";
        return std::nullopt;
    }
    const bool ws = a.has("--workspace");
    const bool ns = a.has("--namespace");
    // Each command's spec refuses the other's flags (-w and the figures for limits, the figures
    // for quota) before this runs.
    if (limits) {
        if (!ns || a.value("--namespace").empty()) {
            error = "limits " + verb + " needs -n NS";
            return std::nullopt;
        }
    } else if (ws == ns) {
        error = "quota " + verb + " needs exactly one of -w WS (the workspace quota) or -n NS (a project quota)";
        return std::nullopt;
    }
    c.level = ws ? QuotaLevel::Workspace : QuotaLevel::Project;
    c.target = ws ? a.value("--workspace") : a.value("--namespace");
    if (c.target.empty()) {
        error = ws ? "-w needs a workspace name" : "-n needs a project name";
        return std::nullopt;
    }
    const std::vector<std::string> rest(pos.begin() + 1, pos.end());
    const bool limitFlags = a.has("--default") || a.has("--default-request") || a.has("--min") || a.has("--max") || a.has("--type");
    if (c.verb == QuotaCommand::Verb::Get) {
        if (!rest.empty() || limitFlags) {
            error = noun + " get takes no arguments";
            return std::nullopt;
        }
        return c;
    }
    if (limits) {
        if (!rest.empty()) {
            error = "limits " + verb + " takes flags, not arguments (e.g. --default cpu=500m)";
            return std::nullopt;
        }
        if (c.verb == QuotaCommand::Verb::Remove) {
            if (limitFlags) {
                error = "limits remove deletes the project's LimitRange; it takes no figures";
                return std::nullopt;
            }
            return c;
        }
        c.limitsSpec.project = c.target;
        c.limitsSpec.type = a.value("--type", "Container");
        if (c.limitsSpec.type != "Container" && c.limitsSpec.type != "Pod") {
            error = "--type must be Container or Pod, not \"" + c.limitsSpec.type + "\"";
            return std::nullopt;
        }
        std::map<std::string, LimitEntry> byResource;
        std::vector<std::string> order;
        const std::pair<const char *, std::string LimitEntry::*> flags[] = {{"--default", &LimitEntry::defaultLimit},
                                                                            {"--default-request", &LimitEntry::defaultRequest},
                                                                            {"--min", &LimitEntry::min},
                                                                            {"--max", &LimitEntry::max}};
        for (const auto &[flag, member] : flags) {
            for (const auto &value : a.values(flag)) {
                std::vector<QuotaEntry> parsed;
                if (!parseAssignments(value, parsed, error)) {
                    error = std::string(flag) + ": " + error;
                    return std::nullopt;
                }
                for (const auto &p : parsed) {
                    if (!byResource.count(p.key))
                        order.push_back(p.key);
                    LimitEntry &e = byResource[p.key];
                    e.resource = p.key;
                    // An empty value would read as "not given" in a LimitEntry: refuse it here.
                    if (p.quantity.empty()) {
                        error = std::string(flag) + " " + p.key + "=: a quantity is required";
                        return std::nullopt;
                    }
                    e.*member = p.quantity;
                }
            }
        }
        if (order.empty()) {
            error = "limits set needs at least one of --default, --default-request, --min, --max (K=QUANTITY)";
            return std::nullopt;
        }
        for (const auto &k : order)
            c.limitsSpec.entries.push_back(byResource[k]);
        return c;
    }
    if (c.verb == QuotaCommand::Verb::Remove) {
        c.keys = rest;  // none: the whole quota
        return c;
    }
    if (rest.empty()) {
        error = "quota set needs KEY=QUANTITY arguments (e.g. limits.cpu=2 pods=20)";
        return std::nullopt;
    }
    for (const auto &r : rest)
        if (!parseAssignments(r, c.set, error))
            return std::nullopt;
    return c;
}

namespace {

struct QuotaLoad {
    kube::session::GraphLoad load;
    bool budgetReadable = true;  // every project's quotas could be listed
};

kube::Result<QuotaLoad> loadQuotas(TenancySession &session, const std::string &onlyNamespace)
{
    kube::session::LoadOptions options;
    options.kinds = {GraphKind::Namespace, GraphKind::WorkspaceTemplate, GraphKind::WorkspaceQuota,
                     GraphKind::ResourceQuota, GraphKind::LimitRange};
    auto source = kube::session::feedSourceOf(session.cluster());
    auto load = kube::session::TenancyFeed::load(source, options);
    if (!load)
        return load.error();
    QuotaLoad out{std::move(*load), true};
    const bool refused = out.load.forbidden[size_t(GraphKind::ResourceQuota)] || out.load.forbidden[size_t(GraphKind::LimitRange)];
    if (refused && !onlyNamespace.empty()) {
        // No cluster-wide list: the project's own objects still answer, the budget cannot.
        options.ns = onlyNamespace;
        auto again = kube::session::TenancyFeed::load(source, options);
        if (!again)
            return again.error();
        out.load = std::move(*again);
        out.budgetReadable = false;
    }
    return out;
}

std::string percent(const std::optional<kube::Quantity> &used, const std::optional<kube::Quantity> &hard)
{
    if (!used || !hard || hard->isZero())
        return "";
    return std::to_string(long(std::lround(used->asApproximateFloat() / hard->asApproximateFloat() * 100))) + "%";
}

std::optional<kube::Quantity> quantity(const StringMap &m, const std::string &key)
{
    auto it = m.find(key);
    if (it == m.end())
        return std::nullopt;
    auto q = kube::Quantity::parse(it->second);
    return q ? std::optional(*q) : std::nullopt;
}

std::string shown(const std::optional<kube::Quantity> &q) { return q ? q->toString() : std::string(); }

json budgetJson(const WorkspaceBudget &b)
{
    json lines = json::array();
    for (const auto &l : b.lines) {
        json projects = json::object();
        for (const auto &[p, h] : l.projectHards)
            projects[p] = h.toString();
        json line = {{"resource", l.resource},
                     {"projectsHard", l.projectsHard.toString()},
                     {"projectsUsed", l.projectsUsed.toString()},
                     {"projects", projects},
                     {"unlimitedProjects", l.unlimitedProjects},
                     {"overBudget", l.overBudget},
                     {"overUsed", l.overUsed}};
        if (l.workspaceHard)
            line["workspaceHard"] = l.workspaceHard->toString();
        if (l.workspaceUsed)
            line["workspaceUsed"] = l.workspaceUsed->toString();
        lines.push_back(line);
    }
    json over = json::array();
    for (const auto &o : b.overUsed)
        over.push_back({{"project", o.project}, {"quota", o.quota}, {"resource", o.resource}, {"used", o.used.toString()},
                        {"hard", o.hard.toString()}});
    json warnings = json::array();
    for (const auto &w : b.budgetWarnings())
        warnings.push_back(w);
    for (const auto &w : b.overUseWarnings())
        warnings.push_back(w);
    return {{"workspace", b.workspace}, {"hasWorkspaceQuota", b.hasWorkspaceQuota},
            {"usageFromProjects", b.usageFromProjects}, {"resources", lines}, {"overUsed", over},
            {"warnings", warnings}, {"problems", b.problems}};
}

void printDoc(const json &doc, const std::string &output)
{
    std::fputs(output == "json" ? (doc.dump(4) + "\n").c_str() : kube::toYaml(doc).c_str(), stdout);
}

void printWarnings(const WorkspaceBudget &b, bool projectsToo)
{
    for (const auto &w : b.budgetWarnings())
        std::printf("warning: %s\n", w.c_str());
    for (const auto &o : b.overUsed)
        if (o.project.empty() || projectsToo)
            std::printf("warning: %s\n", b.overUseWarnings()[size_t(&o - b.overUsed.data())].c_str());
    for (const auto &p : b.problems)
        std::printf("warning: %s\n", p.c_str());
}

int workspaceGet(TenancySession &session, const QuotaCommand &c, const std::string &output)
{
    auto loaded = loadQuotas(session, {});
    if (!loaded) {
        TenancySession::printError(loaded.error());
        return 1;
    }
    const GraphSnapshot &s = loaded->load.snapshot;
    if (!s.workspace(c.target) && s.projects(c.target).empty()) {
        std::fprintf(stderr, "error: workspace \"%s\" not found\n", c.target.c_str());
        return 1;
    }
    const bool standalone = session.standalone();
    const WorkspaceBudget b = checkBudget(budgetInput(s, c.target, !standalone));
    if (!output.empty()) {
        printDoc(budgetJson(b), output);
        return 0;
    }
    if (!b.hasWorkspaceQuota)
        std::printf("workspace %s has no workspace quota; its projects' quotas:\n", c.target.c_str());
    TenancyTable table({"RESOURCE", "USED", "HARD", "USE", "PROJECTS-USED", "PROJECTS-HARD", "FLAGS"});
    for (const auto &l : b.lines) {
        std::string flags;
        if (l.overBudget)
            flags = "over-budget";
        if (l.overUsed)
            flags += std::string(flags.empty() ? "" : ",") + "over-used";
        std::string projectsHard = l.projectHards.empty() ? std::string() : l.projectsHard.toString();
        if (l.unlimitedProjects && !l.projectHards.empty())
            projectsHard += " (+" + std::to_string(l.unlimitedProjects) + " unlimited)";
        table.addRow({l.resource, shown(l.workspaceUsed), shown(l.workspaceHard), percent(l.workspaceUsed, l.workspaceHard),
                      l.projectsUsed.toString(), projectsHard, flags});
    }
    table.print(stdout, "No quota in workspace " + c.target);
    if (b.hasWorkspaceQuota)
        std::printf("note: %s\n", b.usageFromProjects
                                      ? "USED is the sum over the projects' quotas (in KubeSphere mode the quota "
                                        "controller writes status.total; here it does not run)"
                                      : "USED is status.total, written by KubeSphere's quota controller");
    if (b.hasWorkspaceQuota && standalone)
        std::printf("note: %s\n", QuotaPlans::kUnenforcedNote);
    printWarnings(b, true);
    return 0;
}

int projectGet(TenancySession &session, const QuotaCommand &c, const std::string &output)
{
    auto loaded = loadQuotas(session, c.target);
    if (!loaded) {
        TenancySession::printError(loaded.error());
        return 1;
    }
    const GraphSnapshot &s = loaded->load.snapshot;
    const auto project = s.project(c.target);
    if (!project) {
        std::fprintf(stderr, "error: project (namespace) \"%s\" not found\n", c.target.c_str());
        return 1;
    }
    const ProjectQuotaInfo info = s.projectQuota(c.target);
    std::optional<WorkspaceBudget> budget;
    if (!project->workspace.empty() && loaded->budgetReadable)
        budget = checkBudget(budgetInput(s, project->workspace, !session.standalone()));
    if (!output.empty()) {
        json quotas = json::array();
        for (const auto &q : info.quotas) {
            json over = json::array();
            for (const auto &[k, h] : q.hard) {
                auto used = quantity(q.used, k);
                auto hard = quantity(q.hard, k);
                if (used && hard && *used > *hard)
                    over.push_back(k);
            }
            quotas.push_back({{"name", q.name}, {"hard", q.hard}, {"used", q.used}, {"overUsed", over}});
        }
        json doc = {{"project", c.target}, {"workspace", project->workspace}, {"quotas", quotas}};
        if (budget)
            doc["workspaceBudget"] = budgetJson(*budget);
        printDoc(doc, output);
        return 0;
    }
    TenancyTable table({"QUOTA", "RESOURCE", "USED", "HARD", "USE", "FLAGS"});
    for (const auto &q : info.quotas)
        for (const auto &[k, h] : q.hard) {
            auto used = quantity(q.used, k);
            auto hard = quantity(q.hard, k);
            std::string flags = used && hard && *used > *hard ? "over-used" : "";
            if (budget && budget->line(k) && budget->line(k)->overBudget)
                flags += std::string(flags.empty() ? "" : ",") + "workspace-over-budget";
            table.addRow({q.name, k, q.used.count(k) ? q.used.at(k) : std::string(), h, percent(used, hard), flags});
        }
    table.print(stdout, "No quota in project " + c.target);
    if (budget && budget->hasWorkspaceQuota) {
        std::printf("workspace %s quota:", project->workspace.c_str());
        for (const auto &l : budget->lines)
            if (l.workspaceHard)
                std::printf(" %s %s of %s allotted to projects%s;", l.resource.c_str(), l.projectsHard.toString().c_str(),
                            l.workspaceHard->toString().c_str(), l.overBudget ? " (over budget)" : "");
        std::printf("\n");
        printWarnings(*budget, false);
    } else if (!loaded->budgetReadable) {
        std::printf("note: the workspace budget is not shown: the quotas of other projects cannot be listed\n");
    }
    return 0;
}

int limitsGet(TenancySession &session, const QuotaCommand &c, const std::string &output)
{
    auto loaded = loadQuotas(session, c.target);
    if (!loaded) {
        TenancySession::printError(loaded.error());
        return 1;
    }
    const GraphSnapshot &s = loaded->load.snapshot;
    if (!s.project(c.target)) {
        std::fprintf(stderr, "error: project (namespace) \"%s\" not found\n", c.target.c_str());
        return 1;
    }
    const ProjectQuotaInfo info = s.projectQuota(c.target);
    if (!output.empty()) {
        std::vector<json> items;
        for (const auto &o : info.limitRanges)
            items.push_back(o->toJson());
        TenancySession::printList(items, output);
        return 0;
    }
    TenancyTable table({"LIMITRANGE", "TYPE", "RESOURCE", "DEFAULT", "DEFAULT-REQUEST", "MIN", "MAX"});
    for (const auto &o : info.limitRanges) {
        const LimitRangeView v(*o);
        for (const auto &item : v.items()) {
            std::map<std::string, std::array<std::string, 4>> rows;
            for (const auto &[k, q] : item.defaultLimits)
                rows[k][0] = q;
            for (const auto &[k, q] : item.defaultRequest)
                rows[k][1] = q;
            for (const auto &[k, q] : item.min)
                rows[k][2] = q;
            for (const auto &[k, q] : item.max)
                rows[k][3] = q;
            for (const auto &[k, r] : rows)
                table.addRow({v.name(), item.type, k, r[0], r[1], r[2], r[3]});
        }
    }
    table.print(stdout, "No LimitRange in project " + c.target);
    return 0;
}

int run(const CommandArgs &a, bool limits)
{
    std::string error;
    auto c = parseQuotaCommand(a, limits, error);
    if (!c)
        return usageError(a, error);
    TenancySession session(a);
    const bool writing = c->verb != QuotaCommand::Verb::Get;
    if (int rc = session.open(writing))
        return rc;
    if (!writing) {
        const std::string output = a.output();
        if (!output.empty() && output != "json" && output != "yaml")
            return usageError(a, "unknown output format \"" + output + "\" (json or yaml)");
        if (limits)
            return limitsGet(session, *c, output);
        return c->level == QuotaLevel::Workspace ? workspaceGet(session, *c, output) : projectGet(session, *c, output);
    }
    Planner planner = session.planner();
    if (limits)
        return session.execute(c->verb == QuotaCommand::Verb::Set ? planner.setLimits(c->limitsSpec)
                                                                    : planner.removeLimits(c->target));
    if (c->verb == QuotaCommand::Verb::Remove)
        return session.execute(planner.removeQuota(c->level, c->target, c->keys));
    QuotaSpec spec;
    spec.level = c->level;
    spec.target = c->target;
    spec.set = c->set;
    return session.execute(planner.setQuota(spec));
}

} // namespace

int runQuota(const CommandArgs &args) { return run(args, false); }
int runLimits(const CommandArgs &args) { return run(args, true); }

} // namespace ctl
