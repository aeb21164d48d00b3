// A scanner that reads only what the index keeps: top-level keys of each object are visited,
// the few nested ones the index needs (user, objectRef, responseStatus, annotations) entered,
// and everything else — request and response bodies above all — skipped by bracket matching.
// Keys are compared case-insensitively, so kube-apiserver's camelCase and KubeSphere's Go field
// names (AuditID, ObjectRef.Resource, ResponseStatus.code) take the same path.
#include "kubeclient/audit/auditparser.h"

#include "kubeclient/audit/kubeevents.h"
#include "kubeclient/journal/journalformat.h"

#include <cstdio>
#include <cstring>
#include <limits>
#include <ctime>

namespace kube::audit {

const char *toString(SourceKind kind)
{
    switch (kind) {
    case SourceKind::KubeApiserver: return "kube-apiserver";
    case SourceKind::KubeSphere: return "kubesphere";
    case SourceKind::Journal: return "journal";
    case SourceKind::KubeEvents: return "events";
    }
    return "";
}

const char *toString(Decision decision)
{
    switch (decision) {
    case Decision::Allowed: return "allowed";
    case Decision::Denied: return "denied";
    case Decision::Unknown: break;
    }
    return "";
}

const char *toString(Stage stage)
{
    switch (stage) {
    case Stage::RequestReceived: return "RequestReceived";
    case Stage::ResponseStarted: return "ResponseStarted";
    case Stage::ResponseComplete: return "ResponseComplete";
    case Stage::Panic: return "Panic";
    case Stage::Unknown: break;
    }
    return "";
}

const char *toString(Level level)
{
    switch (level) {
    case Level::None: return "None";
    case Level::Metadata: return "Metadata";
    case Level::Request: return "Request";
    case Level::RequestResponse: return "RequestResponse";
    case Level::Unknown: break;
    }
    return "";
}

Stage stageFromString(const std::string &t)
{
    if (t == "ResponseComplete") return Stage::ResponseComplete;
    if (t == "ResponseStarted") return Stage::ResponseStarted;
    if (t == "RequestReceived") return Stage::RequestReceived;
    if (t == "Panic") return Stage::Panic;
    return Stage::Unknown;
}

Level levelFromString(const std::string &t)
{
    if (t == "Metadata") return Level::Metadata;
    if (t == "RequestResponse") return Level::RequestResponse;
    if (t == "Request") return Level::Request;
    if (t == "None") return Level::None;
    return Level::Unknown;
}

namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

bool digits(std::string_view s, size_t at, size_t n, int &out)
{
    if (at + n > s.size())
        return false;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool eqNoCase(std::string_view a, const char *b)
{
    const size_t n = std::strlen(b);
    if (a.size() != n)
        return false;
    for (size_t i = 0; i < n; ++i) {
        char c = a[i], d = b[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (d >= 'A' && d <= 'Z')
            d = char(d - 'A' + 'a');
        if (c != d)
            return false;
    }
    return true;
}

// A cursor over JSON text that validates structure only as far as it reads.
class Scanner
{
public:
    Scanner(const char *begin, const char *end) : p(begin), e(end) {}
    const char *p;
    const char *e;

    void ws()
    {
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            ++p;
    }
    bool at(char c)
    {
        ws();
        return p < e && *p == c;
    }
    // p at the opening quote; on success p after the closing one and `raw` the escaped content.
    bool string(std::string_view &raw)
    {
        if (p >= e || *p != '"')
            return false;
        const char *start = ++p;
        for (;;) {
            const char *q = static_cast<const char *>(std::memchr(p, '"', size_t(e - p)));
            if (!q) {
                p = e;  // unterminated: the text ends inside a string
                return false;
            }
            const char *b = q;
            while (b > start && b[-1] == '\\')
                --b;
            p = q + 1;
            if (((q - b) & 1) == 0) {
                raw = std::string_view(start, size_t(q - start));
                return true;
            }
        }
    }
    bool skipString()
    {
        std::string_view ignored;
        return string(ignored);
    }
    // Skips one value of any type; objects and arrays by bracket matching (strings respected).
    bool skipValue()
    {
        ws();
        if (p >= e)
            return false;
        const char c = *p;
        if (c == '"')
            return skipString();
        if (c == '{' || c == '[') {
            int depth = 0;
            while (p < e) {
                const char d = *p;
                if (d == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                if (d == '{' || d == '[') {
                    ++depth;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        ++p;
                        return true;
                    }
                }
                ++p;
            }
            return false;
        }
        const char *start = p;
        while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
            ++p;
        const std::string_view lit(start, size_t(p - start));
        if (lit == "true" || lit == "false" || lit == "null")
            return true;
        if (lit.empty())
            return false;
        for (char ch : lit)
            if (!((ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '.' || ch == 'e' || ch == 'E'))
                return false;
        return true;
    }
    // Visits each key of the object at p; `visit(key, scanner)` must consume the value (return
    // false on a malformed value). p ends after the closing brace.
    template <typename F>
    bool object(F &&visit)
    {
        ws();
        if (p >= e || *p != '{')
            return false;
        ++p;
        if (at('}')) {
            ++p;
            return true;
        }
        for (;;) {
            ws();
            std::string_view key;
            if (!string(key))
                return false;
            if (!at(':'))
                return false;
            ++p;
            ws();
            if (!visit(key))
                return false;
            ws();
            if (p >= e)
                return false;
            if (*p == ',') {
                ++p;
                continue;
            }
            if (*p == '}') {
                ++p;
                return true;
            }
            return false;
        }
    }
    template <typename F>
    bool array(F &&visit)
    {
        ws();
        if (p >= e || *p != '[')
            return false;
        ++p;
        if (at(']')) {
            ++p;
            return true;
        }
        for (;;) {
            ws();
            if (!visit())
                return false;
            ws();
            if (p >= e)
                return false;
            if (*p == ',') {
                ++p;
                continue;
            }
            if (*p == ']') {
                ++p;
                return true;
            }
            return false;
        }
    }
    // A string value (unescaped) or, for a non-string, skipped and left empty.
    bool stringValue(std::string &out)
    {
        out.clear();
        ws();
        if (p < e && *p == '"') {
            std::string_view raw;
            if (!string(raw))
                return false;
            unescape(raw, out);
            return true;
        }
        return skipValue();
    }
    bool intValue(int &out)
    {
        ws();
        const char *start = p;
        if (!skipValue())
            return false;
        // A status code has three digits; a number too large for an int is no code at all and
        // reads as 0 (unknown), like a value that is not a number.
        long long v = 0;
        bool any = false;
        for (const char *q = start; q < p && *q >= '0' && *q <= '9'; ++q) {
            v = v * 10 + (*q - '0');
            any = true;
            if (v > std::numeric_limits<int>::max()) {
                any = false;
                break;
            }
        }
        out = any ? int(v) : 0;
        return true;
    }

    static void appendUtf8(std::string &out, unsigned cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    static unsigned hex4(std::string_view s, size_t at)
    {
        unsigned v = 0;
        for (size_t i = at; i < at + 4 && i < s.size(); ++i) {
            const char c = s[i];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f') v |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= unsigned(c - 'A' + 10);
        }
        return v;
    }
    static void unescape(std::string_view raw, std::string &out)
    {
        if (raw.find('\\') == std::string_view::npos) {
            out.assign(raw.data(), raw.size());
            return;
        }
        out.clear();
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\' || i + 1 >= raw.size()) {
                out += raw[i];
                continue;
            }
            const char c = raw[++i];
            switch (c) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                unsigned cp = hex4(raw, i + 1);
                i += 4;
                if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < raw.size() + 0 && raw[i + 1] == '\\' && raw[i + 2] == 'u') {
                    const unsigned lo = hex4(raw, i + 3);
                    if (lo >= 0xDC00 && lo < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        i += 6;
                    }
                }
                appendUtf8(out, cp);
                break;
            }
            default: out += c; break;  // \" \\ \/
            }
        }
    }
};

bool readGroups(Scanner &s, std::vector<std::string> &groups)
{
    groups.clear();
    if (!s.at('['))
        return s.skipValue();
    return s.array([&] {
        std::string g;
        if (!s.stringValue(g))
            return false;
        groups.push_back(std::move(g));
        return true;
    });
}

bool readUser(Scanner &s, ScannedEvent &ev)
{
    if (!s.at('{'))
        return s.skipValue();
    return s.object([&](std::string_view key) {
        if (eqNoCase(key, "username"))
            return s.stringValue(ev.user);
        if (eqNoCase(key, "groups"))
            return readGroups(s, ev.groups);
        return s.skipValue();
    });
}

bool readObjectRef(Scanner &s, ScannedEvent &ev)
{
    if (!s.at('{'))
        return s.skipValue();
    return s.object([&](std::string_view key) {
        if (eqNoCase(key, "resource")) return s.stringValue(ev.resource);
        if (eqNoCase(key, "namespace")) return s.stringValue(ev.ns);
        if (eqNoCase(key, "name")) return s.stringValue(ev.name);
        if (eqNoCase(key, "apigroup")) return s.stringValue(ev.apiGroup);
        if (eqNoCase(key, "subresource")) return s.stringValue(ev.subresource);
        return s.skipValue();
    });
}

bool readStatus(Scanner &s, ScannedEvent &ev)
{
    if (!s.at('{'))
        return s.skipValue();
    return s.object([&](std::string_view key) {
        if (eqNoCase(key, "code"))
            return s.intValue(ev.code);
        return s.skipValue();
    });
}

bool readDecision(Scanner &s, ScannedEvent &ev)
{
    if (!s.at('{'))
        return s.skipValue();
    return s.object([&](std::string_view key) {
        if (key == "authorization.k8s.io/decision") {
            std::string v;
            if (!s.stringValue(v))
                return false;
            if (v == "allow")
                ev.decision = Decision::Allowed;
            else if (v == "forbid")
                ev.decision = Decision::Denied;
            return true;
        }
        return s.skipValue();
    });
}

// metadata.labels["kubesphere.io/workspace"] of a request or response body, when it has one.
bool readWorkspaceLabel(Scanner &s, std::string &workspace)
{
    if (!s.at('{'))
        return s.skipValue();
    return s.object([&](std::string_view key) {
        if (key != "metadata" || !s.at('{'))
            return s.skipValue();
        return s.object([&](std::string_view mkey) {
            if (mkey != "labels" || !s.at('{'))
                return s.skipValue();
            return s.object([&](std::string_view label) {
                if (label == "kubesphere.io/workspace" && workspace.empty())
                    return s.stringValue(workspace);
                return s.skipValue();
            });
        });
    });
}

void clear(ScannedEvent &ev)
{
    ev.source = SourceKind::KubeApiserver;
    ev.timeMs = 0;
    ev.stage = Stage::Unknown;
    ev.level = Level::Unknown;
    ev.decision = Decision::Unknown;
    ev.code = 0;
    ev.verb.clear();
    ev.user.clear();
    ev.resource.clear();
    ev.subresource.clear();
    ev.apiGroup.clear();
    ev.ns.clear();
    ev.name.clear();
    ev.workspace.clear();
    ev.groups.clear();
    ev.item = 0;
}

void settle(ScannedEvent &ev, const std::string &bodyWorkspace)
{
    if (ev.decision == Decision::Unknown && ev.code > 0)
        ev.decision = (ev.code == 401 || ev.code == 403) ? Decision::Denied : Decision::Allowed;
    if (ev.workspace.empty()) {
        // Workspace-scoped objects carry their workspace in their name or label.
        if (ev.apiGroup == "tenant.kubesphere.io" && (ev.resource == "workspaces" || ev.resource == "workspacetemplates"))
            ev.workspace = ev.name;
        else
            ev.workspace = bodyWorkspace;
    }
}

// Scans one journal record into one event per write.
bool scanJournal(Scanner &s, const char *objBegin, const char *lineBegin, std::vector<ScannedEvent> &out)
{
    std::int64_t timeMs = 0;
    std::string user;
    std::vector<std::string> groups;
    bool dryRun = false;
    std::vector<ScannedEvent> writes;
    const bool ok = s.object([&](std::string_view key) {
        if (key == "time") {
            std::string t;
            if (!s.stringValue(t))
                return false;
            parseRfc3339Ms(t, timeMs);
            return true;
        }
        if (key == "dryRun") {
            s.ws();
            dryRun = s.p < s.e && *s.p == 't';
            return s.skipValue();
        }
        if (key == "identity") {
            if (!s.at('{'))
                return s.skipValue();
            return s.object([&](std::string_view k) {
                if (k == "username") return s.stringValue(user);
                if (k == "groups") return readGroups(s, groups);
                return s.skipValue();
            });
        }
        if (key == "writes") {
            if (!s.at('['))
                return s.skipValue();
            return s.array([&] {
                ScannedEvent w;
                w.source = SourceKind::Journal;
                w.item = std::uint32_t(writes.size());
                const bool good = s.object([&](std::string_view k) {
                    if (k == "verb") return s.stringValue(w.verb);
                    if (k == "apiGroup") return s.stringValue(w.apiGroup);
                    if (k == "resource") return s.stringValue(w.resource);
                    if (k == "namespace") return s.stringValue(w.ns);
                    if (k == "name") return s.stringValue(w.name);
                    if (k == "code") return s.intValue(w.code);
                    return s.skipValue();
                });
                writes.push_back(std::move(w));
                return good;
            });
        }
        return s.skipValue();
    });
    if (!ok)
        return false;
    for (auto &w : writes) {
        w.timeMs = timeMs;
        w.user = user;
        w.groups = groups;
        w.stage = Stage::ResponseComplete;
        w.level = Level::Metadata;
        w.begin = size_t(objBegin - lineBegin);
        w.length = size_t(s.p - objBegin);
        // A dry run that the server refused was still refused; otherwise nothing was decided
        // by an authorizer we saw, except a 401/403.
        settle(w, {});
        (void)dryRun;
        out.push_back(std::move(w));
    }
    return true;
}

// BadTime: an event whose timestamps are all there but none is an RFC 3339 time; indexed at
// 1970 it would sit at the wrong end of every histogram.
enum class ObjectResult { Event, Batch, NotAudit, Malformed, BadTime };

// One object at s.p: an event, a batch of events or a journal record.
ObjectResult scanObject(Scanner &s, const char *lineBegin, std::vector<ScannedEvent> &out)
{
    const char *objBegin = s.p;
    // A first pass over the top-level keys decides the schema; it is cheap compared to the
    // bodies it skips, and the journal and batches are read differently.
    {
        Scanner peek(s.p, s.e);
        std::string kind;
        bool batch = false, capitalized = false, lower = false;
        const bool ok = peek.object([&](std::string_view key) {
            if (key == "kind")
                return peek.stringValue(kind);
            if (key == "Items" || key == "items")
                batch = true;
            else if (key == "AuditID" || key == "Verb")
                capitalized = true;
            else if (key == "auditID" || key == "verb")
                lower = true;
            return peek.skipValue();
        });
        if (!ok) {
            s.p = peek.p;  // where it broke: at the end means the text was cut short
            return ObjectResult::Malformed;
        }
        if (kind == journal::kRecordKind)
            return scanJournal(s, objBegin, lineBegin, out) ? ObjectResult::Event : ObjectResult::Malformed;
        // A Kubernetes Event of the cluster (kind Event without an audit event's verb): the
        // "events" source (audit/kubeevents), few enough to be parsed in full.
        if (kind == "Event" && !lower && !capitalized) {
            if (!s.skipValue())
                return ObjectResult::Malformed;
            const nlohmann::json object = nlohmann::json::parse(objBegin, s.p, nullptr, false);
            ScannedEvent ev;
            if (object.is_discarded() || !scanKubeEvent(object, ev))
                return ObjectResult::NotAudit;
            ev.begin = size_t(objBegin - lineBegin);
            ev.length = size_t(s.p - objBegin);
            out.push_back(std::move(ev));
            return ObjectResult::Event;
        }
        if (batch && (kind.empty() || kind == "EventList")) {
            size_t found = 0;
            bool good = s.object([&](std::string_view key) {
                if ((key == "Items" || key == "items") && s.at('[')) {
                    return s.array([&] {
                        s.ws();
                        const size_t before = out.size();
                        const ObjectResult r = scanObject(s, lineBegin, out);
                        found += out.size() - before;
                        return r != ObjectResult::Malformed;  // an item with bad times is dropped alone
                    });
                }
                return s.skipValue();
            });
            if (!good)
                return ObjectResult::Malformed;
            return found ? ObjectResult::Batch : ObjectResult::NotAudit;
        }
        if (!(capitalized || (lower && (kind.empty() || kind == "Event"))))
            return s.skipValue() ? ObjectResult::NotAudit : ObjectResult::Malformed;
    }

    ScannedEvent ev;
    clear(ev);
    std::string bodyWorkspace;
    std::int64_t stageMs = 0;
    bool badTime = false;
    bool kubesphere = false;
    const bool ok = s.object([&](std::string_view key) {
        if (eqNoCase(key, "verb")) return s.stringValue(ev.verb);
        if (eqNoCase(key, "user")) return readUser(s, ev);
        if (eqNoCase(key, "objectref")) return readObjectRef(s, ev);
        if (eqNoCase(key, "responsestatus")) return readStatus(s, ev);
        if (eqNoCase(key, "annotations")) return readDecision(s, ev);
        if (eqNoCase(key, "requestreceivedtimestamp") || eqNoCase(key, "stagetimestamp")) {
            std::string t;
            if (!s.stringValue(t))
                return false;
            std::int64_t ms = 0;
            if (parseRfc3339Ms(t, ms)) {
                if (eqNoCase(key, "stagetimestamp"))
                    stageMs = ms;
                else
                    ev.timeMs = ms;
            } else {
                badTime = true;
            }
            return true;
        }
        if (eqNoCase(key, "stage")) {
            std::string v;
            if (!s.stringValue(v))
                return false;
            ev.stage = stageFromString(v);
            return true;
        }
        if (eqNoCase(key, "level")) {
            std::string v;
            if (!s.stringValue(v))
                return false;
            ev.level = levelFromString(v);
            return true;
        }
        if (key == "Workspace") {
            kubesphere = true;
            return s.stringValue(ev.workspace);
        }
        if (key == "AuditID")
            kubesphere = true;
        if (eqNoCase(key, "requestobject") || eqNoCase(key, "responseobject")) {
            s.ws();
            if (s.p < s.e && *s.p == '{' && bodyWorkspace.empty())
                return readWorkspaceLabel(s, bodyWorkspace);
            return s.skipValue();
        }
        return s.skipValue();
    });
    if (!ok)
        return ObjectResult::Malformed;
    if (ev.verb.empty() && ev.user.empty())
        return ObjectResult::NotAudit;
    ev.source = kubesphere ? SourceKind::KubeSphere : SourceKind::KubeApiserver;
    if (ev.timeMs == 0)
        ev.timeMs = stageMs;
    if (ev.timeMs == 0 && badTime)
        return ObjectResult::BadTime;
    settle(ev, bodyWorkspace);
    ev.begin = size_t(objBegin - lineBegin);
    ev.length = size_t(s.p - objBegin);
    out.push_back(std::move(ev));
    return ObjectResult::Event;
}

} // namespace

bool parseRfc3339Ms(std::string_view t, std::int64_t &ms)
{
    int y, mo, d, h, mi, se;
    if (t.size() < 19 || !digits(t, 0, 4, y) || t[4] != '-' || !digits(t, 5, 2, mo) || t[7] != '-'
        || !digits(t, 8, 2, d) || (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || !digits(t, 11, 2, h)
        || t[13] != ':' || !digits(t, 14, 2, mi) || t[16] != ':' || !digits(t, 17, 2, se))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return false;
    size_t i = 19;
    int frac = 0;
    if (i < t.size() && t[i] == '.') {
        ++i;
        int n = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
            if (n < 3) {
                frac = frac * 10 + (t[i] - '0');
                ++n;
            }
            ++i;
        }
        if (n == 0)
            return false;
        while (n++ < 3)
            frac *= 10;
    }
    std::int64_t offsetMin = 0;
    if (i < t.size() && (t[i] == 'Z' || t[i] == 'z')) {
        ++i;
    } else if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
        int oh, om;
        if (!digits(t, i + 1, 2, oh) || i + 3 >= t.size() || t[i + 3] != ':' || !digits(t, i + 4, 2, om))
            return false;
        offsetMin = (t[i] == '+' ? 1 : -1) * (oh * 60 + om);
        i += 6;
    } else {
        return false;
    }
    if (i != t.size())
        return false;
    const std::int64_t days = daysFromCivil(y, unsigned(mo), unsigned(d));
    ms = ((days * 86400 + h * 3600 + mi * 60 + se) - offsetMin * 60) * 1000 + frac;
    return true;
}

std::string formatRfc3339Ms(std::int64_t ms)
{
    std::int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const int frac = int(ms - secs * 1000);
    const std::time_t tt = std::time_t(secs);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
    return buf;
}

bool scanLine(std::string_view line, std::vector<ScannedEvent> &out, std::string *why)
{
    Scanner s(line.data(), line.data() + line.size());
    const size_t before = out.size();
    bool any = false, nonAudit = false;
    for (;;) {
        s.ws();
        if (s.p >= s.e)
            break;
        if (*s.p != '{') {
            if (why)
                *why = any ? "text after the JSON object" : "not a JSON object";
            out.resize(before);
            return false;
        }
        const ObjectResult r = scanObject(s, line.data(), out);
        if (r == ObjectResult::BadTime) {
            if (why)
                *why = "requestReceivedTimestamp and stageTimestamp are not RFC 3339 times";
            out.resize(before);
            return false;
        }
        if (r == ObjectResult::Malformed) {
            if (why)
                *why = s.p >= s.e ? std::string("truncated JSON")
                                  : "malformed JSON at byte " + std::to_string(s.p - line.data() + 1);
            out.resize(before);
            return false;
        }
        if (r == ObjectResult::NotAudit)
            nonAudit = true;
        any = true;
    }
    if (any && out.size() == before && nonAudit) {
        if (why)
            *why = "JSON but not an audit event";
        return false;
    }
    return true;
}

// ---- full parse ----------------------------------------------------------------------------

namespace {

using nlohmann::json;

// The member of `o` whose key equals `name` ignoring case (Go field names vs camelCase).
const json *member(const json &o, const char *name)
{
    if (!o.is_object())
        return nullptr;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (eqNoCase(it.key(), name))
            return &it.value();
    return nullptr;
}

std::string str(const json &o, const char *name)
{
    const json *v = member(o, name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::vector<std::string> strings(const json *v)
{
    std::vector<std::string> out;
    if (v && v->is_array())
        for (const auto &x : *v)
            if (x.is_string())
                out.push_back(x.get<std::string>());
    return out;
}

// An HTTP status code: an integer in int's range, else 0 (unknown). A float or a huge number
// (the file is only text) must not reach a narrowing conversion.
int codeOf(const json *v)
{
    if (!v)
        return 0;
    if (v->is_number_unsigned())
        return v->get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<int>::max()) ? int(v->get<std::uint64_t>()) : 0;
    if (v->is_number_integer()) {
        const std::int64_t n = v->get<std::int64_t>();
        return n >= 0 && n <= std::numeric_limits<int>::max() ? int(n) : 0;
    }
    return 0;
}

bool boolOf(const json &o, const char *name)
{
    const json *v = member(o, name);
    return v && v->is_boolean() && v->get<bool>();
}

std::int64_t timeOf(const json &o, const char *name)
{
    std::int64_t ms = 0;
    parseRfc3339Ms(str(o, name), ms);
    return ms;
}

} // namespace

Result<AuditEvent> parseEvent(std::string_view text, std::uint32_t item)
{
    json o = json::parse(text.begin(), text.end(), nullptr, false);
    if (o.is_discarded() || !o.is_object())
        return Error::make(ErrorKind::Decode, "the event is not a JSON object");
    if (isKubeEvent(o))
        return kubeEventToAuditEvent(o);
    AuditEvent ev;
    if (str(o, "kind") == journal::kRecordKind) {
        ev.source = SourceKind::Journal;
        // Every field is read by its type: a line of the file is only text, and a number where a
        // string belongs must not throw out of the parser.
        const json *writes = member(o, "writes");
        if (!writes || !writes->is_array() || item >= writes->size())
            return Error::make(ErrorKind::Decode, "the journal record has no write " + std::to_string(item + 1));
        const json &w = (*writes)[item];
        ev.timeMs = timeOf(o, "time");
        if (const json *identity = member(o, "identity")) {
            ev.username = str(*identity, "username");
            ev.groups = strings(member(*identity, "groups"));
        }
        ev.verb = str(w, "verb");
        ev.apiGroup = str(w, "apiGroup");
        ev.apiVersion = str(w, "apiVersion");
        ev.resource = str(w, "resource");
        ev.ns = str(w, "namespace");
        ev.name = str(w, "name");
        ev.code = codeOf(member(w, "code"));
        ev.statusMessage = str(w, "message");
        ev.outcome = str(w, "outcome");
        ev.summary = str(o, "summary");
        ev.cluster = str(o, "cluster");
        ev.context = str(o, "context");
        ev.dryRun = boolOf(o, "dryRun");
        ev.stage = Stage::ResponseComplete;
        ev.level = Level::Metadata;
        if (ev.code > 0)
            ev.decision = (ev.code == 401 || ev.code == 403) ? Decision::Denied : Decision::Allowed;
        if (ev.apiGroup == "tenant.kubesphere.io" && (ev.resource == "workspaces" || ev.resource == "workspacetemplates"))
            ev.workspace = ev.name;
        ev.raw = std::move(o);
        return ev;
    }
    ev.source = o.contains("AuditID") || o.contains("Verb") ? SourceKind::KubeSphere : SourceKind::KubeApiserver;
    ev.auditId = str(o, "auditID");
    ev.stage = stageFromString(str(o, "stage"));
    ev.level = levelFromString(str(o, "level"));
    ev.verb = str(o, "verb");
    ev.requestUri = str(o, "requestURI");
    ev.userAgent = str(o, "userAgent");
    ev.sourceIps = strings(member(o, "sourceIPs"));
    if (const json *u = member(o, "user")) {
        ev.username = str(*u, "username");
        ev.groups = strings(member(*u, "groups"));
    }
    if (const json *u = member(o, "impersonatedUser"))
        ev.impersonatedUser = str(*u, "username");
    if (const json *r = member(o, "objectRef")) {
        ev.resource = str(*r, "resource");
        ev.subresource = str(*r, "subresource");
        ev.apiGroup = str(*r, "apiGroup");
        ev.apiVersion = str(*r, "apiVersion");
        ev.ns = str(*r, "namespace");
        ev.name = str(*r, "name");
    }
    if (const json *st = member(o, "responseStatus")) {
        ev.code = codeOf(member(*st, "code"));
        ev.statusMessage = str(*st, "message");
        if (ev.statusMessage.empty())
            ev.statusMessage = str(*st, "reason");
    }
    ev.timeMs = timeOf(o, "requestReceivedTimestamp");
    ev.stageTimeMs = timeOf(o, "stageTimestamp");
    if (ev.timeMs == 0)
        ev.timeMs = ev.stageTimeMs;
    if (const json *a = member(o, "annotations"); a && a->is_object()) {
        ev.annotations = *a;
        const std::string d = str(*a, "authorization.k8s.io/decision");
        ev.decision = d == "allow" ? Decision::Allowed : d == "forbid" ? Decision::Denied : Decision::Unknown;
        ev.decisionReason = str(*a, "authorization.k8s.io/reason");
    }
    if (ev.decision == Decision::Unknown && ev.code > 0)
        ev.decision = (ev.code == 401 || ev.code == 403) ? Decision::Denied : Decision::Allowed;
    if (const json *b = member(o, "requestObject"))
        ev.requestObject = *b;
    if (const json *b = member(o, "responseObject"))
        ev.responseObject = *b;
    ev.workspace = str(o, "Workspace");
    if (ev.workspace.empty()) {
        if (ev.apiGroup == "tenant.kubesphere.io" && (ev.resource == "workspaces" || ev.resource == "workspacetemplates"))
            ev.workspace = ev.name;
        for (const json *b : {&ev.requestObject, &ev.responseObject}) {
            if (!ev.workspace.empty() || !b->is_object())
                break;
            const json *metadata = member(*b, "metadata");
            if (const json *labels = metadata ? member(*metadata, "labels") : nullptr)
                ev.workspace = str(*labels, "kubesphere.io/workspace");
        }
    }
    ev.raw = std::move(o);
    return ev;
}

} // namespace kube::audit
