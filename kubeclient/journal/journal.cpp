// The journal writer. A record is built from the plan's data and the executor's report only:
// names, verbs, codes, outcomes — object bodies never enter it, and messages are scrubbed,
// because a Secret's data or a User's password would otherwise end up in a file that outlives
// the session.
#include "kubeclient/journal/journal.h"

#include "kubeclient/core/jsonfields.h"
#include "kubeclient/session/clusterconnection.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace kube::journal {

using nlohmann::json;
using tenancy::WriteAction;
using tenancy::WriteOutcome;

namespace {

std::string rfc3339Ms(std::int64_t ms)
{
    const std::time_t secs = std::time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms % 1000));
    return buf;
}

// The verb kube-apiserver's audit log records for the same request: server-side apply and
// merge patches are PATCH requests, so the journal and the audit log filter alike.
const char *verbOf(const tenancy::PlannedWrite &w)
{
    return w.action == WriteAction::Delete ? "delete" : "patch";
}

int codeOf(const tenancy::WriteResult &r)
{
    if (r.error)
        return r.error->httpCode();
    switch (r.outcome) {
    case WriteOutcome::Applied:
    case WriteOutcome::Patched:
    case WriteOutcome::Deleted: return 200;
    case WriteOutcome::AlreadyGone: return 404;
    default: return 0;
    }
}

bool mkdirs(const std::string &dir)
{
    if (dir.empty())
        return true;
    struct stat st{};
    if (::stat(dir.c_str(), &st) == 0)
        return S_ISDIR(st.st_mode);
    const size_t slash = dir.rfind('/');
    if (slash != std::string::npos && slash > 0 && !mkdirs(dir.substr(0, slash)))
        return false;
    return ::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST;
}

std::string lower(std::string s)
{
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

JournalContext contextOf(const session::ClusterConnection &connection)
{
    JournalContext c;
    c.cluster = connection.server();
    c.context = connection.contextName();
    if (const auto &me = connection.identity()) {
        c.username = me->username;
        c.groups = me->groups;
    }
    return c;
}

std::string journalPath()
{
    if (const char *env = std::getenv("TENANTRY_JOURNAL"); env && *env)
        return env;
    std::string base;
    if (const char *xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/')
        base = xdg;
    else if (const char *home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/share";
    else
        base = "/tmp";
    return base + "/tenantry/journal.jsonl";
}

std::string scrub(const std::string &message)
{
    std::string s = message;
    // PEM blocks, whole.
    for (size_t b; (b = s.find("-----BEGIN ")) != std::string::npos;) {
        size_t e = s.find("-----END ", b);
        e = e == std::string::npos ? s.size() : s.find("-----", e + 9);
        e = e == std::string::npos ? s.size() : e + 5;
        s.replace(b, e - b, "<redacted>");
    }
    // "Bearer X", and "password: X" / "token=X" / "secret X" style values.
    const char *const keys[] = {"bearer", "password", "passwd", "token", "secret", "apikey", "api-key", "key",
                                "authorization", "credential"};
    std::string low = lower(s);
    for (const char *key : keys) {
        const size_t klen = std::strlen(key);
        for (size_t at = low.find(key); at != std::string::npos; at = low.find(key, at + 1)) {
            // A whole word only ("keys" or "monkey" are not "key").
            if ((at > 0 && std::isalpha(static_cast<unsigned char>(low[at - 1])))
                || (at + klen < low.size() && std::isalpha(static_cast<unsigned char>(low[at + klen]))))
                continue;
            size_t v = at + klen;
            while (v < s.size() && (s[v] == '"' || s[v] == '\'' || s[v] == ' ' || s[v] == ':' || s[v] == '='))
                ++v;
            if (v == at + klen || v >= s.size())
                continue;
            size_t end = v;
            while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end])) && s[end] != '"' && s[end] != '\''
                   && s[end] != ',' && s[end] != '}' && s[end] != ';')
                ++end;
            if (end == v || s.compare(v, end - v, "<redacted>") == 0)
                continue;
            s.replace(v, end - v, "<redacted>");
            low = lower(s);
        }
    }
    // Long base64 runs with upper case and digits (tokens, keys): Kubernetes names are lower
    // case, so no object name is mistaken for one.
    std::string out;
    for (size_t i = 0; i < s.size();) {
        size_t j = i;
        bool upper = false, digit = false;
        while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '+' || s[j] == '/' || s[j] == '='
                                || s[j] == '_' || s[j] == '-')) {
            upper |= std::isupper(static_cast<unsigned char>(s[j])) != 0;
            digit |= std::isdigit(static_cast<unsigned char>(s[j])) != 0;
            ++j;
        }
        if (j > i && j - i >= 32 && upper && digit) {
            out += "<redacted>";
        } else {
            out.append(s, i, j - i);
            if (j < s.size())
                out += s[j];
            ++j;
        }
        i = j;
    }
    return out;
}

json makeRecord(const JournalContext &context, const tenancy::Plan &plan, const tenancy::PlanReport &report, bool dryRun,
                std::int64_t timeMs)
{
    if (timeMs == 0)
        timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                     .count();
    json writes = json::array();
    size_t done = 0, failed = 0;
    for (size_t i = 0; i < plan.writes.size(); ++i) {
        const tenancy::PlannedWrite &w = plan.writes[i];
        const tenancy::WriteResult *r = nullptr;
        for (const auto &res : report.results)
            if (res.index == i)
                r = &res;
        std::string outcome = "not written";
        std::string message;
        int code = 0;
        if (r) {
            outcome = r->outcome == WriteOutcome::Pending ? "not written" : tenancy::toString(r->outcome);
            code = codeOf(*r);
            if (r->error)
                message = scrub(r->error->status && !r->error->status->message.empty() ? r->error->status->message
                                                                                      : r->error->describe());
            if (r->outcome == WriteOutcome::Failed)
                ++failed;
            else if (r->outcome != WriteOutcome::Pending && r->outcome != WriteOutcome::Skipped)
                ++done;
        }
        writes.push_back({{"verb", verbOf(w)},
                          {"apiGroup", w.gvr.group},
                          {"apiVersion", w.gvr.version},
                          {"resource", w.gvr.resource},
                          {"namespace", w.ns},
                          {"name", w.name},
                          {"code", code},
                          {"outcome", outcome},
                          {"message", message}});
    }
    const bool allDone = failed == 0 && done == plan.writes.size();
    const char *outcome = allDone ? "succeeded" : done == 0 ? "failed" : "partial";
    return {{"kind", kRecordKind},
            {"apiVersion", kRecordApiVersion},
            {"time", rfc3339Ms(timeMs)},
            {"cluster", context.cluster},
            {"context", context.context},
            {"identity", {{"username", context.username}, {"groups", context.groups}}},
            {"summary", scrub(plan.summary())},
            {"dryRun", dryRun},
            {"outcome", outcome},
            {"writes", writes}};
}

Result<void> append(const std::string &path, const json &record)
{
    const size_t slash = path.rfind('/');
    if (slash != std::string::npos && slash > 0 && !mkdirs(path.substr(0, slash)))
        return Error::make(ErrorKind::Invalid, std::string("cannot create the journal's folder: ") + std::strerror(errno), path);
    // Read too: the last byte tells whether the previous writer finished its line.
    const int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::make(ErrorKind::Invalid, std::string("cannot open the journal: ") + std::strerror(errno), path);
    // A journal made by hand or an older version with wider permissions is narrowed.
    ::fchmod(fd, 0600);
    // Writers (threads, the GUI and tenantryctl) take turns: the torn-line check below reads the
    // last byte, which another writer's append could be halfway through (its line would then
    // look torn and this record would start with an empty line). Closing the file unlocks it.
    while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
    }
    std::string line = record.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    // A writer killed mid-line (or a full disk) leaves a last line without its newline. Readers
    // skip that torn line with a note; ending it here keeps it from swallowing this record.
    struct stat st {};
    char last = '\n';
    if (::fstat(fd, &st) == 0 && st.st_size > 0 && ::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
        line.insert(line.begin(), '\n');
    // One write(2) of the whole line: O_APPEND makes it land whole after any other writer's.
    const ssize_t n = ::write(fd, line.data(), line.size());
    const int writeErr = errno;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (n != ssize_t(line.size()))
        return Error::make(ErrorKind::Invalid,
                           std::string("cannot append to the journal: ") + (n < 0 ? std::strerror(writeErr) : "short write"), path);
    if (!synced)
        return Error::make(ErrorKind::Invalid, "the journal could not be synced to disk", path);
    return {};
}

Result<void> record(const JournalContext &context, const tenancy::Plan &plan, const tenancy::PlanReport &report, bool dryRun)
{
    return append(journalPath(), makeRecord(context, plan, report, dryRun));
}

Result<std::vector<nlohmann::json>> recentRecords(const std::string &path, const std::string &cluster, std::size_t max)
{
    std::vector<nlohmann::json> out;
    if (max == 0)
        return out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return out;
        return Error::make(ErrorKind::Invalid, std::string("cannot read the journal: ") + std::strerror(errno), path);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return Error::make(ErrorKind::Invalid, std::string("cannot read the journal: ") + std::strerror(err), path);
    }
    // Walk back block by block; `carry` holds the start of a line whose beginning lies in the
    // block before.
    constexpr off_t kBlock = 64 * 1024;
    off_t end = st.st_size;
    std::string carry;
    auto take = [&](std::string_view line) {
        if (line.empty() || out.size() >= max)
            return;
        auto record = nlohmann::json::parse(line, nullptr, false);
        if (!record.is_object() || stringField(record, "kind") != kRecordKind)
            return;
        if (!cluster.empty() && stringField(record, "cluster") != cluster)
            return;
        out.push_back(std::move(record));
    };
    while (end > 0 && out.size() < max) {
        const off_t begin = end > kBlock ? end - kBlock : 0;
        std::string block(static_cast<std::size_t>(end - begin), '\0');
        const ssize_t n = ::pread(fd, block.data(), block.size(), begin);
        if (n != ssize_t(block.size())) {
            const int err = errno;
            ::close(fd);
            return Error::make(ErrorKind::Invalid,
                               std::string("cannot read the journal: ") + (n < 0 ? std::strerror(err) : "short read"), path);
        }
        block += carry;
        std::size_t stop = block.size();
        for (std::size_t i = block.size(); i > 0 && out.size() < max; --i) {
            if (block[i - 1] != '\n')
                continue;
            take(std::string_view(block).substr(i, stop - i));
            stop = i - 1;
        }
        carry = block.substr(0, stop);
        end = begin;
    }
    if (end == 0)
        take(carry);  // the first line of the file
    ::close(fd);
    return out;
}

} // namespace kube::journal
