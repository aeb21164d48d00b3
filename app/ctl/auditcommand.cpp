// `tenantryctl audit`: the audit engine (kubeclient/audit) over files the user names and
// Tenantry's journal, filtered as the audit viewer filters, printed as a table, JSON, the
// original lines or CSV; -f keeps following the last file like tail -F.
#include "commandargs.h"
#include "commands.h"
#include "globalflags.h"

#include "kubeclient/audit/auditindex.h"
#include "kubeclient/audit/auditparser.h"
#include "kubeclient/journal/journal.h"
#include "kubeclient/session/tenancyfeed.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

namespace ctl {

namespace {

using kube::audit::AuditFilter;
using kube::audit::AuditIndex;
using kube::audit::AuditRowText;
using kube::audit::RowId;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// "90s", "15m", "2h", "7d", "1h30m" → ms; false when it is not a duration.
bool parseDuration(const std::string &s, std::int64_t &ms)
{
    if (s.empty())
        return false;
    std::int64_t total = 0;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        std::int64_t n = 0;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9')
            n = n * 10 + (s[j++] - '0');
        if (j == i || j >= s.size())
            return false;
        std::int64_t unit = 0;
        switch (s[j]) {
        case 's': unit = 1000; break;
        case 'm': unit = 60 * 1000; break;
        case 'h': unit = 3600 * 1000; break;
        case 'd': unit = 86400 * 1000; break;
        default: return false;
        }
        total += n * unit;
        i = j + 1;
    }
    ms = total;
    return true;
}

// --since: a duration back from now, or a time; --until: a time. The flag is named on error.
bool parseTime(const std::string &flag, const std::string &value, bool durationAllowed, std::int64_t &ms,
               std::string &error)
{
    std::int64_t d = 0;
    if (durationAllowed && parseDuration(value, d)) {
        ms = nowMs() - d;
        return true;
    }
    if (kube::audit::parseRfc3339Ms(value, ms))
        return true;
    if (value.size() == 10 && kube::audit::parseRfc3339Ms(value + "T00:00:00Z", ms))
        return true;
    error = flag + " \"" + value + "\" is neither " + (durationAllowed ? "a duration (30s, 15m, 2h, 7d) nor " : "")
        + "a time (2024-05-01T12:00:00Z or 2024-05-01)";
    return false;
}

std::string resourceText(const AuditRowText &t)
{
    std::string r = t.resource;
    if (!t.subresource.empty())
        r += "/" + t.subresource;
    if (!t.apiGroup.empty() && !r.empty())
        r += "." + t.apiGroup;
    return r;
}

std::string objectText(const AuditRowText &t)
{
    if (t.ns.empty())
        return t.name;
    return t.name.empty() ? t.ns + "/" : t.ns + "/" + t.name;
}

std::vector<std::string> cells(const AuditRowText &t)
{
    auto orNone = [](const std::string &s) { return s.empty() ? std::string("<none>") : s; };
    return {kube::audit::formatRfc3339Ms(t.timeMs), orNone(t.user), orNone(t.verb), orNone(resourceText(t)),
            orNone(objectText(t)), t.code ? std::to_string(t.code) : std::string("<none>"), orNone(t.workspace)};
}

const std::vector<std::string> kHeaders = {"TIME", "USER", "VERB", "RESOURCE", "NAMESPACE/NAME", "CODE", "WORKSPACE"};

void printRow(const std::vector<std::string> &c, const std::vector<size_t> &widths)
{
    std::string line;
    for (size_t i = 0; i < c.size(); ++i) {
        line += c[i];
        if (i + 1 < c.size())
            line += std::string(widths[i] > c[i].size() ? widths[i] - c[i].size() + 3 : 3, ' ');
    }
    line += '\n';
    std::fputs(line.c_str(), stdout);
}

nlohmann::json rowJson(const AuditRowText &t)
{
    return {{"time", kube::audit::formatRfc3339Ms(t.timeMs)},
            {"source", kube::audit::toString(t.source)},
            {"user", t.user},
            {"groups", t.groups},
            {"verb", t.verb},
            {"apiGroup", t.apiGroup},
            {"resource", t.resource},
            {"subresource", t.subresource},
            {"namespace", t.ns},
            {"name", t.name},
            {"workspace", t.workspace},
            {"code", t.code},
            {"decision", kube::audit::toString(t.decision)},
            {"stage", kube::audit::toString(t.stage)},
            {"level", kube::audit::toString(t.level)},
            {"file", t.file}};
}

// Prints rows in the chosen format; `header` for the table's and CSV's first line.
void printRows(const AuditIndex &index, const std::vector<RowId> &rows, const std::string &output, bool header)
{
    if (output == "jsonl") {
        if (auto r = index.exportJsonLines(rows, std::cout); !r)
            std::fprintf(stderr, "error: %s\n", r.error().describe().c_str());
        return;
    }
    if (output == "csv") {
        if (header) {
            if (auto r = index.exportCsv(rows, std::cout); !r)
                std::fprintf(stderr, "error: %s\n", r.error().describe().c_str());
            return;
        }
        std::ostringstream buffer;
        (void)index.exportCsv(rows, buffer);
        const std::string text = buffer.str();
        std::fputs(text.substr(text.find('\n') + 1).c_str(), stdout);
        std::fflush(stdout);
        return;
    }
    if (output == "json") {
        // Followed rows are printed one JSON object per line; the first answer is one array.
        if (header) {
            nlohmann::json items = nlohmann::json::array();
            for (RowId id : rows)
                items.push_back(rowJson(index.rowText(id)));
            std::fputs((items.dump(2) + "\n").c_str(), stdout);
        } else {
            for (RowId id : rows)
                std::fputs((rowJson(index.rowText(id)).dump() + "\n").c_str(), stdout);
        }
        std::fflush(stdout);
        return;
    }
    // The table: widths from the rows themselves (two passes, nothing kept).
    std::vector<size_t> widths;
    for (const auto &h : kHeaders)
        widths.push_back(h.size());
    for (RowId id : rows) {
        const auto c = cells(index.rowText(id));
        for (size_t i = 0; i < c.size(); ++i)
            widths[i] = std::max(widths[i], c[i].size());
    }
    if (header)
        printRow(kHeaders, widths);
    for (RowId id : rows)
        printRow(cells(index.rowText(id)), widths);
    std::fflush(stdout);
}

void reportSkipped(const AuditIndex &index, size_t alreadyReported)
{
    const size_t count = index.skippedCount();
    if (count <= alreadyReported)
        return;
    std::string where;
    for (const auto &s : index.skipped(5))
        where += "\n  " + s.file + ":" + std::to_string(s.line) + ": " + s.why;
    std::fprintf(stderr, "warning: skipped %zu line%s that %s not audit events (first ones below)%s\n", count,
                 count == 1 ? "" : "s", count == 1 ? "is" : "are", where.c_str());
}

// namespace → workspace from the cluster's namespaces (their kubesphere.io/workspace labels),
// for events that do not carry their workspace. A failure is a note: the file is still read.
void loadWorkspaces(const CommandArgs &args, AuditIndex &index, bool needed)
{
    Connection connection;
    ConnectOptions options;
    if (!connect(args.globalFlags(), connection, options)) {
        std::fprintf(stderr, "%s: events are matched on their own Workspace only\n",
                     needed ? "warning: could not read the cluster's namespaces" : "note: no cluster to read namespaces from");
        return;
    }
    kube::session::LoadOptions load;
    load.kinds = {kube::tenancy::GraphKind::Namespace};
    auto loaded = kube::session::TenancyFeed::load(kube::session::feedSourceOf(*connection.cluster), load);
    if (!loaded) {
        std::fprintf(stderr, "warning: could not list namespaces (%s): events are matched on their own Workspace only\n",
                     loaded.error().describe().c_str());
        return;
    }
    std::map<std::string, std::string> map;
    loaded->snapshot.forEach(kube::tenancy::GraphKind::Namespace, [&](const std::string &key, const auto &) {
        const std::string ws = loaded->snapshot.workspaceOf(key);
        if (!ws.empty())
            map[key] = ws;
        return true;
    });
    index.setNamespaceWorkspaces(std::move(map));
}

} // namespace

int runAudit(const CommandArgs &args)
{
    if (!args.positional().empty())
        return usageError(args, "audit takes no arguments; name files with --file");
    std::vector<std::string> files = args.values("--file");
    const bool journal = args.on("--journal");
    if (files.empty() && !journal)
        return usageError(args, "give --file PATH (a kube-apiserver or KubeSphere audit log) or --journal: "
                                "Kubernetes has no API to find a cluster's audit log (kube-apiserver writes it where "
                                "its --audit-log-path says)");
    const std::string output = args.output().empty() ? "table" : args.output();
    if (output != "table" && output != "json" && output != "jsonl" && output != "csv")
        return usageError(args, "--output must be table, json, jsonl or csv, not \"" + output + "\"");

    AuditFilter filter;
    filter.workspace = args.value("--workspace");
    filter.ns = args.value("--namespace");
    filter.user = args.value("--user");
    filter.verb = args.value("--verb");
    filter.resource = args.value("--resource");
    filter.name = args.value("--name");
    filter.text = args.value("--grep");
    if (args.has("--code")) {
        const std::string c = args.value("--code");
        if (c.empty() || c.size() > 3 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            return usageError(args, "--code must be an HTTP status code such as 403, not \"" + c + "\"");
        filter.code = std::stoi(c);
    }
    if (args.on("--denied") && args.on("--allowed"))
        return usageError(args, "--denied and --allowed exclude each other");
    if (args.on("--denied"))
        filter.decision = kube::audit::Decision::Denied;
    if (args.on("--allowed"))
        filter.decision = kube::audit::Decision::Allowed;
    std::string error;
    std::int64_t t = 0;
    if (args.has("--since")) {
        if (!parseTime("--since", args.value("--since"), true, t, error))
            return usageError(args, error);
        filter.sinceMs = t;
    }
    if (args.has("--until")) {
        if (!parseTime("--until", args.value("--until"), false, t, error))
            return usageError(args, error);
        filter.untilMs = t;
    }

    AuditIndex index;
    if (!args.on("--offline") && (!filter.workspace.empty() || output == "table"))
        loadWorkspaces(args, index, !filter.workspace.empty());

    kube::audit::IndexOptions options;
    options.rotatedBackups = !args.on("--no-rotated");
    if (!files.empty()) {
        if (auto r = index.index(files, options); !r) {
            std::fprintf(stderr, "error: %s\n", r.error().describe().c_str());
            return 1;
        }
    }
    if (journal) {
        const std::string path = kube::journal::journalPath();
        struct stat st{};
        if (::stat(path.c_str(), &st) != 0) {
            if (files.empty()) {
                std::fprintf(stderr, "error: %s: no journal yet (Tenantry writes one when it applies or dry-runs a "
                                     "plan)\n", path.c_str());
                return 1;
            }
        } else {
            kube::audit::IndexOptions journalOptions;
            journalOptions.rotatedBackups = false;
            if (auto r = index.index({path}, journalOptions); !r) {
                std::fprintf(stderr, "error: %s\n", r.error().describe().c_str());
                return 1;
            }
        }
    }
    reportSkipped(index, 0);
    const std::vector<RowId> rows = index.query(filter);
    if (rows.empty() && !args.on("--follow") && output == "table")
        std::fprintf(stderr, "No audit events found\n");
    else
        printRows(index, rows, output, true);
    if (!args.on("--follow"))
        return 0;

    // Follow the last --file (or the journal when only it was named) until interrupted.
    size_t skippedSeen = index.skippedCount();
    kube::audit::FollowOptions follow;
    follow.notice = [](const std::string &m) { std::fprintf(stderr, "note: %s\n", m.c_str()); };
    follow.appended = [&](RowId from, RowId) {
        std::vector<RowId> fresh;
        for (RowId id : index.query(filter))
            if (id >= from)
                fresh.push_back(id);
        printRows(index, fresh, output, false);
        if (index.skippedCount() > skippedSeen) {
            reportSkipped(index, skippedSeen);
            skippedSeen = index.skippedCount();
        }
    };
    auto r = index.follow(follow, files.empty() ? kube::journal::journalPath() : files.back());
    if (!r) {
        std::fprintf(stderr, "error: %s\n", r.error().describe().c_str());
        return 1;
    }
    return 0;
}

} // namespace ctl
